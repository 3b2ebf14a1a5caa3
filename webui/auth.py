"""Who is asking: browser sessions (Flask-Login) and API tokens (Bearer).

The two never mix. Browser forms carry a CSRF token; the API is CSRF-exempt
precisely because it accepts only ``Authorization: Bearer`` tokens and ignores
the session cookie, so a page on another site cannot ride a signed-in browser.
Roles are not checked here: the Desk enforces them for every caller alike.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from apiflask import HTTPError, HTTPTokenAuth
from flask import Blueprint, Flask, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import LoginManager, UserMixin, current_user, login_required, login_user, logout_user
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from werkzeug.wrappers import Response
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Length

from translate.desk import Desk, LoginThrottled, UserView
from webui.errors import error_response

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.login_message = lazy_gettext("Please sign in to continue.")
login_manager.login_message_category = "info"

csrf = CSRFProtect()

token_auth = HTTPTokenAuth(
    scheme="Bearer",
    description="A per-user API token: `songngu tokens create --user NAME` prints one.",
)

bp = Blueprint("auth", __name__)


def get_desk() -> Desk:
    """The app's Desk; stored on the app so tests and `serve` can hand in their own."""
    return current_app.extensions["songngu.desk"]


class SessionUser(UserMixin):
    """Flask-Login needs an object with ``get_id``; the Desk's UserView is frozen, so wrap it.

    ``get_id`` is the Desk's session id (user and session generation), which is what
    the cookie keeps: once the generation moves on (sign-out, new password or role,
    disabled) the loader refuses it, so a copied cookie dies with the session.
    """

    def __init__(self, view: UserView, session_id: str) -> None:
        self.view = view
        self.session_id = session_id

    def get_id(self) -> str:
        return self.session_id

    @property
    def name(self) -> str:
        return self.view.name

    @property
    def role(self) -> str:
        return self.view.role


@login_manager.user_loader
def _load_user(session_id: str) -> SessionUser | None:
    view = get_desk().accounts.user_for_session(session_id)
    return SessionUser(view, session_id) if view is not None else None


@token_auth.verify_token
def _verify_token(token: str) -> UserView | None:
    if not token:
        return None
    return get_desk().accounts.user_for_token(token)


@token_auth.error_processor
def _token_error(error: HTTPError) -> Response:
    if error.status_code == 403:
        return error_response(403, "forbidden", "This token may not do that.")
    return error_response(
        401,
        "unauthorized",
        "A valid API token is required: send 'Authorization: Bearer <token>'.",
        headers={"WWW-Authenticate": 'Bearer realm="songngu"'},
    )


def api_user() -> UserView:
    """The token's owner; only call inside a view guarded by ``token_auth``."""
    user = token_auth.current_user
    assert user is not None, "api_user() called outside @auth_required(token_auth)"
    return user


def session_user() -> UserView:
    """The signed-in browser user as the Desk knows it."""
    return current_user.view


class LoginForm(FlaskForm):
    name = StringField(lazy_gettext("Name"), validators=[
        DataRequired(lazy_gettext("Enter your name.")), Length(max=200)])
    password = PasswordField(lazy_gettext("Password"), validators=[
        DataRequired(lazy_gettext("Enter your password.")), Length(max=1000)])
    submit = SubmitField(lazy_gettext("Sign in"))


class LogoutForm(FlaskForm):
    """Empty on purpose: it exists so signing out is a POST with a CSRF token."""

    submit = SubmitField(lazy_gettext("Sign out"))


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths: an absolute ``next`` would make the login page an open redirect."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    if "\\" in target:
        return None
    return target


@bp.app_context_processor
def _inject_logout_form() -> dict[str, Any]:
    return {"logout_form": LogoutForm() if current_user.is_authenticated else None}


@bp.route("/login", methods=["GET", "POST"])
def login() -> Any:
    if current_user.is_authenticated:
        return redirect(_safe_next(request.args.get("next")) or url_for("auth.home"))
    form = LoginForm()
    error: str | None = None
    status = 200
    retry_after = 0
    if form.validate_on_submit():
        try:
            signed = get_desk().accounts.sign_in(form.name.data, form.password.data, remote=request.remote_addr or "")
        except LoginThrottled as exc:
            retry_after = max(int(exc.retry_after), 1)
            minutes, seconds = divmod(retry_after, 60)
            wait = f"{minutes} min {seconds} s" if minutes else f"{seconds} s"
            error = gettext("Too many failed sign-in attempts. Try again in %(wait)s.", wait=wait)
            status = 429
        else:
            if signed is None:
                error = gettext("Wrong name or password.")
                status = 401
            else:
                login_user(SessionUser(signed.user, signed.session_id))
                flash(gettext("Signed in as %(name)s.", name=signed.user.name), "info")
                return redirect(_safe_next(request.args.get("next")) or url_for("auth.home"))
    elif form.is_submitted():
        status = 400
    response = current_app.make_response(render_template("login.html", form=form, error=error))
    response.status_code = status
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


@bp.post("/logout")
@login_required
def logout() -> Any:
    form = LogoutForm()
    if not form.validate_on_submit():
        # CSRFProtect already rejects a missing token; this covers a disabled CSRF in tests.
        return redirect(url_for("auth.home"))
    get_desk().accounts.sign_out(session_user())  # ends this user's every session, copied cookies too
    logout_user()
    flash(gettext("Signed out."), "info")
    return redirect(url_for("auth.login"))


@bp.get("/")
@login_required
def home() -> str:
    return render_template("home.html", user=current_user)


def init_app(app: Flask) -> None:
    """Wire sessions, CSRF and the auth pages into the app."""
    login_manager.init_app(app)
    csrf.init_app(app)
    app.register_blueprint(bp)
