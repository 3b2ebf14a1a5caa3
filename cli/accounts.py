"""``songngu users`` and ``songngu tokens``: accounts and API tokens from the shell.

Passwords never have a default: they come from a prompt (typed twice) or from a
file. The command line is the server's operator, so it acts with admin rights.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from translate.desk import Desk, UserView
from translate.errors import SongnguError

OPERATOR = UserView(id=0, name="cli", role="admin")


@contextmanager
def open_desk() -> Iterator[Desk]:
    desk = Desk()
    try:
        yield desk
    finally:
        desk.close()


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
            raise SongnguError(f"{password_file} is empty: its first line must be the password")
    else:
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    with open_desk() as desk:
        user = desk.accounts.create_user(name, role, password)
    click.echo(f"created {user.role} {user.name!r} (id {user.id})")


@users.command("list")
def users_list() -> None:
    with open_desk() as desk:
        rows = desk.accounts.list_users()
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
    with open_desk() as desk:
        token = desk.accounts.create_token(user_name, label)
    click.echo(token)
    click.echo("(store it now: only its hash is kept)", err=True)


@tokens.command("list")
def tokens_list() -> None:
    with open_desk() as desk:
        rows = desk.accounts.list_tokens(OPERATOR)
    for t in rows:
        state = "revoked" if t["revoked"] else f"last used {t['last_used_at'] or 'never'}"
        click.echo(f"{t['id']:>4}  {t['user']:<16}  {t['label'] or '-':<20}  {state}")


@tokens.command("revoke")
@click.argument("token_id", type=int)
def tokens_revoke(token_id: int) -> None:
    with open_desk() as desk:
        desk.accounts.revoke_token(token_id, OPERATOR)
    click.echo(f"token {token_id} revoked")
