"""The webhook delivery log for admins (/admin/webhooks): what went to the CMS, what failed, retry now.

Reads ``desk.webhooks.deliveries`` and posts ``desk.webhooks.retry_now``; the
service refuses anyone but an administrator (a 403 page).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext
from flask_login import login_required
from werkzeug.wrappers import Response

from translate.desk.webhooks.deliveries import STATES
from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for

bp = Blueprint("webhook_pages", __name__, url_prefix="/admin/webhooks")

PAGE_SIZE = 50
STATE_LABELS: dict[str, Any] = {
    "pending": lazy_gettext("Waiting to retry"),
    "sending": lazy_gettext("Sending"),
    "delivered": lazy_gettext("Delivered"),
    "failed": lazy_gettext("Failed"),
}
EVENT_LABELS: dict[str, Any] = {
    "published": lazy_gettext("Published"),
    "unpublished": lazy_gettext("Withdrawn"),
}


@bp.get("")
@login_required
def deliveries() -> Any:
    state = request.args.get("state") or None
    if state is not None and state not in STATES:
        abort(400, description=gettext("Unknown delivery state: %(value)s", value=state))
    page_no = max(request.args.get("page", 1, type=int) or 1, 1)
    log = get_desk().webhooks.deliveries(session_user(), state=state, limit=PAGE_SIZE,
                                         offset=(page_no - 1) * PAGE_SIZE)
    pages = max((log.total + PAGE_SIZE - 1) // PAGE_SIZE, 1)
    return render_template("admin/webhooks.html", log=log, state=state or "", states=STATES, page_no=page_no,
                           pages=pages, state_labels={k: str(v) for k, v in STATE_LABELS.items()},
                           event_labels={k: str(v) for k, v in EVENT_LABELS.items()})


@bp.post("/<int:delivery_id>/retry")
@login_required
def retry(delivery_id: int) -> Response:
    try:
        get_desk().webhooks.retry_now(session_user(), delivery_id)
    except SongnguError as exc:
        if getattr(exc, "code", "") == "forbidden":
            raise
        flash(gettext("Not done: %(reason)s", reason=reason_for(exc)), "error")
    else:
        flash(gettext("Delivery %(id)s is queued to be sent now.", id=delivery_id), "success")
    return redirect(url_for(".deliveries", state=request.args.get("state") or None))
