"""REST API at /api/v1: JSON in, JSON out, Bearer tokens only.

Each view parses the request through a marshmallow schema (which is also what
the served OpenAPI description is generated from), calls one Desk method as the
token's owner, and dumps the result through an output schema. Output schemas
fix the shape clients rely on: fields the Desk adds later do not leak out
unannounced. Roles are enforced by the Desk, so a token meets the same rules as
a browser session.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Boolean, Dict, File, Float, Integer, List, Nested, String
from apiflask.validators import Length, OneOf, Range
from marshmallow import ValidationError, validates_schema

import webui
from translate.desk.rules import MAX_ID
from webui.auth import api_user, get_desk, token_auth

bp = APIBlueprint("api", __name__, url_prefix="/api/v1", tag="API")

LANGS = ("vi", "en")

# ---------------------------------------------------------------- schemas

# Title and summary are plain text everywhere (stored, returned, exported): a client
# escapes them where it puts them into HTML. Only body_html, source_html and a
# segment's target are HTML, and those are sanitised.
PLAIN = "Plain text, never HTML: escape it when you put it into a page."
HTML = "Sanitised HTML."


def row_id(what: str) -> Integer:
    """An id in a path: bounded like the database's ids, so a huge number is a 400, not a driver overflow."""
    return Integer(required=True, validate=Range(min=1, max=MAX_ID), metadata={"description": f"The {what}'s id."})


class DocumentPath(Schema):
    doc_id = row_id("document")


class JobPath(Schema):
    job_id = row_id("job")


class SegmentPath(Schema):
    segment_id = row_id("segment")


class ErrorBody(Schema):
    code = String(required=True, metadata={"description": "Stable machine-readable code, e.g. `bad_input`, "
                                                          "`unknown_pair`, `forbidden`, `conflict`."})
    message = String(required=True, metadata={"description": "Human-readable explanation."})
    fields = Dict(metadata={"description": "Per-field validation messages (validation errors only)."})


class ErrorOut(Schema):
    error = Nested(ErrorBody, required=True)
    current_target = String(metadata={"description": "Edit conflicts only: the text saved by someone else."})
    current_version = Integer(metadata={"description": "Edit conflicts only: the version to send next time."})
    your_target = String(metadata={"description": "Edit conflicts only: the text you tried to save."})


class TranslateIn(Schema):
    src = String(required=True, metadata={"example": "vi", "description": "Source language (vi or en)."})
    tgt = String(required=True, metadata={"example": "en", "description": "Target language (vi or en)."})
    text = String(metadata={"description": "Plain text; send this or `html`."})
    html = String(metadata={"description": "An HTML fragment; inline tags are kept. Send this or `text`."})

    @validates_schema
    def _exactly_one_input(self, data: dict[str, Any], **_: Any) -> None:
        if ("text" in data) == ("html" in data):
            raise ValidationError("Send exactly one of `text` or `html`.")


class TranslatedSegmentOut(Schema):
    source = String()
    source_html = String()
    target = String()
    target_html = String()
    terms = List(Dict(), metadata={"description": "Glossary terms found in the source and their required targets."})
    flags = List(Dict(), metadata={"description": "Checks the output failed (missing term, number, tag…)."})
    signature = String(metadata={"description": "What produced the output: engine, model, revision, glossary."})
    origin = String()
    test_model = Boolean(metadata={"description": "True when a random-weight test model produced this."})


class TranslateOut(Schema):
    segments = List(Nested(TranslatedSegmentOut), required=True)
    html = String(metadata={"description": "The translated fragment, when HTML was sent."})
    text = String(metadata={"description": "The translated text, when text was sent."})
    signature = String(metadata={"description": "What produced the whole output."})
    test_model = Boolean(metadata={"description": "True when random-weight test models answered: the "
                                                  "output is nonsense by design."})


class DocumentIn(Schema):
    source_lang = String(required=True, validate=OneOf(LANGS))
    category = String(required=True, validate=Length(min=1, max=200))
    title = String(required=True, validate=Length(min=1), metadata={"description": PLAIN})
    summary = String(load_default="", metadata={"description": PLAIN})
    body_html = String(required=True, metadata={"description": "HTML; it is sanitised on the way in."})


class DocumentImportIn(Schema):
    file = File(required=True, metadata={"description": "An .html or .docx file."})
    source_lang = String(required=True, validate=OneOf(LANGS))
    category = String(required=True, validate=Length(min=1, max=200))
    title = String(metadata={"description": "Defaults to the file's own title or first heading. " + PLAIN})


class DocumentListQuery(Schema):
    state = String(metadata={"description": "Only documents in this state, e.g. `post-editing`."})


class SegmentOut(Schema):
    id = Integer(required=True)
    index = Integer()
    field = String(metadata={"description": "Which part of the article: title, summary or body."})
    source = String(metadata={"description": PLAIN})
    source_html = String(metadata={"description": "The sentence with its inline tags. " + HTML})
    target = String(metadata={"description": "The translation with inline tags. " + HTML})
    state = String(metadata={"description": "new, machine, memory, edited, confirmed or approved."})
    origin = String(metadata={"description": "Where the target came from: mt, memory, human…"})
    version = Integer(metadata={"description": "Send this back with a save; it guards against lost edits."})
    flags = List(Dict())
    signature = String()
    match_pct = Float(allow_none=True, metadata={"description": "Translation-memory match, when from memory."})


class SegmentChangedOut(SegmentOut):
    """The segment after a save, confirm or approve.

    Its own class only because apiflask registers a schema used both nested (in
    DocumentOut) and top-level twice, leaving a dangling duplicate in the spec.
    """


class DocumentSummaryOut(Schema):
    id = Integer(required=True)
    state = String(required=True)
    source_lang = String()
    target_lang = String()
    category = String()
    title = String(metadata={"description": PLAIN})
    updated_at = String()


class DocumentOut(DocumentSummaryOut):
    summary = String(metadata={"description": PLAIN})
    body_html = String(metadata={"description": HTML})
    assigned_to = Integer(allow_none=True, metadata={"description": "The translator's user id, if assigned."})
    segments = List(Nested(SegmentOut))


class DocumentListOut(Schema):
    documents = List(Nested(DocumentSummaryOut), required=True)


class JobOut(Schema):
    id = Integer(required=True)
    job_id = Integer(required=True, metadata={"description": "Same as `id`; poll GET /api/v1/jobs/{job_id}."})
    document_id = Integer()
    state = String(required=True)
    done = Integer(required=True)
    total = Integer(required=True)
    error = String(allow_none=True)


class SegmentSaveIn(Schema):
    target = String(required=True, metadata={"description": "The translation; inline tags are kept, anything "
                                                              "else is dropped."})
    version = Integer(required=True, strict=True, validate=Range(min=0, max=MAX_ID),
                      metadata={"description": "The version you loaded; a newer one on the server gives 409."})


class PublishIn(Schema):
    override_reason = String(allow_none=True, metadata={
        "description": "Publish despite blocking checks; the reason is kept in the log."})


class PairSideOut(Schema):
    title = String(metadata={"description": PLAIN})
    summary = String(metadata={"description": PLAIN})
    body_html = String(metadata={"description": HTML})


class PairOut(Schema):
    vi = Nested(PairSideOut, required=True)
    en = Nested(PairSideOut, required=True)


class MemoryQuery(Schema):
    src = String(required=True)
    tgt = String(required=True)
    q = String(required=True, validate=Length(min=1), metadata={"description": "The source text to look up."})
    limit = Integer(load_default=5, validate=Range(min=1, max=50))


class MemoryMatchOut(Schema):
    id = Integer()
    source = String()
    source_html = String()
    target = String()
    match_pct = Float(metadata={"description": "100 for an exact match."})
    exact = Boolean()
    origin = String(metadata={"description": "How the unit entered the memory (confirmed, approved, imported…)."})
    document_id = Integer(allow_none=True)
    created_by = Integer(allow_none=True)
    created_at = String()


class MemoryOut(Schema):
    matches = List(Nested(MemoryMatchOut), required=True, metadata={"description": "Best first."})


class HealthOut(Schema):
    status = String(required=True)
    version = String()


# ---------------------------------------------------------------- views

ERRORS_READ = [401, 403, 404]
ERRORS_WRITE = [400, 401, 403, 404, 409]


def _job(job: Any) -> dict[str, Any]:
    data = job.to_dict()
    data["job_id"] = data["id"]
    return data


@bp.get("/health")
@bp.output(HealthOut)
@bp.doc(summary="Is the service up", description="No token needed; does not touch the models.")
def health() -> dict[str, Any]:
    return {"status": "ok", "version": webui.__version__}


@bp.post("/translate")
@bp.auth_required(token_auth)
@bp.input(TranslateIn, arg_name="body")
@bp.output(TranslateOut)
@bp.doc(summary="Translate a short text or HTML fragment now", responses=[400, 401, 403, 503])
def translate(body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().translation.translate(api_user(), body["src"], body["tgt"], text=body.get("text"), html=body.get("html"))


@bp.get("/documents")
@bp.auth_required(token_auth)
@bp.input(DocumentListQuery, location="query", arg_name="query")
@bp.output(DocumentListOut)
@bp.doc(summary="List documents", responses=[400, 401, 403])
def list_documents(query: dict[str, Any]) -> dict[str, Any]:
    docs = get_desk().documents.search(api_user(), state=query.get("state"))
    return {"documents": [d.to_dict() for d in docs]}


@bp.post("/documents")
@bp.auth_required(token_auth)
@bp.input(DocumentIn, arg_name="body")
@bp.output(DocumentOut, status_code=201)
@bp.doc(summary="Create an article from title, summary and body HTML", responses=[400, 401, 403])
def create_document(body: dict[str, Any]) -> dict[str, Any]:
    doc = get_desk().documents.create(api_user(), **body)
    return doc.to_dict()


@bp.post("/documents/import")
@bp.auth_required(token_auth)
@bp.input(DocumentImportIn, location="form_and_files", arg_name="form")
@bp.output(DocumentOut, status_code=201)
@bp.doc(summary="Import an article from an .html or .docx file", responses=[400, 401, 403, 413])
def import_document(form: dict[str, Any]) -> dict[str, Any]:
    upload = form["file"]
    doc = get_desk().documents.import_file(
        api_user(),
        filename=upload.filename or "",
        data=upload.read(),
        source_lang=form["source_lang"],
        category=form["category"],
        title=form.get("title") or None,
    )
    return doc.to_dict()


@bp.get("/documents/<int:doc_id>")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(DocumentOut)
@bp.doc(summary="A document with its segments, states, flags and signatures", responses=ERRORS_READ)
def get_document(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().documents.get(api_user(), doc_id).to_dict()


@bp.post("/documents/<int:doc_id>/translate")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(JobOut, status_code=202)
@bp.doc(summary="Start pre-translating every segment in the background", responses=[401, 403, 404, 409])
def request_translation(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return _job(get_desk().jobs.request(api_user(), doc_id))


@bp.get("/jobs/<int:job_id>")
@bp.auth_required(token_auth)
@bp.input(JobPath, location="path", arg_name="path")
@bp.output(JobOut)
@bp.doc(summary="Progress of a translation job", responses=ERRORS_READ)
def get_job(job_id: int, path: dict[str, int]) -> dict[str, Any]:
    return _job(get_desk().jobs.get(api_user(), job_id))


@bp.put("/segments/<int:segment_id>")
@bp.auth_required(token_auth)
@bp.input(SegmentPath, location="path", arg_name="path")
@bp.input(SegmentSaveIn, arg_name="body")
@bp.output(SegmentChangedOut)
@bp.doc(summary="Save a post-edited target",
        description="Send the `version` you loaded. If someone saved since, nothing is overwritten: "
                    "409 with `current_target` and `current_version`.",
        responses=ERRORS_WRITE)
def save_segment(segment_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().segments.save(api_user(), segment_id, body["target"], body["version"]).to_dict()


@bp.post("/segments/<int:segment_id>/confirm")
@bp.auth_required(token_auth)
@bp.input(SegmentPath, location="path", arg_name="path")
@bp.output(SegmentChangedOut)
@bp.doc(summary="Confirm a segment (translator); it feeds the translation memory", responses=ERRORS_WRITE)
def confirm_segment(segment_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().segments.confirm(api_user(), segment_id).to_dict()


@bp.post("/segments/<int:segment_id>/approve")
@bp.auth_required(token_auth)
@bp.input(SegmentPath, location="path", arg_name="path")
@bp.output(SegmentChangedOut)
@bp.doc(summary="Approve a segment (editor)", responses=ERRORS_WRITE)
def approve_segment(segment_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().segments.approve(api_user(), segment_id).to_dict()


@bp.post("/documents/<int:doc_id>/approve")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(DocumentOut)
@bp.doc(summary="Approve the whole document (editor)", responses=ERRORS_WRITE)
def approve_document(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().documents.approve(api_user(), doc_id).to_dict()


@bp.post("/documents/<int:doc_id>/publish")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.input(PublishIn, arg_name="body")
@bp.output(DocumentOut)
@bp.doc(summary="Publish both languages together (editor)", responses=ERRORS_WRITE)
def publish_document(doc_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    return get_desk().documents.publish(api_user(), doc_id, override_reason=body.get("override_reason")).to_dict()


@bp.get("/documents/<int:doc_id>/pair")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(PairOut)
@bp.doc(summary="The approved bilingual pair", description="409 until the document is approved.",
        responses=[401, 403, 404, 409])
def bilingual_pair(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return get_desk().documents.pair(api_user(), doc_id)


@bp.get("/memory")
@bp.auth_required(token_auth)
@bp.input(MemoryQuery, location="query", arg_name="query")
@bp.output(MemoryOut)
@bp.doc(summary="Look a sentence up in the translation memory (exact, then fuzzy)", responses=[400, 401, 403])
def memory_lookup(query: dict[str, Any]) -> dict[str, Any]:
    matches = get_desk().translation.lookup_memory(api_user(), query["src"], query["tgt"], query["q"], limit=query["limit"])
    return {"matches": matches}

