"""Pages behind one-time links: the first admin's set-up and a password reset.

Neither needs a session: the token in the link is the proof. Opening the link
only checks it (a used, replaced, expired or mistyped link says so at once);
the form spends it. The set-up link is printed by ``songngu serve`` on its
console while the desk has no active admin; reset links come from an admin.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import current_user, login_user, logout_user

from translate.desk import InvalidState, NotFound
from translate.errors import InputError
from webui.account_forms import SetPasswordForm, SetupForm
from webui.auth import SessionUser, get_desk
from webui.error_reasons import reason_for

bp = Blueprint("setup_pages", __name__)

NO_STORE = {"Cache-Control": "no-store", "Referrer-Policy": "no-referrer"}


def link_refused(kind: str, exc: Exception) -> Any:
    """A clear page for a link that cannot be used: 404 when unknown, 410 when used, replaced or expired."""
    status = 404 if isinstance(exc, NotFound) else 410
    page = render_template("admin/link_refused.html", kind=kind, message=reason_for(exc), status=status)
    return page, status, NO_STORE


@bp.route("/setup/<token>", methods=["GET", "POST"])
def setup(token: str) -> Any:
    accounts = get_desk().accounts
    try:
        accounts.check_setup_link(token)
    except (NotFound, InvalidState) as exc:
        return link_refused("setup", exc)
    form = SetupForm()
    error: str | None = None
    if form.validate_on_submit():
        name, password = form.name.data.strip(), form.password.data
        try:
            admin = accounts.redeem_setup(token, name, password)
        except (NotFound, InvalidState) as exc:
            return link_refused("setup", exc)
        except InputError as exc:
            error = reason_for(exc)
        else:
            signed = accounts.sign_in(admin.name, password, remote=request.remote_addr or "")
            if current_user.is_authenticated:
                logout_user()
            if signed is not None:
                login_user(SessionUser(signed.user, signed.session_id))
            flash(gettext("Welcome, %(name)s: you are the desk's first administrator. Add the others under "
                          "Users.", name=admin.name), "success")
            return redirect(url_for("admin_pages.users"))
    status = 400 if form.is_submitted() else 200
    page = render_template("admin/setup.html", form=form, error=error)
    return page, status, NO_STORE


@bp.route("/reset/<token>", methods=["GET", "POST"])
def reset(token: str) -> Any:
    accounts = get_desk().accounts
    try:
        user = accounts.reset_link_user(token)
    except (NotFound, InvalidState) as exc:
        return link_refused("reset", exc)
    form = SetPasswordForm()
    error: str | None = None
    if form.validate_on_submit():
        try:
            accounts.redeem_reset(token, form.password.data)
        except (NotFound, InvalidState) as exc:
            return link_refused("reset", exc)
        except InputError as exc:
            error = reason_for(exc)
        else:
            if current_user.is_authenticated:
                logout_user()
            flash(gettext("Your password is set. Sign in with it now."), "success")
            current_app.logger.info("password set through a reset link for user %s", user.id)
            return redirect(url_for("auth.login"))
    status = 400 if form.is_submitted() else 200
    page = render_template("admin/reset.html", form=form, user=user, error=error)
    return page, status, NO_STORE
