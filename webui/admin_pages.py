"""Managing people in the browser (admins): accounts, roles, disabling, reset links and API tokens.

Every action is one call to ``get_desk().accounts`` as the signed-in admin; the
service refuses anyone else (a 403 page) and keeps its rules (the last admin
stays, a disabled user's sessions and tokens stop). Secrets -- a reset link, a
new API token -- are rendered once, in the response to the POST that made them,
never stored in the session or a flash message, and the page is not cached.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import login_required

from translate.desk import InvalidState, NotFound
from translate.errors import InputError
from webui.account_forms import CreateUserForm, RoleForm, TokenForm
from webui.auth import get_desk, session_user
from webui.dates import when
from webui.error_reasons import reason_for
from webui.glossary_forms import choice
from webui.layout import role_label

bp = Blueprint("admin_pages", __name__, url_prefix="/admin")
bp.add_app_template_global(when, "when")

NO_STORE = {"Cache-Control": "no-store"}


def link_to(endpoint: str, **values: Any) -> str:
    """An absolute link for someone else to open: on the public address when one is configured."""
    public = get_desk().settings.public_url
    if public:
        return public.rstrip("/") + url_for(endpoint, **values)
    return url_for(endpoint, _external=True, **values)


def secret_page(*, title: str, intro: str, label: str, secret: str, back: str, warning: str) -> Any:
    return render_template("admin/secret.html", title=title, intro=intro, label=label, secret=secret,
                           back=back, warning=warning), 200, NO_STORE


def _users_page(create_form: CreateUserForm | None = None, token_form: TokenForm | None = None,
                status: int = 200, error: str | None = None) -> Any:
    desk, me = get_desk(), session_user()
    users = desk.accounts.list_accounts(me)
    tokens = desk.accounts.list_tokens(me)
    token_form = token_form or TokenForm(formdata=None)
    token_form.user.choices = [choice(u["id"], u["name"]) for u in users if u["active"]]
    return render_template("admin/users.html", users=users, tokens=tokens, me=me,
                           create_form=create_form or CreateUserForm(formdata=None), token_form=token_form,
                           role_form=RoleForm(formdata=None), error=error), status


@bp.get("/users")
@login_required
def users() -> Any:
    return _users_page()


@bp.post("/users")
@login_required
def create_user() -> Any:
    form = CreateUserForm()
    if not form.validate_on_submit():
        return _users_page(create_form=form, status=400)
    with_link = form.how.data == "link"
    try:
        user, token = get_desk().accounts.create_account(
            session_user(), form.name.data.strip(), form.role.data, None if with_link else form.password.data)
    except InputError as exc:
        return _users_page(create_form=form, status=400, error=reason_for(exc))
    if token is None:
        flash(gettext("%(name)s can now sign in as %(role)s.", name=user.name, role=role_label(user.role)),
              "success")
        return redirect(url_for(".users"))
    return secret_page(
        title=gettext("Account created: %(name)s", name=user.name),
        intro=gettext("Send %(name)s this link. It lets them choose their password once, within 24 hours.",
                      name=user.name),
        label=gettext("Set-password link for %(name)s", name=user.name),
        secret=link_to("setup_pages.reset", token=token), back=url_for(".users"),
        warning=gettext("This link is shown only now. Anyone who has it can set the password: send it "
                        "privately."))


@bp.post("/users/<int:user_id>/role")
@login_required
def set_role(user_id: int) -> Any:
    form = RoleForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        user = get_desk().accounts.set_role(session_user(), user_id, form.role.data)
    except InvalidState as exc:
        flash(last_admin_message(exc), "error")
    else:
        flash(gettext("%(name)s is now %(role)s; their sessions were ended.", name=user.name,
                      role=role_label(user.role)), "success")
    return redirect(url_for(".users"))


def last_admin_message(exc: Exception) -> str:
    if "last active admin" in str(exc):
        return gettext("The desk needs at least one active administrator: make someone else administrator "
                       "first.")
    return reason_for(exc)


def _account(user_id: int) -> dict[str, Any]:
    found = next((u for u in get_desk().accounts.list_accounts(session_user()) if u["id"] == user_id), None)
    if found is None:
        abort(404)
    return found


@bp.route("/users/<int:user_id>/<any(disable, enable):action>", methods=["GET", "POST"])
@login_required
def set_active(user_id: int, action: str) -> Any:
    """A confirm step (a page of its own, so it works without JavaScript), then the change."""
    account = _account(user_id)
    if request.method == "GET":
        return render_template("admin/confirm_active.html", account=account, action=action)
    try:
        user = get_desk().accounts.set_active(session_user(), user_id, action == "enable")
    except InvalidState as exc:
        flash(last_admin_message(exc), "error")
    else:
        if action == "enable":
            flash(gettext("%(name)s can sign in again.", name=user.name), "success")
        else:
            flash(gettext("%(name)s is disabled: their sessions and API tokens no longer work.", name=user.name),
                  "success")
    return redirect(url_for(".users"))


@bp.post("/users/<int:user_id>/reset-link")
@login_required
def reset_link(user_id: int) -> Any:
    account = _account(user_id)
    try:
        token = get_desk().accounts.admin_reset_link(session_user(), user_id)
    except InvalidState as exc:
        flash(reason_for(exc), "error")
        return redirect(url_for(".users"))
    return secret_page(
        title=gettext("Password reset for %(name)s", name=account["name"]),
        intro=gettext("Send %(name)s this link. It lets them choose a new password once, within 24 hours; "
                      "any earlier reset link stops working.", name=account["name"]),
        label=gettext("Password-reset link for %(name)s", name=account["name"]),
        secret=link_to("setup_pages.reset", token=token), back=url_for(".users"),
        warning=gettext("This link is shown only now. Anyone who has it can set the password: send it "
                        "privately."))


@bp.post("/tokens")
@login_required
def create_token() -> Any:
    form = TokenForm()
    users = get_desk().accounts.list_accounts(session_user())
    form.user.choices = [choice(u["id"], u["name"]) for u in users if u["active"]]
    if not form.validate_on_submit():
        return _users_page(token_form=form, status=400)
    name = next(u["name"] for u in users if u["id"] == form.user.data)
    token = get_desk().accounts.create_token_for(session_user(), form.user.data, form.label.data or "")
    return token_page(token, name, back=url_for(".users"))


def token_page(token: str, name: str, *, back: str) -> Any:
    return secret_page(
        title=gettext("New API token for %(name)s", name=name),
        intro=gettext("Programs send it as “Authorization: Bearer TOKEN” and act as %(name)s.", name=name),
        label=gettext("API token for %(name)s", name=name), secret=token, back=back,
        warning=gettext("Copy the token now: it is shown only once and cannot be shown again. Keep it like a "
                        "password; revoke it if it leaks."))


@bp.post("/tokens/<int:token_id>/revoke")
@login_required
def revoke_token(token_id: int) -> Any:
    try:
        get_desk().accounts.revoke_token(token_id, session_user())
    except NotFound:
        abort(404)
    flash(gettext("Token revoked: programs using it are refused from now on."), "success")
    back = request.form.get("next", "")
    return redirect(back if back in ("/account", "/admin/users") else url_for(".users"))
