"""Writing the post-edit record at a confirm, in the confirm's own transaction.

The effort figures (active editing time, keystrokes, a memory match inserted from
the side panel) come from the workspace script with the confirm request; they are
validated here, once, for every caller. They are added to what earlier confirms of
the same segment recorded, so re-opening a segment adds its cost instead of
replacing it; the texts and scores are those of the latest confirm.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossary.matcher import TermMatch
from translate.desk.documents import Document, Segment, utcnow
from translate.desk.postedit import metrics
from translate.desk.postedit.records import PostEditRecord
from translate.desk.rules import is_int, plain
from translate.desk.workspace_service import model_name
from translate.errors import InputError

# One confirm's measured editing time is at most a working day, and its keystrokes what a day of
# typing could produce: anything larger is a broken or hostile client, refused with a 400.
MAX_ACTIVE_MS = 8 * 3600 * 1000
MAX_KEYSTROKES = 200_000


@dataclass(frozen=True)
class Effort:
    """What the client measured since the segment's last confirm; None: not measured."""

    active_ms: int | None = None
    keystrokes: int | None = None
    memory_pct: float | None = None


def _bounded_int(data: Mapping[str, Any], name: str, limit: int) -> int | None:
    value = data.get(name)
    if value is None:
        return None
    if not is_int(value):
        raise InputError(f"{name} must be a whole number")
    if not 0 <= value <= limit:
        raise InputError(f"{name} must be between 0 and {limit:,}, got {value}")
    return value


def parse_effort(data: Mapping[str, Any] | None) -> Effort:
    """The optional ``active_ms``, ``keystrokes`` and ``memory_pct`` of a confirm request body."""
    if not data:
        return Effort()
    if not isinstance(data, Mapping):
        raise InputError("send a JSON object")
    pct = data.get("memory_pct")
    if pct is not None:
        if isinstance(pct, bool) or not isinstance(pct, int | float) or not 0 < pct <= 100:
            raise InputError("memory_pct must be a number above 0 and at most 100")
        pct = float(pct)
    return Effort(active_ms=_bounded_int(data, "active_ms", MAX_ACTIVE_MS),
                  keystrokes=_bounded_int(data, "keystrokes", MAX_KEYSTROKES), memory_pct=pct)


def _add(old: int | None, new: int | None) -> int | None:
    return old if new is None else (old or 0) + new


def draft_origin(seg: Segment) -> str:
    """Where the draft came from; the segment's own ``origin`` turns "human" at the first save."""
    if (seg.signature or "").startswith("memory:"):
        return "memory"
    return "mt" if seg.mt_target else ""


def record_confirm(session: Session, seg: Segment, doc: Document, *, final_html: str, user_id: int | None,
                   effort: Effort | None, matches: Sequence[TermMatch]) -> PostEditRecord:
    """Insert or update the segment's record for a confirm of ``final_html`` (called inside the confirm)."""
    effort = effort or Effort()
    origin = draft_origin(seg)
    draft = metrics.normal(plain(seg.mt_target)) if seg.mt_target else None
    final = metrics.normal(plain(final_html))
    scores = metrics.hter(draft, final) if draft else None
    qa = metrics.compare_qa(source=seg.source, source_html=seg.source_html, draft_html=seg.mt_target or None,
                            final_html=final_html, src=doc.source_lang, tgt=doc.target_lang, matches=matches,
                            term_info=seg.terms or [], text_kind=seg.kind == "text")
    outcomes = [t.outcome for t in qa.terms]
    memory_pct = effort.memory_pct if effort.memory_pct is not None else (
        seg.match_pct if origin == "memory" else None)
    values = dict(
        document_id=doc.id, user_id=user_id, source_lang=doc.source_lang, target_lang=doc.target_lang,
        section=doc.category, field=seg.field, origin=origin, signature=seg.signature or "",
        model="memory" if origin == "memory" else (model_name(seg.signature) or ("" if origin == "" else "unknown")),
        source=seg.source, draft=draft, final=final, source_words=metrics.source_words(seg.source),
        hter=scores.score if scores else None, ter_edits=scores.edits if scores else None,
        ref_words=scores.ref_words if scores else None,
        char_distance=metrics.char_distance(draft, final) if draft is not None else None,
        unchanged=bool(seg.mt_target) and metrics.normal(seg.mt_target) == metrics.normal(final_html),
        terms=[t.to_dict() for t in qa.terms], terms_held=outcomes.count("held"),
        terms_changed=outcomes.count("changed"), terms_flagged=outcomes.count("flagged") + outcomes.count("fixed"),
        terms_fixed=outcomes.count("fixed"), draft_flags=qa.draft_flags, final_flags=qa.final_flags,
        flags_resolved=qa.resolved, confirmed_at=utcnow(),
        number=session.scalar(select(func.count()).select_from(Segment)
                              .where(Segment.document_id == doc.id, Segment.index <= seg.index)) or 0,
    )
    rec = session.scalar(select(PostEditRecord).where(PostEditRecord.segment_id == seg.id))
    if rec is None:
        rec = PostEditRecord(segment_id=seg.id, confirms=1, first_confirmed_at=values["confirmed_at"],
                             active_ms=effort.active_ms, keystrokes=effort.keystrokes,
                             memory_used=memory_pct is not None, memory_pct=memory_pct, **values)
        session.add(rec)
    else:
        for name, value in values.items():
            setattr(rec, name, value)
        rec.confirms += 1
        rec.active_ms = _add(rec.active_ms, effort.active_ms)
        rec.keystrokes = _add(rec.keystrokes, effort.keystrokes)
        if memory_pct is not None:
            rec.memory_used, rec.memory_pct = True, memory_pct
    return rec
