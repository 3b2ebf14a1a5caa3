"""Article pictures on the desk: the files (/media/<sha256>.<ext>) and the article page's Images panel.

Files are served only to signed-in users and only when some article uses them
(``desk.media.file`` decides). Their names are their content's SHA-256, so the
browser may keep them for a year without asking again (``immutable``); the type
is the one Pillow found in the bytes, and ``nosniff`` (from ``webui.security``,
repeated here) stops a browser from guessing another.
The panel's forms post here and come back to the article page; the service holds
every rule (who may upload, remove, write alt text).
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, send_file, url_for
from flask_babel import gettext
from flask_login import login_required
from werkzeug.wrappers import Response

from translate.desk.documents import LANGS
from translate.desk.media.images import ACCEPTED, MAX_IMAGE_BYTES
from translate.desk.media.service import MAX_ALT, MAX_CAPTION
from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.flashing import done_or_flash

bp = Blueprint("media_pages", __name__)

YEAR = 365 * 24 * 3600


@bp.get("/media/<sha256>.<ext>")
@login_required
def media_file(sha256: str, ext: str) -> Response:
    path, mime = get_desk().media.file(session_user(), sha256, ext)
    response = send_file(path, mimetype=mime, conditional=True, etag=sha256, max_age=YEAR)
    response.headers["Cache-Control"] = f"private, max-age={YEAR}, immutable"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = "inline"
    return response


def _back(doc_id: int) -> Response:
    return redirect(url_for("desk_pages.article", doc_id=doc_id, _anchor="images"))


@bp.post("/articles/<int:doc_id>/images")
@login_required
def upload(doc_id: int) -> Response:
    upload_file = request.files.get("image")
    if upload_file is None or not upload_file.filename:
        flash(gettext("Not done: %(reason)s", reason=gettext("choose a picture to upload")), "error")
        return _back(doc_id)
    data = upload_file.stream.read(MAX_IMAGE_BYTES + 1)
    done_or_flash(lambda: get_desk().media.upload(
        session_user(), doc_id, filename=upload_file.filename, data=data,
        caption=request.form.get("caption", ""),
        alt={lang: request.form.get(f"alt_{lang}", "") for lang in LANGS}), gettext("Picture added."))
    return _back(doc_id)


@bp.post("/articles/<int:doc_id>/images/<int:image_id>/alt")
@login_required
def alt_text(doc_id: int, image_id: int) -> Response:
    def save() -> None:
        for lang in LANGS:
            if f"alt_{lang}" in request.form:
                get_desk().media.set_alt(session_user(), image_id, lang, request.form[f"alt_{lang}"])
    done_or_flash(save, gettext("Alt text saved."))
    return _back(doc_id)


@bp.post("/articles/<int:doc_id>/images/<int:image_id>/delete")
@login_required
def delete(doc_id: int, image_id: int) -> Response:
    done_or_flash(lambda: get_desk().media.remove(session_user(), image_id), gettext("Picture removed."))
    return _back(doc_id)


@bp.app_context_processor
def media_helpers() -> dict[str, Any]:
    """``article_images(doc_id)`` for the Images panel (templates/media/images_panel.html)."""
    def article_images(doc_id: int) -> list:
        try:
            return get_desk().media.images(session_user(), doc_id)
        except SongnguError:
            return []
    return {"article_images": article_images, "image_limits": {
        "bytes": MAX_IMAGE_BYTES, "formats": ACCEPTED, "alt": MAX_ALT, "caption": MAX_CAPTION}}
