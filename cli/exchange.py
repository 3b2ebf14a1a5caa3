"""``songngu xliff`` and ``songngu tmx``: an article or the whole memory in and out of other CAT tools.

The command line is the server's operator (admin rights); an XLIFF import is
recorded under the account named by ``--user``, so the segments' history says
who translated them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from cli.accounts import OPERATOR, open_desk
from translate.desk import Desk, UserView
from translate.desk.exchange.xliff import VERSIONS
from translate.errors import InputError


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
    else:
        output.write_bytes(data)
        click.echo(f"wrote {output} ({len(data):,} bytes)", err=True)


def _account(desk: Desk, name: str) -> UserView:
    for user in desk.accounts.list_users():
        if user.name == name and (active := desk.accounts.get_user(user.id)) is not None:
            return active
    raise InputError(f"no active account named {name!r}; see `songngu users list`")


@click.group("xliff", help="Export an article as XLIFF for another CAT tool, and import the translations back.")
def xliff() -> None:
    pass


@xliff.command("export")
@click.argument("doc_id", type=int)
@click.option("--version", "version", type=click.Choice(VERSIONS), default="2.1", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: standard output.")
def xliff_export(doc_id: int, version: str, output: Path | None) -> None:
    with open_desk() as desk:
        _write(desk.exchange.export_xliff(OPERATOR, doc_id, version), output)


@xliff.command("import")
@click.argument("doc_id", type=int)
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--user", required=True, help="The translator (or admin) account the edits are recorded under.")
def xliff_import(doc_id: int, file: Path, user: str) -> None:
    """Save the file's changed translations; segments changed on the desk since the export are listed, not applied."""
    with open_desk() as desk:
        report = desk.exchange.import_xliff(_account(desk, user), doc_id, file.read_bytes())
    click.echo(f"updated {report['updated']}, unchanged {report['unchanged']}, stale {len(report['stale'])}")
    for stale in report["stale"]:
        click.echo(f"stale: {stale['message']}", err=True)
    if report["stale"]:
        sys.exit(2)


@click.group("tmx", help="Export or import the translation memory as TMX 1.4b.")
def tmx() -> None:
    pass


@tmx.command("export")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: standard output.")
def tmx_export(output: Path | None) -> None:
    with open_desk() as desk:
        _write(desk.exchange.export_tmx(OPERATOR), output)


@tmx.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def tmx_import(file: Path) -> None:
    """All or nothing; units already in the memory (or repeated in the file) are merged."""
    with open_desk() as desk:
        report = desk.exchange.import_tmx(OPERATOR, file.read_bytes())
    click.echo(json.dumps(report))
