"""Glossary import/export in CSV or TBX, and loading the shipped seed on first start.

An import is all or nothing: the file is parsed and every entry validated
before anything is written, and the writes share one transaction, so a
refused file leaves the termbase (and its version) exactly as it was.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from glossary.bulk_import import ImportReport
from glossary.csv_io import export_csv, parse_csv
from glossary.entries import STATUSES, RawEntry, TermEntry
from glossary.errors import DuplicateEntryError, GlossaryError, ImportFormatError, ImportProblem
from glossary.tbx import export_tbx, parse_tbx
from glossary.termbase import Termbase

FORMATS = ("csv", "tbx")
MAX_IMPORT_BYTES = 50 * 1024 * 1024
SEED_PATH = Path(__file__).resolve().parent / "data" / "seed-glossary.csv"
_EXTENSIONS = {".csv": "csv", ".tbx": "tbx", ".xml": "tbx"}


def detect_format(path: str | os.PathLike) -> str:
    """The format implied by a file name, for when the user did not say."""
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        raise GlossaryError(f"cannot tell the format of {Path(path).name}; pass --format csv or --format tbx")
    return fmt


def parse_records(data: bytes, fmt: str, source: str = "") -> list[RawEntry]:
    """Entries of a CSV or TBX file, unvalidated; structural problems refuse the file."""
    if fmt not in FORMATS:
        raise GlossaryError(f"unknown glossary format {fmt!r} (expected {', '.join(FORMATS)})")
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportFormatError(
            [ImportProblem(f"the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")], source=source
        )
    return parse_csv(data, source) if fmt == "csv" else parse_tbx(data, source)


def import_bytes(
    termbase: Termbase, data: bytes, fmt: str, *, user: str, status: str = "approved", source: str = ""
) -> ImportReport:
    """Import a whole file's content, or refuse it and change nothing."""
    records = parse_records(data, fmt, source)
    return termbase.import_entries(records, user=user, status=status, source=source)


def import_file(
    termbase: Termbase,
    path: str | os.PathLike,
    *,
    user: str,
    fmt: str | None = None,
    status: str = "approved",
) -> ImportReport:
    path = Path(path)
    fmt = fmt or detect_format(path)
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise ImportFormatError(
                [ImportProblem(f"the file is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB")],
                source=path.name,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise GlossaryError(f"cannot read {path}: {exc.strerror or exc}") from None
    return import_bytes(termbase, data, fmt, user=user, status=status, source=path.name)


def export_entries(entries: list[TermEntry], fmt: str) -> bytes:
    if fmt == "csv":
        return export_csv(entries).encode("utf-8")
    if fmt == "tbx":
        return export_tbx(entries)
    raise GlossaryError(f"unknown glossary format {fmt!r} (expected {', '.join(FORMATS)})")


def export_termbase(termbase: Termbase, fmt: str, *, statuses: tuple[str, ...] = ("approved",)) -> bytes:
    """The chosen entries (approved ones by default) as CSV or TBX bytes."""
    bad = [s for s in statuses if s not in STATUSES]
    if bad:
        raise GlossaryError(f"unknown status(es) {', '.join(bad)} (expected {', '.join(STATUSES)})")
    return export_entries(termbase.list(status=statuses), fmt)


def load_seed_if_empty(db: Session | sessionmaker | Termbase, *, user: str = "seed") -> int:
    """Load the shipped seed glossary as approved entries when the termbase has none; returns how many.

    Called on first start. Two processes starting together may race; the
    loser finds the seed already there.
    """
    termbase = db if isinstance(db, Termbase) else Termbase(db)
    if termbase.count() > 0:
        return 0
    try:
        report = import_bytes(
            termbase, SEED_PATH.read_bytes(), "csv", user=user, status="approved", source=SEED_PATH.name
        )
    except (DuplicateEntryError, OperationalError):
        if termbase.count() > 0:
            return 0
        raise
    return report.created
