"""Accounts: hashed passwords, throttled sign-in, API tokens shown once and stored hashed, the CLI."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update

from cli.main import main as cli
from translate.desk import Desk, LoginThrottled, NotFound, PermissionDenied, accounts
from translate.errors import InputError

PASSWORD = "correct horse battery"


@pytest.fixture
def instance(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    return tmp_path / "instance"


@pytest.fixture
def desk(instance):
    d = Desk()
    yield d
    d.close()


def test_password_is_stored_as_argon2_hash_and_checked(desk):
    user = desk.accounts.create_user("lan", "translator", PASSWORD)
    with desk.db.session() as s:
        row = s.get(accounts.User, user.id)
        assert row.password_hash.startswith("$argon2id$") and PASSWORD not in row.password_hash
    assert desk.accounts.authenticate("lan", PASSWORD) == user
    assert desk.accounts.authenticate("lan", "wrong password!") is None
    assert desk.accounts.authenticate("nobody", PASSWORD) is None


@pytest.mark.parametrize(
    ("name", "role", "password", "needle"),
    [("a b", "editor", PASSWORD, "without spaces"), ("x", "boss", PASSWORD, "role must be"),
     ("x", "editor", "short", "at least 10")],
)
def test_bad_account_input_names_the_problem(desk, name, role, password, needle):
    with pytest.raises(InputError, match=needle):
        desk.accounts.create_user(name, role, password)
    assert desk.accounts.list_users() == []


def test_duplicate_user_is_refused(desk):
    desk.accounts.create_user("lan", "editor", PASSWORD)
    with pytest.raises(InputError, match="already exists"):
        desk.accounts.create_user("lan", "admin", PASSWORD)


def test_login_is_throttled_after_five_failures_from_one_address(desk):
    desk.accounts.create_user("lan", "editor", PASSWORD)
    for _ in range(5):
        assert desk.accounts.authenticate("lan", "guess guess guess", remote="10.0.0.9") is None
    with pytest.raises(LoginThrottled) as info:
        desk.accounts.authenticate("lan", PASSWORD, remote="10.0.0.9")  # even the right password
    assert 0 < info.value.retry_after <= 15 * 60
    assert info.value.code == "throttled"
    # Another address is not locked out by someone else's guessing.
    assert desk.accounts.authenticate("lan", PASSWORD, remote="10.0.0.10") is not None
    # Once the failures are older than the window, sign-in works again.
    with desk.db.transaction() as s:
        s.execute(update(accounts.LoginFailure).values(at=accounts.LoginFailure.at - timedelta(minutes=16)))
    assert desk.accounts.authenticate("lan", PASSWORD, remote="10.0.0.9") is not None


def test_success_clears_earlier_failures(desk):
    desk.accounts.create_user("lan", "editor", PASSWORD)
    for _ in range(4):
        desk.accounts.authenticate("lan", "nope nope nope", remote="r")
    assert desk.accounts.authenticate("lan", PASSWORD, remote="r")
    for _ in range(4):
        desk.accounts.authenticate("lan", "nope nope nope", remote="r")
    assert desk.accounts.authenticate("lan", PASSWORD, remote="r")  # 4 + 4 failures, but never 5 in a row


def test_tokens_are_shown_once_stored_hashed_and_revocable(desk):
    user = desk.accounts.create_user("cms", "editor", PASSWORD)
    token = desk.accounts.create_token("cms", label="CMS")
    assert token.startswith("sn_") and len(token) > 40
    with desk.db.session() as s:
        row = s.scalar(select(accounts.ApiToken))
        assert row.token_hash == accounts.token_hash(token) and token not in row.token_hash
        assert row.last_used_at is None
    assert desk.accounts.user_for_token(token) == user
    assert desk.accounts.user_for_token(token + "x") is None
    assert desk.accounts.user_for_token("") is None
    listed = desk.accounts.list_tokens(user)
    assert listed[0]["label"] == "CMS" and listed[0]["last_used_at"] is not None
    assert "token" not in listed[0] and token not in str(listed)

    intruder = desk.accounts.create_user("other", "translator", PASSWORD)
    with pytest.raises(PermissionDenied):
        desk.accounts.revoke_token(listed[0]["id"], intruder)
    desk.accounts.revoke_token(listed[0]["id"], user)
    assert desk.accounts.user_for_token(token) is None
    with pytest.raises(NotFound):
        desk.accounts.revoke_token(9999, user)
    with pytest.raises(NotFound):
        desk.accounts.create_token("ghost")


def test_cli_users_and_tokens(instance, tmp_path):
    runner = CliRunner()
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    res = runner.invoke(cli, ["users", "create", "--name", "boss", "--role", "admin", "--password-file", str(pw)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["users", "create", "--name", "lan", "--role", "translator"],
                        input=f"{PASSWORD}\n{PASSWORD}\n")
    assert res.exit_code == 0, res.output
    assert PASSWORD not in res.output
    res = runner.invoke(cli, ["users", "list"])
    assert "admin" in res.output and "boss" in res.output and "lan" in res.output

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    res = runner.invoke(cli, ["users", "create", "--name", "e2", "--role", "editor", "--password-file", str(empty)])
    assert res.exit_code == 1 and "empty" in res.output

    res = runner.invoke(cli, ["tokens", "create", "--user", "lan"])
    assert res.exit_code == 0, res.output
    token = res.stdout.strip().splitlines()[0]
    desk = Desk()
    try:
        assert desk.accounts.user_for_token(token).name == "lan"
        token_id = desk.accounts.list_tokens(desk.accounts.get_user(1))[0]["id"]
    finally:
        desk.close()
    res = runner.invoke(cli, ["tokens", "revoke", str(token_id)])
    assert res.exit_code == 0, res.output
    res = runner.invoke(cli, ["tokens", "create", "--user", "ghost"])
    assert res.exit_code == 1 and "no user named 'ghost'" in res.output
    res = runner.invoke(cli, ["db", "upgrade"])
    assert res.exit_code == 0 and "0001_initial" in res.output


def test_cli_refuses_mismatched_prompted_passwords(instance):
    res = CliRunner().invoke(cli, ["users", "create", "--name", "lan", "--role", "editor"],
                             input=f"{PASSWORD}\nsomething else\n")
    assert res.exit_code != 0
    desk = Desk()
    try:
        assert desk.accounts.list_users() == []
    finally:
        desk.close()
