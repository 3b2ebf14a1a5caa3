"""My account, for every signed-in user: change the password, see and manage one's own API tokens."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext
from flask_login import login_required, login_user

from translate.desk import InvalidState, LoginThrottled, PermissionDenied
from translate.errors import InputError
from webui.account_forms import ChangePasswordForm, OwnTokenForm
from webui.admin_pages import token_page
from webui.auth import SessionUser, get_desk, session_user
from webui.error_reasons import reason_for

bp = Blueprint("account_pages", __name__)


def _page(password_form: ChangePasswordForm | None = None, token_form: OwnTokenForm | None = None,
          status: int = 200, error: str | None = None) -> Any:
    me = session_user()
    tokens = [t for t in get_desk().accounts.list_tokens(me) if t["user"] == me.name]
    return render_template("admin/account.html", me=me, tokens=tokens,
                           password_form=password_form or ChangePasswordForm(formdata=None),
                           token_form=token_form or OwnTokenForm(formdata=None), error=error), status


@bp.get("/account")
@login_required
def account() -> Any:
    return _page()


@bp.post("/account/password")
@login_required
def change_password() -> Any:
    form = ChangePasswordForm()
    if not form.validate_on_submit():
        return _page(password_form=form, status=400)
    try:
        signed = get_desk().accounts.change_password(session_user(), form.current.data, form.password.data)
    except PermissionDenied:
        form.current.errors = [gettext("This is not your current password.")]
        return _page(password_form=form, status=400)
    except LoginThrottled:
        return _page(password_form=form, status=429,
                     error=gettext("Too many wrong current passwords. Try again later."))
    except (InputError, InvalidState) as exc:
        return _page(password_form=form, status=400, error=reason_for(exc))
    login_user(SessionUser(signed.user, signed.session_id))  # this browser stays signed in; others are not
    flash(gettext("Password changed. You were signed out everywhere else."), "success")
    return redirect(url_for(".account"))


@bp.post("/account/tokens")
@login_required
def create_token() -> Any:
    form = OwnTokenForm()
    if not form.validate_on_submit():
        return _page(token_form=form, status=400)
    me = session_user()
    token = get_desk().accounts.create_token_for(me, me.id, form.label.data or "")
    return token_page(token, me.name, back=url_for(".account"))


