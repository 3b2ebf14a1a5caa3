"""What the desk's pages read about articles: the filtered listing, one article's overview, job progress.

Kept apart from :mod:`translate.desk.document_service` (which changes articles) because
these are read-only queries shaped for a screen. Each one answers in a fixed number of
statements however many articles or segments there are: the listing is one statement
(page, total and per-article segment counts together), so a desk of thousands of
articles renders as fast as one of ten.

Free text is matched the way Vietnamese readers expect: Unicode form, letter case,
tone-mark placement (``hòa``/``hoà``) and hyphens never matter, and a query typed
without any diacritics (``ha noi``) finds every toned spelling (``Hà Nội``), as
people type on a keyboard without a Vietnamese input method. A query with
diacritics matches them exactly. SQL cannot fold Vietnamese (SQLite's ``lower()``
is ASCII-only), so titles are folded here, on a light scan of ids and titles.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, bindparam, case, func, select
from sqlalchemy.orm import Session, aliased

from glossary.normalize import form_key
from translate.desk import accounts, jobs
from translate.desk.documents import SEG_APPROVED, SEG_CONFIRMED, SEG_NEW, Document, PublishLog, Segment
from translate.desk.rules import blocking_flags
from translate.desk.views import JobView, UserView, job_view, user_view

UNASSIGNED = "unassigned"
PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
MAX_QUERY = 200


@dataclass(frozen=True)
class SegmentCounts:
    """How far an article has come, by segment: the desk's progress bar."""

    total: int = 0
    drafted: int = 0  # has a machine, memory or human draft (state is not 'new')
    confirmed: int = 0
    approved: int = 0

    @property
    def done(self) -> int:
        """Segments a person has signed off: confirmed by a translator or approved by an editor."""
        return self.confirmed + self.approved


@dataclass(frozen=True)
class DeskRow:
    id: int
    title: str
    state: str
    source_lang: str
    target_lang: str
    category: str
    assignee_id: int | None
    assignee_name: str | None
    created_at: datetime
    updated_at: datetime
    counts: SegmentCounts


@dataclass(frozen=True)
class DeskPage:
    rows: list[DeskRow]
    total: int  # matching articles on every page
    limit: int
    offset: int


@dataclass(frozen=True)
class PublishEntry:
    user_name: str | None
    at: datetime
    override_reason: str | None
    blocking: int  # how many blocking checks the reason overrode


@dataclass(frozen=True)
class ArticleProgress:
    """The article's state with its latest job: what the article page polls while a job runs."""

    document_id: int
    state: str
    counts: SegmentCounts
    job: JobView | None

    @property
    def job_active(self) -> bool:
        return self.job is not None and self.job.state in jobs.ACTIVE

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id, "state": self.state, "job_active": self.job_active,
            "job": self.job.to_dict() if self.job is not None else None,
            "segments": {"total": self.counts.total, "drafted": self.counts.drafted,
                         "confirmed": self.counts.confirmed, "approved": self.counts.approved},
        }


@dataclass(frozen=True)
class ArticleOverview:
    """One article's metadata as its page shows it, with names instead of user ids."""

    id: int
    title: str
    summary: str
    state: str
    source_lang: str
    target_lang: str
    category: str
    assignee: UserView | None
    created_by: str | None
    created_at: datetime
    updated_at: datetime
    published_at: datetime | None
    progress: ArticleProgress
    blocking: int  # blocking QA flags on its segments: publishing then needs a written reason
    publish_log: list[PublishEntry] = field(default_factory=list)


# --- Vietnamese-aware title matching -------------------------------------------------------------

def toneless(key: str) -> str:
    """A folded key without any diacritic (đ becomes d): what a query typed without them is matched on."""
    stripped = "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))
    return stripped.replace("đ", "d")


def text_matcher(query: str):
    """A predicate over titles: every word of ``query`` appears, folded as the module docstring says."""
    words = form_key(query).split()
    plain = all(toneless(w) == w for w in words)

    def matches(title: str) -> bool:
        key = form_key(title)
        if plain:
            key = toneless(key)
        return all(w in key for w in words)

    return matches


# --- the listing ---------------------------------------------------------------------------------

def _filtered(q: Select, shape: FilterShape) -> Select:
    """``q`` narrowed by the filters present; their values are bound when the statement runs."""
    if shape.state:
        q = q.where(Document.state == bindparam("state"))
    if shape.category:
        q = q.where(Document.category == bindparam("category"))
    if shape.assignee == UNASSIGNED:
        q = q.where(Document.assigned_to.is_(None))
    elif shape.assignee:
        q = q.where(Document.assigned_to == bindparam("assignee"))
    if shape.source_lang:
        q = q.where(Document.source_lang == bindparam("source_lang"))
    return q


def _counts_by_document(page_ids: Select) -> Select:
    """Segment counts per article, grouped in the database for the articles ``page_ids`` selects."""
    return (
        select(
            Segment.document_id.label("doc_id"),
            func.count().label("total"),
            func.sum(case((Segment.state != SEG_NEW, 1), else_=0)).label("drafted"),
            func.sum(case((Segment.state == SEG_CONFIRMED, 1), else_=0)).label("confirmed"),
            func.sum(case((Segment.state == SEG_APPROVED, 1), else_=0)).label("approved"),
        )
        .where(Segment.document_id.in_(page_ids))
        .group_by(Segment.document_id)
        .subquery("counts")
    )


@dataclass(frozen=True)
class FilterShape:
    """Which filters are present (not their values): statements are built once per shape."""

    state: bool = False
    category: bool = False
    assignee: str = ""  # "" | "unassigned" | "id"
    source_lang: bool = False


NEWEST_FIRST = Document.id.desc()  # ids grow with creation: newest first, and stable across pages


@lru_cache(maxsize=64)
def _page_statement(shape: FilterShape, by_ids: bool) -> Select:
    """The page with its total and its segment counts, as one statement (see :func:`desk_page`).

    Built once per shape and cached: building SQLAlchemy constructs costs more than
    running this query on a thousand articles, and a cached construct also lets
    SQLAlchemy reuse its compiled SQL.
    """
    assignee_user = aliased(accounts.User)
    base = (select(Document.id, Document.title, Document.state, Document.source_lang, Document.target_lang,
                   Document.category, Document.assigned_to, assignee_user.name.label("assignee_name"),
                   Document.created_at, Document.updated_at, func.count().over().label("n_total"))
            .outerjoin(assignee_user, assignee_user.id == Document.assigned_to))
    if by_ids:
        page = base.where(Document.id.in_(bindparam("ids", expanding=True))).cte("page")
    else:
        page = (_filtered(base, shape).order_by(NEWEST_FIRST)
                .limit(bindparam("limit")).offset(bindparam("offset")).cte("page"))
    counts = _counts_by_document(select(page.c.id))
    return (select(page, counts.c.total, counts.c.drafted, counts.c.confirmed, counts.c.approved)
            .outerjoin(counts, counts.c.doc_id == page.c.id)
            .order_by(page.c.id.desc()))


@lru_cache(maxsize=64)
def _titles_statement(shape: FilterShape) -> Select:
    return _filtered(select(Document.id, Document.title), shape).order_by(NEWEST_FIRST)


@lru_cache(maxsize=64)
def _count_statement(shape: FilterShape) -> Select:
    return _filtered(select(func.count()).select_from(Document), shape)


def desk_page(s: Session, *, state: str | None = None, category: str | None = None,
              assignee: int | str | None = None, source_lang: str | None = None, text: str | None = None,
              limit: int = PAGE_SIZE, offset: int = 0) -> DeskPage:
    """Newest articles first, filtered, one page of them with their assignee's name and segment counts.

    Without ``text`` this is one statement: the page (with ``count(*) over ()`` for the
    total) as a CTE, joined to the segment counts grouped for that page only. With
    ``text`` a first statement reads ids and titles of the filtered articles, folds
    and matches them here, and the page statement then selects the matching page by id.
    """
    shape = FilterShape(state=state is not None, category=category is not None,
                        assignee="" if assignee is None else (UNASSIGNED if assignee == UNASSIGNED else "id"),
                        source_lang=source_lang is not None)
    params = {k: v for k, v in (("state", state), ("category", category), ("source_lang", source_lang))
              if v is not None}
    if shape.assignee == "id":
        params["assignee"] = assignee
    known_total: int | None = None
    if text:
        matches = text_matcher(text)
        ids = [doc_id for doc_id, title in s.execute(_titles_statement(shape), params) if matches(title)]
        known_total = len(ids)
        result = s.execute(_page_statement(shape, True), {"ids": ids[offset:offset + limit]})
    else:
        result = s.execute(_page_statement(shape, False), {**params, "limit": limit, "offset": offset})
    rows = []
    total = known_total
    for r in result:
        if total is None:
            total = r.n_total
        rows.append(DeskRow(
            id=r.id, title=r.title, state=r.state, source_lang=r.source_lang, target_lang=r.target_lang,
            category=r.category, assignee_id=r.assigned_to, assignee_name=r.assignee_name,
            created_at=r.created_at, updated_at=r.updated_at,
            counts=SegmentCounts(total=r.total or 0, drafted=r.drafted or 0, confirmed=r.confirmed or 0,
                                 approved=r.approved or 0),
        ))
    if total is None:  # a page past the end: count the filtered articles on their own
        total = s.scalar(_count_statement(shape), params) or 0
    return DeskPage(rows=rows, total=total, limit=limit, offset=offset)


# --- one article ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _one_article_counts() -> Select:
    return select(_counts_by_document(select(Document.id).where(Document.id == bindparam("doc_id"))))


def segment_counts(s: Session, doc_id: int) -> SegmentCounts:
    row = s.execute(_one_article_counts(), {"doc_id": doc_id}).first()
    if row is None:
        return SegmentCounts()
    return SegmentCounts(total=row.total, drafted=row.drafted or 0, confirmed=row.confirmed or 0,
                         approved=row.approved or 0)


def article_progress(s: Session, doc: Document) -> ArticleProgress:
    """Read-only, three small statements: cheap enough to poll every second while a job runs."""
    job = s.scalar(select(jobs.Job).where(jobs.Job.document_id == doc.id).order_by(jobs.Job.id.desc()).limit(1))
    return ArticleProgress(document_id=doc.id, state=doc.state, counts=segment_counts(s, doc.id),
                           job=job_view(job) if job is not None else None)


def article_overview(s: Session, doc: Document) -> ArticleOverview:
    names = dict(s.execute(select(accounts.User.id, accounts.User.name)
                           .where(accounts.User.id.in_([doc.assigned_to or 0, doc.created_by or 0]))).all())
    assignee = s.get(accounts.User, doc.assigned_to) if doc.assigned_to else None
    flags = s.scalars(select(Segment.flags).where(Segment.document_id == doc.id))
    blocking = sum(len(blocking_flags(f)) for f in flags)
    log_rows = s.execute(
        select(PublishLog, accounts.User.name).outerjoin(accounts.User, accounts.User.id == PublishLog.user_id)
        .where(PublishLog.document_id == doc.id).order_by(PublishLog.id.desc())
    )
    log = [PublishEntry(user_name=name, at=entry.at, override_reason=entry.override_reason,
                        blocking=len(entry.blocking or [])) for entry, name in log_rows]
    return ArticleOverview(
        id=doc.id, title=doc.title, summary=doc.summary, state=doc.state, source_lang=doc.source_lang,
        target_lang=doc.target_lang, category=doc.category,
        assignee=user_view(assignee) if assignee is not None else None,
        created_by=names.get(doc.created_by), created_at=doc.created_at, updated_at=doc.updated_at,
        published_at=doc.published_at, progress=article_progress(s, doc), blocking=blocking, publish_log=log,
    )


def assignable_users(s: Session, roles: tuple[str, ...]) -> list[UserView]:
    """Active people who may be given an article, by name (disabled accounts cannot take work)."""
    rows = s.scalars(select(accounts.User).where(accounts.User.role.in_(roles), accounts.User.active.is_(True))
                     .order_by(accounts.User.name))
    return [user_view(u) for u in rows]
