"""The training data the desk has: every confirmed or approved segment, as a plain pair, by article.

Only the direction the articles were translated in counts (a vi->en article
trains vi->en): the reverse would teach the model to produce translationese.
Inline tags are dropped (the model never sees them; the pipeline puts them back).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from translate.adaptation.data import Dataset, Pair, prepare
from translate.desk.documents import SEG_APPROVED, SEG_CONFIRMED, Document, Segment
from translate.desk.rules import plain

TRAINING_STATES = (SEG_CONFIRMED, SEG_APPROVED)


def approved_pairs(session: Session, src: str, tgt: str) -> list[Pair]:
    rows = session.execute(
        select(Segment.source, Segment.target, Segment.document_id, Segment.updated_at)
        .join(Document, Document.id == Segment.document_id)
        .where(Document.source_lang == src, Document.target_lang == tgt, Segment.state.in_(TRAINING_STATES))
        .order_by(Segment.document_id, Segment.index)
    )
    return [Pair(source, plain(target), f"doc{doc_id}", updated) for source, target, doc_id, updated in rows]


def training_set(session: Session, src: str, tgt: str) -> Dataset:
    """Deduplicated, long pairs out, about a tenth of the articles held out (at least one)."""
    return prepare(approved_pairs(session, src, tgt))
