"""Users, password hashes, login throttling and API tokens.

Passwords are hashed with argon2id. API tokens are random and only their SHA-256
is stored: a leaked database does not leak working tokens, and a token is shown
exactly once, when it is created.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow
from translate.errors import InputError

ROLES = ("editor", "translator", "admin")
MIN_PASSWORD = 10
MAX_FAILURES = 5
FAILURE_WINDOW = timedelta(minutes=15)
TOKEN_PREFIX = "sn_"

_hasher = PasswordHasher()
# Verified against when the user does not exist, so unknown names cost the same time.
_DUMMY_HASH = _hasher.hash("not a real password, only for timing")


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    role: Mapped[str] = mapped_column(String(12))
    password_hash: Mapped[str] = mapped_column(Text)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LoginFailure(Base):
    __tablename__ = "login_failures"
    __table_args__ = (Index("ix_login_failures_name_remote_at", "name", "remote", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(80))
    remote: Mapped[str] = mapped_column(String(64), default="")
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


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
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def create_user(session: Session, name: str, role: str, password: str) -> User:
    name = normalise_name(name)
    role = check_role(role)
    if session.scalar(select(User).where(User.name == name)) is not None:
        raise InputError(f"a user named {name!r} already exists")
    user = User(name=name, role=role, password_hash=hash_password(password))
    session.add(user)
    session.flush()
    return user


def throttle_state(session: Session, name: str, remote: str, now: datetime | None = None) -> Throttle | None:
    """Locked when MAX_FAILURES failures for this name from this address fall within the window."""
    now = now or utcnow()
    since = now - FAILURE_WINDOW
    times = session.scalars(
        select(LoginFailure.at)
        .where(LoginFailure.name == name, LoginFailure.remote == remote, LoginFailure.at > since)
        .order_by(LoginFailure.at.desc())
        .limit(MAX_FAILURES)
    ).all()
    if len(times) < MAX_FAILURES:
        return None
    # Unlocks when the oldest of the last MAX_FAILURES failures leaves the window.
    unlock = times[-1] + FAILURE_WINDOW
    return Throttle(retry_after=max(1, int((unlock - now).total_seconds() + 0.999)))


def authenticate(session: Session, name: str, password: str, remote: str = "") -> User | Throttle | None:
    """Check a password, recording failures; a throttled name+address is refused before any check."""
    name = (name or "").strip()[:80]
    remote = (remote or "")[:64]
    locked = throttle_state(session, name, remote)
    if locked is not None:
        return locked
    user = session.scalar(select(User).where(User.name == name)) if name else None
    ok = verify_password(user.password_hash if user else _DUMMY_HASH, password or "")
    if user is None or not ok or not user.active:
        session.add(LoginFailure(name=name, remote=remote))
        # Keep the table small: failures older than the window no longer matter.
        session.execute(delete(LoginFailure).where(LoginFailure.at < utcnow() - 4 * FAILURE_WINDOW))
        session.flush()
        return None
    session.execute(delete(LoginFailure).where(LoginFailure.name == name, LoginFailure.remote == remote))
    if _hasher.check_needs_rehash(user.password_hash):
        user.password_hash = _hasher.hash(password)
    return user


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def create_token(session: Session, user: User, label: str = "") -> tuple[ApiToken, str]:
    """Returns the row and the plaintext, which is never stored and cannot be shown again."""
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = ApiToken(user_id=user.id, label=(label or "")[:120], token_hash=token_hash(plain))
    session.add(row)
    session.flush()
    return row, plain


def user_for_token(session: Session, token: str) -> User | None:
    if not token or not isinstance(token, str) or len(token) > 200:
        return None
    row = session.scalar(select(ApiToken).where(ApiToken.token_hash == token_hash(token.strip())))
    if row is None or row.revoked_at is not None:
        return None
    user = session.get(User, row.user_id)
    if user is None or not user.active:
        return None
    row.last_used_at = utcnow()
    return user


def count_users(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0
