"""The post-editing workspace (/articles/<id>/workspace) and the review (/articles/<id>/review).

Both show one grid: a row per segment with the source (glossary terms marked,
inline tags as numbered tokens), the translation, its state, origin and QA
messages, and the comment threads. In the workspace a translator edits the
translation; ``webui/static/js/workspace.js`` saves as they type through the
JSON endpoints of ``webui/workspace_api.py`` and adds the keyboard, the side
panel (memory, glossary, concordance, history, proposing a term) and conflict
handling. The review shows the same grid read-only, for editors: approve or
send back with a comment, per segment or for the whole article, then publish.

Every action also works without JavaScript: each row is a form posting here, and
the answer brings the reader back to that row. The grid itself comes from
``desk.workspace.grid`` (``translate/desk/workspace_service.py``); every rule
(who may edit, what may be sent back) is the service's.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import datetime
from typing import Any

from flask import Blueprint, flash, redirect, render_template, request, url_for
from flask_babel import format_datetime, gettext, lazy_gettext
from flask_login import login_required
from flask_wtf.csrf import generate_csrf
from markupsafe import Markup, escape
from werkzeug.wrappers import Response

from glossary.entries import DOMAINS
from glossary.errors import GlossaryError
from translate.desk import EditConflict
from translate.desk.rules import MAX_COMMENT, MAX_TARGET, TRANSLATORS
from translate.desk.workspace_service import Row
from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for
from webui.flashing import done_or_flash
from webui.workspace_api import API_PREFIX

bp = Blueprint("workspace", __name__)

SEGMENT_STATES: dict[str, Any] = {
    "new": lazy_gettext("Untranslated"),
    "machine": lazy_gettext("Machine draft"),
    "memory": lazy_gettext("From memory"),
    "edited": lazy_gettext("Edited"),
    "rejected": lazy_gettext("Sent back"),
    "confirmed": lazy_gettext("Confirmed"),
    "approved": lazy_gettext("Approved"),
}
CHECKS: dict[str, Any] = {
    "missing_term": lazy_gettext("Missing term"),
    "forbidden_term": lazy_gettext("Forbidden term"),
    "dnt_altered": lazy_gettext("Name changed"),
    "numbers": lazy_gettext("Numbers"),
    "tags": lazy_gettext("Tags"),
    "untranslated": lazy_gettext("Untranslated"),
    "whitespace": lazy_gettext("Spacing"),
    "end_punctuation": lazy_gettext("Punctuation"),
}
SEVERITIES: dict[str, Any] = {"blocking": lazy_gettext("Blocking"), "warning": lazy_gettext("Warning")}
ACTIONS: dict[str, Any] = {
    "machine": lazy_gettext("Machine draft"),
    "memory": lazy_gettext("From memory"),
    "save": lazy_gettext("Saved"),
    "confirm": lazy_gettext("Confirmed"),
    "approve": lazy_gettext("Approved"),
    "send_back": lazy_gettext("Sent back"),
    "conflict": lazy_gettext("Refused save (conflict)"),
}
DOMAIN_LABELS: dict[str, Any] = {
    "unesco": lazy_gettext("UNESCO"), "craft": lazy_gettext("Crafts"), "heritage": lazy_gettext("Heritage"),
    "org": lazy_gettext("Organisations"), "place": lazy_gettext("Places"), "policy": lazy_gettext("Policy"),
    "cuisine": lazy_gettext("Cuisine"),
}


def labels() -> dict[str, dict[str, str]]:
    """Every label the grid and its script show, in the reader's language."""
    def plain(d: dict[str, Any]) -> dict[str, str]:
        return {k: str(v) for k, v in d.items()}

    return {"states": plain(SEGMENT_STATES), "checks": plain(CHECKS), "severities": plain(SEVERITIES),
            "actions": plain(ACTIONS), "domains": {d: str(DOMAIN_LABELS.get(d, d)) for d in DOMAINS}}


@bp.app_template_filter("ws_digest")
def ws_digest(text: str) -> str:
    """A short fingerprint of a text, so a form can tell whether it was changed without sending it twice."""
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:16]


@bp.app_template_filter("ws_time")
def ws_time(iso: str | None) -> str:
    """A service timestamp (ISO, naive UTC) in the reader's language and time zone."""
    if not iso:
        return ""
    try:
        return format_datetime(datetime.fromisoformat(iso), "short")
    except ValueError:
        return iso


def row_words() -> dict[str, str]:
    """The texts every row repeats, translated once per page (``{n}``, ``{model}``... filled in per row)."""
    return {
        "segment": gettext("Segment %(number)s", number="{n}"),
        "editor": gettext("Translation of segment %(number)s", number="{n}"),
        "why": gettext("Why, for the translator (segment %(number)s)", number="{n}"),
        "send_back_n": gettext("Send back segment %(number)s", number="{n}"),
        "mt": gettext("MT · %(model)s", model="{model}"),
        "from_mt": gettext("(from MT · %(model)s)", model="{model}"),
        "memory": gettext("Memory %(pct)s", pct="{pct}"),
        "unknown_model": gettext("unknown model"), "human": gettext("Human"), "no_draft": gettext("No draft yet"),
        "title": gettext("Title"), "summary": gettext("Summary"), "save": gettext("Save"),
        "confirm": gettext("Confirm"), "approve": gettext("Approve"), "send_back": gettext("Send back"),
        "not_translated": gettext("Not translated yet"),
    }


def source_markup(row: Row) -> Markup:
    """A row's source as HTML: text escaped, glossary terms marked, inline tags as tokens.

    Built here rather than in the template because it is the grid's inner loop (a
    300-segment article has thousands of pieces); ``Markup.format`` escapes every
    value it is given, exactly as Jinja's autoescape would. A term points at its
    entry's description, written once per page (see ``term_notes``), which the
    script shows on hover and focus and a screen reader reads as its description.
    """
    out: list[Markup] = []
    for piece in row.pieces:
        if piece.tag:
            out.append(Markup('<span class="tok" aria-hidden="true">{}</span>').format(piece.text))
        elif piece.term is not None:
            out.append(Markup('<mark class="term" tabindex="0" aria-describedby="gl-{}">{}</mark>')
                       .format(row.terms[piece.term].entry, piece.text))
        else:
            out.append(escape(piece.text))
    return Markup("").join(out)


def term_notes(grid_rows: tuple[Row, ...]) -> list[Any]:
    """Each glossary entry found in the article, once: what its highlighted terms describe themselves with."""
    seen: dict[int, Any] = {}
    for row in grid_rows:
        for term in row.terms:
            seen.setdefault(term.entry, term)
    return list(seen.values())


def _grid_page(doc_id: int, mode: str) -> str:
    desk = get_desk()
    actor = session_user()
    grid = desk.workspace.grid(actor, doc_id)
    threads: dict[int | None, list[dict]] = defaultdict(list)
    for thread in desk.review.comments(actor, doc_id):
        threads[thread["segment_id"]].append(thread)
    return render_template(
        "workspace/grid.html", grid=grid, doc=grid.document, mode=mode, threads=threads, labels=labels(),
        domains=DOMAINS, max_comment=MAX_COMMENT, max_target=MAX_TARGET, csrf=generate_csrf(), api_base=API_PREFIX,
        editable=mode == "edit" and grid.can_edit, reviewing=mode == "review" and grid.can_review,
        words=row_words(), source_markup=source_markup, term_notes=term_notes(grid.rows),
    )


@bp.get("/articles/<int:doc_id>/workspace")
@login_required
def workspace(doc_id: int) -> Any:
    """Editors (who cannot edit translations) are taken to the review of the same article."""
    if session_user().role not in TRANSLATORS:
        return redirect(url_for("workspace.review", doc_id=doc_id))
    return _grid_page(doc_id, "edit")


@bp.get("/articles/<int:doc_id>/review")
@login_required
def review(doc_id: int) -> str:
    return _grid_page(doc_id, "review")


# --- the same actions as forms, for a browser without JavaScript ----------------------------------

def _back(doc_id: int, number: Any = None) -> Response:
    mode = request.form.get("mode")
    endpoint = "workspace.review" if mode == "review" or session_user().role not in TRANSLATORS \
        else "workspace.workspace"
    anchor = f"seg-{number}" if str(number or "").isdigit() else None
    return redirect(url_for(endpoint, doc_id=doc_id, _anchor=anchor))


def _do(action, done: str) -> bool:
    # a proposed term can also be refused by the glossary itself
    return done_or_flash(action, done, also=(GlossaryError,))


def _int(name: str) -> int | None:
    raw = request.form.get(name, "")
    return int(raw) if raw.isdigit() and len(raw) < 11 else None


@bp.post("/articles/<int:doc_id>/workspace/segments/<int:segment_id>")
@login_required
def save_segment(doc_id: int, segment_id: int) -> Response:
    """Save the text if it changed, then confirm if asked; a conflict keeps the text in the history."""
    desk, actor = get_desk(), session_user()
    number = request.form.get("number")
    target = request.form.get("target", "")
    version = _int("version")
    try:
        if ws_digest(target) != request.form.get("loaded") or version is None:
            desk.segments.save(actor, segment_id, target, version if version is not None else -1)
        if request.form.get("action") == "confirm":
            desk.segments.confirm(actor, segment_id)
            flash(gettext("Segment %(number)s confirmed.", number=number), "success")
        else:
            flash(gettext("Segment %(number)s saved.", number=number), "success")
    except EditConflict as exc:
        flash(gettext("Someone else saved segment %(number)s first; nothing was overwritten and your text is "
                      "kept in its history. Their text: %(theirs)s", number=number, theirs=exc.current_target),
              "error")
    except SongnguError as exc:
        flash(gettext("Not done: %(reason)s", reason=reason_for(exc)), "error")
    return _back(doc_id, number)


@bp.post("/articles/<int:doc_id>/review/segments/<int:segment_id>/approve")
@login_required
def approve_segment(doc_id: int, segment_id: int) -> Response:
    number = request.form.get("number")
    _do(lambda: get_desk().review.approve(session_user(), segment_id),
        gettext("Segment %(number)s approved.", number=number))
    return _back(doc_id, number)


@bp.post("/articles/<int:doc_id>/review/segments/<int:segment_id>/send-back")
@login_required
def send_back_segment(doc_id: int, segment_id: int) -> Response:
    number = request.form.get("number")
    _do(lambda: get_desk().review.send_back(session_user(), segment_id, request.form.get("comment", "")),
        gettext("Segment %(number)s sent back to the translator.", number=number))
    return _back(doc_id, number)


@bp.post("/articles/<int:doc_id>/review/approve")
@login_required
def approve_article(doc_id: int) -> Response:
    _do(lambda: get_desk().documents.approve(session_user(), doc_id), gettext("Article approved."))
    return _back(doc_id)


@bp.post("/articles/<int:doc_id>/review/send-back")
@login_required
def send_back_article(doc_id: int) -> Response:
    _do(lambda: get_desk().review.send_back_document(session_user(), doc_id, request.form.get("comment", "")),
        gettext("Article sent back to the translator."))
    return _back(doc_id)


@bp.post("/articles/<int:doc_id>/review/publish")
@login_required
def publish(doc_id: int) -> Response:
    reason = request.form.get("override_reason", "")
    _do(lambda: get_desk().documents.publish(session_user(), doc_id, reason or None),
        gettext("Article published."))
    return _back(doc_id)


@bp.post("/articles/<int:doc_id>/comments")
@login_required
def comment(doc_id: int) -> Response:
    _do(lambda: get_desk().review.comment(session_user(), doc_id, request.form.get("body", ""),
                                          segment_id=_int("segment_id"), parent_id=_int("parent_id")),
        gettext("Comment added."))
    return _back(doc_id, request.form.get("number"))


@bp.post("/articles/<int:doc_id>/comments/<int:comment_id>/resolve")
@login_required
def resolve(doc_id: int, comment_id: int) -> Response:
    _do(lambda: get_desk().review.resolve(session_user(), comment_id), gettext("Thread resolved."))
    return _back(doc_id, request.form.get("number"))


@bp.post("/articles/<int:doc_id>/propose-term")
@login_required
def propose_term(doc_id: int) -> Response:
    form = request.form
    _do(lambda: get_desk().glossary.propose(session_user(), vi=form.get("vi", ""), en=form.get("en", ""),
                                            domain=form.get("domain", ""), note=form.get("note", "")),
        gettext("Term proposed; an administrator will review it."))
    return _back(doc_id, form.get("number"))
