"""Saving one segment, the desk's hottest write: the same rules in as few statements as they need.

A post-editor's client autosaves every few seconds, twenty people at once, so
this path is measured (``songngu bench --only load``) and kept lean. It does
exactly what the rules ask, no less:

* one read (segment, its document's languages and assignee, the glossary version)
  before the write, in one statement;
* the QA checks on the edit, with what does not change between two saves of the
  same segment cached: the glossary matcher per (version, direction), the source's
  term matches per (version, direction, source) and the source's inline tags;
* one short transaction: the conditional UPDATE on the version the client loaded
  (the optimistic lock: nothing is ever overwritten) returning the stored row,
  the history row, and the document's state (re-derived only when an edit must
  move it). On PostgreSQL a save in a document already in post-editing (nearly
  every save) is a single data-modifying statement in autocommit instead: one
  round trip where the transaction takes four.
* on PostgreSQL, where every statement is a network round trip, the read is
  remembered per segment and the next save of it skips the read: the single
  statement writes only if what the checks were based on still holds (the
  document's assignee, the machine draft, the glossary version; a segment's
  source and its document's languages never change once it exists: a new body
  only adds or removes caption segments, see ``media/body_sync.py``). If anything
  moved, the save reads afresh and goes the long way, so a remembered read can
  cost a retry but never a wrong save.

Core statements rather than ORM loads: an ORM identity map, unit of work and
refresh cost more CPU than the rules themselves on a path this short.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import Integer, Select, String, Text, bindparam, exists, func, insert, literal, select, update
from sqlalchemy.orm import Session

from glossary.checks import CheckContext, run_checks
from glossary.matcher import Matcher, TermMatch
from glossary.tables import GlossaryVersion
from glossary.termbase import Termbase
from translate.desk import jobs
from translate.desk.database import Database
from translate.desk.documents import DOC_POST_EDITING, SEG_EDITED, Document, Segment, SegmentEdit, utcnow
from translate.desk.errors import EditConflict, NotFound, PermissionDenied
from translate.desk.rules import is_id, plain
from translate.desk.views import SegmentView, UserView
from translate.text.markup import inline_tag_sequence

# The statements are built once, with bound parameters: building and keying a statement
# costs more CPU than SQLite takes to run it, and a built one is keyed once.
_SEG, _DOC, _EDITS = Segment.__table__, Document.__table__, SegmentEdit.__table__
_GV = GlossaryVersion.__table__

READ = (
    select(_SEG.c.id, _SEG.c.document_id, _SEG.c.kind, _SEG.c.source, _SEG.c.source_html, _SEG.c.mt_target,
           _DOC.c.source_lang, _DOC.c.target_lang, _DOC.c.assigned_to,
           # the glossary version in the same statement: the QA checks use the matcher at that version
           select(_GV.c.version).where(_GV.c.id == 1).scalar_subquery())
    .select_from(_SEG.join(_DOC, _DOC.c.id == _SEG.c.document_id))
    .where(_SEG.c.id == bindparam("segment_id"))
)
# The optimistic lock: only the version the client loaded is overwritten; the row as
# stored comes back for the answer.
UPDATE = (
    update(_SEG)
    .where(_SEG.c.id == bindparam("segment_id"), _SEG.c.version == bindparam("seen_version"))
    .values(target=bindparam("new_target"), state=SEG_EDITED, origin="human",
            flags=bindparam("new_flags", type_=_SEG.c.flags.type), version=bindparam("new_version"),
            updated_by=bindparam("user_id"), updated_at=bindparam("now", type_=_SEG.c.updated_at.type))
    .returning(*(_SEG.c[name] for name in ("id", "index", "field", "source", "source_html", "target", "state",
                                           "origin", "version", "flags", "signature", "match_pct")),
               # and the document's state, read once this write holds its lock
               select(_DOC.c.state).where(_DOC.c.id == _SEG.c.document_id).scalar_subquery().label("doc_state"))
)
CURRENT = select(_SEG.c.target, _SEG.c.version).where(_SEG.c.id == bindparam("segment_id"))
HISTORY = insert(_EDITS)


def _one_statement_save() -> Select:
    """PostgreSQL: the UPDATE and its history row in one statement, for a document in post-editing.

    A data-modifying CTE, run in autocommit, is one round trip and one implicit
    transaction (atomic like the three-statement one) instead of four round trips
    (BEGIN, UPDATE, INSERT, COMMIT): the desk's busiest write costs a server half as
    much. It only writes when the document is in post-editing, the common case, and
    the read the edit was checked against still holds; no row back means a conflict,
    a state to move or a stale read, which a fresh read and the general path sort out.
    """
    updated = (
        UPDATE.where(
            exists().where(_DOC.c.id == _SEG.c.document_id, _DOC.c.state == DOC_POST_EDITING,
                           # what the edit was checked against (see EditTarget) still holds
                           _DOC.c.assigned_to.is_not_distinct_from(bindparam("seen_assignee", type_=Integer))),
            _SEG.c.mt_target.is_not_distinct_from(bindparam("seen_draft", type_=Text)),
            func.coalesce(select(_GV.c.version).where(_GV.c.id == 1).scalar_subquery(), 0)
            == bindparam("seen_glossary", type_=Integer),
        )
        .cte("updated")
    )
    history = insert(_EDITS).from_select(
        ["segment_id", "user_id", "action", "target", "version", "distance", "at"],
        select(updated.c.id, bindparam("user_id", type_=Integer), literal("save", String),
               bindparam("new_target", type_=Text), bindparam("new_version", type_=Integer),
               bindparam("distance", type_=Integer), bindparam("now", type_=_EDITS.c.at.type)),
    ).cte("history")
    return select(updated).add_cte(history)


SAVE_IN_ONE = _one_statement_save()


@dataclass(frozen=True)
class EditTarget:
    """What a save needs to know about the segment before writing: read in one statement."""

    id: int
    document_id: int
    kind: str
    source: str
    source_html: str
    mt_target: str | None
    source_lang: str
    target_lang: str
    assigned_to: int | None
    glossary_version: int


class BoundedCache:
    """A small thread-safe LRU: what a save derives from data that only a new glossary version changes."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        found = self.peek(key)
        if found is not None:
            return found
        value = make()  # outside the lock: two threads may both build it, both get a correct value
        self.put(key, value)
        return value

    def peek(self, key: Hashable) -> Any:
        """The value under ``key``, or None."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def drop(self, key: Hashable) -> None:
        with self._lock:
            self._items.pop(key, None)


class SegmentSaver:
    """The save path of :class:`~translate.desk.segment_service.SegmentService`; one per Desk."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self._matchers = BoundedCache(8)  # (version, src, tgt) -> Matcher
        self._source_matches = BoundedCache(4096)  # (version, src, tgt, source) -> tuple[TermMatch, ...]
        self._source_tags = BoundedCache(4096)  # source_html -> tuple[str, ...]
        # segment id -> EditTarget as last read; PostgreSQL only, where the single statement verifies it
        self._known = BoundedCache(2048)
        self.one_statement = db.engine.dialect.name == "postgresql"

    # -- saving ----------------------------------------------------------------------------

    def save(self, actor: UserView, segment_id: int, new_target: str, version: int) -> SegmentView:
        """Read, check and write one edit (see the module): the service has checked role and version."""
        known = self._known.peek(segment_id) if self.one_statement else None
        tried = None  # the read the single statement was last tried with
        if known is not None and _may_edit(actor, known):
            text, flags = self._checked(known, new_target)
            row = self._save_in_one(actor, known, text, version, flags)
            if row is not None:
                return _view(row)
            self._known.drop(segment_id)  # something moved: read afresh, the long way decides
            tried = known
        found = self.read(actor, segment_id)
        if found != tried:  # else the statement would refuse again (a conflict, a state to move)
            text, flags = self._checked(found, new_target)
            if self.one_statement:
                row = self._save_in_one(actor, found, text, version, flags)
                if row is not None:
                    return _view(row)
        return self._write_in_transaction(actor, found, text, version, flags)

    def _checked(self, t: EditTarget, new_target: str) -> tuple[str, list[dict]]:
        text = _shaped(t, new_target)
        return text, self.check(t, text)

    # -- reading ---------------------------------------------------------------------------

    def read(self, actor: UserView, segment_id: int) -> EditTarget:
        """The segment as an edit needs it; NotFound / PermissionDenied as for any segment edit."""
        if not is_id(segment_id):
            raise NotFound(f"no segment with id {segment_id}")
        with self.db.autocommit_engine.connect() as conn:
            row = conn.execute(READ, {"segment_id": segment_id}).first()
        if row is None:
            self._known.drop(segment_id)
            raise NotFound(f"no segment with id {segment_id}")
        found = EditTarget(*row[:9], glossary_version=int(row[9] or 0))
        if self.one_statement:
            self._known.put(segment_id, found)
        if not _may_edit(actor, found):
            raise PermissionDenied(f"document {found.document_id} is assigned to another translator")
        return found

    # -- checking --------------------------------------------------------------------------

    def matcher(self, version: int, src: str, tgt: str) -> Matcher:
        """The glossary matcher at ``version`` (or newer, should the glossary move while it is built)."""
        return self._matchers.get((version, src, tgt), lambda: Termbase(self.db.sessionmaker).matcher(src, tgt))

    def source_matches(self, t: EditTarget) -> Sequence[TermMatch]:
        key = (t.glossary_version, t.source_lang, t.target_lang, t.source)
        return self._source_matches.get(
            key, lambda: tuple(self.matcher(t.glossary_version, t.source_lang, t.target_lang).find(t.source)))

    def check(self, t: EditTarget, target: str) -> list[dict]:
        """Glossary QA on a human edit: the same checks machine output gets, stored with the edit."""
        text_kind = t.kind == "text"
        ctx = CheckContext(
            source=t.source, target=plain(target) if text_kind else target,
            src_lang=t.source_lang, tgt_lang=t.target_lang, matches=self.source_matches(t),
            source_tags=self._source_tags.get(t.source_html, lambda: tuple(inline_tag_sequence(t.source_html)))
            if text_kind else (),
            target_tags=inline_tag_sequence(target) if text_kind else (),
        )
        return [f.to_dict() for f in run_checks(ctx)]

    # -- writing ---------------------------------------------------------------------------

    def _write_in_transaction(self, actor: UserView, t: EditTarget, new_target: str, version: int,
                              flags: list[dict]) -> SegmentView:
        """The conditional UPDATE, the history row and the document's state, in one transaction."""
        now = utcnow()
        distance = _distance(t, new_target)
        with self.db.write_queue(), self.db.engine.begin() as conn:
            # The UPDATE comes first so SQLite takes its write lock before any read.
            row = conn.execute(UPDATE, {"segment_id": t.id, "seen_version": version, "new_target": new_target,
                                        "new_flags": flags, "new_version": version + 1, "user_id": actor.id,
                                        "now": now}).first()
            if row is None:
                current = conn.execute(CURRENT, {"segment_id": t.id}).first()
                if current is None:  # deleted with its document meanwhile
                    raise NotFound(f"no segment with id {t.id}")
                raise EditConflict(
                    f"segment {t.id} was changed by someone else (now version {current.version}); "
                    f"nothing was overwritten: compare the texts and save again",
                    current_target=current.target or "", current_version=current.version, your_target=new_target,
                )
            conn.execute(HISTORY, {"segment_id": t.id, "user_id": actor.id, "action": "save", "target": new_target,
                                   "version": version + 1, "distance": distance, "at": now})
            # An edited segment leaves a document in post-editing (or translating, which a job
            # request sets): re-deriving from every segment is needed only when it is elsewhere.
            if row.doc_state != DOC_POST_EDITING:
                with Session(bind=conn) as s:  # joins this transaction; it commits with it
                    jobs.refresh_document_state(s, t.document_id)
                    s.flush()
        return _view(row)

    def _save_in_one(self, actor: UserView, t: EditTarget, new_target: str, version: int,
                     flags: list[dict]) -> Any:
        """PostgreSQL's single statement; the stored row, or None when the long way must decide."""
        with self.db.autocommit_engine.connect() as conn:  # autocommit: the statement is its transaction
            return conn.execute(SAVE_IN_ONE, {
                "segment_id": t.id, "seen_version": version, "new_target": new_target, "new_flags": flags,
                "new_version": version + 1, "user_id": actor.id, "now": utcnow(), "distance": _distance(t, new_target),
                # named unlike any column: an UPDATE takes a parameter named after one as a new value
                "seen_assignee": t.assigned_to, "seen_draft": t.mt_target, "seen_glossary": t.glossary_version,
            }).first()


def _may_edit(actor: UserView, t: EditTarget) -> bool:
    return not (actor.role == "translator" and t.assigned_to not in (None, actor.id))


def _shaped(t: EditTarget, new_target: str) -> str:
    """Image alt/title text takes no markup at all."""
    return new_target if t.kind == "text" else plain(new_target)


def _distance(t: EditTarget, new_target: str) -> int | None:
    """Edit distance from the machine draft: the post-editing effort the history records."""
    return Levenshtein.distance(plain(t.mt_target), plain(new_target)) if t.mt_target else None


def _view(row: Any) -> SegmentView:
    return SegmentView(
        id=row.id, index=row.index, field=row.field, source=row.source, source_html=row.source_html,
        target=row.target or "", state=row.state, origin=row.origin or "", version=row.version,
        flags=list(row.flags or []), signature=row.signature or "", match_pct=row.match_pct,
    )
