"""``songngu glossary ...``: import, export, match, list and version from the shell.

The commands work on the instance database (``SONGNGU_DATABASE_URL`` or the
instance folder), the same one the desk serves.
"""

from __future__ import annotations

import functools
import getpass
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from sqlalchemy.exc import SQLAlchemyError

from glossary.entries import DOMAINS, KINDS, STATUSES
from glossary.errors import GlossaryError
from glossary.io import FORMATS, export_termbase, import_file
from glossary.termbase import Termbase
from translate.config import load_settings
from translate.desk.database import open_database

F = TypeVar("F", bound=Callable[..., Any])


def _termbase() -> Termbase:
    """The termbase in the instance database, migrated and seeded on first use as for every entry point."""
    return Termbase(open_database(load_settings()).sessionmaker)


def _friendly(fn: F) -> F:
    """One-line errors and a non-zero exit instead of a traceback."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except GlossaryError as exc:
            raise click.ClickException(" ".join(str(exc).split())) from None
        except SQLAlchemyError as exc:
            reason = getattr(exc, "orig", None) or exc
            raise click.ClickException(f"database error: {' '.join(str(reason).split())}") from None
        except OSError as exc:
            raise click.ClickException(f"{exc.filename or ''}: {exc.strerror or exc}".lstrip(": ")) from None

    return wrapper  # type: ignore[return-value]


def _default_user() -> str:
    try:
        return os.environ.get("SONGNGU_USER") or getpass.getuser()
    except Exception:  # no login name in some containers
        return "cli"


@click.group("glossary")
def glossary() -> None:
    """Manage the termbase: import, export, match, list."""


@glossary.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(FORMATS), help="Default: from the file extension.")
@click.option("--status", type=click.Choice(["approved", "proposed"]), default="approved", show_default=True)
@click.option("--user", default=None, help="Recorded in the history. Default: $SONGNGU_USER or your login.")
@_friendly
def import_cmd(file: Path, fmt: str | None, status: str, user: str | None) -> None:
    """Import a glossary file (CSV in the seed's format, or TBX); all entries or none."""
    report = import_file(_termbase(), file, user=user or _default_user(), fmt=fmt, status=status)
    click.echo(
        f"imported {file.name}: {report.created} created, {report.updated} updated, "
        f"{report.unchanged} unchanged; glossary version {report.version}"
    )


@glossary.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), required=True)
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: standard output."
)
@click.option(
    "--status",
    "statuses",
    type=click.Choice(STATUSES),
    multiple=True,
    help="Entries to export (repeatable). Default: approved.",
)
@_friendly
def export_cmd(fmt: str, output: Path | None, statuses: tuple[str, ...]) -> None:
    """Export the glossary as CSV or TBX."""
    data = export_termbase(_termbase(), fmt, statuses=statuses or ("approved",))
    if output is None:
        click.echo(data, nl=False)  # bytes go to the binary stream untouched
    else:
        output.write_bytes(data)
        click.echo(f"wrote {output}", err=True)


@glossary.command("match")
@click.argument("text")
@click.option("--src", type=click.Choice(["vi", "en"]), required=True, help="Language of TEXT.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line.")
@_friendly
def match_cmd(text: str, src: str, as_json: bool) -> None:
    """Show which approved terms TEXT contains, where, and what they must become."""
    tgt = "en" if src == "vi" else "vi"
    matches = _termbase().matcher(src, tgt).find(text)
    if as_json:
        for m in matches:
            click.echo(json.dumps(m.to_dict(), ensure_ascii=False))
        return
    if not matches:
        click.echo("no glossary terms found")
        return
    for m in matches:
        line = f"{m.start}-{m.end}\t{m.text}\tentry {m.entry_id} ({m.kind})\t-> {' | '.join(m.targets)}"
        if m.forbidden:
            line += f"\tnot: {' | '.join(m.forbidden)}"
        click.echo(line)


@glossary.command("list")
@click.option("--status", type=click.Choice(STATUSES))
@click.option("--domain", type=click.Choice(DOMAINS))
@click.option("--kind", type=click.Choice(KINDS))
@click.option("--query", "-q", help="Find a form on either side (tone, case and NFD insensitive).")
@_friendly
def list_cmd(status: str | None, domain: str | None, kind: str | None, query: str | None) -> None:
    """List entries: id, status, domain, kind, vi, en."""
    for e in _termbase().list(status=status, domain=domain, kind=kind, query=query):
        click.echo(f"{e.id}\t{e.status}\t{e.domain}\t{e.kind}\t{e.vi}\t{e.en}")


@glossary.command("version")
@_friendly
def version_cmd() -> None:
    """Print the glossary version that machine output records."""
    click.echo(str(_termbase().version))
