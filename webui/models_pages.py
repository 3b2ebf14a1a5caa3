"""The models page (admins): installed MT checkpoints, their scores, and adapting them to the site.

Models are fetched, added and evaluated from the command line; this page puts the
figures side by side so replacing a model is decided on numbers. It also starts an
adaptation run (fine-tuning on the desk's approved translations), shows its
progress and held-out scores, and accepts or rolls back a revision. The rules
(admins only, enough data, only a better revision) live in ``desk.adaptation``.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import login_required

from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for

bp = Blueprint("models_pages", __name__)
DIRECTIONS = ("vi-en", "en-vi")


@bp.get("/admin/models")
@login_required
def models() -> Any:
    desk, user = get_desk(), session_user()
    found = desk.models.list_models(user)
    revisions = {m["name"]: desk.adaptation.revisions(user, m["name"]) for m in found}
    runs = desk.adaptation.list_runs(user, limit=5)
    return render_template("admin/models.html", models=found, revisions=revisions, runs=runs,
                           directions=DIRECTIONS, refresh=any(r.active for r in runs))


@bp.post("/admin/models/adapt")
@login_required
def adapt() -> Any:
    direction = request.form.get("direction", "")
    if direction not in DIRECTIONS:
        abort(400)
    try:
        steps = int(request.form.get("steps", "1000"))
    except ValueError:
        flash(gettext("Steps must be a whole number."), "error")
        return redirect(url_for(".models"))
    src, tgt = direction.split("-")
    try:
        run = get_desk().adaptation.request(session_user(), src, tgt, steps=steps)
    except SongnguError as exc:
        flash(reason_for(exc), "error")
    else:
        flash(gettext("Adaptation run %(id)s started: the page shows its progress.", id=run.id), "success")
    return redirect(url_for(".models"))


@bp.post("/admin/models/runs/<int:run_id>/cancel")
@login_required
def cancel(run_id: int) -> Any:
    try:
        get_desk().adaptation.cancel(session_user(), run_id)
    except SongnguError as exc:
        flash(reason_for(exc), "error")
    else:
        flash(gettext("Run %(id)s stops before its next step; the current model stays.", id=run_id), "info")
    return redirect(url_for(".models"))


@bp.post("/admin/models/<name>/accept")
@login_required
def accept(name: str) -> Any:
    try:
        result = get_desk().adaptation.accept(session_user(), name, request.form.get("revision", ""))
    except SongnguError as exc:
        flash(reason_for(exc), "error")
    else:
        flash(gettext("%(name)s now drafts with revision %(revision)s.", name=name, revision=result["revision"]),
              "success")
    return redirect(url_for(".models"))


@bp.post("/admin/models/<name>/rollback")
@login_required
def rollback(name: str) -> Any:
    try:
        result = get_desk().adaptation.rollback(session_user(), name)
    except SongnguError as exc:
        flash(reason_for(exc), "error")
    else:
        flash(gettext("%(name)s drafts with revision %(revision)s again.", name=name,
                      revision=result["revision"] or gettext("the base checkpoint")), "success")
    return redirect(url_for(".models"))
