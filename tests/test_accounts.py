"""Accounts: hashed passwords, throttled sign-in, API tokens shown once and stored hashed, the CLI."""

from __future__ import annotations

import os
import sqlite3
import threading
from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select, update
from test_postgres import pg_desk, pg_url  # noqa: F401  (fixtures for the PostgreSQL throttle test)

from cli.main import main as cli
from translate.desk import Desk, InvalidState, LoginThrottled, NotFound, PermissionDenied, accounts
from translate.desk.documents import utcnow
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
        s.execute(update(accounts.LoginThrottle)
                  .values(window_start=accounts.LoginThrottle.window_start - timedelta(minutes=16)))
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
    from alembic.script import ScriptDirectory

    from translate.desk.database import alembic_config

    head = ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()
    assert res.exit_code == 0 and f"is at revision {head}" in res.output


def test_cli_refuses_mismatched_prompted_passwords(instance):
    res = CliRunner().invoke(cli, ["users", "create", "--name", "lan", "--role", "editor"],
                             input=f"{PASSWORD}\nsomething else\n")
    assert res.exit_code != 0
    desk = Desk()
    try:
        assert desk.accounts.list_users() == []
    finally:
        desk.close()


# --- the throttle holds under parallel guesses ------------------------------------------------


def _count_password_checks(monkeypatch) -> list[int]:
    calls: list[int] = []
    lock = threading.Lock()
    real = accounts.verify_password

    def counting(stored_hash: str, password: str) -> bool:
        with lock:
            calls.append(1)
        return real(stored_hash, password)

    monkeypatch.setattr(accounts, "verify_password", counting)
    return calls


def _guess_in_parallel(desk, name: str, threads: int) -> list[str]:
    """``threads`` wrong passwords for one name from one address, all released at once."""
    barrier = threading.Barrier(threads)
    outcomes: list[str] = []
    lock = threading.Lock()

    def guess() -> None:
        barrier.wait()
        try:
            result = "accepted" if desk.accounts.authenticate(name, "a wrong guess!!", remote="203.0.113.7") else "wrong"
        except LoginThrottled:
            result = "throttled"
        except Exception as exc:  # any other failure is a bug the assertion below shows
            result = f"error: {exc!r}"
        with lock:
            outcomes.append(result)

    workers = [threading.Thread(target=guess) for _ in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join(timeout=120)
    return outcomes


def test_parallel_wrong_passwords_check_at_most_five(desk, monkeypatch):
    desk.accounts.create_user("lan", "editor", PASSWORD)
    calls = _count_password_checks(monkeypatch)
    outcomes = _guess_in_parallel(desk, "lan", 20)
    assert sorted(set(outcomes)) == ["throttled", "wrong"], outcomes
    assert outcomes.count("wrong") == len(calls) == accounts.MAX_FAILURES
    # And the name stays locked for that address, even with the right password.
    with pytest.raises(LoginThrottled):
        desk.accounts.authenticate("lan", PASSWORD, remote="203.0.113.7")


PG_URL = os.environ.get("SONGNGU_TEST_POSTGRES_URL", "").strip()


@pytest.mark.postgres
@pytest.mark.skipif(not PG_URL, reason="SONGNGU_TEST_POSTGRES_URL is not set")
def test_parallel_wrong_passwords_check_at_most_five_on_postgres(pg_desk, monkeypatch):  # noqa: F811
    pg_desk.accounts.create_user("lan", "editor", PASSWORD)
    calls = _count_password_checks(monkeypatch)
    outcomes = _guess_in_parallel(pg_desk, "lan", 20)
    assert sorted(set(outcomes)) == ["throttled", "wrong"], outcomes
    assert outcomes.count("wrong") == len(calls) == accounts.MAX_FAILURES


# --- API tokens: last use written rarely, never blocking a call -------------------------------


def _set_last_used(desk, when):
    with desk.db.transaction() as s:
        s.execute(update(accounts.ApiToken).values(last_used_at=when))


def _last_used(desk):
    with desk.db.session() as s:
        return s.scalar(select(accounts.ApiToken.last_used_at))


def test_token_last_use_is_written_at_most_once_a_minute(desk):
    from sqlalchemy import event

    user = desk.accounts.create_user("cms", "editor", PASSWORD)
    token = desk.accounts.create_token("cms")
    writes: list[str] = []

    def watch(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("UPDATE API_TOKENS"):
            writes.append(statement)

    event.listen(desk.db.engine, "before_cursor_execute", watch)
    try:
        for _ in range(10):
            assert desk.accounts.user_for_token(token) == user
    finally:
        event.remove(desk.db.engine, "before_cursor_execute", watch)
    assert len(writes) == 1  # the first use; the next nine fall within the minute
    first = _last_used(desk)
    assert first is not None

    recent = utcnow() - timedelta(seconds=30)
    _set_last_used(desk, recent)
    desk.accounts.user_for_token(token)
    assert _last_used(desk) == recent  # under a minute old: left alone
    stale = utcnow() - timedelta(minutes=2)
    _set_last_used(desk, stale)
    desk.accounts.user_for_token(token)
    assert _last_used(desk) > stale + timedelta(minutes=1)


def test_token_use_is_not_blocked_by_a_long_write(desk):
    """Another process holds SQLite's write lock (a long import, a worker's batch): API calls still answer."""
    user = desk.accounts.create_user("cms", "editor", PASSWORD)
    token = desk.accounts.create_token("cms")
    assert desk.accounts.user_for_token(token) == user
    stale = utcnow() - timedelta(minutes=5)
    other = sqlite3.connect(desk.db.url.removeprefix("sqlite:///"), isolation_level=None, timeout=1)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE users SET role = role")
    try:
        for _ in range(3):  # last use recorded moments ago: nothing to write
            assert desk.accounts.user_for_token(token) == user
    finally:
        other.execute("ROLLBACK")
    _set_last_used(desk, stale)
    other.execute("BEGIN IMMEDIATE")
    try:  # due for a write, but the database is busy: the write is dropped, the call answers
        assert desk.accounts.user_for_token(token) == user
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert _last_used(desk) == stale
    desk.accounts.user_for_token(token)  # and recorded once the lock is gone
    assert _last_used(desk) > stale


# --- managing accounts ------------------------------------------------------------------------


@pytest.fixture
def people(desk):
    return {
        "ada": desk.accounts.create_user("ada", "admin", PASSWORD),
        "lan": desk.accounts.create_user("lan", "translator", PASSWORD),
        "ed": desk.accounts.create_user("ed", "editor", PASSWORD),
    }


def test_only_admins_manage_other_users(desk, people):
    for call in (lambda a: desk.accounts.set_role(a, people["lan"].id, "admin"),
                 lambda a: desk.accounts.set_active(a, people["lan"].id, False),
                 lambda a: desk.accounts.admin_reset_link(a, people["lan"].id)):
        with pytest.raises(PermissionDenied, match="only an admin"):
            call(people["ed"])
    assert desk.accounts.get_user(people["lan"].id) == people["lan"]
    changed = desk.accounts.set_role(people["ada"], people["lan"].id, "editor")
    assert changed.role == "editor" and desk.accounts.get_user(people["lan"].id).role == "editor"
    with pytest.raises(InputError, match="role must be"):
        desk.accounts.set_role(people["ada"], people["lan"].id, "boss")
    with pytest.raises(NotFound):
        desk.accounts.set_role(people["ada"], 9999, "editor")
    off = desk.accounts.set_active(people["ada"], people["lan"].id, False)
    assert off.id == people["lan"].id
    assert desk.accounts.get_user(people["lan"].id) is None
    assert desk.accounts.authenticate("lan", PASSWORD) is None
    desk.accounts.set_active(people["ada"], people["lan"].id, True)
    assert desk.accounts.authenticate("lan", PASSWORD).name == "lan"


def test_the_last_active_admin_cannot_be_demoted_or_disabled(desk, people):
    ada = people["ada"]
    with pytest.raises(InvalidState, match="last active admin"):
        desk.accounts.set_role(ada, ada.id, "editor")
    with pytest.raises(InvalidState, match="last active admin"):
        desk.accounts.set_active(ada, ada.id, False)
    assert desk.accounts.get_user(ada.id).role == "admin"
    # With a second admin, either may step down.
    desk.accounts.set_role(ada, people["ed"].id, "admin")
    assert desk.accounts.set_role(ada, ada.id, "editor").role == "editor"
    ed = desk.accounts.get_user(people["ed"].id)
    with pytest.raises(InvalidState, match="last active admin"):
        desk.accounts.set_active(ed, ed.id, False)


def test_changing_ones_password(desk, people):
    lan = people["lan"]
    with pytest.raises(PermissionDenied, match="current password"):
        desk.accounts.change_password(lan, "not my password", "another long password")
    with pytest.raises(InputError, match="at least 10"):
        desk.accounts.change_password(lan, PASSWORD, "short")
    desk.accounts.change_password(lan, PASSWORD, "another long password")
    assert desk.accounts.authenticate("lan", PASSWORD) is None
    assert desk.accounts.authenticate("lan", "another long password") == lan


def test_guessing_the_current_password_is_throttled(desk, people):
    lan = people["lan"]
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(PermissionDenied):
            desk.accounts.change_password(lan, "a guess at it", "another long password")
    with pytest.raises(LoginThrottled):
        desk.accounts.change_password(lan, PASSWORD, "another long password")
    assert desk.accounts.authenticate("lan", PASSWORD) == lan  # signing in is a separate count


def test_reset_link_works_once_and_expires(desk, people):
    ada, lan = people["ada"], people["lan"]
    token = desk.accounts.admin_reset_link(ada, lan.id)
    with desk.db.session() as s:
        row = s.scalar(select(accounts.OneTimeToken))
        assert row.token_hash == accounts.token_hash(token) and token not in row.token_hash
        assert timedelta(hours=23) < row.expires_at - row.created_at <= timedelta(hours=24)
    with pytest.raises(InputError, match="at least 10"):
        desk.accounts.redeem_reset(token, "short")  # refused before the link is spent
    assert desk.accounts.redeem_reset(token, "reset to this one") == lan
    assert desk.accounts.authenticate("lan", "reset to this one") == lan
    with pytest.raises(InvalidState, match="already been used"):
        desk.accounts.redeem_reset(token, "and again to this")
    with pytest.raises(NotFound, match="not valid"):
        desk.accounts.redeem_reset("made-up", "and again to this")

    first = desk.accounts.admin_reset_link(ada, lan.id)
    second = desk.accounts.admin_reset_link(ada, lan.id)
    with pytest.raises(InvalidState, match="replaced by a newer one"):
        desk.accounts.redeem_reset(first, "and again to this")
    with desk.db.transaction() as s:
        s.execute(update(accounts.OneTimeToken).values(expires_at=utcnow() - timedelta(seconds=1)))
    with pytest.raises(InvalidState, match="expired"):
        desk.accounts.redeem_reset(second, "and again to this")
    assert desk.accounts.authenticate("lan", "reset to this one") == lan


def test_reset_link_lifts_a_sign_in_lock(desk, people):
    for _ in range(accounts.MAX_FAILURES):
        desk.accounts.authenticate("lan", "forgot it again", remote="r")
    with pytest.raises(LoginThrottled):
        desk.accounts.authenticate("lan", PASSWORD, remote="r")
    desk.accounts.redeem_reset(desk.accounts.admin_reset_link(people["ada"], people["lan"].id), "a fresh password")
    assert desk.accounts.authenticate("lan", "a fresh password", remote="r") is not None


def test_first_admin_setup_link(desk):
    desk.accounts.create_user("ed", "editor", PASSWORD)
    link = desk.accounts.setup_link()
    spare = desk.accounts.setup_link()
    with pytest.raises(NotFound, match="not valid"):
        desk.accounts.redeem_setup("made-up", "boss", PASSWORD)
    with pytest.raises(InputError, match="already exists"):
        desk.accounts.redeem_setup(link, "ed", PASSWORD)  # name taken: nothing is spent
    boss = desk.accounts.redeem_setup(link, "boss", PASSWORD)
    assert boss.role == "admin" and desk.accounts.authenticate("boss", PASSWORD) == boss
    with pytest.raises(InvalidState, match="already been used"):
        desk.accounts.redeem_setup(link, "boss2", PASSWORD)
    with pytest.raises(InvalidState, match="already been used"):
        desk.accounts.redeem_setup(spare, "boss2", PASSWORD)  # every set-up link is spent with the first
    with pytest.raises(InvalidState, match="admin already exists"):
        desk.accounts.setup_link()
    # Without an active admin (say it was disabled from the command line), a new link can be made.
    with desk.db.transaction() as s:
        s.execute(update(accounts.User).where(accounts.User.id == boss.id).values(active=False))
    assert desk.accounts.redeem_setup(desk.accounts.setup_link(), "boss2", PASSWORD).role == "admin"


def test_user_locale(desk, people):
    lan = people["lan"]
    assert lan.locale is None
    assert desk.accounts.set_locale(lan, "en").locale == "en"
    assert desk.accounts.get_user(lan.id).locale == "en"
    assert desk.accounts.authenticate("lan", PASSWORD).locale == "en"
    assert desk.accounts.set_locale(lan, " VI ").locale == "vi"
    with pytest.raises(InputError, match="language must be one of vi, en"):
        desk.accounts.set_locale(lan, "fr")
    assert desk.accounts.set_locale(lan, None).locale is None
    assert list(lan.to_dict()) == ["id", "name", "role", "locale"]


def test_old_throttle_counters_are_cleared_away(desk):
    desk.accounts.create_user("lan", "editor", PASSWORD)
    for name in ("lan", "gone"):
        desk.accounts.authenticate(name, "wrong guess here", remote="r")
    with desk.db.transaction() as s:
        s.execute(update(accounts.LoginThrottle).values(window_start=utcnow() - timedelta(hours=2)))
    assert desk.accounts.authenticate("lan", "wrong guess here", remote="r") is None
    with desk.db.session() as s:
        rows = {(r.name, r.attempts) for r in s.scalars(select(accounts.LoginThrottle))}
    assert rows == {("lan", 1)}  # its own counter restarted, the stale one of another name removed
