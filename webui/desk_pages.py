"""The editor's desk (/desk), a new article (/desk/new) and the article page (/articles/<id>).

Thin on purpose: each view parses the request, calls one ``desk.documents`` or
``desk.jobs`` method as the signed-in user, and renders. The service decides who
may do what; controls a role cannot use are only hidden here.

Translators land on the articles assigned to them (the desk opens with the
"Assigned to me" filter): an editor hands out the work, and a translator's day
starts from what they were given. "Anyone" in the same filter shows every article.
Editors and administrators land on every article.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import format_decimal, gettext, lazy_gettext
from flask_login import login_required
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from markupsafe import Markup
from werkzeug.wrappers import Response
from wtforms import SelectField, StringField, SubmitField, TextAreaField
from wtforms.fields.choices import SelectChoice

from translate.desk import document_queries as queries
from translate.desk.documents import CATEGORIES, DOCUMENT_STATES, LANGS
from translate.desk.rules import EDITORS
from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for
from webui.errors import status_for_code
from webui.flashing import done_or_flash
from webui.i18n import current_locale
from webui.site_pages import site_context

bp = Blueprint("desk_pages", __name__)

STATE_LABELS: dict[str, Any] = {
    "draft": lazy_gettext("Draft"),
    "translating": lazy_gettext("Translating"),
    "post-editing": lazy_gettext("Post-editing"),
    "in review": lazy_gettext("In review"),
    "approved": lazy_gettext("Approved"),
    "published": lazy_gettext("Published"),
}
LANG_NAMES: dict[str, Any] = {"vi": lazy_gettext("Vietnamese"), "en": lazy_gettext("English")}
DIRECTIONS: dict[tuple[str, str], Any] = {
    ("vi", "en"): lazy_gettext("Vietnamese to English"),
    ("en", "vi"): lazy_gettext("English to Vietnamese"),
}
ME = "me"


def state_label(state: str) -> str:
    label = STATE_LABELS.get(state)
    return str(label) if label is not None else state


def lang_name(code: str) -> str:
    label = LANG_NAMES.get(code)
    return str(label) if label is not None else code


def direction_label(source: str, target: str) -> str:
    label = DIRECTIONS.get((source, target))
    return str(label) if label is not None else f"{source} → {target}"


def section_label(slug: str) -> str:
    """The site section in the reader's language (the labels are the site's own, not catalog texts)."""
    for cat in CATEGORIES:
        if cat.slug == slug:
            return cat.label(current_locale())
    return slug


def section_choices() -> list[tuple[str, str]]:
    return [(c.slug, c.label(current_locale())) for c in CATEGORIES]


def section_select_choices() -> list[SelectChoice]:
    return [SelectChoice(slug, label) for slug, label in section_choices()]


def is_editor() -> bool:
    return session_user().role in EDITORS


def percent(part: int, whole: int) -> int:
    return round(100 * part / whole) if whole else 0


@bp.app_template_global()
def desk_labels() -> dict[str, Any]:
    return {"state": state_label, "lang": lang_name, "direction": direction_label, "section": section_label,
            "percent": percent}


# --- the desk -------------------------------------------------------------------------------------

def _assignee_filter(raw: str | None) -> tuple[str, int | str | None]:
    """(the value the filter shows, what the service gets); translators default to their own articles."""
    if raw is None:
        raw = ME if session_user().role == "translator" else ""
    if raw == "":
        return "", None
    if raw == ME:
        return ME, session_user().id
    if raw == queries.UNASSIGNED:
        return raw, queries.UNASSIGNED
    if raw.isdigit() and len(raw) < 11:
        return raw, int(raw)
    abort(400, description=gettext("Unknown assignee filter: %(value)s", value=raw))


@bp.get("/desk")
@login_required
def desk() -> str:
    args = request.args
    state = args.get("state") or None
    section = args.get("section") or None
    lang = args.get("lang") or None
    text = (args.get("q") or "").strip()
    assignee_shown, assignee = _assignee_filter(args.get("assignee"))
    page_no = max(args.get("page", 1, type=int) or 1, 1)
    size = queries.PAGE_SIZE
    listing = get_desk().documents.listing(
        session_user(), state=state, category=section, assignee=assignee, source_lang=lang, text=text or None,
        limit=size, offset=(page_no - 1) * size)
    pages = max((listing.total + size - 1) // size, 1)
    filters = {"state": state or "", "section": section or "", "lang": lang or "", "q": text,
               "assignee": assignee_shown}
    filtered = any(v for k, v in filters.items() if k != "assignee") or assignee_shown != (
        ME if session_user().role == "translator" else "")

    def page_url(n: int) -> str:
        return url_for("desk_pages.desk", **{k: v for k, v in filters.items() if v or k == "assignee"}, page=n)

    return render_template(
        "desk/list.html", listing=listing, filters=filters, filtered=filtered, page_no=page_no, pages=pages,
        page_url=page_url, states=DOCUMENT_STATES, sections=section_choices(), langs=LANGS,
        translators=get_desk().documents.translators(session_user()), can_create=is_editor(),
    )


# --- a new article --------------------------------------------------------------------------------

class ArticleForm(FlaskForm):
    """Labels only: every rule (required title, sizes, HTML, sections) is the service's."""

    title = StringField(lazy_gettext("Title"))
    summary = TextAreaField(lazy_gettext("Summary"))
    body = TextAreaField(lazy_gettext("Body"))
    source_lang = SelectField(lazy_gettext("Source language"), choices=[
        SelectChoice("vi", lazy_gettext("Vietnamese")), SelectChoice("en", lazy_gettext("English"))])
    section = SelectField(lazy_gettext("Section"))
    upload = FileField(lazy_gettext("Or upload a file (.html or .docx)"))
    submit = SubmitField(lazy_gettext("Create"))


@bp.route("/desk/new", methods=["GET", "POST"])
@login_required
def new_article() -> Any:
    if not is_editor():
        abort(403, description=gettext("Only editors and administrators create articles."))
    form = ArticleForm()
    form.section.choices = section_select_choices()
    error: str | None = None
    status = 200
    if form.validate_on_submit():
        upload = form.upload.data
        has_file = upload is not None and getattr(upload, "filename", "")
        try:
            if has_file and (form.body.data.strip() or form.summary.data.strip()):
                error = gettext("With a file, leave Summary and Body empty: they come from the file.")
            elif has_file:
                doc = get_desk().documents.import_file(
                    session_user(), filename=upload.filename, data=upload.read(),
                    source_lang=form.source_lang.data, category=form.section.data, title=form.title.data or None)
            else:
                doc = get_desk().documents.create_from_paste(
                    session_user(), source_lang=form.source_lang.data, category=form.section.data,
                    title=form.title.data or "", summary=form.summary.data or "", body=form.body.data or "")
        except SongnguError as exc:
            error = reason_for(exc)
            status = status_for_code(str(exc.code))
        if error is None:
            flash(gettext("Article created."), "success")
            return redirect(url_for("desk_pages.article", doc_id=doc.id))
        status = status if status != 200 else 400
    elif form.is_submitted():
        status = 400
    return render_template("desk/new.html", form=form, error=error), status


# --- one article ----------------------------------------------------------------------------------

def _article_page(doc_id: int, *, publish_error: str | None = None, override_reason: str = "",
                  status: int = 200) -> tuple[str, int]:
    desk_ = get_desk()
    actor = session_user()
    overview = desk_.documents.overview(actor, doc_id)
    preview_error: str | None = None
    preview: dict | None = None
    try:
        preview = desk_.documents.preview(actor, doc_id)
    except SongnguError as exc:
        preview_error = reason_for(exc)
    if preview is not None:
        for side in ("source", "target"):
            # Sanitised by the service (translate.text.markup.sanitize_html), images made placeholders.
            preview[side]["body_html"] = Markup(preview[side]["body_html"])  # noqa: S704
    translators = desk_.documents.translators(actor) if is_editor() else []
    return render_template(
        "desk/article.html", doc=overview, preview=preview, preview_error=preview_error,
        translators=translators, can_edit=is_editor(), publish_error=publish_error,
        override_reason=override_reason, site=site_context(doc_id),
    ), status


@bp.get("/articles/<int:doc_id>")
@login_required
def article(doc_id: int) -> tuple[str, int]:
    return _article_page(doc_id)


def progress_text(done: int, total: int) -> str:
    return gettext("%(done)s of %(total)s segments", done=format_decimal(done), total=format_decimal(total))


@bp.get("/articles/<int:doc_id>/progress")
@login_required
def article_progress(doc_id: int) -> Response:
    """The latest job's progress as JSON for the page's script (polled every second while it runs)."""
    progress = get_desk().documents.progress(session_user(), doc_id)
    body = progress.to_dict()
    job = progress.job
    done, total = (job.done, job.total) if job is not None else (progress.counts.drafted, progress.counts.total)
    body.update(state_label=state_label(progress.state), percent=percent(done, total),
                label=progress_text(done, total))
    response = jsonify(body)
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/articles/<int:doc_id>/translate")
@login_required
def request_translation(doc_id: int) -> Response:
    done_or_flash(lambda: get_desk().jobs.request(session_user(), doc_id), gettext("Translation requested."))
    return redirect(url_for("desk_pages.article", doc_id=doc_id, _anchor="translation"))


@bp.post("/articles/<int:doc_id>/assign")
@login_required
def assign(doc_id: int) -> Response:
    name = (request.form.get("translator") or "").strip() or None
    message = gettext("Assigned to %(name)s.", name=name) if name else gettext("Nobody is assigned now.")
    done_or_flash(lambda: get_desk().documents.assign(session_user(), doc_id, name), message)
    return redirect(url_for("desk_pages.article", doc_id=doc_id))


@bp.post("/articles/<int:doc_id>/approve")
@login_required
def approve(doc_id: int) -> Response:
    done_or_flash(lambda: get_desk().documents.approve(session_user(), doc_id), gettext("Article approved."))
    return redirect(url_for("desk_pages.article", doc_id=doc_id))


@bp.post("/articles/<int:doc_id>/publish")
@login_required
def publish(doc_id: int) -> Any:
    """A refusal re-renders the page with the reason typed so far, so nothing typed is lost."""
    reason = request.form.get("override_reason", "")
    try:
        get_desk().documents.publish(session_user(), doc_id, reason or None)
    except SongnguError as exc:
        return _article_page(doc_id, publish_error=reason_for(exc), override_reason=reason,
                             status=status_for_code(str(exc.code)))
    flash(gettext("Article published."), "success")
    return redirect(url_for("desk_pages.article", doc_id=doc_id))
