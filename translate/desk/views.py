"""What the service hands out: frozen views, never live database rows.

A view outlives its session, so the web layer can render it after the
transaction closed, and cannot change the database by mutating it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from translate.desk.accounts import User
from translate.desk.documents import Document, Segment
from translate.desk.jobs import Job


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    role: str
    locale: str | None = None  # the interface language the user chose; None follows the browser

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SegmentView:
    id: int
    index: int
    field: str  # "title" | "summary" | "body"
    source: str
    source_html: str
    target: str  # with inline tags
    state: str
    origin: str
    version: int
    flags: list[dict] = field(default_factory=list)
    signature: str = ""
    match_pct: float | None = None

    def to_dict(self) -> dict[str, Any]:
        # Shallow: every save answers with one, and asdict's deep copy of the flags
        # cost more than the save's QA checks. The flag dicts are the view's own.
        return {"id": self.id, "index": self.index, "field": self.field, "source": self.source,
                "source_html": self.source_html, "target": self.target, "state": self.state,
                "origin": self.origin, "version": self.version, "flags": list(self.flags),
                "signature": self.signature, "match_pct": self.match_pct}


@dataclass(frozen=True)
class DocumentView:
    id: int
    state: str
    source_lang: str
    target_lang: str
    category: str
    title: str
    summary: str
    body_html: str
    segments: list[SegmentView]
    updated_at: str
    assigned_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JobView:
    id: int
    document_id: int
    state: str
    done: int
    total: int
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def user_view(u: User) -> UserView:
    return UserView(id=u.id, name=u.name, role=u.role, locale=u.locale)


def segment_view(s: Segment) -> SegmentView:
    return SegmentView(
        id=s.id, index=s.index, field=s.field, source=s.source, source_html=s.source_html, target=s.target or "",
        state=s.state, origin=s.origin or "", version=s.version, flags=list(s.flags or []),
        signature=s.signature or "", match_pct=s.match_pct,
    )


def document_view(d: Document, with_segments: bool = True) -> DocumentView:
    return DocumentView(
        id=d.id, state=d.state, source_lang=d.source_lang, target_lang=d.target_lang, category=d.category,
        title=d.title, summary=d.summary, body_html=d.body_html,
        segments=[segment_view(s) for s in sorted(d.segments, key=lambda s: s.index)] if with_segments else [],
        updated_at=d.updated_at.isoformat(timespec="seconds"), assigned_to=d.assigned_to,
    )


def job_view(j: Job) -> JobView:
    return JobView(id=j.id, document_id=j.document_id, state=j.state, done=j.done, total=j.total, error=j.error)
