"""Changing an article's body without breaking its segments.

Segments are the body's sentences in order (after the title and summary), matched
to the body by position every time the translation is rebuilt
(``documents.rebuild_target``). Adding or removing a picture changes the body, so
the stored segments are brought in line here, in the same transaction: the new
body is parsed exactly as on import, compared with the stored segments (same
field, kind and source HTML), and only what differs changes -- a new caption
becomes a new, untranslated segment; a removed figure's caption segments go, and
the later ones move up, keeping their ids, translations, history and comments.
Anything but pure insertions and deletions is refused: that would be an edit of
the text, which this path never makes.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from sqlalchemy import update
from sqlalchemy.orm import Session

from translate.desk import jobs
from translate.desk.documents import SEG_NEW, Document, Segment, parse_fields, segment_html, source_segments
from translate.desk.errors import InvalidState


def replace_body(s: Session, doc: Document, new_body: str) -> int:
    """Store ``new_body`` and line the segments up with it; returns the number of segments added or removed."""
    parsed = parse_fields(doc.title, doc.summary, new_body, doc.source_lang)
    rows = source_segments(parsed)
    old = sorted(doc.segments, key=lambda seg: seg.index)
    old_keys = [(seg.field, seg.kind, seg.source_html) for seg in old]
    new_keys = [(name, getattr(seg, "kind", "text"), segment_html(seg)) for name, _pos, seg in rows]
    ops = SequenceMatcher(a=old_keys, b=new_keys, autojunk=False).get_opcodes()
    if any(tag == "replace" for tag, *_ in ops):
        raise InvalidState(f"document {doc.id}: the new body changes text that is already segmented; "
                           "only pictures and their captions can be added or removed here")
    kept: list[tuple[Segment, int]] = []
    added: list[int] = []
    removed: list[Segment] = []
    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            kept.extend((old[i1 + k], j1 + k) for k in range(i2 - i1))
        elif tag == "delete":
            removed.extend(old[i1:i2])
        elif tag == "insert":
            added.extend(range(j1, j2))
    doc.body_html = new_body
    moved = [(seg, j) for seg, j in kept if seg.index != j]
    for seg in removed:
        s.delete(seg)
    s.flush()
    if moved:
        # Two steps, so the unique (document, index) never sees two rows on one index mid-way.
        s.execute(update(Segment).where(Segment.id.in_([seg.id for seg, _j in moved]))
                  .values(index=-Segment.id).execution_options(synchronize_session=False))
        for seg, j in moved:
            s.execute(update(Segment).where(Segment.id == seg.id).values(index=j)
                      .execution_options(synchronize_session=False))
        for seg, _j in moved:
            s.expire(seg, ["index"])
    for seg, j in kept:
        block = getattr(rows[j][2], "block", 0)
        if seg.block != block:
            seg.block = block
    for j in added:
        name, _pos, seg = rows[j]
        s.add(Segment(document_id=doc.id, index=j, field=name, block=getattr(seg, "block", 0),
                      kind=getattr(seg, "kind", "text"), source=seg.text, source_html=segment_html(seg),
                      target="", state=SEG_NEW, origin="", version=1, flags=[], terms=[]))
    s.flush()
    s.expire(doc, ["segments"])
    jobs.refresh_document_state(s, doc.id)
    return len(added) + len(removed)
