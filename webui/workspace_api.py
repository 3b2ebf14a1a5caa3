"""The workspace's JSON endpoints (/workspace/api/...), for ``webui/static/js/workspace.js``.

They ride the browser session, not the token API: every change needs the
``X-CSRFToken`` header (checked by Flask-WTF before the view runs), and a request
without a session gets a 401 in JSON rather than the sign-in page or a CSRF
error, so the script can tell the translator to sign in again while keeping what
they typed. Every
failure answers ``{"error": {"code", "message"}}``; a conflict (409) also carries
both texts (``current_target``, ``your_target``) and the current version, so the
post-editor chooses instead of retyping.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Blueprint, current_app, jsonify, request
from flask_login import current_user
from werkzeug.exceptions import HTTPException
from werkzeug.wrappers import Response

from glossary.errors import GlossaryError
from translate.desk.postedit.recorder import parse_effort
from translate.errors import InputError, SongnguError
from webui.auth import csrf, get_desk, session_user
from webui.errors import CODE_BY_STATUS, database_unavailable, error_response, service_error_response

log = logging.getLogger(__name__)
API_PREFIX = "/workspace/api"
bp = Blueprint("workspace_api", __name__, url_prefix=API_PREFIX)
# Not part of the token API's description; apiflask reads this flag on every blueprint that has a
# before_request function, and a plain Flask blueprint without it breaks /api/v1/openapi.json (500).
bp.enable_openapi = False  # type: ignore[attr-defined]


# The CSRF check runs in _guard, after the sign-in check, so that a session that ended answers 401
# (the script then says "sign in again") rather than a CSRF error; it is never skipped.
csrf.exempt(bp)


@bp.before_request
def _guard() -> Response | None:
    if not current_user.is_authenticated:
        return error_response(401, "unauthorized", "Your session has ended: sign in again in another tab; "
                                                   "what you typed here is kept until then.")
    if request.method not in ("GET", "HEAD", "OPTIONS") and current_app.config.get("WTF_CSRF_ENABLED", True):
        csrf.protect()
    return None


@bp.errorhandler(SongnguError)
@bp.errorhandler(GlossaryError)
def _service_error(exc: Exception) -> Response:
    return service_error_response(exc)


@bp.errorhandler(HTTPException)
def _http_error(exc: HTTPException) -> Response:
    status = exc.code or 500
    return error_response(status, CODE_BY_STATUS.get(status, f"http_{status}"), exc.description or exc.name)


@bp.errorhandler(Exception)
def _unexpected(exc: Exception) -> Response:
    unavailable = database_unavailable(exc)
    if unavailable is not None:
        reason, retry_after = unavailable
        return error_response(503, "unavailable", f"Briefly unavailable ({reason}); nothing was changed: "
                                                  f"try again in {retry_after} s.",
                              headers={"Retry-After": str(retry_after)})
    log.exception("unhandled error on %s %s", request.method, request.path)
    return error_response(500, "internal", "Internal error; it has been logged. What you typed is kept here.")


def _json() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise InputError("send a JSON object")
    return data


def _ok(payload: Any) -> Response:
    response = jsonify(payload)
    response.headers["Cache-Control"] = "no-store"
    return response


# --- one segment --------------------------------------------------------------------------------

@bp.post("/segments/<int:segment_id>/save")
def save(segment_id: int) -> Response:
    body = _json()
    view = get_desk().segments.save_as_typed(session_user(), segment_id, body.get("target"), body.get("version"))
    return _ok({"segment": view.to_dict()})


@bp.post("/segments/<int:segment_id>/check")
def check(segment_id: int) -> Response:
    return _ok({"flags": get_desk().segments.check(session_user(), segment_id, _json().get("target"))})


@bp.post("/segments/<int:segment_id>/confirm")
def confirm(segment_id: int) -> Response:
    """Optional body: ``active_ms``, ``keystrokes``, ``memory_pct`` (the post-edit analytics' effort)."""
    effort = parse_effort(request.get_json(silent=True) if request.content_length else None)
    return _ok({"segment": get_desk().segments.confirm(session_user(), segment_id, effort).to_dict()})


@bp.post("/segments/<int:segment_id>/approve")
def approve(segment_id: int) -> Response:
    return _ok({"segment": get_desk().review.approve(session_user(), segment_id).to_dict()})


@bp.post("/segments/<int:segment_id>/send-back")
def send_back(segment_id: int) -> Response:
    view = get_desk().review.send_back(session_user(), segment_id, _json().get("comment"))
    return _ok({"segment": view.to_dict()})


@bp.get("/segments/<int:segment_id>/panel")
def panel(segment_id: int) -> Response:
    """What the side panel shows for the current segment: memory matches and glossary entries."""
    desk, actor = get_desk(), session_user()
    return _ok({"segment": segment_id, "memory": desk.workspace.memory(actor, segment_id),
                "glossary": desk.workspace.glossary(actor, segment_id)})


@bp.get("/segments/<int:segment_id>/history")
def history(segment_id: int) -> Response:
    return _ok(get_desk().workspace.history(session_user(), segment_id))


# --- the article --------------------------------------------------------------------------------

@bp.get("/documents/<int:doc_id>/concordance")
def concordance(doc_id: int) -> Response:
    hits = get_desk().workspace.concordance(session_user(), doc_id, request.args.get("q", ""))
    return _ok({"query": request.args.get("q", ""), "hits": hits})


@bp.post("/documents/<int:doc_id>/comments")
def comment(doc_id: int) -> Response:
    body = _json()
    segment_id, parent_id = body.get("segment_id"), body.get("parent_id")
    for name, value in (("segment_id", segment_id), ("parent_id", parent_id)):
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)):
            raise InputError(f"{name} must be an integer")
    made = get_desk().review.comment(session_user(), doc_id, body.get("body"), segment_id=segment_id,
                                     parent_id=parent_id)
    return _ok({"comment": made})


@bp.post("/comments/<int:comment_id>/resolve")
def resolve(comment_id: int) -> Response:
    return _ok({"comment": get_desk().review.resolve(session_user(), comment_id)})


@bp.post("/glossary/propose")
def propose() -> Response:
    body = _json()
    fields = {k: body.get(k, "") for k in ("vi", "en", "domain", "note")}
    return _ok({"entry": get_desk().glossary.propose(session_user(), **fields)})
