"""Post-editing and review of single segments: save with optimistic locking, confirm, approve, history.

Every change is a conditional UPDATE on the version the caller loaded, so two
people saving the same segment never overwrite each other: the second gets an
:class:`EditConflict` carrying both texts.
"""

from __future__ import annotations

from dataclasses import replace

from rapidfuzz.distance import Levenshtein
from sqlalchemy import select, update

from glossary.checks import CheckContext, run_checks
from glossary.termbase import Termbase
from translate.desk import accounts, jobs, memory
from translate.desk.database import Database
from translate.desk.documents import (
    DOC_POST_EDITING,
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
from translate.desk.rules import (
    ANY_ROLE,
    EDITORS,
    TRANSLATORS,
    check_version,
    clean_target,
    is_id,
    plain,
    require,
)
from translate.desk.tag_pairs import tag_pair_flags
from translate.desk.views import SegmentView, UserView, segment_view
from translate.text.markup import inline_tag_sequence


class SegmentService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _segment_for_edit(self, actor: UserView, segment_id: int) -> tuple[Segment, Document]:
        with self.db.session() as s:
            seg = s.get(Segment, segment_id) if is_id(segment_id) else None
            if seg is None:
                raise NotFound(f"no segment with id {segment_id}")
            doc = s.get(Document, seg.document_id)
            if actor.role == "translator" and doc.assigned_to not in (None, actor.id):
                raise PermissionDenied(f"document {doc.id} is assigned to another translator")
            return seg, doc

    def save(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        """Store a human translation if the segment is still at ``version``; QA-checked like machine output.

        A save refused as a conflict still loses nothing: the refused text is kept in
        the segment's history (action "conflict", with the version it was based on),
        so the post-editor can restore it even if their client is gone.
        """
        try:
            return self._save_at_version(actor, segment_id, target, version)
        except EditConflict as conflict:
            self._keep_refused(actor, segment_id, conflict.your_target, version)
            raise

    def _keep_refused(self, actor: UserView, segment_id: int, target: str, version: int) -> None:
        # Its own small transaction: the refused save's one has been rolled back.
        with self.db.transaction() as s:
            s.add(SegmentEdit(segment_id=segment_id, user_id=actor.id, action="conflict", target=target,
                              version=version))

    def _save_at_version(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        require(actor, TRANSLATORS, "edit translations")
        check_version(version)
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
            # An edited segment leaves a document in post-editing (or translating, which a job
            # request sets): re-deriving from every segment is needed only when it is elsewhere.
            if s.scalar(select(Document.state).where(Document.id == seg.document_id)) != DOC_POST_EDITING:
                jobs.refresh_document_state(s, seg.document_id)
            s.flush()
            return segment_view(s.get(Segment, segment_id))  # a fresh load: this session never held it

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
            seg = s.get(Segment, segment_id) if is_id(segment_id) else None
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
        if not is_id(segment_id):
            raise NotFound(f"no segment with id {segment_id}")
        with self.db.session() as s:
            rows = s.execute(
                select(SegmentEdit, accounts.User.name)
                .outerjoin(accounts.User, accounts.User.id == SegmentEdit.user_id)
                .where(SegmentEdit.segment_id == segment_id).order_by(SegmentEdit.id)
            )
            return [{"action": e.action, "user": name, "target": e.target, "version": e.version,
                     "distance": e.distance, "at": e.at.isoformat(timespec="seconds")} for e, name in rows]

    def check(self, actor: UserView, segment_id: int, target: str) -> list[dict]:
        """The QA flags ``target`` would get if saved, without saving it: for checking as one types.

        A broken inline-tag pair in the text as typed comes first: saving mends it
        silently (see :mod:`translate.desk.tag_pairs`), so only here can it be seen.
        """
        require(actor, ANY_ROLE, "check translations")
        cleaned = clean_target(target)
        seg, doc = self._segment_for_edit(actor, segment_id)
        if seg.kind != "text":
            cleaned = plain(cleaned)
        broken = tag_pair_flags(target) if seg.kind == "text" else []
        return broken + self._check_edit(seg, doc, cleaned)

    def save_as_typed(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        """:meth:`save`, with a broken tag pair in the text as sent added to the flags it answers.

        The stored flags describe the stored (mended) text; the answer also tells the
        post-editor that the tags they typed did not pair up.
        """
        view = self.save(actor, segment_id, target, version)
        broken = tag_pair_flags(target)
        return replace(view, flags=broken + list(view.flags)) if broken else view
