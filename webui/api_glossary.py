"""REST API for the glossary at /api/v1/glossary: read, match, propose, curate, import/export.

Kept apart from ``webui.api`` so the glossary has its own tag in the OpenAPI
description. As there, each view parses through a marshmallow schema, calls one
Desk method as the token's owner and dumps through an output schema; the Desk
decides who may do what (translators and editors propose, admins curate).
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Dict, File, Integer, List, Nested, String
from apiflask.schemas import FileSchema
from apiflask.validators import Length, OneOf, Range
from flask import Response
from marshmallow import ValidationError, validates_schema

from glossary.entries import CONTENT_FIELDS, DOMAINS, KINDS, MAX_ID, STATUSES
from glossary.errors import ImportFormatError
from glossary.io import FORMATS
from translate.desk.rules import GLOSSARY_PAGE_LIMIT, SYNC_LIMIT
from webui.api import LANGS, ErrorBody, row_id
from webui.auth import api_user, csrf, get_desk, token_auth
from webui.errors import error_response

bp = APIBlueprint("glossary_api", __name__, url_prefix="/api/v1/glossary", tag="Glossary")
# Bearer tokens only, like the rest of /api/v1: no session cookie is honoured, so CSRF cannot apply.
csrf.exempt(bp)

EXPORT_TYPES = {"csv": "text/csv; charset=utf-8", "tbx": "application/xml"}

# ---------------------------------------------------------------- schemas


class EntryPath(Schema):
    entry_id = row_id("glossary entry")


class GlossaryEntryFields(Schema):
    note = String(metadata={"description": "Usage note for translators."})
    vi_variants = List(String(), metadata={"description": "Other accepted Vietnamese forms."})
    en_variants = List(String(), metadata={"description": "Other accepted English forms (regular plurals "
                                                          "match without being listed)."})
    en_forbidden = List(String(), metadata={"description": "English translations that must never appear."})
    vi_forbidden = List(String(), metadata={"description": "Vietnamese translations that must never appear."})


class GlossaryEntryOut(GlossaryEntryFields):
    id = Integer(required=True)
    external_id = String(allow_none=True, metadata={"description": "The id used in CSV/TBX files."})
    vi = String(required=True)
    en = String(required=True)
    domain = String(required=True)
    kind = String(required=True, metadata={"description": "term, name, or dnt (do not translate)."})
    status = String(required=True, metadata={"description": "proposed, approved or deprecated; only "
                                                            "approved entries are matched and held."})
    revision = Integer(required=True, metadata={"description": "Send this back with an edit; a newer one "
                                                              "on the server gives 409."})
    created_by = String()
    created_at = String(allow_none=True)
    updated_by = String()
    updated_at = String(allow_none=True)


class GlossaryEntryChangedOut(GlossaryEntryOut):
    """The entry after a change.

    Its own class only because apiflask registers a schema used both nested and
    top-level twice, leaving a dangling duplicate in the spec.
    """


class GlossaryHistoryOut(Schema):
    entry_id = Integer()
    revision = Integer()
    action = String(metadata={"description": "created, updated, approved, deprecated, reverted, imported…"})
    snapshot = Dict(metadata={"description": "The entry's full content and status after this change."})
    changed_by = String()
    changed_at = String(allow_none=True)
    glossary_version = Integer(metadata={"description": "The glossary version this change produced."})
    comment = String()


class GlossaryEntryDetailOut(Schema):
    entry = Nested(GlossaryEntryOut, required=True)
    history = List(Nested(GlossaryHistoryOut), required=True, metadata={"description": "Oldest first."})


class GlossaryListQuery(Schema):
    status = String(validate=OneOf(STATUSES))
    domain = String(validate=OneOf(DOMAINS))
    kind = String(validate=OneOf(KINDS))
    q = String(validate=Length(max=400), metadata={
        "description": "Any form on either side (variants and forbidden forms too); ignores case, "
                       "tone-mark placement and Unicode form. An entry id or external id also finds it."})
    limit = Integer(load_default=100, validate=Range(min=1, max=GLOSSARY_PAGE_LIMIT))
    offset = Integer(load_default=0, validate=Range(min=0, max=MAX_ID))


class GlossaryListOut(Schema):
    entries = List(Nested(GlossaryEntryOut), required=True, metadata={"description": "In id order."})
    total = Integer(required=True, metadata={"description": "Entries matching the filters, all pages."})
    version = Integer(required=True, metadata={"description": "The glossary version machine output records."})
    limit = Integer()
    offset = Integer()


class GlossaryProposeIn(GlossaryEntryFields):
    vi = String(required=True, validate=Length(min=1))
    en = String(required=True, validate=Length(min=1))
    domain = String(required=True, validate=OneOf(DOMAINS))
    kind = String(load_default="term", validate=OneOf(KINDS))


class GlossaryUpdateIn(GlossaryEntryFields):
    revision = Integer(required=True, strict=True, validate=Range(min=0, max=MAX_ID),
                       metadata={"description": "The revision you loaded; a newer one on the server gives 409."})
    vi = String(validate=Length(min=1))
    en = String(validate=Length(min=1))
    domain = String(validate=OneOf(DOMAINS))
    kind = String(validate=OneOf(KINDS))
    comment = String(load_default="", metadata={"description": "Why; kept in the entry's history."})

    @validates_schema
    def _something_to_change(self, data: dict[str, Any], **_: Any) -> None:
        if not any(name in data for name in CONTENT_FIELDS):
            raise ValidationError(f"Send at least one field to change: {', '.join(CONTENT_FIELDS)}.")


class GlossaryCommentIn(Schema):
    comment = String(load_default="", metadata={"description": "Why; kept in the entry's history."})


class GlossaryRevertIn(GlossaryCommentIn):
    revision = Integer(required=True, strict=True, validate=Range(min=1, max=MAX_ID),
                       metadata={"description": "The revision to restore (content and status), as a new one."})


class GlossaryImportIn(Schema):
    file = File(required=True, metadata={"description": "A .csv (the seed's columns) or .tbx file."})
    format = String(validate=OneOf(FORMATS), metadata={"description": "Defaults to the file name's extension."})
    status = String(load_default="approved", validate=OneOf(STATUSES),
                    metadata={"description": "Status given to new entries; updated entries keep theirs."})


class GlossaryImportOut(Schema):
    created = Integer(required=True)
    updated = Integer(required=True)
    unchanged = Integer(required=True)
    total = Integer(required=True)
    version = Integer(required=True, metadata={"description": "The glossary version after the import."})


class GlossaryImportProblemOut(Schema):
    message = String(required=True)
    line = Integer(allow_none=True, metadata={"description": "CSV line, when known."})
    element = Integer(allow_none=True, metadata={"description": "TBX entry number, when known."})


class GlossaryImportErrorOut(Schema):
    error = Nested(ErrorBody, required=True)
    problems = List(Nested(GlossaryImportProblemOut), required=True,
                    metadata={"description": "Every located problem; the file was refused as a whole."})


class GlossaryExportQuery(Schema):
    format = String(load_default="csv", validate=OneOf(FORMATS))


class GlossaryMatchIn(Schema):
    src = String(required=True, validate=OneOf(LANGS))
    tgt = String(required=True, validate=OneOf(LANGS))
    text = String(required=True, validate=Length(max=SYNC_LIMIT))


class GlossaryMatchOut(Schema):
    entry = Integer(required=True, metadata={"description": "The glossary entry id."})
    start = Integer(required=True, metadata={"description": "Offset into the text as sent."})
    end = Integer(required=True)
    source = String(required=True, metadata={"description": "text[start:end]."})
    targets = List(String(), metadata={"description": "Forms a translation may use, preferred first."})
    forbidden = List(String(), metadata={"description": "Forms a translation must not use."})
    kind = String()
    form = String(metadata={"description": "The glossary form that matched."})


class GlossaryMatchListOut(Schema):
    matches = List(Nested(GlossaryMatchOut), required=True, metadata={"description": "Left to right; overlaps "
                                                                           "resolved longest-leftmost."})


# ---------------------------------------------------------------- errors


@bp.errorhandler(ImportFormatError)
def _import_refused(exc: ImportFormatError) -> Response:
    """The message lists at most ten problems; the client gets them all, located, to fix the file in one go."""
    problems = [{"message": p.message, "line": p.line, "element": p.element} for p in exc.problems]
    return error_response(400, exc.code, str(exc), extra={"problems": problems})


# ---------------------------------------------------------------- views

READ = [400, 401, 403]
CHANGE = [400, 401, 403, 404, 409]


@bp.get("")
@bp.auth_required(token_auth)
@bp.input(GlossaryListQuery, location="query", arg_name="query")
@bp.output(GlossaryListOut)
@bp.doc(summary="List or search glossary entries", responses=READ)
def list_entries(query: dict[str, Any]) -> dict[str, Any]:
    return get_desk().glossary.search(
        api_user(), status=query.get("status"), domain=query.get("domain"), kind=query.get("kind"),
        query=query.get("q"), limit=query["limit"], offset=query["offset"],
    )


@bp.get("/<int:entry_id>")
@bp.auth_required(token_auth)
@bp.input(EntryPath, location="path", arg_name="path")
@bp.output(GlossaryEntryDetailOut)
@bp.doc(summary="One entry with its full history", responses=[401, 403, 404])
def get_entry(entry_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().glossary.get(api_user(), entry_id)


@bp.post("")
@bp.auth_required(token_auth)
@bp.input(GlossaryProposeIn, arg_name="body")
@bp.output(GlossaryEntryChangedOut, status_code=201)
@bp.doc(summary="Propose a term (any role); it is matched once an admin approves it",
        description="A proposed entry already reserves its forms: a clash with another entry gives 409.",
        responses=[400, 401, 403, 409])
def propose_entry(body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().glossary.propose(api_user(), **body)


@bp.patch("/<int:entry_id>")
@bp.auth_required(token_auth)
@bp.input(EntryPath, location="path", arg_name="path")
@bp.input(GlossaryUpdateIn, arg_name="body")
@bp.output(GlossaryEntryChangedOut)
@bp.doc(summary="Edit an entry (admin)",
        description="Send the `revision` you loaded. If the entry changed since, nothing is overwritten: 409.",
        responses=CHANGE)
def update_entry(entry_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    revision = body.pop("revision")
    return get_desk().glossary.update(api_user(), entry_id, expected_revision=revision, **body)


@bp.post("/<int:entry_id>/approve")
@bp.auth_required(token_auth)
@bp.input(EntryPath, location="path", arg_name="path")
@bp.input(GlossaryCommentIn, arg_name="body")
@bp.output(GlossaryEntryChangedOut)
@bp.doc(summary="Approve an entry (admin): machine translation holds it from now on", responses=CHANGE)
def approve_entry(entry_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().glossary.approve(api_user(), entry_id, comment=body["comment"])


@bp.post("/<int:entry_id>/deprecate")
@bp.auth_required(token_auth)
@bp.input(EntryPath, location="path", arg_name="path")
@bp.input(GlossaryCommentIn, arg_name="body")
@bp.output(GlossaryEntryChangedOut)
@bp.doc(summary="Deprecate an entry (admin): it stops matching but keeps its history", responses=CHANGE)
def deprecate_entry(entry_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().glossary.deprecate(api_user(), entry_id, comment=body["comment"])


@bp.post("/<int:entry_id>/revert")
@bp.auth_required(token_auth)
@bp.input(EntryPath, location="path", arg_name="path")
@bp.input(GlossaryRevertIn, arg_name="body")
@bp.output(GlossaryEntryChangedOut)
@bp.doc(summary="Restore an earlier revision (admin), recorded as a new revision", responses=CHANGE)
def revert_entry(entry_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().glossary.revert(api_user(), entry_id, body["revision"], comment=body["comment"])


@bp.post("/import")
@bp.auth_required(token_auth)
@bp.input(GlossaryImportIn, location="form_and_files", arg_name="form")
@bp.output(GlossaryImportOut)
@bp.doc(summary="Import a CSV or TBX file (admin), all or nothing",
        description="A file with any problem is refused whole (400, every problem listed with its line or "
                    "entry number) and the glossary is left exactly as it was.",
        responses={400: {"description": "The file was refused; nothing was imported.",
                         "content": {"application/json": {"schema": GlossaryImportErrorOut}}},
                   401: "Unauthorized", 403: "Forbidden", 409: "Conflict", 413: "Payload Too Large"})
def import_entries(form: dict[str, Any]) -> dict[str, Any]:
    upload = form["file"]
    return get_desk().glossary.import_file(api_user(), filename=upload.filename or "", data=upload.read(),
                                      status=form["status"], fmt=form.get("format"))


@bp.get("/export")
@bp.auth_required(token_auth)
@bp.input(GlossaryExportQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type="text/csv",
           description="The approved entries: CSV in the seed's columns, or TBX (v3 core) as XML.")
@bp.doc(summary="Download the approved glossary as CSV or TBX",
        responses={200: {"content": {"application/xml": {"schema": {"type": "string", "format": "binary"}}}},
                   400: "Bad Request", 401: "Unauthorized", 403: "Forbidden"})
def export_entries(query: dict[str, Any]) -> Response:
    fmt = query["format"]
    data = get_desk().glossary.export(api_user(), fmt)
    return Response(data, content_type=EXPORT_TYPES[fmt],
                    headers={"Content-Disposition": f'attachment; filename="songngu-glossary.{fmt}"'})


@bp.post("/match")
@bp.auth_required(token_auth)
@bp.input(GlossaryMatchIn, arg_name="body")
@bp.output(GlossaryMatchListOut)
@bp.doc(summary="Which approved terms a text contains, and where", responses=READ)
def match_terms(body: dict[str, Any]) -> dict[str, Any]:
    return {"matches": get_desk().glossary.match(api_user(), body["src"], body["tgt"], body["text"])}
