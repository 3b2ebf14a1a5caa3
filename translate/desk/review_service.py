"""Review: approve or send back, per segment or for the whole article, and the comment threads.

Sending back sets a segment to ``rejected`` rather than ``edited``: the
translator must find what came back (its badge, and Ctrl+Enter's "next
unconfirmed" lands on it), the reviewer's decision stays readable in the state
and the history, and "edited" would claim that someone changed the text when
nobody did. ``rejected`` is neither confirmed nor approved, so
:func:`translate.desk.documents.derive_state` puts the article back into
post-editing, as any edit would -- a published article included. Its memory
unit is withdrawn: a translation a reviewer refused must not be reused as a
100% match until it is confirmed again.

Comments are plain text; anyone who may work on the article reads and writes
them (a translator only on articles assigned to them or to nobody). Approving a
segment resolves its open threads: the question they raised is settled.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from translate.desk import jobs, memory
from translate.desk.accounts import User
from translate.desk.database import Database
from translate.desk.document_service import load_document
from translate.desk.documents import (
    SEG_APPROVED,
    SEG_CONFIRMED,
    SEG_REJECTED,
    Document,
    Segment,
    SegmentEdit,
    utcnow,
)
from translate.desk.errors import EditConflict, InvalidState, NotFound, PermissionDenied
from translate.desk.review import COMMENT, SEND_BACK, SegmentComment
from translate.desk.rules import ANY_ROLE, EDITORS, MAX_COMMENT, clean_text, is_id, require
from translate.desk.segment_service import SegmentService
from translate.desk.views import SegmentView, UserView, segment_view

SENDABLE = (SEG_CONFIRMED, SEG_APPROVED)


def _comment_dict(c: SegmentComment, names: dict[int, str], numbers: dict[int, int]) -> dict[str, Any]:
    return {"id": c.id, "document_id": c.document_id, "segment_id": c.segment_id,
            "segment": numbers.get(c.segment_id) if c.segment_id is not None else None,
            "parent_id": c.parent_id, "kind": c.kind, "body": c.body, "user": names.get(c.user_id),
            "at": c.created_at.isoformat(timespec="seconds"),
            "resolved_at": c.resolved_at.isoformat(timespec="seconds") if c.resolved_at else None,
            "resolved_by": names.get(c.resolved_by) if c.resolved_by else None, "replies": []}


class ReviewService:
    def __init__(self, db: Database, segments: SegmentService) -> None:
        self.db = db
        self.segments = segments

    # -- access ---------------------------------------------------------------------------------

    @staticmethod
    def _check_access(actor: UserView, doc: Document) -> None:
        if actor.role == "translator" and doc.assigned_to not in (None, actor.id):
            raise PermissionDenied(f"document {doc.id} is assigned to another translator")

    @staticmethod
    def _load_segment(s: Session, segment_id: int) -> Segment:
        seg = s.get(Segment, segment_id) if is_id(segment_id) else None
        if seg is None:
            raise NotFound(f"no segment with id {segment_id}")
        return seg

    # -- approve and send back ------------------------------------------------------------------

    def approve(self, actor: UserView, segment_id: int) -> SegmentView:
        """Approve the segment as it stands and close the threads about it."""
        view = self.segments.approve(actor, segment_id)
        with self.db.transaction() as s:
            s.execute(update(SegmentComment)
                      .where(SegmentComment.segment_id == segment_id, SegmentComment.resolved_at.is_(None))
                      .values(resolved_at=utcnow(), resolved_by=actor.id))
        return view

    def _send_back_one(self, s: Session, actor: UserView, seg: Segment) -> None:
        res = s.execute(
            update(Segment).where(Segment.id == seg.id, Segment.version == seg.version)
            .values(state=SEG_REJECTED, version=seg.version + 1, updated_by=actor.id, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        )
        if res.rowcount != 1:
            seen = seg.target
            s.expire(seg)
            raise EditConflict(
                f"segment {seg.index + 1} changed while you were reviewing it; nothing was sent back: "
                "reload and check it again",
                current_target=seg.target or "", current_version=seg.version, your_target=seen or "",
            )
        s.add(SegmentEdit(segment_id=seg.id, user_id=actor.id, action="send_back", target=seg.target or "",
                          version=seg.version + 1))
        s.execute(delete(memory.TMUnit).where(memory.TMUnit.segment_id == seg.id))

    def send_back(self, actor: UserView, segment_id: int, comment: str) -> SegmentView:
        """Return a confirmed or approved segment to the translator, saying why (the comment is required)."""
        require(actor, EDITORS, "send translations back")
        body = clean_text(comment, "comment", MAX_COMMENT)
        with self.db.transaction() as s:
            seg = self._load_segment(s, segment_id)
            if seg.state not in SENDABLE:
                raise InvalidState(f"segment {seg.index + 1} is {seg.state}: only a confirmed or approved "
                                   f"segment can be sent back")
            self._send_back_one(s, actor, seg)
            s.add(SegmentComment(document_id=seg.document_id, segment_id=seg.id, user_id=actor.id,
                                 kind=SEND_BACK, body=body))
            jobs.refresh_document_state(s, seg.document_id)
            s.flush()
            s.expire_all()
            return segment_view(self._load_segment(s, segment_id))

    def send_back_document(self, actor: UserView, doc_id: int, comment: str) -> dict:
        """Return every segment awaiting review (confirmed, not yet approved), with one comment on the article.

        Approved segments stay approved: the reviewer already accepted them one by
        one, and can send any of them back on its own.
        """
        require(actor, EDITORS, "send articles back")
        body = clean_text(comment, "comment", MAX_COMMENT)
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            waiting = [seg for seg in sorted(doc.segments, key=lambda x: x.index) if seg.state == SEG_CONFIRMED]
            if not waiting:
                raise InvalidState(f"document {doc_id} has no confirmed segment awaiting review to send back")
            for seg in waiting:
                self._send_back_one(s, actor, seg)
            s.add(SegmentComment(document_id=doc.id, segment_id=None, user_id=actor.id, kind=SEND_BACK,
                                 body=body))
            state = jobs.refresh_document_state(s, doc.id)
            return {"document_id": doc.id, "sent_back": len(waiting), "state": state}

    # -- comments -------------------------------------------------------------------------------

    def comment(self, actor: UserView, doc_id: int, body: str, *, segment_id: int | None = None,
                parent_id: int | None = None) -> dict:
        """A comment on a segment (or on the article when ``segment_id`` is None), or a reply to one."""
        require(actor, ANY_ROLE, "comment")
        text = clean_text(body, "comment", MAX_COMMENT)
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            self._check_access(actor, doc)
            if parent_id is not None:
                parent = s.get(SegmentComment, parent_id) if is_id(parent_id) else None
                if parent is None or parent.document_id != doc.id:
                    raise NotFound(f"no comment with id {parent_id} on document {doc_id}")
                while parent.parent_id is not None:  # replies stay one level deep: under the thread's root
                    parent = s.get(SegmentComment, parent.parent_id)
                segment_id, parent_id = parent.segment_id, parent.id
            elif segment_id is not None:
                seg = self._load_segment(s, segment_id)
                if seg.document_id != doc.id:
                    raise NotFound(f"segment {segment_id} is not part of document {doc_id}")
            row = SegmentComment(document_id=doc.id, segment_id=segment_id, user_id=actor.id,
                                 parent_id=parent_id, kind=COMMENT, body=text)
            s.add(row)
            if parent_id is not None:  # a reply reopens a resolved thread: the discussion goes on
                s.execute(update(SegmentComment).where(SegmentComment.id == parent_id)
                          .values(resolved_at=None, resolved_by=None))
            s.flush()
            s.refresh(row)
            return _comment_dict(row, {actor.id: actor.name}, self._numbers(s, doc.id))

    def resolve(self, actor: UserView, comment_id: int) -> dict:
        """Close a thread (its root); anyone who may work on the article may."""
        require(actor, ANY_ROLE, "resolve comments")
        with self.db.transaction() as s:
            row = s.get(SegmentComment, comment_id) if is_id(comment_id) else None
            if row is None:
                raise NotFound(f"no comment with id {comment_id}")
            self._check_access(actor, s.get(Document, row.document_id))
            while row.parent_id is not None:
                row = s.get(SegmentComment, row.parent_id)
            if row.resolved_at is None:
                row.resolved_at = utcnow()
                row.resolved_by = actor.id
            s.flush()
            return _comment_dict(row, {actor.id: actor.name}, self._numbers(s, row.document_id))

    @staticmethod
    def _numbers(s: Session, doc_id: int) -> dict[int, int]:
        return {sid: index + 1 for sid, index in
                s.execute(select(Segment.id, Segment.index).where(Segment.document_id == doc_id))}

    def comments(self, actor: UserView, doc_id: int, segment_id: int | None = None) -> list[dict]:
        """The threads of an article (or of one segment), oldest first, each with its replies."""
        require(actor, ANY_ROLE, "read comments")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            q = select(SegmentComment).where(SegmentComment.document_id == doc.id).order_by(SegmentComment.id)
            if segment_id is not None:
                q = q.where(SegmentComment.segment_id == segment_id)
            rows = list(s.scalars(q))
            ids = {r.user_id for r in rows} | {r.resolved_by for r in rows}
            ids.discard(None)
            names = dict(s.execute(select(User.id, User.name).where(User.id.in_(ids))).all()) if ids else {}
            numbers = self._numbers(s, doc.id)
        threads: dict[int, dict] = {}
        out: list[dict] = []
        for row in rows:
            item = _comment_dict(row, names, numbers)
            if row.parent_id is None:
                threads[row.id] = item
                out.append(item)
            elif row.parent_id in threads:
                threads[row.parent_id]["replies"].append(item)
        return out
