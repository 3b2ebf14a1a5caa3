"""Exchange files in the browser: an article as XLIFF (download, upload) and the memory page with TMX.

The article page includes ``desk/_exchange.html`` (download in XLIFF 2.1 or
1.2, upload); an upload answers with a summary page: the segments updated, how
many were unchanged, and the stale ones -- changed on the desk since the
export -- which were reported, not applied. A refused file (another article, a
changed source, a broken file) imports nothing and the page lists every
problem. The memory page (/memory) searches the whole translation memory and
exports or imports it as TMX. Rules and roles are ``desk.exchange``'s and
``desk.memory``'s; this module parses requests and renders.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, render_template, request, url_for
from flask_babel import gettext
from flask_login import login_required

from translate.desk.exchange.xliff import VERSIONS
from translate.desk.exchange.xml_safety import ExchangeFileError
from translate.desk.rules import EDITORS
from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for
from webui.errors import status_for_code

bp = Blueprint("exchange_pages", __name__)

XLIFF_TYPE = "application/xliff+xml"
TMX_TYPE = "application/x-tmx+xml"
PAIRS = (("vi", "en"), ("en", "vi"))


def _download(data: bytes, content_type: str, filename: str) -> Response:
    return Response(data, content_type=content_type,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"})


def _uploaded() -> bytes | None:
    upload = request.files.get("file")
    if upload is None or not upload.filename:
        return None
    return upload.read()


def _refusal(exc: SongnguError) -> tuple[list[str], int]:
    """Every problem named by a refused file, and the status to answer with."""
    if isinstance(exc, ExchangeFileError):
        return exc.problems, 400
    return [reason_for(exc)], status_for_code(str(exc.code))


# --- XLIFF per article ---------------------------------------------------------------------------

@bp.get("/articles/<int:doc_id>/xliff")
@login_required
def download_xliff(doc_id: int) -> Response:
    version = request.args.get("version", "2.1")
    if version not in VERSIONS:
        abort(400, description=gettext("Unknown XLIFF version: %(value)s", value=version))
    data = get_desk().exchange.export_xliff(session_user(), doc_id, version)
    return _download(data, XLIFF_TYPE, f"songngu-article-{doc_id}." + ("xliff" if version == "2.1" else "xlf"))


@bp.post("/articles/<int:doc_id>/xliff")
@login_required
def upload_xliff(doc_id: int) -> Any:
    doc = get_desk().documents.overview(session_user(), doc_id)
    data = _uploaded()
    if data is None:
        return render_template("exchange/xliff_result.html", doc=doc, report=None,
                               problems=[gettext("Choose an XLIFF file to upload.")]), 400
    try:
        report = get_desk().exchange.import_xliff(session_user(), doc_id, data)
    except SongnguError as exc:
        if exc.code == "forbidden":
            raise
        problems, status = _refusal(exc)
        return render_template("exchange/xliff_result.html", doc=doc, report=None, problems=problems), status
    return render_template("exchange/xliff_result.html", doc=doc, report=report, problems=[])


# --- the memory page -----------------------------------------------------------------------------

@bp.get("/memory")
@login_required
def memory() -> Any:
    desk, actor = get_desk(), session_user()
    phrase = (request.args.get("q") or "").strip()
    pair = request.args.get("pair", "vi-en")
    if pair not in {f"{a}-{b}" for a, b in PAIRS}:
        abort(400, description=gettext("Unknown language pair: %(value)s", value=pair))
    src, tgt = pair.split("-")
    hits: list[dict] | None = None
    error: str | None = None
    status = 200
    if phrase:
        try:
            hits = desk.memory.search(actor, phrase, src, tgt)
        except SongnguError as exc:
            error, status = reason_for(exc), 400
    return render_template("memory/memory.html", stats=desk.memory.stats(actor), phrase=phrase, pair=pair,
                           pairs=PAIRS, hits=hits, error=error, can_import=actor.role in EDITORS), status


@bp.get("/memory/tmx")
@login_required
def download_tmx() -> Response:
    return _download(get_desk().exchange.export_tmx(session_user()), TMX_TYPE, "songngu-memory.tmx")


@bp.post("/memory/tmx")
@login_required
def upload_tmx() -> Any:
    data = _uploaded()
    back = url_for(".memory")
    if data is None:
        return render_template("exchange/tmx_result.html", report=None, back=back,
                               problems=[gettext("Choose a TMX file to upload.")]), 400
    try:
        report = get_desk().exchange.import_tmx(session_user(), data)
    except SongnguError as exc:
        if exc.code == "forbidden":
            raise
        problems, status = _refusal(exc)
        return render_template("exchange/tmx_result.html", report=None, problems=problems, back=back), status
    return render_template("exchange/tmx_result.html", report=report, problems=[], back=back)
