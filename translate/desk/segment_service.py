"""Post-editing and review of single segments: save with optimistic locking, confirm, approve, history.

Every change is a conditional UPDATE on the version the caller loaded, so two
people saving the same segment never overwrite each other: the second gets an
:class:`EditConflict` carrying both texts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from glossary.termbase import Termbase
from translate.desk import accounts, jobs, memory
from translate.desk.database import Database
from translate.desk.documents import (
    SEG_APPROVED,
    SEG_CONFIRMED,
    SEG_NEW,
    Document,
    Segment,
    SegmentEdit,
    utcnow,
)
from translate.desk.errors import EditConflict, InvalidState, NotFound, PermissionDenied
from translate.desk.postedit.recorder import Effort, record_confirm
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
from translate.desk.segment_save import SegmentSaver
from translate.desk.tag_pairs import tag_pair_flags
from translate.desk.views import SegmentView, UserView, segment_view


class SegmentService:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.saver = SegmentSaver(db)  # the save path, measured by the load bench: see segment_save.py

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
        return self.saver.save(actor, segment_id, clean_target(target), version)

    def _set_state(self, actor: UserView, segment_id: int, state: str, action: str,
                   on_done: Callable[[Session, Segment, Document, str], None] | None = None) -> SegmentView:
        """Confirm or approve the text as read; if it changed in between, that is a conflict too.

        ``on_done(session, segment, document, text)`` runs in the same transaction (a confirm
        writes its post-edit record there, so the record exists exactly when the confirm does).
        """
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
            if on_done is not None:
                on_done(s, seg, doc, seen_target)
            jobs.refresh_document_state(s, doc.id)
            s.flush()
            s.refresh(seg)
            return segment_view(seg)

    def confirm(self, actor: UserView, segment_id: int, effort: Effort | None = None) -> SegmentView:
        """The translator's "done": the text as it stands goes to the memory and awaits review.

        ``effort`` is what the workspace measured (editing time, keystrokes, a memory match
        inserted): it goes into the segment's post-edit record with the draft and the final text.
        """
        require(actor, TRANSLATORS, "confirm translations")
        _, doc = self._segment_for_edit(actor, segment_id)
        matches = Termbase(self.db.sessionmaker).matcher(doc.source_lang, doc.target_lang)

        def record(s: Session, seg: Segment, document: Document, text: str) -> None:
            record_confirm(s, seg, document, final_html=text, user_id=actor.id, effort=effort,
                           matches=matches.find(seg.source))

        return self._set_state(actor, segment_id, SEG_CONFIRMED, "confirm", on_done=record)

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
        found = self.saver.read(actor, segment_id)
        if found.kind != "text":
            cleaned = plain(cleaned)
        broken = tag_pair_flags(target) if found.kind == "text" else []
        return broken + self.saver.check(found, cleaned)

    def save_as_typed(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView:
        """:meth:`save`, with a broken tag pair in the text as sent added to the flags it answers.

        The stored flags describe the stored (mended) text; the answer also tells the
        post-editor that the tags they typed did not pair up.
        """
        view = self.save(actor, segment_id, target, version)
        broken = tag_pair_flags(target)
        return replace(view, flags=broken + list(view.flags)) if broken else view
