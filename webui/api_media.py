"""REST API for article pictures: list, upload, alt text, removal, and the files themselves.

Thin like ``webui.api``: each view calls one ``desk.media`` method as the token's
owner. The files are also served here (token auth), so a CMS that takes the
approved pair (``GET /documents/{id}/pair``, whose bodies name pictures as
``<img data-media="SHA256" src="/media/SHA256.ext">``) can fetch them.
"""

from __future__ import annotations

from typing import Any

from apiflask import APIBlueprint, Schema
from apiflask.fields import Dict, File, Integer, List, Nested, String
from apiflask.schemas import FileSchema
from apiflask.validators import Length, OneOf, Regexp
from flask import Response, send_file

from translate.desk.media.images import EXTENSIONS, MAX_IMAGE_BYTES
from translate.desk.media.service import MAX_ALT, MAX_CAPTION, ImageView
from webui.api import DocumentPath, row_id
from webui.auth import api_user, csrf, get_desk, token_auth

bp = APIBlueprint("media_api", __name__, url_prefix="/api/v1", tag="Pictures")
csrf.exempt(bp)  # Bearer tokens only: no session cookie is honoured here


class ImagePath(Schema):
    image_id = row_id("picture")


class MediaPath(Schema):
    sha256 = String(required=True, validate=Regexp(r"^[0-9a-f]{64}$"))
    ext = String(required=True, validate=OneOf(sorted(EXTENSIONS)))


class ImageOut(Schema):
    id = Integer(required=True)
    document_id = Integer(required=True)
    sha256 = String(required=True, metadata={"description": "SHA-256 of the stored (cleaned) bytes."})
    ext = String(required=True)
    mime = String(required=True)
    width = Integer(required=True)
    height = Integer(required=True)
    size = Integer(required=True, metadata={"description": "Bytes stored."})
    position = Integer(required=True, metadata={"description": "Order in the body."})
    filename = String(required=True)
    origin = String(required=True, metadata={"description": "docx or upload."})
    url = String(required=True, metadata={"description": "The desk's address of the file (signed-in users)."})
    alt = Dict(keys=String(), values=String(), required=True,
               metadata={"description": "Alt text per language as written ('' = use the caption)."})
    caption = Dict(keys=String(), values=String(), required=True,
                   metadata={"description": "The figure's caption per language, plain text."})


class ImagesOut(Schema):
    images = List(Nested(ImageOut), required=True)


class UploadIn(Schema):
    file = File(required=True, metadata={"description": f"JPEG, PNG, WebP or GIF, at most {MAX_IMAGE_BYTES:,} bytes."})
    caption = String(load_default="", validate=Length(max=MAX_CAPTION),
                     metadata={"description": "Optional; becomes a new segment to translate."})
    alt_vi = String(load_default="", validate=Length(max=MAX_ALT))
    alt_en = String(load_default="", validate=Length(max=MAX_ALT))


class AltIn(Schema):
    alt_vi = String(validate=Length(max=MAX_ALT))
    alt_en = String(validate=Length(max=MAX_ALT))


def _out(view: ImageView) -> dict[str, Any]:
    return {name: getattr(view, name) for name in ImageOut().fields}


@bp.get("/documents/<int:doc_id>/images")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.output(ImagesOut)
@bp.doc(summary="List an article's pictures", responses=[401, 403, 404])
def list_images(doc_id: int, path: dict[str, int]) -> dict[str, Any]:
    return {"images": [_out(v) for v in get_desk().media.images(api_user(), doc_id)]}


@bp.post("/documents/<int:doc_id>/images")
@bp.auth_required(token_auth)
@bp.input(DocumentPath, location="path", arg_name="path")
@bp.input(UploadIn, location="form_and_files", arg_name="form")
@bp.output(ImageOut, status_code=201)
@bp.doc(summary="Add a picture at the end of an article (editors, admins)",
        description="Checked from its bytes and re-encoded without EXIF; refused (400/413) when it is not a "
                    "JPEG, PNG, WebP or GIF or is over the size or pixel limits.",
        responses=[400, 401, 403, 404, 409, 413])
def upload_image(doc_id: int, path: dict[str, int], form: dict[str, Any]) -> dict[str, Any]:
    data = form["file"].read(MAX_IMAGE_BYTES + 1)
    view = get_desk().media.upload(api_user(), doc_id, filename=form["file"].filename or "image", data=data,
                                   caption=form["caption"], alt={"vi": form["alt_vi"], "en": form["alt_en"]})
    return _out(view)


@bp.patch("/images/<int:image_id>")
@bp.auth_required(token_auth)
@bp.input(ImagePath, location="path", arg_name="path")
@bp.input(AltIn, location="json", arg_name="body")
@bp.output(ImageOut)
@bp.doc(summary="Set a picture's alt text in one or both languages", responses=[400, 401, 403, 404])
def set_alt(image_id: int, path: dict[str, int], body: dict[str, Any]) -> dict[str, Any]:
    media = get_desk().media
    view = media.get(api_user(), image_id)
    for lang in ("vi", "en"):
        if f"alt_{lang}" in body:
            view = media.set_alt(api_user(), image_id, lang, body[f"alt_{lang}"])
    return _out(view)


@bp.delete("/images/<int:image_id>")
@bp.auth_required(token_auth)
@bp.input(ImagePath, location="path", arg_name="path")
@bp.output({}, status_code=204)
@bp.doc(summary="Remove a picture and its caption from the article (editors, admins)",
        responses=[401, 403, 404, 409])
def delete_image(image_id: int, path: dict[str, int]) -> tuple[str, int]:
    get_desk().media.remove(api_user(), image_id)
    return "", 204


@bp.get("/media/<sha256>.<ext>")
@bp.auth_required(token_auth)
@bp.input(MediaPath, location="path", arg_name="path")
@bp.output(FileSchema(type="string", format="binary"), content_type="image/*",
           description="The stored picture (immutable: its name is its content's hash).")
@bp.doc(summary="Download a picture", responses=[401, 403, 404])
def media_file(sha256: str, ext: str, path: dict[str, str]) -> Response:
    file, mime = get_desk().media.file(api_user(), sha256, ext)
    response = send_file(file, mimetype=mime, conditional=True, etag=sha256, max_age=365 * 24 * 3600)
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
