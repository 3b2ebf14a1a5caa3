"""The pictures of an article: one row per distinct image (by content), alt text per language.

The image bytes live in the media store (``store.py``), named by their SHA-256; the
row says which article uses them, where (``position``: order of first appearance
in the body), and what a reader who cannot see them is told: ``alt_vi``/``alt_en``.
Alt text is not part of the body, so it is not a segment: it is edited here, per
language, and falls back to the figure's caption in that language when empty.
A removed image keeps its row (``removed_at``) because the texts published on the
site before its removal still show it until the article is published again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow

ORIGINS = ("docx", "upload")


class ArticleImage(Base):
    __tablename__ = "article_images"
    __table_args__ = (UniqueConstraint("document_id", "sha256", name="uq_article_images_document_sha256"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    ext: Mapped[str] = mapped_column(String(5))
    mime: Mapped[str] = mapped_column(String(20))
    width: Mapped[int] = mapped_column(Integer)
    height: Mapped[int] = mapped_column(Integer)
    size: Mapped[int] = mapped_column(Integer)  # bytes stored
    position: Mapped[int] = mapped_column(Integer, default=0)
    alt_vi: Mapped[str] = mapped_column(Text, default="")
    alt_en: Mapped[str] = mapped_column(Text, default="")
    filename: Mapped[str] = mapped_column(String(255), default="")  # as uploaded, or the .docx part
    origin: Mapped[str] = mapped_column(String(10), default="upload")  # docx | upload
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    removed_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)

    @property
    def name(self) -> str:
        return f"{self.sha256}.{self.ext}"

    def alt(self, lang: str) -> str:
        return self.alt_vi if lang == "vi" else self.alt_en
