"""``songngu db``: the schema, migrated by Alembic."""

from __future__ import annotations

import tempfile

import click

from translate.config import load_settings
from translate.desk.database import Database, alembic_config


@click.group("db", help="Database schema.")
def db() -> None:
    pass


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest (the server also does this on start)."""
    settings = load_settings()
    database = Database(settings.database_url)
    try:
        database.upgrade()
        rev = database.current_revision()
    finally:
        database.close()
    click.echo(f"database {Database.safe_url(settings.database_url)} is at revision {rev}")


@db.command("revision")
@click.option("-m", "--message", required=True, help="What the schema change is.")
def db_revision(message: str) -> None:
    """(Developers) Write a migration for table changes, diffed against a scratch database at head."""
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        scratch = Database(f"sqlite:///{tmp}/scratch.db")
        try:
            scratch.upgrade()
            with scratch.engine.begin() as conn:
                cfg = alembic_config(scratch.url, conn)
                script = command.revision(cfg, message=message, autogenerate=True)
        finally:
            scratch.close()
    path = getattr(script, "path", None)
    click.echo(f"wrote {path}: review it, then run `ruff check` and the migration tests")
