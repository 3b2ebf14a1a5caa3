"""Reading what the learners need from the desk's tables, in a few bulk queries."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from glossary.tables import GlossaryEntryForm
from translate.desk.accounts import User
from translate.desk.documents import SEG_APPROVED, SEG_CONFIRMED, SEG_MACHINE, Document, Segment, SegmentEdit
from translate.desk.rules import plain
from translate.desk.term_learning.candidates import ConfirmedSegment
from translate.desk.term_learning.missed import Draft

CHUNK = 500  # ids per IN (...) list: well under SQLite's parameter limit


def chunks(ids: list[int]) -> Iterable[list[int]]:
    for i in range(0, len(ids), CHUNK):
        yield ids[i:i + CHUNK]


def writers(s: Session, segment_ids: list[int]) -> dict[int, int | None]:
    """Who wrote each segment's final text: the last saver, else whoever confirmed it as it was."""
    saved: dict[int, int | None] = {}
    confirmed: dict[int, int | None] = {}
    for ids in chunks(segment_ids):
        rows = s.execute(select(SegmentEdit.segment_id, SegmentEdit.user_id, SegmentEdit.action)
                         .where(SegmentEdit.segment_id.in_(ids), SegmentEdit.action.in_(("save", "confirm")))
                         .order_by(SegmentEdit.id))
        for seg_id, user_id, action in rows:
            (saved if action == "save" else confirmed)[seg_id] = user_id
    return {i: saved.get(i, confirmed.get(i)) for i in segment_ids}


def confirmed_segments(s: Session, limit: int) -> list[ConfirmedSegment]:
    """The most recent confirmed or approved segments, oldest first, in plain text."""
    rows = s.execute(
        select(Segment.id, Segment.document_id, Segment.source, Segment.target, Segment.mt_target,
               Document.source_lang, Document.target_lang, Document.category)
        .join(Document, Document.id == Segment.document_id)
        .where(Segment.state.in_((SEG_CONFIRMED, SEG_APPROVED)))
        .order_by(Segment.id.desc()).limit(limit)
    ).all()
    who = writers(s, [r.id for r in rows])
    return [ConfirmedSegment(id=r.id, document_id=r.document_id, src=r.source_lang, tgt=r.target_lang,
                             source=r.source, draft=plain(r.mt_target) if r.mt_target else None,
                             final=plain(r.target), translator=who[r.id], category=r.category)
            for r in reversed(rows)]


def machine_drafts(s: Session, limit: int) -> list[tuple[str, Draft]]:
    """(signature, draft) for the most recent segments whose first draft came from a model."""
    rows = s.execute(
        select(Segment.id, Segment.document_id, Segment.source, Segment.mt_target, Segment.signature,
               Segment.state, Segment.flags, Document.source_lang, Document.target_lang)
        .join(Document, Document.id == Segment.document_id)
        .where(Segment.mt_target.is_not(None), Segment.signature != "",
               Segment.signature.not_like("memory:%"))
        .order_by(Segment.id.desc()).limit(limit)
    )
    return [(r.signature, Draft(segment_id=r.id, document_id=r.document_id, src=r.source_lang, tgt=r.target_lang,
                                source=r.source, draft=plain(r.mt_target),
                                stored_flags=tuple(r.flags or ()) if r.state == SEG_MACHINE else ()))
            for r in rows]


def form_owners(s: Session) -> dict[tuple[str, str], int]:
    """(lang, normalised form) -> the live entry (approved or proposed) that owns it."""
    return {(lang, key): entry_id for lang, key, entry_id in
            s.execute(select(GlossaryEntryForm.lang, GlossaryEntryForm.key, GlossaryEntryForm.entry_id))}


def segment_examples(s: Session, ids: list[int]) -> dict[int, dict]:
    """Source, draft and final text of segments, for showing the evidence; deleted ones are simply absent."""
    out: dict[int, dict] = {}
    for chunk in chunks(ids):
        for r in s.execute(select(Segment.id, Segment.document_id, Segment.index, Segment.source, Segment.mt_target,
                                  Segment.target, Segment.state).where(Segment.id.in_(chunk))):
            out[r.id] = {"segment_id": r.id, "document_id": r.document_id, "index": r.index, "source": r.source,
                         "draft": plain(r.mt_target or ""), "final": plain(r.target), "state": r.state}
    return out


def user_names(s: Session, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(set(ids))
    out: dict[int, str] = {}
    for chunk in chunks(wanted):
        out.update(dict(s.execute(select(User.id, User.name).where(User.id.in_(chunk))).all()))
    return out
