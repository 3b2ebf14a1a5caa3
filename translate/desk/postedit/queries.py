"""Reading post-edit records back: filters, and the figures the dashboard and reports show.

Records are selected in SQL (filters on indexed columns), then aggregated here in
Python: medians and quartiles are not portable SQL between SQLite and PostgreSQL,
and a newsroom's confirmed segments number in the tens of thousands, not millions.
A group's HTER is the corpus figure (all edits over all reference words, as
sacrebleu computes corpus TER); the per-segment mean and the quartiles go beside it.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from translate.desk.accounts import User
from translate.desk.documents import CATEGORIES, Document
from translate.desk.postedit.records import PostEditRecord
from translate.errors import InputError

DIRECTIONS = ("vi-en", "en-vi")
_MONTH = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])$")
# HTER histogram bins (percent): exactly 0 (accepted as drafted, word for word), then tens, then beyond 100.
BIN_EDGES = (0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
BIN_LABELS = ("0", *(f"{a}–{b}" for a, b in zip(BIN_EDGES, BIN_EDGES[1:], strict=False)), ">100")
HEAVIEST_LIMIT = 20


@dataclass(frozen=True)
class Filters:
    direction: str | None = None  # "vi-en" | "en-vi"
    section: str | None = None  # a category slug
    model: str | None = None
    month_from: str | None = None  # "YYYY-MM", inclusive
    month_to: str | None = None

    def to_dict(self) -> dict[str, str]:
        return {k: v for k, v in self.__dict__.items() if v}


def _month_start(value: str) -> datetime:
    m = _MONTH.match(value)
    return datetime(int(m.group(1)), int(m.group(2)), 1)


def _next_month(start: datetime) -> datetime:
    return datetime(start.year + start.month // 12, start.month % 12 + 1, 1)


def parse_filters(args: Mapping[str, Any] | None) -> Filters:
    """Filters from a query string; an unknown value is a 400 naming it, an empty one means "all"."""
    args = args or {}

    def get(name: str) -> str | None:
        value = args.get(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise InputError(f"{name} must be text")
        return value.strip() or None

    direction, section, model = get("direction"), get("section"), get("model")
    month_from, month_to = get("from"), get("to")
    if direction is not None and direction not in DIRECTIONS:
        raise InputError(f"direction must be one of {', '.join(DIRECTIONS)}, got {direction!r}")
    if section is not None and section not in {c.slug for c in CATEGORIES}:
        raise InputError(f"unknown section {section!r}; one of: " + ", ".join(c.slug for c in CATEGORIES))
    if model is not None and len(model) > 200:
        raise InputError("model must be at most 200 characters")
    for name, value in (("from", month_from), ("to", month_to)):
        if value is not None and not _MONTH.match(value):
            raise InputError(f"{name} must be a month written YYYY-MM, got {value!r}")
        if value is not None and not 1900 <= int(value[:4]) <= 9998:  # datetime's range, with a month to spare
            raise InputError(f"{name} must be a month between 1900-01 and 9998-12, got {value!r}")
    if month_from and month_to and month_from > month_to:
        raise InputError(f"the month range is empty: from {month_from} is after to {month_to}")
    return Filters(direction, section, model, month_from, month_to)


def select_records(f: Filters, document_id: int | None = None) -> Select:
    stmt = (select(PostEditRecord, User.name, Document.title)
            .outerjoin(User, User.id == PostEditRecord.user_id)
            .join(Document, Document.id == PostEditRecord.document_id))
    if document_id is not None:
        stmt = stmt.where(PostEditRecord.document_id == document_id)
    if f.direction:
        src, tgt = f.direction.split("-")
        stmt = stmt.where(PostEditRecord.source_lang == src, PostEditRecord.target_lang == tgt)
    if f.section:
        stmt = stmt.where(PostEditRecord.section == f.section)
    if f.model:
        stmt = stmt.where(PostEditRecord.model == f.model)
    if f.month_from:
        stmt = stmt.where(PostEditRecord.confirmed_at >= _month_start(f.month_from))
    if f.month_to:
        stmt = stmt.where(PostEditRecord.confirmed_at < _next_month(_month_start(f.month_to)))
    return stmt.order_by(PostEditRecord.confirmed_at, PostEditRecord.id)


@dataclass(frozen=True)
class Row:
    """One record as the aggregations read it (plain values, no session needed)."""

    rec: PostEditRecord
    translator: str
    title: str

    @property
    def direction(self) -> str:
        return f"{self.rec.source_lang}-{self.rec.target_lang}"

    @property
    def month(self) -> str:
        return self.rec.confirmed_at.strftime("%Y-%m")


def load_rows(session: Session, f: Filters, document_id: int | None = None) -> list[Row]:
    rows = [Row(rec, name or "", title or "") for rec, name, title in session.execute(select_records(f, document_id))]
    for r in rows:
        session.expunge(r.rec)
    return rows


# --- aggregations ------------------------------------------------------------------------------------------

def _r(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def hter_stats(rows: Iterable[Row]) -> dict[str, Any]:
    scored = [r.rec for r in rows if r.rec.hter is not None]
    values = sorted(rec.hter for rec in scored)
    words = sum(rec.ref_words or 0 for rec in scored)
    out: dict[str, Any] = {"segments": len(values), "hter": None, "mean": None, "median": None, "q1": None,
                           "q3": None, "min": None, "max": None, "unchanged": sum(rec.unchanged for rec in scored),
                           "unchanged_share": None}
    if not values:
        return out
    quartiles = statistics.quantiles(values, n=4, method="inclusive") if len(values) > 1 else [values[0]] * 3
    out.update(hter=_r(100 * sum(rec.ter_edits or 0 for rec in scored) / words) if words else None,
               mean=_r(statistics.fmean(values)), median=_r(quartiles[1]), q1=_r(quartiles[0]),
               q3=_r(quartiles[2]), min=_r(values[0]), max=_r(values[-1]),
               unchanged_share=_r(out["unchanged"] / len(values), 4))
    return out


def histogram(rows: Iterable[Row]) -> list[dict[str, Any]]:
    counts = [0] * len(BIN_LABELS)
    for r in rows:
        h = r.rec.hter
        if h is None:
            continue
        if h == 0:
            i = 0
        elif h > 100:
            i = len(BIN_LABELS) - 1
        else:
            i = next(k for k, edge in enumerate(BIN_EDGES[1:], start=1) if h <= edge)
        counts[i] += 1
    return [{"bin": label, "segments": n} for label, n in zip(BIN_LABELS, counts, strict=True)]


def grouped(rows: list[Row], key: Callable[[Row], str]) -> list[dict[str, Any]]:
    groups: dict[str, list[Row]] = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    return [{"group": name, **hter_stats(members)} for name, members in sorted(groups.items())]


def throughput(rows: Iterable[Row], per_translator: bool) -> dict[str, Any]:
    """Source words post-edited per hour of measured editing time (segments without a time are left out)."""
    def figures(members: list[Row]) -> dict[str, Any]:
        timed = [r.rec for r in members if r.rec.active_ms]
        words = sum(rec.source_words for rec in timed)
        ms = sum(rec.active_ms for rec in timed)
        return {"segments": len(timed), "words": words, "active_ms": ms, "hours": _r(ms / 3_600_000, 3),
                "words_per_hour": _r(words * 3_600_000 / ms, 1) if ms else None,
                "keystrokes": sum(rec.keystrokes or 0 for rec in timed)}

    rows = list(rows)
    out: dict[str, Any] = {"total": figures(rows)}
    if per_translator:
        by: dict[str, list[Row]] = {}
        for r in rows:
            by.setdefault(r.translator or "—", []).append(r)
        out["translators"] = [{"translator": name, **figures(members)} for name, members in sorted(by.items())]
    return out


def segment_line(r: Row) -> dict[str, Any]:
    rec = r.rec
    return {"segment_id": rec.segment_id, "document_id": rec.document_id, "title": r.title, "number": rec.number,
            "field": rec.field, "translator": r.translator, "direction": r.direction, "section": rec.section,
            "model": rec.model, "origin": rec.origin, "source": rec.source, "draft": rec.draft, "final": rec.final,
            "hter": _r(rec.hter), "char_distance": rec.char_distance, "unchanged": rec.unchanged,
            "source_words": rec.source_words, "active_ms": rec.active_ms, "keystrokes": rec.keystrokes,
            "confirms": rec.confirms, "memory_used": rec.memory_used, "memory_pct": _r(rec.memory_pct, 1),
            "terms": rec.terms, "terms_held": rec.terms_held, "terms_changed": rec.terms_changed,
            "terms_flagged": rec.terms_flagged, "terms_fixed": rec.terms_fixed, "draft_flags": rec.draft_flags,
            "final_flags": rec.final_flags, "flags_resolved": rec.flags_resolved,
            "confirmed_at": rec.confirmed_at.isoformat(timespec="seconds")}


def heaviest(rows: Iterable[Row], limit: int = HEAVIEST_LIMIT) -> list[dict[str, Any]]:
    edited = [r for r in rows if r.rec.hter is not None and not r.rec.unchanged]
    edited.sort(key=lambda r: (-(r.rec.hter or 0), -(r.rec.char_distance or 0), r.rec.id))
    return [segment_line(r) for r in edited[:limit]]
