"""The glossary in the browser: search, read an entry and its history, propose, curate, import, export.

Everyone signed in reads, searches, exports and proposes; admins add, edit,
approve, reject, deprecate, revert and import. The pages only parse and
render: ``get_desk().glossary`` decides (a translator's POST to an admin form is
refused there, with a 403 page). Edits carry the revision they were made on, so
a change made meanwhile is shown as a conflict beside the curator's text rather
than overwritten; imports are previewed (a dry run) and then committed exactly
as previewed (``webui.pending_imports`` keeps the file).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext
from flask_login import login_required

from glossary.errors import (
    DuplicateEntryError,
    EntryValidationError,
    ImportFormatError,
    InvalidTransitionError,
    StaleRevisionError,
)
from glossary.import_preview import PreviewOutdatedError
from glossary.io import FORMATS
from translate.desk.rules import GLOSSARY_CURATORS
from translate.errors import InputError
from webui.auth import get_desk, session_user
from webui.dates import when
from webui.error_reasons import reason_for
from webui.glossary_forms import (
    ACTION_LABELS,
    DOMAIN_LABELS,
    FIELD_LABELS,
    KIND_LABELS,
    STATUS_LABELS,
    CommitImportForm,
    DecisionForm,
    EditForm,
    EntryForm,
    ImportForm,
    RevertForm,
    SearchArgs,
    label,
)
from webui.pending_imports import PendingImports

bp = Blueprint("glossary_pages", __name__, url_prefix="/glossary")

# What a curator fixes in the form itself: shown beside it, the input kept.
FORM_ERRORS = (EntryValidationError, DuplicateEntryError, InputError, InvalidTransitionError)
EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "tbx": "application/x-tbx+xml; charset=utf-8"}


def can_curate() -> bool:
    """Whether to show curating controls; the service refuses anyone else regardless."""
    return session_user().role in GLOSSARY_CURATORS


def pending_imports() -> PendingImports:
    return PendingImports(get_desk().settings.instance / "pending-imports")


@bp.app_context_processor
def _glossary_names() -> dict[str, Any]:
    return {
        "kind_label": lambda v: label(KIND_LABELS, v),
        "domain_label": lambda v: label(DOMAIN_LABELS, v),
        "status_label": lambda v: label(STATUS_LABELS, v),
        "action_label": lambda v: label(ACTION_LABELS, v),
        "field_label": lambda v: label(FIELD_LABELS, v),
        "when": when,
    }


@bp.get("")
@login_required
def index() -> str:
    args = SearchArgs(request.args)
    per_page = SearchArgs.PER_PAGE
    found = get_desk().glossary.search(
        session_user(), status=args.status or None, domain=args.domain or None, kind=args.kind or None,
        query=args.q or None, ignore_tones=args.ignore_tones, limit=per_page, offset=(args.page - 1) * per_page)
    pages = max(1, -(-found["total"] // per_page))
    proposals = None
    if can_curate():
        proposals = get_desk().glossary.search(session_user(), status="proposed", limit=1)["total"]
    return render_template("glossary/index.html", args=args, found=found, pages=pages, proposals=proposals,
                           can_curate=can_curate(), domains=DOMAIN_LABELS, kinds=KIND_LABELS,
                           statuses=STATUS_LABELS, formats=FORMATS)


@bp.get("/<int:entry_id>")
@login_required
def entry(entry_id: int) -> str:
    return _entry_page(entry_id)


def _entry_page(entry_id: int, status: int = 200, decision_form: DecisionForm | None = None) -> Any:
    data = get_desk().glossary.get(session_user(), entry_id)
    page = render_template("glossary/entry.html", entry=data["entry"], history=data["history"],
                           can_curate=can_curate(), decision_form=decision_form or DecisionForm(formdata=None),
                           revert_form=RevertForm(formdata=None))
    return page, status


@bp.route("/<int:entry_id>/edit", methods=["GET", "POST"])
@login_required
def edit(entry_id: int) -> Any:
    if request.method == "GET" and not can_curate():
        abort(403)
    desk = get_desk()
    current = desk.glossary.get(session_user(), entry_id)["entry"]
    form = EditForm()
    conflict: dict[str, Any] | None = None
    error: str | None = None
    if request.method == "GET":
        form.fill(current)
        form.revision.data = str(current["revision"])
    elif form.validate_on_submit():
        revision = int(form.revision.data) if form.revision.data.isdigit() else -1
        try:
            saved = desk.glossary.update(session_user(), entry_id, expected_revision=revision,
                                         comment=form.comment.data or "", **form.content())
        except StaleRevisionError:
            conflict = current  # what is there now; the form keeps what the curator typed
            form.revision.data = str(current["revision"])
        except FORM_ERRORS as exc:
            error = reason_for(exc)
        else:
            if saved["revision"] == revision:
                flash(gettext("Nothing changed: the entry already reads like this."), "info")
            else:
                flash(gettext("Saved as revision %(revision)s.", revision=saved["revision"]), "success")
            return redirect(url_for(".entry", entry_id=entry_id))
    status = 409 if conflict else (400 if form.is_submitted() else 200)
    return render_template("glossary/edit.html", form=form, entry=current, conflict=conflict, error=error), status


@bp.route("/new", methods=["GET", "POST"])
@login_required
def new() -> Any:
    """An admin's entry, approved at once; others are pointed to the proposal form."""
    if not can_curate():
        return redirect(url_for(".propose"))
    return _entry_form(propose=False)


@bp.route("/propose", methods=["GET", "POST"])
@login_required
def propose() -> Any:
    return _entry_form(propose=True)


def _entry_form(*, propose: bool) -> Any:
    form = EntryForm()
    error: str | None = None
    if form.validate_on_submit():
        service = get_desk().glossary
        try:
            created = (service.propose if propose else service.create)(session_user(), **form.content())
        except FORM_ERRORS as exc:
            error = reason_for(exc)
        else:
            if propose:
                flash(gettext("Your proposal was saved. An administrator will review it."), "success")
            else:
                flash(gettext("Entry added and approved."), "success")
            return redirect(url_for(".entry", entry_id=created["id"]))
    status = 400 if form.is_submitted() else 200
    return render_template("glossary/new.html", form=form, propose=propose, error=error), status


@bp.post("/<int:entry_id>/decision")
@login_required
def decide(entry_id: int) -> Any:
    form = DecisionForm()
    if not form.validate_on_submit() or not form.revision.data.isdigit():
        abort(400)
    try:
        get_desk().glossary.decide(session_user(), entry_id, form.decision.data,
                                   expected_revision=int(form.revision.data), comment=form.comment.data or "")
    except StaleRevisionError:
        flash(gettext("This entry changed since you opened it; nothing was done. Check it again below."),
              "warning")
        return redirect(url_for(".entry", entry_id=entry_id))
    except FORM_ERRORS as exc:
        if isinstance(exc, InputError) and "comment is required" in str(exc):
            message = gettext("Say why the proposal is rejected: the comment is required.")
        else:
            message = reason_for(exc)
        flash(message, "error")
        return _entry_page(entry_id, status=400, decision_form=form)
    done = {"approve": gettext("Approved."), "reject": gettext("Proposal rejected."),
            "deprecate": gettext("Deprecated: the entry no longer applies to translations.")}
    flash(done.get(form.decision.data, gettext("Saved.")), "success")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.post("/<int:entry_id>/revert")
@login_required
def revert(entry_id: int) -> Any:
    form = RevertForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        entry = get_desk().glossary.revert(session_user(), entry_id, form.revision.data,
                                           comment=form.comment.data or "")
    except FORM_ERRORS as exc:
        flash(reason_for(exc), "error")
    else:
        flash(gettext("Reverted to revision %(old)s; saved as revision %(new)s.", old=form.revision.data,
                      new=entry["revision"]), "success")
    return redirect(url_for(".entry", entry_id=entry_id))


@bp.get("/export.<fmt>")
@login_required
def export(fmt: str) -> Response:
    if fmt not in EXPORT_TYPES:
        abort(404)
    desk = get_desk()
    data = desk.glossary.export(session_user(), fmt)
    return Response(data, content_type=EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="glossary.{fmt}"'})


@bp.route("/import", methods=["GET", "POST"])
@login_required
def import_file() -> Any:
    """Upload, then a preview of what the import would do; nothing is written here."""
    if request.method == "GET" and not can_curate():
        abort(403)
    form = ImportForm()
    if not form.validate_on_submit():
        status = 400 if form.is_submitted() else 200
        return render_template("glossary/import.html", form=form, error=None), status
    upload = form.file.data
    data = upload.read()
    filename = (upload.filename or "").strip()
    try:
        preview = get_desk().glossary.preview_import(session_user(), filename=filename, data=data,
                                                     status=form.status.data)
    except InputError as exc:
        return render_template("glossary/import.html", form=form, error=reason_for(exc)), 400
    pending = pending_imports().save(user_id=session_user().id, filename=preview["filename"],
                                     fmt=preview["format"], status=preview["status"], data=data)
    return _preview_page(preview, pending.id, pending.sha256)


def _preview_page(preview: dict[str, Any], pending_id: str, sha256: str, *, outdated: bool = False) -> Any:
    commit = CommitImportForm(formdata=None, pending=pending_id, sha256=sha256, version=str(preview["version"]))
    status = 409 if outdated else (200 if preview["ok"] else 422)
    page = render_template("glossary/preview.html", preview=preview, commit=commit, outdated=outdated)
    return page, status, {"Cache-Control": "no-store"}


@bp.post("/import/commit")
@login_required
def commit_import() -> Any:
    """Import exactly the previewed file, or -- if the glossary moved on -- show a fresh preview."""
    form = CommitImportForm()
    if not form.validate_on_submit() or not form.version.data.isdigit():
        abort(400)
    store = pending_imports()
    pending = store.load(form.pending.data, user_id=session_user().id, sha256=form.sha256.data)
    if pending is None:
        flash(gettext("That preview has expired or was already imported. Upload the file again."), "warning")
        return redirect(url_for(".import_file"))
    service = get_desk().glossary
    try:
        report = service.commit_import(session_user(), filename=pending.filename, data=pending.data,
                                       fmt=pending.fmt, status=pending.status,
                                       expected_version=int(form.version.data))
    except (PreviewOutdatedError, ImportFormatError, EntryValidationError, DuplicateEntryError):
        preview = service.preview_import(session_user(), filename=pending.filename, data=pending.data,
                                         fmt=pending.fmt, status=pending.status)
        return _preview_page(preview, pending.id, pending.sha256, outdated=True)
    store.discard(pending.id)
    flash(gettext("Imported %(filename)s: %(created)s new, %(updated)s changed, %(unchanged)s unchanged.",
                  filename=pending.filename, created=report["created"], updated=report["updated"],
                  unchanged=report["unchanged"]), "success")
    return redirect(url_for(".index"))
