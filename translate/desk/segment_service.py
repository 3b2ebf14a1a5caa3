"""Post-editing and review of single segments: save with optimistic locking, confirm, approve, history.

Every change is a conditional UPDATE on the version the caller loaded, so two
people saving the same segment never overwrite each other: the second gets an
:class:`EditConflict` carrying both texts.
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein
from sqlalchemy import select, update

from glossary.checks import CheckContext, run_checks
from glossary.termbase import Termbase
from translate.desk import accounts, jobs, memory
from translate.desk.database import Database
from translate.desk.documents import (
    SEG_APPROVED,
    SEG_CONFIRMED,
    SEG_EDITED,
    SEG_NEW,
    Document,
    Segment,
    SegmentEdit,
    utcnow,
)
from translate.desk.errors import EditConflict, InvalidState, NotFound, PermissionDenied
from translate.desk.rules import ANY_ROLE, EDITORS, TRANSLATORS, clean_target, is_int, plain, require
from translate.desk.views import SegmentView, UserView, segment_view
from translate.errors import InputError
from translate.text.markup import inline_tag_sequence


class SegmentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _segment_for_edit(self, actor: UserView, segment_id: int) -> tuple[Segment, Document]:
        with self.db.session() as s:
            seg = s.get(Segment, segment_id) if isinstance(segment_id, int) else None
            if seg is None:
                raise NotFound(f"no segment with id {segment_id}")
            doc = s.get(Document, seg.document_id)
            if actor.role == "translator" and doc.assigned_to not in (None, actor.id):
                raise PermissionDenied(f"document {doc.id} is assigned to another translator")
            return seg, doc

    def save(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        """Store a human translation if the segment is still at ``version``; QA-checked like machine output."""
        require(actor, TRANSLATORS, "edit translations")
        if not is_int(version):
            raise InputError("version must be an integer (the version you loaded)")
        new_target = clean_target(target)
        seg, doc = self._segment_for_edit(actor, segment_id)
        if seg.kind != "text":  # image alt/title text: no markup at all
            new_target = plain(new_target)
        flags = self._check_edit(seg, doc, new_target)
        with self.db.transaction() as s:
            # The UPDATE comes first so SQLite takes its write lock before any read.
            res = s.execute(
                update(Segment)
                .where(Segment.id == segment_id, Segment.version == version)
                .values(target=new_target, state=SEG_EDITED, origin="human", flags=flags, version=version + 1,
                        updated_by=actor.id, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if res.rowcount != 1:
                current = s.get(Segment, segment_id)
                raise EditConflict(
                    f"segment {segment_id} was changed by someone else (now version {current.version}); "
                    f"nothing was overwritten: compare the texts and save again",
                    current_target=current.target or "", current_version=current.version, your_target=new_target,
                )
            distance = Levenshtein.distance(plain(seg.mt_target), plain(new_target)) if seg.mt_target else None
            s.add(SegmentEdit(segment_id=segment_id, user_id=actor.id, action="save", target=new_target,
                              version=version + 1, distance=distance))
            jobs.refresh_document_state(s, seg.document_id)
            s.flush()
            fresh = s.get(Segment, segment_id)
            s.refresh(fresh)
            return segment_view(fresh)

    def _check_edit(self, seg: Segment, doc: Document, target: str) -> list[dict]:
        """Glossary QA on a human edit: the same checks machine output gets, stored with the edit."""
        matches = Termbase(self.db.sessionmaker).matcher(doc.source_lang, doc.target_lang).find(seg.source)
        text_kind = seg.kind == "text"
        ctx = CheckContext(
            source=seg.source, target=plain(target) if text_kind else target,
            src_lang=doc.source_lang, tgt_lang=doc.target_lang, matches=matches,
            source_tags=inline_tag_sequence(seg.source_html) if text_kind else (),
            target_tags=inline_tag_sequence(target) if text_kind else (),
        )
        return [f.to_dict() for f in run_checks(ctx)]

    def _set_state(self, actor: UserView, segment_id: int, state: str, action: str) -> SegmentView:
        """Confirm or approve the text as read; if it changed in between, that is a conflict too."""
        with self.db.transaction() as s:
            seg = s.get(Segment, segment_id) if isinstance(segment_id, int) else None
            if seg is None:
                raise NotFound(f"no segment with id {segment_id}")
            if seg.state == SEG_NEW or not (seg.target or "").strip():
                raise InvalidState(f"segment {segment_id} has no translation yet")
            seen_version, seen_target = seg.version, seg.target
            res = s.execute(
                update(Segment)
                .where(Segment.id == segment_id, Segment.version == seen_version)
                .values(state=state, version=seen_version + 1, updated_by=actor.id, updated_at=utcnow())
                .execution_options(synchronize_session=False)
            )
            if res.rowcount != 1:
                s.expire(seg)
                raise EditConflict(
                    f"segment {segment_id} changed while you were looking at it; reload it and check again",
                    current_target=seg.target or "", current_version=seg.version, your_target=seen_target,
                )
            s.add(SegmentEdit(segment_id=segment_id, user_id=actor.id, action=action, target=seen_target,
                              version=seen_version + 1))
            doc = s.get(Document, seg.document_id)
            memory.add_unit(s, src=doc.source_lang, tgt=doc.target_lang, source=seg.source,
                            source_html=seg.source_html, target=seen_target, document_id=doc.id,
                            segment_id=segment_id, user_id=actor.id)
            jobs.refresh_document_state(s, doc.id)
            s.flush()
            s.refresh(seg)
            return segment_view(seg)

    def confirm(self, actor: UserView, segment_id: int) -> SegmentView:
        """The translator's "done": the text as it stands goes to the memory and awaits review."""
        require(actor, TRANSLATORS, "confirm translations")
        self._segment_for_edit(actor, segment_id)
        return self._set_state(actor, segment_id, SEG_CONFIRMED, "confirm")

    def approve(self, actor: UserView, segment_id: int) -> SegmentView:
        require(actor, EDITORS, "approve translations")
        return self._set_state(actor, segment_id, SEG_APPROVED, "approve")

    def history(self, actor: UserView, segment_id: int) -> list[dict]:
        require(actor, ANY_ROLE, "read segment history")
        with self.db.session() as s:
            rows = s.execute(
                select(SegmentEdit, accounts.User.name)
                .outerjoin(accounts.User, accounts.User.id == SegmentEdit.user_id)
                .where(SegmentEdit.segment_id == segment_id).order_by(SegmentEdit.id)
            )
            return [{"action": e.action, "user": name, "target": e.target, "version": e.version,
                     "distance": e.distance, "at": e.at.isoformat(timespec="seconds")} for e, name in rows]
