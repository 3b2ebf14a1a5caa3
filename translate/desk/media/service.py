"""The pictures of an article as the desk handles them: list, upload, alt text, removal, serving.

Roles: editors (and admins) add and remove pictures, as they create articles;
anyone on the desk may write alt text, since a translator is who writes it in the
target language. The image is checked and re-encoded (``images.clean_image``) and
written to the store before the transaction; if the transaction then fails, a
file this call created is removed again, so a refused upload leaves nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from translate.config import Settings
from translate.desk import jobs
from translate.desk.database import Database
from translate.desk.documents import LANGS, Document, check_lang, rebuild_target, utcnow
from translate.desk.errors import InvalidState, NotFound
from translate.desk.media.body_sync import replace_body
from translate.desk.media.figures import (
    bind_media,
    caption_text,
    figure_html,
    media_refs,
    media_url,
    remove_media,
)
from translate.desk.media.images import MAX_IMAGE_BYTES, CleanImage, clean_image
from translate.desk.media.store import MediaStore, valid_name
from translate.desk.media.tables import ArticleImage
from translate.desk.rules import ANY_ROLE, EDITORS, MAX_BODY, check_characters, clean_text, is_id, require
from translate.desk.views import UserView
from translate.errors import InputError, TooLargeError
from translate.text.markup import sanitize_html

MAX_ALT = 1_000  # characters of alt text per language
MAX_CAPTION = 1_000
MAX_FILENAME = 255
MAX_IMAGES_PER_ARTICLE = 100


@dataclass(frozen=True)
class ImageView:
    id: int
    document_id: int
    sha256: str
    ext: str
    mime: str
    width: int
    height: int
    size: int
    position: int
    filename: str
    origin: str
    url: str
    alt: dict[str, str] = field(default_factory=dict)  # as written, per language ('' when none)
    caption: dict[str, str] = field(default_factory=dict)  # the figure's caption per language, plain text
    created_at: datetime | None = None

    def alt_or_caption(self, lang: str) -> str:
        """What a reader is told: the alt text, else the caption in that language."""
        return self.alt.get(lang) or self.caption.get(lang, "")


@dataclass(frozen=True)
class ImportedImage:
    """A picture found in an imported file, cleaned, with its alt text in the file's language."""

    image: CleanImage
    filename: str
    alt: str = ""


def image_view(row: ArticleImage, captions: dict[str, dict[str, str]] | None = None) -> ImageView:
    caps = {lang: (captions or {}).get(lang, {}).get(row.sha256, "") for lang in LANGS}
    return ImageView(id=row.id, document_id=row.document_id, sha256=row.sha256, ext=row.ext, mime=row.mime,
                     width=row.width, height=row.height, size=row.size, position=row.position,
                     filename=row.filename, origin=row.origin, url=media_url(row.sha256, row.ext),
                     alt={lang: row.alt(lang) for lang in LANGS}, caption=caps, created_at=row.created_at)


def active_images(s: Session, doc_id: int) -> list[ArticleImage]:
    return list(s.scalars(select(ArticleImage).where(ArticleImage.document_id == doc_id,
                                                     ArticleImage.removed_at.is_(None))
                          .order_by(ArticleImage.position, ArticleImage.id)))


def document_captions(doc: Document) -> dict[str, dict[str, str]]:
    """Each picture's caption in both languages: the source body, and the translation as it stands."""
    captions = {doc.source_lang: caption_text(doc.body_html)}
    try:
        target = rebuild_target(doc)["body_html"]
    except InputError:
        target = ""
    captions[doc.target_lang] = caption_text(target)
    return captions


def attach_imported(s: Session, doc: Document, images: Sequence[ImportedImage], actor_id: int | None) -> None:
    """Rows for the pictures of a freshly imported article (their files are already stored)."""
    order = {sha: k for k, sha in enumerate(media_refs(doc.body_html))}
    seen: set[str] = set()
    for item in images:
        img = item.image
        if img.sha256 in seen or img.sha256 not in order:
            continue
        seen.add(img.sha256)
        row = ArticleImage(document_id=doc.id, sha256=img.sha256, ext=img.ext, mime=img.mime, width=img.width,
                           height=img.height, size=len(img.data), position=order[img.sha256],
                           filename=item.filename[:MAX_FILENAME], origin="docx", created_by=actor_id)
        if doc.source_lang == "vi":
            row.alt_vi = item.alt[:MAX_ALT]
        else:
            row.alt_en = item.alt[:MAX_ALT]
        s.add(row)


def bind_body(s: Session, doc_id: int, body_html: str) -> str:
    """The body with its ``data-media`` marks tied to this article's pictures (others become outside links)."""
    known = {row.sha256: row.ext for row in active_images(s, doc_id)}
    return bind_media(body_html, known)


class MediaService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.store = MediaStore(settings.media_dir or settings.instance / "media")

    # --- files, before and after a transaction ---------------------------------------------------

    def store_images(self, images: Iterable[CleanImage]) -> list[CleanImage]:
        """Write the files; returns those this call created (to discard if the transaction fails)."""
        return [img for img in images if self.store.put(img)]

    def discard_unused(self, created: Iterable[CleanImage]) -> None:
        """Remove files a failed transaction created, unless a row (committed meanwhile) uses them."""
        created = list(created)
        if not created:
            return
        with self.db.session() as s:
            used = set(s.scalars(select(ArticleImage.sha256).where(
                ArticleImage.sha256.in_([img.sha256 for img in created]))))
        for img in created:
            if img.sha256 not in used:
                self.store.discard(img.sha256, img.ext)

    # --- what pages and the API call --------------------------------------------------------------

    def images(self, actor: UserView, doc_id: int) -> list[ImageView]:
        require(actor, ANY_ROLE, "see an article's pictures")
        with self.db.session() as s:
            doc = _load(s, doc_id)
            rows = active_images(s, doc.id)
            captions = document_captions(doc) if rows else {}
            return [image_view(row, captions) for row in rows]

    def get(self, actor: UserView, image_id: int) -> ImageView:
        require(actor, ANY_ROLE, "see an article's pictures")
        with self.db.session() as s:
            row = _load_image(s, image_id)
            return image_view(row, document_captions(s.get(Document, row.document_id)))

    def upload(self, actor: UserView, doc_id: int, *, filename: str, data: bytes, caption: str = "",
               alt: dict[str, str] | None = None) -> ImageView:
        """Add a picture at the end of the body, as a figure; a caption becomes a new segment to translate.

        Appending keeps every existing segment where it is (the caption, if any, is
        the body's last segment), so work already done on the article is untouched.
        """
        require(actor, EDITORS, "add pictures to articles")
        check_characters(filename or "", "the file name")
        name = (filename or "image").replace("\\", "/").rsplit("/", 1)[-1][:MAX_FILENAME] or "image"
        caption = clean_text(caption, "caption", MAX_CAPTION, required=False)
        alts = {lang: clean_text((alt or {}).get(lang), f"alt text ({lang})", MAX_ALT, required=False)
                for lang in LANGS}
        if not isinstance(data, bytes | bytearray):
            raise InputError("the uploaded picture must be a file")
        if len(data) > MAX_IMAGE_BYTES:
            raise TooLargeError(f"{name} is too large: {len(data):,} bytes (limit {MAX_IMAGE_BYTES:,} bytes per image)")
        image = clean_image(bytes(data), name)
        created = self.store_images([image])
        try:
            with self.db.transaction() as s:
                doc = _load(s, doc_id)
                _no_running_job(s, doc)
                rows = {row.sha256: row for row in s.scalars(
                    select(ArticleImage).where(ArticleImage.document_id == doc.id))}
                row = rows.get(image.sha256)
                if row is not None and row.removed_at is None:
                    raise InputError(f"{name} is already in this article (the same picture, byte for byte)")
                if sum(1 for r in rows.values() if r.removed_at is None) >= MAX_IMAGES_PER_ARTICLE:
                    raise InputError(f"an article holds at most {MAX_IMAGES_PER_ARTICLE} pictures")
                body = sanitize_html((doc.body_html or "") + figure_html(image.sha256, image.ext, caption))
                if len(body) > MAX_BODY:
                    raise TooLargeError(f"the article body would pass {MAX_BODY:,} characters of HTML")
                if row is None:
                    row = ArticleImage(document_id=doc.id, sha256=image.sha256, created_by=actor.id)
                    s.add(row)
                row.ext, row.mime, row.width, row.height = image.ext, image.mime, image.width, image.height
                row.size, row.filename, row.origin, row.removed_at = len(image.data), name, "upload", None
                row.alt_vi, row.alt_en, row.updated_at = alts["vi"], alts["en"], utcnow()
                row.position = len(media_refs(body)) - 1
                replace_body(s, doc, body)
                s.flush()
                return image_view(row, document_captions(doc))
        except BaseException:
            self.discard_unused(created)
            raise

    def set_alt(self, actor: UserView, image_id: int, lang: str, text: str) -> ImageView:
        """The alt text in one language; empty falls back to the caption in that language."""
        require(actor, ANY_ROLE, "write alt text")
        lang = check_lang(lang, "language")
        value = " ".join(clean_text(text, "alt text", MAX_ALT, required=False).split())
        with self.db.transaction() as s:
            row = _load_image(s, image_id)
            setattr(row, f"alt_{lang}", value)
            row.updated_at = utcnow()
            doc = s.get(Document, row.document_id)
            return image_view(row, document_captions(doc))

    def remove(self, actor: UserView, image_id: int) -> None:
        """Take the picture out of the body with its caption (and the caption's segments).

        The file and the row stay: the texts already published show the picture until
        the article is published again.
        """
        require(actor, EDITORS, "remove pictures from articles")
        with self.db.transaction() as s:
            row = _load_image(s, image_id)
            doc = s.get(Document, row.document_id)
            _no_running_job(s, doc)
            replace_body(s, doc, remove_media(doc.body_html, row.sha256))
            row.removed_at = row.updated_at = utcnow()
            for k, other in enumerate(active_images(s, doc.id)):
                other.position = k

    def file(self, actor: UserView, sha256: str, ext: str) -> tuple[Path, str]:
        """The stored file of a picture some article uses, and its MIME type; NotFound otherwise."""
        require(actor, ANY_ROLE, "see pictures")
        if not valid_name(sha256, ext):
            raise NotFound("no such picture")
        with self.db.session() as s:
            mime = s.scalar(select(ArticleImage.mime).where(ArticleImage.sha256 == sha256,
                                                            ArticleImage.ext == ext).limit(1))
        path = self.store.path(sha256, ext)
        if mime is None or not path.is_file():
            raise NotFound("no such picture")
        return path, mime

    def shown(self, s: Session, doc: Document) -> dict[str, dict[str, tuple[str, str]]]:
        """For a preview: per language, sha -> (desk URL, alt text or caption)."""
        rows = active_images(s, doc.id)
        if not rows:
            return {lang: {} for lang in LANGS}
        captions = document_captions(doc)
        views = [image_view(row, captions) for row in rows]
        return {lang: {v.sha256: (v.url, v.alt_or_caption(lang)) for v in views} for lang in LANGS}


def _load(s: Session, doc_id: int) -> Document:
    doc = s.get(Document, doc_id) if is_id(doc_id) else None
    if doc is None:
        raise NotFound(f"no document with id {doc_id}")
    return doc


def _load_image(s: Session, image_id: int) -> ArticleImage:
    row = s.get(ArticleImage, image_id) if is_id(image_id) else None
    if row is None or row.removed_at is not None:
        raise NotFound(f"no picture with id {image_id}")
    return row


def _no_running_job(s: Session, doc: Document) -> None:
    active = s.scalar(select(func.count()).select_from(jobs.Job).where(
        jobs.Job.document_id == doc.id, jobs.Job.state.in_(jobs.ACTIVE)))
    if active:
        raise InvalidState(f"document {doc.id} is being machine-translated; add or remove pictures once the job "
                           "has finished")
