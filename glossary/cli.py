"""``songngu glossary ...``: import, export, match, list and version from the shell.

The main CLI adds this group with ``main.add_command(glossary)``. Commands get
their database through :func:`get_session_factory`, looked up at call time, so
the application (or a test) can replace it.
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
from platformdirs import user_data_path
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import sessionmaker

from glossary.db import Base, make_engine, make_sessionmaker
from glossary.entries import DOMAINS, KINDS, STATUSES
from glossary.errors import GlossaryError
from glossary.io import FORMATS, export_termbase, import_file, load_seed_if_empty
from glossary.termbase import Termbase

F = TypeVar("F", bound=Callable[..., Any])


def database_url() -> str:
    """``SONGNGU_DATABASE_URL``, else SQLite in the instance folder (as ``translate.config`` does)."""
    url = os.environ.get("SONGNGU_DATABASE_URL")
    if url:
        return url
    instance = os.environ.get("SONGNGU_INSTANCE")
    folder = Path(instance).expanduser() if instance else user_data_path("songngu", appauthor=False)
    return f"sqlite:///{folder / 'songngu.db'}"


_provider: Callable[[], sessionmaker] | None = None


def use_session_factory(provider: Callable[[], sessionmaker] | None) -> None:
    """Let the application supply the database (migrated by Alembic) instead of the standalone default."""
    global _provider
    _provider = provider


def get_session_factory() -> sessionmaker:
    """A session factory for the configured database, with tables created and the seed loaded on first use.

    The ``songngu`` CLI registers its migrated database with :func:`use_session_factory`;
    the ``create_all`` fallback only serves this group used as a standalone library.
    """
    if _provider is not None:
        return _provider()
    engine = make_engine(database_url())
    Base.metadata.create_all(engine)
    factory = make_sessionmaker(engine)
    load_seed_if_empty(factory)
    return factory


def _termbase() -> Termbase:
    return Termbase(get_session_factory())


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
