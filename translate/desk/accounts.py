"""Users, password hashes, login throttling, sessions, API tokens and one-time link tokens.

Passwords are hashed with argon2id. API tokens are random and only their SHA-256
is stored: a leaked database does not leak working tokens, and a token is shown
exactly once, when it is created. Each user has a session generation: a browser
session remembers the generation it was opened under, and bumping it (sign-out,
a new password, a new role, disabling) ends every session at once, because a
signed cookie cannot be taken back from the browser that holds it.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import (
    CheckConstraint,
    Connection,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Text,
    and_,
    bindparam,
    delete,
    func,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow
from translate.errors import InputError

ROLES = ("editor", "translator", "admin")
LOCALES = ("vi", "en")
MIN_PASSWORD = 10
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
TOKEN_PREFIX = "sn_"
# An API token's last use is written at most this often: a write on every call would
# queue each request behind any long write on SQLite.
TOKEN_TOUCH_EVERY = timedelta(minutes=1)
TOUCH_LOCK_WAIT_MS = 250

# argon2id with the library's defaults (RFC 9106's low-memory profile). Public so that a
# test run can swap in the same algorithm at its lowest cost: tests sign in thousands of times.
PASSWORD_HASHER = PasswordHasher()
# Verified against when the user does not exist, so unknown names cost the same time.
_DUMMY_HASH = PASSWORD_HASHER.hash("not a real password, only for timing")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    session_generation: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    locale: Mapped[str | None] = mapped_column(String(8), nullable=True)


class LoginThrottle(Base):
    """One counter per name and address: the attempts started in the current window.

    An attempt is counted before its password is checked, by a conditional UPDATE,
    so parallel guesses cannot all slip in before the first failure is recorded.
    """

    __tablename__ = "login_throttle"

    name: Mapped[str] = mapped_column(String(80), primary_key=True)
    remote: Mapped[str] = mapped_column(String(64), primary_key=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    window_start: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class OneTimeToken(Base):
    """A password-reset or first-admin set-up link: random, stored hashed, used once."""

    __tablename__ = "one_time_tokens"
    __table_args__ = (CheckConstraint("kind IN ('reset', 'setup')", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True,
                                                nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class ApiToken(Base):
    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(120), default="")
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


@dataclass(frozen=True)
class Throttle:
    """Login is refused for ``retry_after`` more seconds."""

    retry_after: int


def normalise_name(name: str) -> str:
    if not isinstance(name, str):
        raise InputError("user name must be text")
    cleaned = name.strip()
    if not cleaned or len(cleaned) > 80 or any(ch.isspace() for ch in cleaned):
        raise InputError(f"user name must be 1-80 characters without spaces, got {name!r}")
    return cleaned


def check_role(role: str) -> str:
    r = (role or "").strip().lower()
    if r not in ROLES:
        raise InputError(f"role must be one of {', '.join(ROLES)}; got {role!r}")
    return r


def hash_password(password: str) -> str:
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise InputError(f"password must be at least {MIN_PASSWORD} characters")
    return PASSWORD_HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return PASSWORD_HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def check_password(stored_hash: str | None, password: str) -> bool:
    """Verify against a dummy hash when there is no user, so unknown names cost the same time."""
    ok = verify_password(stored_hash or _DUMMY_HASH, password or "")
    return ok and stored_hash is not None


def needs_rehash(stored_hash: str) -> bool:
    return PASSWORD_HASHER.check_needs_rehash(stored_hash)


def check_locale(locale: str | None) -> str | None:
    """None means "follow the browser"; otherwise one of LOCALES."""
    if locale is None or (isinstance(locale, str) and not locale.strip()):
        return None
    code = locale.strip().lower() if isinstance(locale, str) else locale
    if code not in LOCALES:
        raise InputError(f"language must be one of {', '.join(LOCALES)}; got {locale!r}")
    return code


def create_user(session: Session, name: str, role: str, password: str) -> User:
    name = normalise_name(name)
    role = check_role(role)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise InputError(f"a user named {name!r} already exists")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def _insert_ignore(session: Session, model: type[Base], values: dict) -> None:
    """INSERT that does nothing when the primary key exists (another request made the row first)."""
    dialect = session.get_bind().dialect.name
    if dialect in ("sqlite", "postgresql"):
        stmt = (sqlite.insert if dialect == "sqlite" else postgresql.insert)(model).values(**values)
        session.execute(stmt.on_conflict_do_nothing())
        return
    try:
        with session.begin_nested():
            session.execute(insert(model).values(**values))
    except IntegrityError:
        pass


def reserve_attempt(session: Session, name: str, remote: str, now: datetime | None = None) -> Throttle | None:
    """Count one sign-in attempt for name+address before its password is checked; a Throttle when locked.

    Counting before the check, with a conditional UPDATE (``attempts < MAX_FAILURES``),
    is what makes the limit hold under parallel requests: PostgreSQL re-checks the
    condition on the locked row, and SQLite runs one writer at a time (the DELETE that
    opens this transaction takes its write lock). Run it in a transaction of its own
    and commit before the slow password check, so other requests see the count.
    """
    now = now or utcnow()
    key = (LoginThrottle.name == name, LoginThrottle.remote == remote)
    # Keep the table small: counters whose window closed long ago no longer matter. Done
    # first, before this attempt holds its own row, so two attempts never wait on each other.
    session.execute(delete(LoginThrottle)
                    .where(LoginThrottle.window_start < now - 4 * FAILURE_WINDOW, ~and_(*key))
                    .execution_options(synchronize_session=False))
    _insert_ignore(session, LoginThrottle, {"name": name, "remote": remote, "attempts": 0, "window_start": now})
    session.execute(
        update(LoginThrottle).where(*key, LoginThrottle.window_start <= now - FAILURE_WINDOW)
        .values(attempts=0, window_start=now).execution_options(synchronize_session=False)
    )
    counted = session.execute(
        update(LoginThrottle).where(*key, LoginThrottle.attempts < MAX_FAILURES)
        .values(attempts=LoginThrottle.attempts + 1).execution_options(synchronize_session=False)
    )
    if counted.rowcount == 1:
        return None
    start = session.scalar(select(LoginThrottle.window_start).where(*key)) or now
    return Throttle(retry_after=max(1, int((start + FAILURE_WINDOW - now).total_seconds() + 0.999)))


def clear_attempts(session: Session, name: str, remote: str | None = None) -> None:
    """Forget the counted attempts of a name (from one address, or from all)."""
    where = [LoginThrottle.name == name]
    if remote is not None:
        where.append(LoginThrottle.remote == remote)
    session.execute(delete(LoginThrottle).where(*where).execution_options(synchronize_session=False))


def session_id(user: User) -> str:
    """What a browser session keeps: the user and the generation it was opened under."""
    return f"{user.id}.{user.session_generation}"


def parse_session_id(value: str) -> tuple[int, int] | None:
    user_id, sep, generation = (value or "").partition(".")
    if not sep or not user_id.isdigit() or not generation.isdigit():
        return None  # also a session from before generations existed: signed out
    return int(user_id), int(generation)


def end_sessions(session: Session, user_id: int) -> None:
    """Every browser session of the user stops working on its next request."""
    session.execute(update(User).where(User.id == user_id)
                    .values(session_generation=User.session_generation + 1)
                    .execution_options(synchronize_session="fetch"))


def lock_active_admins(session: Session) -> None:
    """On PostgreSQL, hold the active admins' rows so two admins cannot demote each other at once.

    SQLite has no row locks; there the caller writes first (taking the one write
    lock) and counts afterwards, which serialises the same way.
    """
    session.execute(select(User.id).where(User.role == "admin", User.active.is_(True)).with_for_update())


def count_active_admins(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)
                          .where(User.role == "admin", User.active.is_(True))) or 0


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: User, label: str = "") -> tuple[ApiToken, str]:
    """Returns the row and the plaintext, which is never stored and cannot be shown again."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, label=(label or "")[:120], token_hash=token_hash(plain))
    session.add(row)
    session.flush()
    return row, plain


class TokenOwner(NamedTuple):
    """A live token's id and last use, and who it acts as (an active user)."""

    token_id: int
    last_used_at: datetime | None
    user_id: int
    name: str
    role: str
    locale: str | None


_FIND_TOKEN = (  # built once: building a statement costs more than running this one
    select(ApiToken.__table__.c.id, ApiToken.__table__.c.last_used_at, User.__table__.c.id, User.__table__.c.name,
           User.__table__.c.role, User.__table__.c.locale, User.__table__.c.active)
    .select_from(ApiToken.__table__.join(User.__table__, User.__table__.c.id == ApiToken.__table__.c.user_id))
    .where(ApiToken.__table__.c.token_hash == bindparam("token_hash"), ApiToken.__table__.c.revoked_at.is_(None))
)


def find_token(connection: Connection, token: str) -> TokenOwner | None:
    """The live token and its active owner, in one read: every API call makes it, so it is one statement.

    Reads only, so it never waits behind a writer; checked on every call, so a
    revoked token or a disabled owner stops at once.
    """
    if not token or not isinstance(token, str) or len(token) > 200:
        return None
    row = connection.execute(_FIND_TOKEN, {"token_hash": token_hash(token.strip())}).first()
    if row is None or not row[6]:
        return None
    return TokenOwner(*row[:6])


def touch_token(connection: Connection, token_id: int, now: datetime) -> None:
    """Record a token's use unless it was recorded under TOKEN_TOUCH_EVERY ago (checked in the UPDATE too).

    Best effort and brief: the lock wait is cut to a fraction of a second, and a
    caller should drop the write when the database is busy rather than fail a request.
    """
    is_sqlite = connection.dialect.name == "sqlite"
    previous = None
    if is_sqlite:
        previous = connection.exec_driver_sql("PRAGMA busy_timeout").scalar()
        connection.exec_driver_sql(f"PRAGMA busy_timeout={TOUCH_LOCK_WAIT_MS}")
        connection.commit()  # ends the autobegun (empty) transaction before the real one
    try:
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.exec_driver_sql(f"SET LOCAL lock_timeout = '{TOUCH_LOCK_WAIT_MS}ms'")
            connection.execute(
                update(ApiToken).where(ApiToken.id == token_id,
                                       or_(ApiToken.last_used_at.is_(None),
                                           ApiToken.last_used_at <= now - TOKEN_TOUCH_EVERY))
                .values(last_used_at=now)
            )
    finally:
        if is_sqlite and previous is not None:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={int(previous)}")
            connection.commit()


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
