"""Articles, their segments, and the edit history of every segment.

An article is translated as a list of segments (title, summary, then the body's
sentences). The segment row is the unit of work and of locking: its ``version``
column lets two people edit the same article without silently overwriting each
other, and every change leaves a :class:`SegmentEdit` so reviewers can see who
wrote what and how far a translator moved away from the machine draft.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from glossary.db import Base
from translate.errors import InputError

LANGS = ("vi", "en")

# Segment states, in the order work normally moves through them.
SEG_NEW = "new"
SEG_MACHINE = "machine"
SEG_MEMORY = "memory"
SEG_EDITED = "edited"
SEG_CONFIRMED = "confirmed"
SEG_APPROVED = "approved"
# Sent back by a reviewer with a comment (translate/desk/review_service.py). Neither confirmed nor
# approved, so derive_state puts its document back into post-editing, like an edit would.
SEG_REJECTED = "rejected"
SEGMENT_STATES = (SEG_NEW, SEG_MACHINE, SEG_MEMORY, SEG_EDITED, SEG_REJECTED, SEG_CONFIRMED, SEG_APPROVED)

# Document states.
DOC_DRAFT = "draft"
DOC_TRANSLATING = "translating"
DOC_POST_EDITING = "post-editing"
DOC_IN_REVIEW = "in review"
DOC_APPROVED = "approved"
DOC_PUBLISHED = "published"
DOCUMENT_STATES = (DOC_DRAFT, DOC_TRANSLATING, DOC_POST_EDITING, DOC_IN_REVIEW, DOC_APPROVED, DOC_PUBLISHED)

FIELDS = ("title", "summary", "body")


def utcnow() -> datetime:
    """Naive UTC: SQLite drops tz info, so storing naive UTC keeps both databases comparable."""
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass(frozen=True)
class Category:
    slug: str
    vi: str
    en: str

    def label(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en


# The news site's sections; the slug is what is stored.
CATEGORIES: tuple[Category, ...] = (
    Category("cuisine", "Ẩm thực", "Cuisine"),
    Category("creative-spaces", "Không gian sáng tạo", "Creative Spaces"),
    Category("urban-architecture", "Kiến trúc đô thị", "Urban Architecture"),
    Category("handicrafts", "Nghề thủ công", "Handicrafts"),
    Category("arts", "Nghệ thuật", "Arts"),
    Category("events", "Sự kiện", "Events"),
    Category("unesco-network", "Tin mạng lưới UNESCO", "UNESCO Network News"),
)


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().replace("_", "-").split())


_CATEGORY_INDEX: dict[str, Category] = {}
for _c in CATEGORIES:
    for _label in (_c.slug, _c.vi, _c.en, _c.slug.replace("-", " ")):
        _CATEGORY_INDEX[_fold(_label)] = _c
# Common short forms editors type.
_CATEGORY_INDEX[_fold("UNESCO")] = CATEGORIES[-1]
_CATEGORY_INDEX[_fold("Tin UNESCO")] = CATEGORIES[-1]
_CATEGORY_INDEX[_fold("UNESCO network")] = CATEGORIES[-1]


def resolve_category(value: str) -> Category:
    """Accept a slug or either language's label, so editors can type what they see on the site."""
    if not isinstance(value, str) or not value.strip():
        raise InputError("category is required; one of: " + ", ".join(c.slug for c in CATEGORIES))
    found = _CATEGORY_INDEX.get(_fold(value))
    if found is None:
        raise InputError(
            f"unknown category {value!r}; use a slug or label: "
            + "; ".join(f"{c.slug} ({c.vi} / {c.en})" for c in CATEGORIES)
        )
    return found


def check_lang(value: str, what: str = "source_lang") -> str:
    lang = (value or "").strip().lower()
    if lang not in LANGS:
        raise InputError(f"{what} must be 'vi' or 'en', got {value!r}")
    return lang


def other_lang(lang: str) -> str:
    return "en" if lang == "vi" else "vi"


class Document(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_lang: Mapped[str] = mapped_column(String(2))
    target_lang: Mapped[str] = mapped_column(String(2))
    category: Mapped[str] = mapped_column(String(40))
    title: Mapped[str] = mapped_column(Text)
    summary: Mapped[str] = mapped_column(Text, default="")
    body_html: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default=DOC_DRAFT, index=True)
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    assigned_to: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    segments: Mapped[list[Segment]] = relationship(
        back_populates="document", order_by="Segment.index", cascade="all, delete-orphan"
    )


class Segment(Base):
    """One sentence (or the title, or the summary) of an article and its translation.

    ``target`` holds the translation with inline tags (``<strong>``, ``<em>``,
    ``<a>``) as the rebuilt article needs them; ``mt_target`` keeps the first
    machine or memory draft so every later edit can be measured against it.
    """

    __tablename__ = "segments"
    __table_args__ = (UniqueConstraint("document_id", "index", name="uq_segments_document_index"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    index: Mapped[int] = mapped_column(Integer)
    field: Mapped[str] = mapped_column(String(10))  # title | summary | body
    block: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="p")
    source: Mapped[str] = mapped_column(Text)
    source_html: Mapped[str] = mapped_column(Text)
    target: Mapped[str] = mapped_column(Text, default="")
    mt_target: Mapped[str | None] = mapped_column(Text, nullable=True)
    state: Mapped[str] = mapped_column(String(12), default=SEG_NEW, index=True)
    origin: Mapped[str] = mapped_column(String(12), default="")  # "" | mt | memory | human
    version: Mapped[int] = mapped_column(Integer, default=1)
    flags: Mapped[list] = mapped_column(JSON, default=list)
    terms: Mapped[list] = mapped_column(JSON, default=list)
    signature: Mapped[str] = mapped_column(Text, default="")
    match_pct: Mapped[float | None] = mapped_column(Float, nullable=True)
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="segments")


class SegmentEdit(Base):
    """Every write to a segment's target: machine drafts, memory reuse and human edits alike.

    ``action`` is machine | memory | save | confirm | approve | send_back, or
    conflict: a save refused because someone else saved first, kept so that what
    was typed is never lost. Counting machine rows per segment is how a restarted
    job proves it did no segment twice.
    """

    __tablename__ = "segment_edits"
    __table_args__ = (Index("ix_segment_edits_segment_action", "segment_id", "action"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    action: Mapped[str] = mapped_column(String(10))
    target: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer)
    distance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class PublishLog(Base):
    """Publishing events, with the written reason whenever an editor overrode a blocking check."""

    __tablename__ = "publish_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    blocking: Mapped[list] = mapped_column(JSON, default=list)  # what was overridden
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


def derive_state(doc_state: str, segment_states: list[str], job_active: bool) -> str:
    """The document's state follows its segments; only 'published' is set explicitly.

    A published article whose segments are edited again drops back into the flow,
    so what is live never silently differs from what was approved.
    """
    if job_active:
        return DOC_TRANSLATING
    if not segment_states or all(s == SEG_NEW for s in segment_states):
        return DOC_DRAFT
    if all(s == SEG_APPROVED for s in segment_states):
        return DOC_PUBLISHED if doc_state == DOC_PUBLISHED else DOC_APPROVED
    if all(s in (SEG_CONFIRMED, SEG_APPROVED) for s in segment_states):
        return DOC_IN_REVIEW
    return DOC_POST_EDITING


# --- segmentation ------------------------------------------------------------------------------


def parse_fields(title: str, summary: str, body_html: str, lang: str) -> dict[str, object]:
    """Parse each field the same way every time, so stored segments and re-parses line up.

    Title and summary are plain text; the body is sanitised HTML. Returns
    ``{"title": ParsedDocument, "summary": ParsedDocument | None, "body": ParsedDocument | None}``.
    """
    from translate.text import markup

    out: dict[str, object] = {"title": markup.parse_text(title, lang)}
    out["summary"] = markup.parse_text(summary, lang) if summary.strip() else None
    out["body"] = markup.parse_html(body_html, lang) if body_html.strip() else None
    return out


def source_segments(parsed: dict[str, object]) -> list[tuple[str, int, object]]:
    """(field, position within field, SourceSegment) in document order: title, summary, body."""
    rows: list[tuple[str, int, object]] = []
    for name in FIELDS:
        doc = parsed.get(name)
        if doc is None:
            continue
        for pos, seg in enumerate(doc.segments):
            rows.append((name, pos, seg))
    return rows


def segment_html(seg) -> str:
    """The sentence with its inline tags, as the pipeline reports ``source_html``."""
    return seg.html if getattr(seg, "kind", "text") == "text" else seg.text


def fragment_text(fragment: str) -> str:
    """The plain text of an inline HTML fragment (a segment's target): tags dropped, entities decoded."""
    if not fragment or ("<" not in fragment and "&" not in fragment):
        return fragment or ""
    import lxml.html

    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    for br in root.iter("br"):
        br.tail = " " + (br.tail or "")
    return root.text_content()


def rebuild_target(doc: Document) -> dict[str, str]:
    """The translated title, summary and body, put back into the source's structure.

    One encoding per field, the same on both sides of the pair: the title and the
    summary are plain text (like the source's, escaped only where they are put into
    HTML), so their segments' targets, which are inline HTML, are turned back into
    text; the body is sanitised HTML.
    """
    parsed = parse_fields(doc.title, doc.summary, doc.body_html, doc.source_lang)
    by_field: dict[str, list[Segment]] = {name: [] for name in FIELDS}
    for seg in sorted(doc.segments, key=lambda s: s.index):
        by_field[seg.field].append(seg)
    out: dict[str, str] = {}
    for name in FIELDS:
        p = parsed.get(name)
        segs = by_field[name]
        if p is None:
            out[name] = ""
            continue
        if len(p.segments) != len(segs):
            raise InputError(
                f"document {doc.id}: the {name} now parses into {len(p.segments)} segments but "
                f"{len(segs)} are stored; re-import the article"
            )
        targets = [s.target for s in segs] if name == "body" else [fragment_text(s.target) for s in segs]
        out[name] = p.rebuild(targets).strip()
    return {"title": out["title"], "summary": out["summary"], "body_html": out["body"]}
