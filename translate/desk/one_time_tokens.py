"""One-time tokens for links: a password reset an admin hands out, the first admin's set-up.

Like API tokens they are random and only their SHA-256 is stored. A token is
spent by a conditional UPDATE (``used_at IS NULL``), so two requests racing with
the same link cannot both succeed.
"""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from translate.desk.accounts import OneTimeToken, token_hash
from translate.desk.documents import utcnow
from translate.desk.errors import InvalidState, NotFound

RESET_VALID = timedelta(hours=24)
MAX_TOKEN_LENGTH = 200


def _new_token(session: Session, kind: str, user_id: int | None, expires_at: datetime | None) -> str:
    plain = secrets.token_urlsafe(32)
    session.add(OneTimeToken(kind=kind, token_hash=token_hash(plain), user_id=user_id, expires_at=expires_at))
    session.flush()
    return plain


def issue_reset(session: Session, user_id: int, now: datetime | None = None) -> str:
    """A reset token for the user, valid RESET_VALID; the user's earlier unused ones are cancelled."""
    now = now or utcnow()
    session.execute(
        update(OneTimeToken)
        .where(OneTimeToken.kind == "reset", OneTimeToken.user_id == user_id, OneTimeToken.used_at.is_(None))
        .values(used_at=now).execution_options(synchronize_session=False)
    )
    return _new_token(session, "reset", user_id, now + RESET_VALID)


def issue_setup(session: Session) -> str:
    """A first-admin set-up token: it does not expire, but every one is spent when one is used."""
    return _new_token(session, "setup", None, None)


def _refusal(session: Session, kind: str, hashed: str, now: datetime) -> Exception:
    """Why a token could not be spent, in words the person holding the link can act on."""
    row = session.scalar(select(OneTimeToken).where(OneTimeToken.token_hash == hashed, OneTimeToken.kind == kind))
    what = "password-reset link" if kind == "reset" else "set-up link"
    if row is None:
        return NotFound(f"this {what} is not valid; check that it was copied whole")
    if row.used_at is not None:
        return InvalidState(f"this {what} has already been used or was replaced by a newer one")
    if row.expires_at is not None and row.expires_at <= now:
        return InvalidState(f"this {what} expired at {row.expires_at.isoformat(timespec='minutes')} UTC; "
                            "ask an admin for a new one")
    return InvalidState(f"this {what} cannot be used")


def _hashed(token: str) -> str | None:
    if not isinstance(token, str) or not token.strip() or len(token) > MAX_TOKEN_LENGTH:
        return None
    return token_hash(token.strip())


def claim_reset(session: Session, token: str, now: datetime | None = None) -> int:
    """Spend a reset token; returns the user it was issued for."""
    now = now or utcnow()
    hashed = _hashed(token)
    if hashed is None:
        raise NotFound("this password-reset link is not valid; check that it was copied whole")
    user_id = session.execute(
        update(OneTimeToken)
        .where(OneTimeToken.token_hash == hashed, OneTimeToken.kind == "reset", OneTimeToken.used_at.is_(None),
               OneTimeToken.expires_at > now)
        .values(used_at=now).returning(OneTimeToken.user_id).execution_options(synchronize_session=False)
    ).scalar()
    if user_id is None:
        raise _refusal(session, "reset", hashed, now)
    return user_id


def claim_setup(session: Session, token: str, now: datetime | None = None) -> None:
    """Spend every unused set-up token, provided ``token`` is one of them (else nothing is spent).

    One UPDATE takes them all, so of two people racing with two links only one
    gets through; a caller that then refuses the set-up raises, which rolls it back.
    """
    now = now or utcnow()
    hashed = _hashed(token)
    if hashed is None:
        raise NotFound("this set-up link is not valid; check that it was copied whole")
    spent = session.execute(
        update(OneTimeToken)
        .where(OneTimeToken.kind == "setup", OneTimeToken.used_at.is_(None),
               or_(OneTimeToken.expires_at.is_(None), OneTimeToken.expires_at > now))
        .values(used_at=now).returning(OneTimeToken.token_hash).execution_options(synchronize_session=False)
    ).scalars().all()
    if hashed not in spent:
        # ``token`` was not among the rows just updated, so its row shows why; raising
        # rolls the caller's transaction back and the other links stay valid.
        raise _refusal(session, "setup", hashed, now)


def check(session: Session, kind: str, token: str, now: datetime | None = None) -> int | None:
    """Whether a token could be spent now, without spending it: its user (None for set-up), else the refusal.

    For the page behind a link, so a used or mistyped link says so before anyone
    types a new password; spending stays the job of ``claim_reset``/``claim_setup``.
    """
    now = now or utcnow()
    hashed = _hashed(token)
    if hashed is None:
        what = "password-reset link" if kind == "reset" else "set-up link"
        raise NotFound(f"this {what} is not valid; check that it was copied whole")
    row = session.scalar(select(OneTimeToken).where(OneTimeToken.token_hash == hashed, OneTimeToken.kind == kind))
    if row is None or row.used_at is not None or (row.expires_at is not None and row.expires_at <= now):
        raise _refusal(session, kind, hashed, now)
    return row.user_id
