"""REST API for exchange files: an article as XLIFF, the translation memory as TMX.

Thin like ``webui.api``: each view calls one ``desk.exchange`` method as the
token's owner. A refused file answers 400 with every problem listed (and
nothing imported); a segment changed on the desk since the export is reported
in the import's answer under ``stale``, not applied.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import File, Integer, List, Nested, String
from apiflask.schemas import FileSchema
from apiflask.validators import OneOf
from flask import Response

from translate.desk.exchange.xliff import VERSIONS
from translate.desk.exchange.xml_safety import ExchangeFileError
from webui.api import DocumentPath
from webui.auth import api_user, csrf, get_desk, token_auth
from webui.errors import error_response

bp = APIBlueprint("exchange_api", __name__, url_prefix="/api/v1", tag="Exchange")
# Bearer tokens only, like the rest of /api/v1: no session cookie is honoured, so CSRF cannot apply.
csrf.exempt(bp)

XLIFF_TYPE = "application/xliff+xml"
TMX_TYPE = "application/x-tmx+xml"
REFUSED = {"description": "The file was refused; nothing was imported.",
           "content": {"application/json": {"schema": {"type": "object"}}}}


class XliffQuery(Schema):
    version = String(load_default="2.1", validate=OneOf(VERSIONS),
                     metadata={"description": "XLIFF 2.1 (default) or 1.2, which older CAT tools read."})


class UploadIn(Schema):
    file = File(required=True, metadata={"description": "The exchange file."})


class StaleOut(Schema):
    segment_id = Integer(required=True)
    index = Integer(required=True)
    file_version = Integer(required=True, metadata={"description": "The version the file was exported at."})
    current_version = Integer(required=True)
    current_target = String(required=True, metadata={"description": "The desk's text, which was kept."})
    message = String(required=True)


class XliffImportOut(Schema):
    updated = Integer(required=True, metadata={"description": "Segments saved from the file."})
    unchanged = Integer(required=True)
    stale = List(Nested(StaleOut), required=True,
                 metadata={"description": "Segments changed on the desk since the export: not applied."})
    updated_segments = List(Integer(), required=True, metadata={"description": "Their indexes in the article."})


class TmxImportOut(Schema):
    added = Integer(required=True)
    merged = Integer(required=True, metadata={"description": "Units already in the memory or repeated."})


@bp.errorhandler(ExchangeFileError)
def _refused(exc: ExchangeFileError) -> Response:
    return error_response(400, exc.code, str(exc), extra={"problems": exc.problems})


def _download(data: bytes, content_type: str, filename: str) -> Response:
    return Response(data, content_type=content_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/documents/<int:doc_id>/xliff")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.input(XliffQuery, location="query", arg_name="query")
@bp.output(FileSchema(type="string", format="binary"), content_type=XLIFF_TYPE,
           description="One unit per segment, with inline tags, states, QA flags and open comments as notes.")
@bp.doc(summary="Download an article as XLIFF", responses=[400, 401, 403, 404])
def export_xliff(doc_id: int, path: dict[str, int], query: dict[str, Any]) -> Response:
    version = query["version"]
    data = get_desk().exchange.export_xliff(api_user(), doc_id, version)
    return _download(data, XLIFF_TYPE, f"songngu-article-{doc_id}.xliff" if version == "2.1"
                     else f"songngu-article-{doc_id}.xlf")


@bp.post("/documents/<int:doc_id>/xliff")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.input(UploadIn, location="form_and_files", arg_name="form")
@bp.output(XliffImportOut)
@bp.doc(summary="Import translations from an XLIFF file (2.x or 1.2)",
        description="Checked whole first: a file for another article, a changed source or an unknown unit "
                    "refuses it (400, every problem listed, nothing saved). Then changed targets are saved "
                    "as ordinary edits; segments changed since the export come back under `stale`.",
        responses={400: REFUSED, 401: "Unauthorized", 403: "Forbidden", 404: "Not Found",
                   413: "Payload Too Large"})
def import_xliff(doc_id: int, path: dict[str, int], form: dict[str, Any]) -> dict[str, Any]:
    return get_desk().exchange.import_xliff(api_user(), doc_id, form["file"].read())


@bp.get("/memory/tmx")
@bp.auth_required(token_auth)
@bp.output(FileSchema(type="string", format="binary"), content_type=TMX_TYPE,
           description="Every unit, with author, dates and origin.")
@bp.doc(summary="Download the translation memory as TMX 1.4b", responses=[401, 403])
def export_tmx() -> Response:
    return _download(get_desk().exchange.export_tmx(api_user()), TMX_TYPE, "songngu-memory.tmx")


@bp.post("/memory/tmx")
@bp.auth_required(token_auth)
@bp.input(UploadIn, location="form_and_files", arg_name="form")
@bp.output(TmxImportOut)
@bp.doc(summary="Import a TMX file into the translation memory (editors, admins), all or nothing",
        responses={400: REFUSED, 401: "Unauthorized", 403: "Forbidden", 413: "Payload Too Large"})
def import_tmx(form: dict[str, Any]) -> dict[str, Any]:
    return get_desk().exchange.import_tmx(api_user(), form["file"].read())
