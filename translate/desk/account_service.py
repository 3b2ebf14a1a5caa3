"""Accounts and API tokens: who may sign in, and what a token acts as."""

from __future__ import annotations

from sqlalchemy import select

from translate.desk import accounts
from translate.desk.database import Database
from translate.desk.documents import utcnow
from translate.desk.errors import LoginThrottled, NotFound, PermissionDenied
from translate.desk.views import UserView, user_view


class AccountService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def create_user(self, name: str, role: str, password: str) -> UserView:
        with self.db.transaction() as s:
            return user_view(accounts.create_user(s, name, role, password))

    def count_users(self) -> int:
        with self.db.session() as s:
            return accounts.count_users(s)

    def list_users(self) -> list[UserView]:
        with self.db.session() as s:
            return [user_view(u) for u in s.scalars(select(accounts.User).order_by(accounts.User.name))]

    def authenticate(self, name: str, password: str, remote: str = "") -> UserView | None:
        """The user for a name and password, None when they do not match; throttled after repeated failures."""
        with self.db.transaction() as s:
            result = accounts.authenticate(s, name, password, remote)
            view = user_view(result) if isinstance(result, accounts.User) else None
            throttle = result if isinstance(result, accounts.Throttle) else None
        if throttle is not None:
            minutes = max(1, round(throttle.retry_after / 60))
            raise LoginThrottled(
                f"too many failed sign-ins for {name!r}; try again in about {minutes} minute(s)",
                retry_after=throttle.retry_after,
            )
        return view

    def get_user(self, user_id: int) -> UserView | None:
        with self.db.session() as s:
            u = s.get(accounts.User, user_id)
            return user_view(u) if u is not None and u.active else None

    def create_token(self, user_name: str, label: str = "") -> str:
        """A new token for the named user, returned once in plain text; only its hash is stored."""
        with self.db.transaction() as s:
            user = s.scalar(select(accounts.User).where(accounts.User.name == (user_name or "").strip()))
            if user is None:
                raise NotFound(f"no user named {user_name!r}")
            _row, plain_token = accounts.create_token(s, user, label)
            return plain_token

    def list_tokens(self, actor: UserView) -> list[dict]:
        """The actor's tokens (an admin sees all): label and dates, never the token itself."""
        with self.db.session() as s:
            q = select(accounts.ApiToken, accounts.User.name).join(accounts.User)
            if actor.role != "admin":
                q = q.where(accounts.ApiToken.user_id == actor.id)
            return [
                {"id": t.id, "user": name, "label": t.label, "created_at": t.created_at.isoformat(timespec="seconds"),
                 "last_used_at": t.last_used_at.isoformat(timespec="seconds") if t.last_used_at else None,
                 "revoked": t.revoked_at is not None}
                for t, name in s.execute(q.order_by(accounts.ApiToken.id))
            ]

    def revoke_token(self, token_id: int, actor: UserView) -> None:
        with self.db.transaction() as s:
            row = s.get(accounts.ApiToken, token_id)
            if row is None:
                raise NotFound(f"no token with id {token_id}")
            if actor.role != "admin" and row.user_id != actor.id:
                raise PermissionDenied("only an admin can revoke another user's token")
            if row.revoked_at is None:
                row.revoked_at = utcnow()

    def user_for_token(self, token: str) -> UserView | None:
        with self.db.transaction() as s:
            u = accounts.user_for_token(s, token)
            return user_view(u) if u is not None else None
