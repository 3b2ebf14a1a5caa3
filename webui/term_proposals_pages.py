"""The glossary learning from translators, for admins: proposals with their evidence, and what MT misses.

``/glossary/proposals`` lists what ``desk.term_proposals`` found (or finds now,
with "Find proposals") with the segments that support each; Accept applies one
through the glossary's normal edit path, Reject closes it. ``/glossary/most-missed``
lists, per model, the entries machine drafts most often miss. The service checks
the role; these views only parse and render.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import login_required

from glossary.errors import GlossaryError
from translate.desk.errors import InvalidState
from translate.desk.term_learning.tables import PROPOSAL_STATES
from translate.errors import InputError
from webui.auth import get_desk, session_user
from webui.dates import when
from webui.error_reasons import reason_for
from webui.glossary_forms import DOMAIN_LABELS, KIND_LABELS

bp = Blueprint("term_proposals_pages", __name__, url_prefix="/glossary")

STATE_LABELS: dict[str, Any] = {"open": lazy_gettext("Open"), "accepted": lazy_gettext("Accepted"),
                                "rejected": lazy_gettext("Rejected")}
# What an admin fixes by deciding differently: told in a flash, nothing changed.
DECISION_ERRORS = (GlossaryError, InputError, InvalidState)
ENTRY_FIELDS = ("vi", "en", "kind", "domain", "note")


@bp.get("/proposals")
@login_required
def proposals() -> Any:
    state = request.args.get("state", "open")
    if state not in PROPOSAL_STATES:
        state = "open"
    found = get_desk().term_proposals.list(session_user(), state)
    return render_template("term_proposals/list.html", proposals=found, state=state, states=STATE_LABELS,
                           domains=DOMAIN_LABELS, kinds=KIND_LABELS, when=when)


@bp.post("/proposals/find")
@login_required
def find() -> Any:
    result = get_desk().term_proposals.learn(session_user())
    flash(gettext("Read %(segments)s confirmed segments. New proposals: %(created)s; updated: %(refreshed)s.",
                  segments=result["segments"], created=result["created"], refreshed=result["refreshed"]), "success")
    return redirect(url_for(".proposals"))


@bp.post("/proposals/<int:proposal_id>/accept")
@login_required
def accept(proposal_id: int) -> Any:
    form = request.form
    revision = form.get("revision", "")
    # A new entry's fields, as the admin edited them (``entry_<field>``, apart from the decision's note).
    fields = {name: form[f"entry_{name}"] for name in ENTRY_FIELDS if f"entry_{name}" in form}
    try:
        done = get_desk().term_proposals.accept(
            session_user(), proposal_id, expected_revision=int(revision) if revision.isdigit() else None,
            make_preferred=form.get("make_preferred") == "yes", fields=fields or None, note=form.get("note", ""))
    except DECISION_ERRORS as exc:
        flash(gettext("Proposal %(id)s was not accepted: %(reason)s", id=proposal_id, reason=reason_for(exc)), "error")
        return redirect(url_for(".proposals"))
    flash(gettext("Proposal %(id)s accepted: the glossary is now at version %(version)s.", id=proposal_id,
                  version=done["glossary_version"]), "success")
    return redirect(url_for(".proposals"))


@bp.post("/proposals/<int:proposal_id>/reject")
@login_required
def reject(proposal_id: int) -> Any:
    try:
        get_desk().term_proposals.reject(session_user(), proposal_id, note=request.form.get("note", ""))
    except DECISION_ERRORS as exc:
        flash(gettext("Proposal %(id)s was not rejected: %(reason)s", id=proposal_id, reason=reason_for(exc)), "error")
        return redirect(url_for(".proposals"))
    flash(gettext("Proposal %(id)s rejected; the glossary is unchanged.", id=proposal_id), "success")
    return redirect(url_for(".proposals"))


@bp.get("/most-missed")
@login_required
def most_missed() -> Any:
    report = get_desk().term_proposals.most_missed(session_user())
    return render_template("term_proposals/missed.html", report=report)
