"""The seed glossary's CSV format, read and written exactly.

Columns ``id, domain, kind, vi, en, vi_variants, en_variants, en_forbidden,
note``; lists are ``|``-separated. A ``vi_forbidden`` column is accepted and
written only when some entry needs it, so the seed round-trips byte for byte.
Reading never half-succeeds: every problem is collected with its line number
and the caller refuses the whole file.

Exports are opened in spreadsheets, so a cell that a spreadsheet would run as a
formula (``=``, ``+``, ``-``, ``@``, tab, carriage return first) is written with
a leading ``'`` (OWASP's advice against CSV injection), and reading removes
exactly that ``'`` again: a term that really starts with ``-`` survives the trip.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable

from glossary.entries import LIST_SEPARATOR, RawEntry, TermEntry
from glossary.errors import ImportFormatError, ImportProblem

SEED_COLUMNS = ("id", "domain", "kind", "vi", "en", "vi_variants", "en_variants", "en_forbidden", "note")
OPTIONAL_COLUMNS = ("vi_forbidden",)
_LIST_COLUMNS = ("vi_variants", "en_variants", "en_forbidden", "vi_forbidden")
FORMULA_TRIGGERS = frozenset({"=", "+", "-", "@", "\t", "\r"})
# What XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def neutralize_formula(cell: str) -> str:
    """``cell`` as a spreadsheet shows it as text instead of running it: ``=SUM(A1)`` -> ``'=SUM(A1)``.

    A cell that already begins with quotes before a trigger gets one more quote,
    so :func:`restore_formula` undoes this exactly for every string.
    """
    return "'" + cell if cell.lstrip("'")[:1] in FORMULA_TRIGGERS else cell


def restore_formula(cell: str) -> str:
    """The inverse of :func:`neutralize_formula`: drop the one ``'`` it added, nothing else."""
    return cell[1:] if cell[:1] == "'" and cell.lstrip("'")[:1] in FORMULA_TRIGGERS else cell


def storable_text(value: str) -> str:
    """``value`` without the characters an export cannot carry (XML 1.0 has no NUL or control characters).

    New entries refuse them; rows stored before that rule must still export, so
    they are dropped here rather than failing the whole export.
    """
    return _NOT_TEXT.sub("", value)


def decode_utf8(data: bytes, source: str = "") -> str:
    """UTF-8 text (a BOM is dropped); other encodings are refused with the offending line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportFormatError(
            [
                ImportProblem(
                    f"not UTF-8 (byte 0x{data[exc.start]:02x}); save the file as UTF-8 and try again",
                    line=line,
                )
            ],
            source=source,
        ) from None
    return text.removeprefix("\ufeff")


def parse_csv(data: bytes | str, source: str = "") -> list[RawEntry]:
    """Rows of a glossary CSV as unvalidated entries, each with its line number."""
    text = decode_utf8(data, source) if isinstance(data, bytes) else data.removeprefix("\ufeff")
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    problems: list[ImportProblem] = []
    records: list[RawEntry] = []
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise ImportFormatError([ImportProblem(f"unreadable header: {exc}", line=1)], source=source) from None
    if header is None:
        raise ImportFormatError([ImportProblem("the file is empty", line=1)], source=source)
    columns = [h.strip() for h in header]
    missing = [c for c in SEED_COLUMNS if c not in columns]
    unknown = [c for c in columns if c not in SEED_COLUMNS and c not in OPTIONAL_COLUMNS]
    repeated = sorted({c for c in columns if columns.count(c) > 1})
    if missing or unknown or repeated:
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if unknown:
            parts.append(f"unknown column(s) {', '.join(unknown)}")
        if repeated:
            parts.append(f"repeated column(s) {', '.join(repeated)}")
        expected = ",".join(SEED_COLUMNS)
        raise ImportFormatError(
            [ImportProblem(f"{'; '.join(parts)} (expected header: {expected})", line=1)], source=source
        )
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader, None)
        except csv.Error as exc:
            problems.append(ImportProblem(f"malformed CSV: {exc}", line=line))
            break
        if row is None:
            break
        if not row or all(not cell.strip() for cell in row):
            continue
        if len(row) != len(columns):
            problems.append(ImportProblem(f"expected {len(columns)} fields, found {len(row)}", line=line))
            continue
        values = dict(zip(columns, (restore_formula(cell) for cell in row), strict=True))
        external_id = values.pop("id").strip() or None
        records.append(RawEntry(fields=values, external_id=external_id, line=line))
    if problems:
        raise ImportFormatError(problems, source=source)
    return records


def export_order(entry: TermEntry) -> tuple:
    ext = entry.external_id
    if ext is not None and ext.isdigit():
        return (0, int(ext), "", entry.id)
    return (1, 0, ext or "", entry.id)


def export_ids(entries: Iterable[TermEntry]) -> dict[int, str]:
    """The id each entry is written with: its external id, else its own number (if not taken)."""
    entries = list(entries)
    taken = {e.external_id for e in entries if e.external_id}
    ids = {}
    for e in entries:
        if e.external_id:
            ids[e.id] = e.external_id
        else:
            ids[e.id] = str(e.id) if str(e.id) not in taken else f"local-{e.id}"
    return ids


def export_csv(entries: Iterable[TermEntry]) -> str:
    """Entries in the seed's CSV format, ordered by id, lists joined with ``|``, formulas neutralized."""
    entries = sorted(entries, key=export_order)
    ids = export_ids(entries)
    columns = list(SEED_COLUMNS)
    if any(e.vi_forbidden for e in entries):
        columns.insert(columns.index("en_forbidden") + 1, "vi_forbidden")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for e in entries:
        row = []
        for col in columns:
            if col == "id":
                row.append(ids[e.id])
            elif col in _LIST_COLUMNS:
                row.append(LIST_SEPARATOR.join(getattr(e, col)))
            else:
                row.append(getattr(e, col))
        writer.writerow([neutralize_formula(storable_text(cell)) for cell in row])
    return out.getvalue()
