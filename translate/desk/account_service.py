"""Accounts and API tokens: who may sign in, how long a session lasts, and what a token acts as.

Signing in spans three short transactions on purpose: the attempt is counted and
committed first (so parallel guesses see each other), the slow password check
runs outside any transaction, and only a success writes again. Whatever changes
who a user is -- a new password, a new role, being disabled, signing out -- bumps
the user's session generation, which ends all of that user's browser sessions.
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from translate.desk import accounts, one_time_tokens
from translate.desk.database import Database
from translate.desk.documents import utcnow
from translate.desk.errors import InvalidState, LoginThrottled, NotFound, PermissionDenied
from translate.desk.rules import clean_text
from translate.desk.views import UserView, user_view

log = logging.getLogger("songngu.accounts")

# Attempts to confirm the current password when changing it are counted like
# sign-ins under this pseudo-address, so a borrowed session cannot guess it freely.
PASSWORD_CHANGE_REMOTE = "password-change"


@dataclass(frozen=True)
class SignedIn:
    """A successful sign-in: the user, and the session id a browser session must keep.

    ``session_id`` carries the user's session generation; ``user_for_session``
    refuses it once the generation moves on.
    """

    user: UserView
    session_id: str


def require_admin(actor: UserView, what: str) -> None:
    if actor.role != "admin":
        raise PermissionDenied(f"only an admin can {what}")


class AccountService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # --- users ------------------------------------------------------------------------------

    def create_user(self, name: str, role: str, password: str) -> UserView:
        with self.db.transaction() as s:
            return user_view(accounts.create_user(s, name, role, password))

    def count_users(self) -> int:
        with self.db.session() as s:
            return accounts.count_users(s)

    def list_users(self) -> list[UserView]:
        with self.db.session() as s:
            return [user_view(u) for u in s.scalars(select(accounts.User).order_by(accounts.User.name))]

    def get_user(self, user_id: int) -> UserView | None:
        with self.db.session() as s:
            u = s.get(accounts.User, user_id)
            return user_view(u) if u is not None and u.active else None

    def set_role(self, actor: UserView, user_id: int, role: str) -> UserView:
        """Change a user's role (admins only); their sessions end, so the new role applies everywhere."""
        require_admin(actor, "change a user's role")
        role = accounts.check_role(role)
        with self.db.transaction() as s:
            accounts.lock_active_admins(s)
            user = self._user(s, user_id)
            if user.role == role:
                return user_view(user)
            user.role = role
            user.session_generation = accounts.User.session_generation + 1
            s.flush()
            self._keep_an_admin(s, f"{user.name!r} is the last active admin; make another user admin first")
            s.refresh(user)
            return user_view(user)

    def set_active(self, actor: UserView, user_id: int, active: bool) -> UserView:
        """Disable or enable a user (admins only). A disabled user's sessions and API tokens stop at once."""
        require_admin(actor, "disable or enable a user")
        with self.db.transaction() as s:
            accounts.lock_active_admins(s)
            user = self._user(s, user_id)
            if user.active == bool(active):
                return user_view(user)
            user.active = bool(active)
            if not active:
                user.session_generation = accounts.User.session_generation + 1
            s.flush()
            self._keep_an_admin(s, f"{user.name!r} is the last active admin and cannot be disabled")
            s.refresh(user)
            return user_view(user)

    def set_locale(self, actor: UserView, locale: str | None) -> UserView:
        """Remember the actor's interface language ("vi", "en"; None follows the browser)."""
        code = accounts.check_locale(locale)
        with self.db.transaction() as s:
            user = self._user(s, actor.id)
            user.locale = code
            return user_view(user)

    # --- signing in and sessions --------------------------------------------------------------

    def sign_in(self, name: str, password: str, remote: str = "") -> SignedIn | None:
        """The user and a session id for a name and password; None when they do not match.

        Raises LoginThrottled after MAX_FAILURES attempts for this name from this
        address within the window; at most that many passwords are ever checked,
        however many requests arrive at once.
        """
        key = (name or "").strip()[:80]
        remote = (remote or "")[:64]
        with self.db.transaction() as s:
            throttle = accounts.reserve_attempt(s, key, remote)
            user = s.scalar(select(accounts.User).where(accounts.User.name == key)) if key else None
            stored = user.password_hash if user is not None else None
        if throttle is not None:
            minutes = max(1, round(throttle.retry_after / 60))
            raise LoginThrottled(
                f"too many failed sign-ins for {name!r}; try again in about {minutes} minute(s)",
                retry_after=throttle.retry_after,
            )
        if not accounts.check_password(stored, password):
            return None  # the attempt stays counted
        with self.db.transaction() as s:
            user = s.scalar(select(accounts.User).where(accounts.User.name == key))
            # A password changed while this one was being checked does not let the old one in.
            if user is None or not user.active or user.password_hash != stored:
                return None
            accounts.clear_attempts(s, key, remote)
            if accounts.needs_rehash(user.password_hash):
                user.password_hash = accounts.hash_password(password)
            return SignedIn(user_view(user), accounts.session_id(user))

    def authenticate(self, name: str, password: str, remote: str = "") -> UserView | None:
        """The user for a name and password, None when they do not match; throttled after repeated failures."""
        signed = self.sign_in(name, password, remote)
        return signed.user if signed is not None else None

    def user_for_session(self, session_id: str) -> UserView | None:
        """The user a browser session belongs to, None once it was ended or the user disabled."""
        parsed = accounts.parse_session_id(session_id)
        if parsed is None:
            return None
        user_id, generation = parsed
        with self.db.autocommit_engine.connect() as conn, Session(bind=conn) as s:  # every page view: one read
            u = s.get(accounts.User, user_id)
            if u is None or not u.active or u.session_generation != generation:
                return None
            return user_view(u)

    def sign_out(self, actor: UserView) -> None:
        """End every browser session of the actor, on every device: a kept cookie no longer works."""
        with self.db.transaction() as s:
            accounts.end_sessions(s, actor.id)

    def change_password(self, actor: UserView, old: str, new: str) -> SignedIn:
        """Change one's own password; every session ends, and the returned id keeps the caller's open."""
        new_hash = accounts.hash_password(new)  # bad input fails before anything is counted
        with self.db.transaction() as s:
            user = self._user(s, actor.id)
            throttle = accounts.reserve_attempt(s, user.name, PASSWORD_CHANGE_REMOTE)
            stored = user.password_hash
        if throttle is not None:
            raise LoginThrottled("too many wrong current passwords; try again later",
                                 retry_after=throttle.retry_after)
        if not accounts.check_password(stored, old):
            raise PermissionDenied("the current password is not correct")
        with self.db.transaction() as s:
            user = self._user(s, actor.id)
            if user.password_hash != stored:
                raise InvalidState("the password was changed meanwhile; sign in again")
            user.password_hash = new_hash
            user.session_generation = accounts.User.session_generation + 1
            accounts.clear_attempts(s, user.name, PASSWORD_CHANGE_REMOTE)
            s.flush()
            s.refresh(user)
            return SignedIn(user_view(user), accounts.session_id(user))

    # --- one-time links -----------------------------------------------------------------------

    def admin_reset_link(self, actor: UserView, user_id: int) -> str:
        """A password-reset token for a user (admins only), valid for 24 hours and once.

        Returned once in plain text for the caller to put in a link; only its hash is
        stored. Issuing a new one cancels the user's earlier unused ones.
        """
        require_admin(actor, "reset another user's password")
        with self.db.transaction() as s:
            user = self._user(s, user_id)
            if not user.active:
                raise InvalidState(f"{user.name!r} is disabled; enable the account before resetting its password")
            return one_time_tokens.issue_reset(s, user.id)

    def redeem_reset(self, token: str, new_password: str) -> UserView:
        """Set a new password with a reset token; the token is spent and every session of the user ends."""
        new_hash = accounts.hash_password(new_password)
        with self.db.transaction() as s:
            user_id = one_time_tokens.claim_reset(s, token)
            user = self._user(s, user_id)
            if not user.active:
                raise InvalidState(f"{user.name!r} is disabled; ask an admin to enable the account")
            user.password_hash = new_hash
            user.session_generation = accounts.User.session_generation + 1
            accounts.clear_attempts(s, user.name)  # the owner proved themselves: lift any lock
            s.flush()
            s.refresh(user)
            return user_view(user)

    def setup_link(self) -> str:
        """A token to create the first admin from the browser; only while no active admin exists."""
        with self.db.transaction() as s:
            if accounts.count_active_admins(s):
                raise InvalidState("an active admin already exists; ask them to create your account")
            return one_time_tokens.issue_setup(s)

    def redeem_setup(self, token: str, name: str, password: str) -> UserView:
        """Create the first admin with a set-up token; every set-up token is spent with it."""
        accounts.normalise_name(name)
        accounts.hash_password(password)  # validate before the token is claimed
        with self.db.transaction() as s:
            one_time_tokens.claim_setup(s, token)
            if accounts.count_active_admins(s):
                raise InvalidState("an active admin already exists; ask them to create your account")
            return user_view(accounts.create_user(s, name, "admin", password))

    # --- API tokens -------------------------------------------------------------------------

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
        """The token's owner, checked on every call (a disabled user's tokens stop at once).

        The lookup only reads. The last-use time is written afterwards in a short
        transaction of its own, at most once a minute per token, and skipped when
        the database is busy: a busy writer must never fail an API call.
        """
        with self.db.autocommit_engine.connect() as conn:
            found = accounts.find_token(conn, token)
        if found is None:
            return None
        view = UserView(id=found.user_id, name=found.name, role=found.role, locale=found.locale)
        token_id, last_used = found.token_id, found.last_used_at
        now = utcnow()
        if last_used is None or now - last_used >= accounts.TOKEN_TOUCH_EVERY:
            try:
                with self.db.engine.connect() as conn:
                    accounts.touch_token(conn, token_id, now)
            except OperationalError as exc:
                log.info("token %s: last use not recorded, the database is busy (%s)", token_id,
                         str(exc.orig).splitlines()[0] if exc.orig else exc)
        return view

    # --- administering accounts in the browser ----------------------------------------------

    def list_accounts(self, actor: UserView) -> list[dict]:
        """Every account with what an admin needs to manage it (active, created); admins only."""
        require_admin(actor, "list the accounts")
        with self.db.session() as s:
            return [{"id": u.id, "name": u.name, "role": u.role, "active": u.active, "created_at": u.created_at,
                     "locale": u.locale}
                    for u in s.scalars(select(accounts.User).order_by(accounts.User.name))]

    def create_account(self, actor: UserView, name: str, role: str,
                       password: str | None = None) -> tuple[UserView, str | None]:
        """Create a user (admins only), with a password, or -- given none -- with a reset token to send them.

        Without a password the account gets a random one nobody knows, and the
        returned one-time token lets the new user choose theirs.
        """
        require_admin(actor, "create users")
        with self.db.transaction() as s:
            user = accounts.create_user(s, name, role, password if password is not None else secrets.token_urlsafe(32))
            link = one_time_tokens.issue_reset(s, user.id) if password is None else None
            return user_view(user), link

    def create_token_for(self, actor: UserView, user_id: int, label: str = "") -> str:
        """A new API token for a user, returned once: one's own, or anyone's for an admin."""
        if user_id != actor.id:
            require_admin(actor, "create API tokens for other users")
        label = clean_text(label, "label", 120, required=False)
        with self.db.transaction() as s:
            user = self._user(s, user_id)
            if not user.active:
                raise InvalidState(f"{user.name!r} is disabled; enable the account before giving it a token")
            _row, plain_token = accounts.create_token(s, user, label)
            return plain_token

    def reset_link_user(self, token: str) -> UserView:
        """Whose password a reset link would set, without spending it; refused like ``redeem_reset``."""
        with self.db.session() as s:
            user_id = one_time_tokens.check(s, "reset", token)
            user = self._user(s, user_id or 0)
            if not user.active:
                raise InvalidState(f"{user.name!r} is disabled; ask an admin to enable the account")
            return user_view(user)

    def check_setup_link(self, token: str) -> None:
        """Whether a set-up link can still create the first admin, without spending it."""
        with self.db.session() as s:
            one_time_tokens.check(s, "setup", token)
            if accounts.count_active_admins(s):
                raise InvalidState("an active admin already exists; ask them to create your account")

    def has_active_admin(self) -> bool:
        with self.db.session() as s:
            return accounts.count_active_admins(s) > 0

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _user(s, user_id: int) -> accounts.User:
        user = s.get(accounts.User, user_id)
        if user is None:
            raise NotFound(f"no user with id {user_id}")
        return user

    @staticmethod
    def _keep_an_admin(s, message: str) -> None:
        """Checked after the change is written: on SQLite the write holds the lock, so the count is current."""
        if accounts.count_active_admins(s) == 0:
            raise InvalidState(message)
