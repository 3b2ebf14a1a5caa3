"""The post-edit record: what a translator did to one machine draft, kept at every confirm.

One row per segment (``segment_id`` is unique): the latest confirm's draft, final
text and scores, with the editing time and keystrokes of every confirm added up, so
a segment re-opened and confirmed again shows its whole cost once. The columns
that dashboards group by (direction, section, model, translator, month) are copied
here at the confirm rather than joined later: a document moved to another section
or a model replaced afterwards does not rewrite what was measured.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow


class PostEditRecord(Base):
    __tablename__ = "postedit_records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    segment_id: Mapped[int] = mapped_column(ForeignKey("segments.id", ondelete="CASCADE"), unique=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True,
                                                index=True)
    source_lang: Mapped[str] = mapped_column(String(2))
    target_lang: Mapped[str] = mapped_column(String(2))
    section: Mapped[str] = mapped_column(String(40))
    field: Mapped[str] = mapped_column(String(10))
    number: Mapped[int] = mapped_column(Integer, default=0)  # "segment N" in the workspace, 1-based
    # The draft's origin ("mt" | "memory" | "" when the translator started from nothing), its
    # signature as stored on the segment, and the model part of it that charts group by.
    origin: Mapped[str] = mapped_column(String(12), default="")
    signature: Mapped[str] = mapped_column(Text, default="")
    model: Mapped[str] = mapped_column(String(200), default="")
    source: Mapped[str] = mapped_column(Text)
    draft: Mapped[str | None] = mapped_column(Text, nullable=True)  # plain text; None: no machine draft
    final: Mapped[str] = mapped_column(Text)  # plain text
    source_words: Mapped[int] = mapped_column(Integer, default=0)
    # HTER in percent (sacrebleu TER, draft as hypothesis, final as reference) and its parts,
    # so a group's HTER is sum(edits) / sum(words), not a mean of ratios.
    hter: Mapped[float | None] = mapped_column(Float, nullable=True)
    ter_edits: Mapped[float | None] = mapped_column(Float, nullable=True)
    ref_words: Mapped[float | None] = mapped_column(Float, nullable=True)
    char_distance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    unchanged: Mapped[bool] = mapped_column(Boolean, default=False)
    # Summed over every confirm of this segment; None: no client ever measured it (REST API, no JS).
    active_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    keystrokes: Mapped[int | None] = mapped_column(Integer, nullable=True)
    confirms: Mapped[int] = mapped_column(Integer, default=1)
    memory_used: Mapped[bool] = mapped_column(Boolean, default=False)
    memory_pct: Mapped[float | None] = mapped_column(Float, nullable=True)
    # Glossary terms of the source, each {"entry", "source", "targets", "draft_ok", "final_ok",
    # "outcome"} with outcome held | changed | flagged | fixed; the counts are for grouping.
    terms: Mapped[list] = mapped_column(JSON, default=list)
    terms_held: Mapped[int] = mapped_column(Integer, default=0)
    terms_changed: Mapped[int] = mapped_column(Integer, default=0)
    terms_flagged: Mapped[int] = mapped_column(Integer, default=0)
    terms_fixed: Mapped[int] = mapped_column(Integer, default=0)
    # QA flags on the draft and on the final text; resolved = draft flags the final no longer has.
    draft_flags: Mapped[int] = mapped_column(Integer, default=0)
    final_flags: Mapped[int] = mapped_column(Integer, default=0)
    flags_resolved: Mapped[int] = mapped_column(Integer, default=0)
    first_confirmed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    confirmed_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
