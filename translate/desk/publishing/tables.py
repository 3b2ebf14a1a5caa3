"""What the published site is made of, kept in the database so the site can always be rebuilt from it.

``site_articles`` holds the texts *as published* (not the live segments: an article
edited after publication stays on the site as it was until it is published again)
and the slugs, which never change once given, so a reader's link keeps working
across re-publications and withdrawals. ``site_publications`` is the article's
publication log: who, when, the exact texts of both languages, override reasons and
withdrawals. ``site_releases`` names every site release whose database change
committed; a release folder the site points at that is not listed there was left by a
crash between the switch and the commit, and is switched back (see ``releases.py``).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow

ACTION_PUBLISHED = "published"
ACTION_UNPUBLISHED = "unpublished"


class PublishedArticle(Base):
    """One article's place on the site: its stable slugs and, while ``live``, the texts readers see."""

    __tablename__ = "site_articles"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    section: Mapped[str] = mapped_column(String(40))
    slug_vi: Mapped[str] = mapped_column(String(120), unique=True)
    slug_en: Mapped[str] = mapped_column(String(120), unique=True)
    live: Mapped[bool] = mapped_column(Boolean, default=True, index=True)
    texts: Mapped[dict] = mapped_column(JSON, default=dict)  # {"vi": {title, summary, body_html}, "en": {...}}
    first_published_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)


class Publication(Base):
    """One publication or withdrawal of an article, with exactly what went out."""

    __tablename__ = "site_publications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(12))  # published | unpublished
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    user_name: Mapped[str] = mapped_column(String(120), default="")  # kept if the account goes
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    override_reason: Mapped[str | None] = mapped_column(Text, nullable=True)
    blocking: Mapped[list] = mapped_column(JSON, default=list)  # the blocking checks overridden
    reason: Mapped[str | None] = mapped_column(Text, nullable=True)  # why it was withdrawn
    texts: Mapped[dict | None] = mapped_column(JSON, nullable=True)  # both languages as published
    release: Mapped[str] = mapped_column(String(40), default="")


class SiteRelease(Base):
    """A site release whose database change committed (publish, withdrawal or full build)."""

    __tablename__ = "site_releases"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # publish | unpublish | build
    document_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
