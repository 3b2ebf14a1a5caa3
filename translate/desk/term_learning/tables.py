"""The stored glossary proposals: what the desk learned from translators, waiting for an admin.

A proposal never changes the glossary by itself; an admin accepts it (through the
termbase's normal edit path, so the version moves and history is kept) or rejects
it. ``open_key`` holds the change's key while the proposal is open and is NULL once
decided: the unique constraint on it is what refuses a second open proposal for
the same change, on SQLite and PostgreSQL alike (NULLs never collide).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow

# A new accepted form of an entry; a swap of the preferred form with an accepted variant; a new entry.
KIND_VARIANT = "variant"
KIND_PREFERRED = "preferred"
KIND_ENTRY = "entry"
PROPOSAL_KINDS = (KIND_VARIANT, KIND_PREFERRED, KIND_ENTRY)

OPEN = "open"
ACCEPTED = "accepted"
REJECTED = "rejected"
PROPOSAL_STATES = (OPEN, ACCEPTED, REJECTED)


class TermProposal(Base):
    __tablename__ = "term_proposals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    state: Mapped[str] = mapped_column(String(10), default=OPEN, index=True)
    src_lang: Mapped[str] = mapped_column(String(2))
    tgt_lang: Mapped[str] = mapped_column(String(2))
    # The entry a variant or preferred-form proposal is about (None for a new entry until accepted).
    entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("glossary_entries.id", ondelete="SET NULL"), nullable=True, index=True)
    source_phrase: Mapped[str] = mapped_column(Text, default="")
    form: Mapped[str] = mapped_column(Text)  # the proposed target form or term
    change_key: Mapped[str] = mapped_column(String(700), index=True)
    open_key: Mapped[str | None] = mapped_column(String(700), unique=True, nullable=True)
    support: Mapped[int] = mapped_column(Integer, default=0)  # confirmed segments that show the change
    share: Mapped[float] = mapped_column(Float, default=0.0)  # how consistent the evidence is (0..1)
    evidence: Mapped[dict] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    decided_by_name: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    decision_note: Mapped[str] = mapped_column(Text, default="")
    glossary_version: Mapped[int | None] = mapped_column(Integer, nullable=True)  # after an acceptance
