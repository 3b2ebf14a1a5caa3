"""Service commands: users, API tokens, database migrations and the job worker.

``register(main)`` adds them to the ``songngu`` command group; run as
``python -m translate.service_cli`` they work on their own too. Passwords never
have a default: they come from a prompt (typed twice) or from a file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from translate.errors import SongnguError


def _fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(1)


def _desk():
    from translate.desk import Desk

    return Desk()


@click.group("users", help="Manage user accounts (roles: editor, translator, admin).")
def users() -> None:
    pass


@users.command("create")
@click.option("--name", required=True, help="Sign-in name (no spaces).")
@click.option("--role", required=True, type=click.Choice(["editor", "translator", "admin"]))
@click.option("--password-file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the password from the first line of this file instead of prompting.")
def users_create(name: str, role: str, password_file: Path | None) -> None:
    """Create a user; prompts for the password unless --password-file is given."""
    if password_file is not None:
        lines = password_file.read_text(encoding="utf-8").splitlines()
        password = lines[0] if lines else ""
        if not password:
            _fail(SongnguError(f"{password_file} is empty: its first line must be the password"))
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        desk = _desk()
        try:
            user = desk.create_user(name, role, password)
        finally:
            desk.close()
    except SongnguError as exc:
        _fail(exc)
    click.echo(f"created {user.role} {user.name!r} (id {user.id})")


@users.command("list")
def users_list() -> None:
    try:
        desk = _desk()
        try:
            rows = desk.list_users()
        finally:
            desk.close()
    except SongnguError as exc:
        _fail(exc)
    if not rows:
        click.echo("no users yet: create the first admin with `songngu users create --name NAME --role admin`")
        return
    for u in rows:
        click.echo(f"{u.id:>4}  {u.role:<10}  {u.name}")


@click.group("tokens", help="API tokens (shown once when created, stored hashed).")
def tokens() -> None:
    pass


@tokens.command("create")
@click.option("--user", "user_name", required=True, help="User the token acts as.")
@click.option("--label", default="", help="What the token is for (e.g. 'CMS').")
def tokens_create(user_name: str, label: str) -> None:
    """Print a new token for USER. It cannot be shown again."""
    try:
        desk = _desk()
        try:
            token = desk.create_token(user_name, label)
        finally:
            desk.close()
    except SongnguError as exc:
        _fail(exc)
    click.echo(token)
    click.echo("(store it now: only its hash is kept)", err=True)


@tokens.command("list")
def tokens_list() -> None:
    from translate.desk import UserView

    try:
        desk = _desk()
        try:
            rows = desk.list_tokens(UserView(id=0, name="cli", role="admin"))
        finally:
            desk.close()
    except SongnguError as exc:
        _fail(exc)
    for t in rows:
        state = "revoked" if t["revoked"] else f"last used {t['last_used_at'] or 'never'}"
        click.echo(f"{t['id']:>4}  {t['user']:<16}  {t['label'] or '-':<20}  {state}")


@tokens.command("revoke")
@click.argument("token_id", type=int)
def tokens_revoke(token_id: int) -> None:
    from translate.desk import UserView

    try:
        desk = _desk()
        try:
            # The command line is the server's operator: it acts with admin rights.
            desk.revoke_token(token_id, UserView(id=0, name="cli", role="admin"))
        finally:
            desk.close()
    except SongnguError as exc:
        _fail(exc)
    click.echo(f"token {token_id} revoked")


@click.group("db", help="Database schema.")
def db() -> None:
    pass


@db.command("upgrade")
def db_upgrade() -> None:
    """Apply migrations up to the newest (the server also does this on start)."""
    from translate.config import load_settings
    from translate.database import Database

    try:
        settings = load_settings()
        database = Database(settings.database_url)
        try:
            database.upgrade()
            rev = database.current_revision()
        finally:
            database.close()
    except SongnguError as exc:
        _fail(exc)
    click.echo(f"database {Database.safe_url(settings.database_url)} is at revision {rev}")


@db.command("revision")
@click.option("-m", "--message", required=True, help="What the schema change is.")
def db_revision(message: str) -> None:
    """(Developers) Write a migration for table changes, diffed against a scratch database at head."""
    import tempfile

    from alembic import command

    from translate.database import Database, alembic_config

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


@click.command("worker")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Jobs run in parallel by this process.")
def worker(threads: int) -> None:
    """Run translation jobs from the queue (Redis when SONGNGU_REDIS_URL is set) until interrupted."""
    import logging

    from translate import jobs
    from translate.config import load_settings
    from translate.database import Database

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        settings = load_settings()
        # The Redis URL may carry a password: never print it.
        where = Database.safe_url(settings.redis_url) if settings.redis_url else str(settings.instance / "queue.db")
        click.echo(f"songngu worker: queue {where}, {threads} thread(s)", err=True)
        jobs.run_worker(settings, workers=threads)
    except SongnguError as exc:
        _fail(exc)


COMMANDS = (users, tokens, db, worker)


def register(main: click.Group) -> None:
    for command in COMMANDS:
        main.add_command(command)


@click.group()
def cli() -> None:
    """songngu service commands (also available as `songngu users|tokens|db|worker`)."""


register(cli)

if __name__ == "__main__":
    cli()
