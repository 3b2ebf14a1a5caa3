"""The glossary's tables, and the conversion between a row and a :class:`TermEntry`.

Only :mod:`glossary.termbase` and :mod:`glossary.bulk_import` write these rows;
everything else reads entries through the termbase.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, CheckConstraint, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from glossary.db import Base
from glossary.entries import LANGS, LIST_FIELDS, STATUSES, EntryContent, TermEntry
from glossary.normalize import form_key


def utcnow() -> datetime:
    return datetime.now(UTC)


def _in(values: Sequence[str]) -> str:
    return ", ".join(f"'{v}'" for v in values)


class GlossaryEntry(Base):
    """One concept: a Vietnamese and an English term with their variants and forbidden forms."""

    __tablename__ = "glossary_entries"
    __table_args__ = (
        CheckConstraint(f"kind IN ({_in(('term', 'name', 'dnt'))})", name="kind"),
        CheckConstraint(f"status IN ({_in(STATUSES)})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    external_id: Mapped[str | None] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(8))
    domain: Mapped[str] = mapped_column(String(32), index=True)
    vi: Mapped[str] = mapped_column(String(400))
    en: Mapped[str] = mapped_column(String(400))
    vi_variants: Mapped[list] = mapped_column(JSON, default=list)
    en_variants: Mapped[list] = mapped_column(JSON, default=list)
    en_forbidden: Mapped[list] = mapped_column(JSON, default=list)
    vi_forbidden: Mapped[list] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12), index=True)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    # Every form's normalised key, newline-separated: tone/case/NFD-insensitive search with LIKE.
    search_key: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(120))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class GlossaryEntryForm(Base):
    """Normalised accepted forms of live entries; the unique key refuses ambiguous duplicates."""

    __tablename__ = "glossary_entry_forms"
    __table_args__ = (UniqueConstraint("lang", "key", name="uq_glossary_entry_forms_lang_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("glossary_entries.id", ondelete="CASCADE"), index=True)
    lang: Mapped[str] = mapped_column(String(2))
    key: Mapped[str] = mapped_column(String(1200))


class GlossaryEntryHistory(Base):
    """Each change as a full snapshot, so any revision can be shown or restored."""

    __tablename__ = "glossary_entry_history"
    __table_args__ = (
        UniqueConstraint("entry_id", "revision", name="uq_glossary_entry_history_entry_revision"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("glossary_entries.id", ondelete="CASCADE"), index=True)
    revision: Mapped[int] = mapped_column(Integer)
    action: Mapped[str] = mapped_column(String(20))
    snapshot: Mapped[dict] = mapped_column(JSON)
    changed_by: Mapped[str] = mapped_column(String(120))
    changed_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    glossary_version: Mapped[int] = mapped_column(Integer)
    comment: Mapped[str] = mapped_column(Text, default="")


class GlossaryVersion(Base):
    """A single row: the glossary version that machine output records."""

    __tablename__ = "glossary_version"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)
    changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


def aware(value: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored here is UTC."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def row_to_entry(row: GlossaryEntry) -> TermEntry:
    return TermEntry(
        id=row.id,
        vi=row.vi,
        en=row.en,
        domain=row.domain,
        kind=row.kind,
        vi_variants=tuple(row.vi_variants or ()),
        en_variants=tuple(row.en_variants or ()),
        en_forbidden=tuple(row.en_forbidden or ()),
        vi_forbidden=tuple(row.vi_forbidden or ()),
        note=row.note or "",
        status=row.status,
        external_id=row.external_id,
        revision=row.revision,
        created_by=row.created_by,
        created_at=aware(row.created_at),
        updated_by=row.updated_by,
        updated_at=aware(row.updated_at),
    )


def row_content(row: GlossaryEntry) -> EntryContent:
    return row_to_entry(row).content


def row_snapshot(row: GlossaryEntry) -> dict[str, Any]:
    d = row_content(row).to_dict()
    d["status"] = row.status
    d["external_id"] = row.external_id
    return d


def search_key(content: EntryContent) -> str:
    keys = [form_key(f) for lang in LANGS for f in (*content.forms(lang), *content.forbidden(lang))]
    return "\n" + "\n".join(keys) + "\n"


def apply_content(row: GlossaryEntry, content: EntryContent) -> None:
    for f in fields(EntryContent):
        value = getattr(content, f.name)
        setattr(row, f.name, list(value) if f.name in LIST_FIELDS else value)
    row.search_key = search_key(content)
