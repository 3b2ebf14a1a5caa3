"""What the post-editing workspace and the review grid read: the grid, a segment's helpers, the preview.

One call builds the whole grid of an article -- every segment with its source cut
into pieces (plain text, glossary terms to highlight, inline-tag tokens), the
glossary entries behind those terms, the origin of its draft and its open
comments -- in a few queries, so a 300-segment article renders in well under a
second. The per-segment helpers (memory matches, concordance, history with a diff
against the machine draft) are read when the translator moves to a segment. The
whole-article preview is ``desk.documents.preview``.

Inline tags are shown as numbered tokens: the source's elements are numbered in
document order (``{1}``/``{/1}``, ``{2/}`` for a void element such as ``<br>``);
the browser numbers them the same way (``webui/static/js/workspace.js``).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from typing import Any

import lxml.html
from sqlalchemy import select

from glossary.tables import GlossaryEntry, row_to_entry
from glossary.termbase import Termbase
from translate.desk import memory
from translate.desk.accounts import User
from translate.desk.database import Database
from translate.desk.document_service import load_document
from translate.desk.documents import (
    SEG_APPROVED,
    SEG_CONFIRMED,
    Document,
    Segment,
    SegmentEdit,
    fragment_text,
)
from translate.desk.errors import NotFound
from translate.desk.memory.concordance import concordance
from translate.desk.review import SEND_BACK, SegmentComment
from translate.desk.rules import ANY_ROLE, EDITORS, TRANSLATORS, blocking_flags, is_id, plain, require
from translate.desk.views import DocumentView, SegmentView, UserView, document_view, segment_view

VOID = frozenset({"br", "img", "wbr"})
_MODEL = re.compile(r"(?:^|\|)model:([^|@]+)")
_WORDS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Term:
    """A glossary entry found in a segment's source, as the translator needs it."""

    entry: int
    source: str  # the words in the source
    target: str  # the preferred translation
    variants: tuple[str, ...]
    forbidden: tuple[str, ...]
    note: str
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"entry": self.entry, "source": self.source, "target": self.target, "variants": list(self.variants),
                "forbidden": list(self.forbidden), "note": self.note, "kind": self.kind}


@dataclass(frozen=True)
class Piece:
    """A run of the source as shown: text (maybe a glossary term) or an inline-tag token."""

    text: str
    term: int | None = None  # index into the row's terms
    tag: bool = False


@dataclass(frozen=True)
class Row:
    number: int  # 1-based, document order: what the UI calls "segment N"
    segment: SegmentView
    kind: str  # "text", or an image's alt/title
    mt_target: str
    model: str
    pieces: tuple[Piece, ...]
    terms: tuple[Term, ...]
    open_comments: int = 0
    sent_back: str = ""  # the reason given, while the segment waits for the translator

    @property
    def done(self) -> bool:
        return self.segment.state in (SEG_CONFIRMED, SEG_APPROVED)


@dataclass(frozen=True)
class Grid:
    document: DocumentView
    rows: tuple[Row, ...]
    can_edit: bool
    can_review: bool
    counts: dict[str, int] = field(default_factory=dict)
    article_notes: tuple[dict, ...] = ()  # open comments on the whole article (e.g. why it was sent back)
    blocking: int = 0


def model_name(signature: str) -> str:
    """The model id a draft's signature names ("" for memory or human text)."""
    m = _MODEL.search(signature or "")
    return m.group(1) if m else ""


def tag_events(html: str) -> list[tuple[str, str]]:
    """A fragment as ("text", s) and ("tag", "{n}") events, elements numbered in document order."""
    if not html or "<" not in html:
        return [("text", fragment_text(html))] if html else []
    root = lxml.html.fragment_fromstring(html, create_parent="div")
    events: list[tuple[str, str]] = []
    counter = 0

    def walk(el: Any) -> None:
        nonlocal counter
        if el.text:
            events.append(("text", el.text))
        for child in el:
            if isinstance(child.tag, str):
                counter += 1
                n = counter
                if child.tag in VOID:
                    events.append(("tag", f"{{{n}/}}"))
                    if child.tag == "br":
                        events.append(("text", " "))
                else:
                    events.append(("tag", f"{{{n}}}"))
                    walk(child)
                    events.append(("tag", f"{{/{n}}}"))
            if child.tail:
                events.append(("text", child.tail))

    walk(root)
    return events


def source_pieces(source: str, source_html: str, spans: list[tuple[int, int]]) -> tuple[Piece, ...]:
    """The source cut where terms start and end and where tags sit; offsets are into ``source``.

    If the fragment's text does not read exactly as the stored plain source (it
    always should), the plain source is shown without tag tokens rather than
    highlighting the wrong words.
    """
    events = tag_events(source_html)
    if "".join(text for kind, text in events if kind == "text") != source:
        events = [("text", source)]
    pieces: list[Piece] = []
    pos = 0
    for kind, text in events:
        if kind == "tag":
            pieces.append(Piece(text, tag=True))
            continue
        end = pos + len(text)
        cut = sorted({pos, end, *(b for s, e in spans for b in (s, e) if pos < b < end)})
        for a, b in zip(cut, cut[1:], strict=False):
            term = next((i for i, (s, e) in enumerate(spans) if s <= a and b <= e), None)
            pieces.append(Piece(text[a - pos:b - pos], term=term))
        pos = end
    return tuple(pieces)


def word_diff(before: str, after: str) -> list[list[str]]:
    """Word-level changes from ``before`` to ``after`` as [["=", text], ["-", text], ["+", text], ...]."""
    a, b = _WORDS.findall(before or ""), _WORDS.findall(after or "")
    out: list[list[str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(["=", "".join(a[i1:i2])])
            continue
        if i2 > i1:
            out.append(["-", "".join(a[i1:i2])])
        if j2 > j1:
            out.append(["+", "".join(b[j1:j2])])
    return out


class WorkspaceService:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- who may do what ------------------------------------------------------------------------

    @staticmethod
    def _may_edit(actor: UserView, doc: Document) -> bool:
        return actor.role in TRANSLATORS and (actor.role == "admin" or doc.assigned_to in (None, actor.id))

    # -- the grid -------------------------------------------------------------------------------

    def _terms(self, doc: Document, segments: list[Segment]) -> dict[int, list[tuple[int, int, int]]]:
        """Per segment id: (start, end, entry id) of every approved term in its source."""
        matcher = Termbase(self.db.sessionmaker).matcher(doc.source_lang, doc.target_lang)
        return {seg.id: [(m.start, m.end, m.entry_id) for m in matcher.find(seg.source)] for seg in segments}

    def _entries(self, ids: set[int]) -> dict[int, Any]:
        if not ids:
            return {}
        with self.db.session() as s:
            rows = s.scalars(select(GlossaryEntry).where(GlossaryEntry.id.in_(sorted(ids))))
            return {row.id: row_to_entry(row) for row in rows}

    @staticmethod
    def _term(entry: Any, source: str, lang: str) -> Term:
        return Term(entry=entry.id, source=source, target=getattr(entry, lang),
                    variants=tuple(getattr(entry, f"{lang}_variants")),
                    forbidden=tuple(getattr(entry, f"{lang}_forbidden")), note=entry.note, kind=entry.kind)

    def _row(self, number: int, seg: Segment, found: list[tuple[int, int, int]], entries: dict[int, Any],
             lang: str, comments: tuple[int, str]) -> Row:
        found = [f for f in found if f[2] in entries]
        terms = tuple(self._term(entries[eid], seg.source[s:e], lang) for s, e, eid in found)
        pieces = source_pieces(seg.source, seg.source_html if seg.kind == "text" else seg.source,
                               [(s, e) for s, e, _ in found])
        return Row(number=number, segment=segment_view(seg), kind=seg.kind, mt_target=seg.mt_target or "",
                   model=model_name(seg.signature), pieces=pieces, terms=terms, open_comments=comments[0],
                   sent_back=comments[1] if seg.state not in (SEG_CONFIRMED, SEG_APPROVED) else "")

    def grid(self, actor: UserView, doc_id: int) -> Grid:
        """Every segment of an article, ready to show, with what the reader may do with them."""
        require(actor, ANY_ROLE, "read documents")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            segments = sorted(doc.segments, key=lambda x: x.index)
            open_rows = s.execute(
                select(SegmentComment.segment_id, SegmentComment.kind, SegmentComment.body, SegmentComment.id,
                       SegmentComment.user_id, SegmentComment.created_at)
                .where(SegmentComment.document_id == doc.id, SegmentComment.resolved_at.is_(None),
                       SegmentComment.parent_id.is_(None))
                .order_by(SegmentComment.id)
            ).all()
            uids = {row.user_id for row in open_rows if row.user_id is not None}
            names = dict(s.execute(select(User.id, User.name).where(User.id.in_(uids))).all()) if uids else {}
            view = document_view(doc, with_segments=False)
            may_edit = self._may_edit(actor, doc)
            found = self._terms(doc, segments)
            entries = self._entries({eid for hits in found.values() for _s, _e, eid in hits})
            per_segment: dict[int, tuple[int, str]] = {}
            notes: list[dict] = []
            for seg_id, kind, body, cid, uid, at in open_rows:
                if seg_id is None:
                    notes.append({"id": cid, "kind": kind, "body": body, "user": names.get(uid),
                                  "at": at.isoformat(timespec="seconds")})
                    continue
                count, reason = per_segment.get(seg_id, (0, ""))
                per_segment[seg_id] = (count + 1, body if kind == SEND_BACK else reason)
            rows = tuple(self._row(i + 1, seg, found[seg.id], entries, doc.target_lang,
                                   per_segment.get(seg.id, (0, "")))
                         for i, seg in enumerate(segments))
        counts = {"total": len(rows), "done": sum(r.done for r in rows),
                  "approved": sum(r.segment.state == SEG_APPROVED for r in rows),
                  "confirmed": sum(r.segment.state == SEG_CONFIRMED for r in rows),
                  "rejected": sum(r.segment.state == "rejected" for r in rows),
                  "flagged": sum(bool(r.segment.flags) for r in rows)}
        blocking = sum(len(blocking_flags(r.segment.flags)) for r in rows)
        return Grid(document=view, rows=rows, can_edit=may_edit, can_review=actor.role in EDITORS, counts=counts,
                    article_notes=tuple(notes), blocking=blocking)

    # -- one segment's helpers ------------------------------------------------------------------

    def _segment(self, s: Any, segment_id: int) -> tuple[Segment, Document]:
        seg = s.get(Segment, segment_id) if is_id(segment_id) else None
        if seg is None:
            raise NotFound(f"no segment with id {segment_id}")
        return seg, s.get(Document, seg.document_id)

    def glossary(self, actor: UserView, segment_id: int) -> list[dict]:
        """The approved entries whose terms occur in the segment's source."""
        require(actor, ANY_ROLE, "read the glossary")
        with self.db.session() as s:
            seg, doc = self._segment(s, segment_id)
            found = self._terms(doc, [seg])[seg.id]
            lang = doc.target_lang
        entries = self._entries({eid for _s, _e, eid in found})
        return [self._term(entries[eid], seg.source[a:b], lang).to_dict() for a, b, eid in found if eid in entries]

    def memory(self, actor: UserView, segment_id: int, limit: int = 5) -> list[dict]:
        """Earlier translations of similar sentences, best first; the segment's own confirmed text is left out."""
        require(actor, ANY_ROLE, "search the translation memory")
        with self.db.session() as s:
            seg, doc = self._segment(s, segment_id)
            if not seg.source.strip():
                return []
            own = set(s.scalars(select(memory.TMUnit.id).where(memory.TMUnit.segment_id == seg.id)))
            found = memory.lookup(s, doc.source_lang, doc.target_lang, seg.source, limit=limit + len(own),
                                  source_html=seg.source_html)
            return [m.to_dict() for m in found if m.unit_id not in own][:limit]

    def concordance(self, actor: UserView, doc_id: int, phrase: str, limit: int = 20) -> list[dict]:
        """Memory units holding ``phrase`` in their source or their target, in the article's language pair."""
        require(actor, ANY_ROLE, "search the translation memory")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            return concordance(s, doc.source_lang, doc.target_lang, phrase, limit=limit)

    def history(self, actor: UserView, segment_id: int) -> dict:
        """Every write to the segment, newest first, each with its changes against the machine draft.

        Refused saves (``conflict``) are included: their text was never stored as the
        segment's, and restoring one is how a post-editor gets it back.
        """
        require(actor, ANY_ROLE, "read segment history")
        with self.db.session() as s:
            seg, _doc = self._segment(s, segment_id)
            draft = seg.mt_target or ""
            rows = s.execute(
                select(SegmentEdit, User.name)
                .outerjoin(User, User.id == SegmentEdit.user_id)
                .where(SegmentEdit.segment_id == seg.id).order_by(SegmentEdit.id.desc())
            ).all()
            current = seg.target or ""
        draft_plain = plain(draft)
        entries = [{"id": e.id, "action": e.action, "user": name, "target": e.target, "version": e.version,
                    "distance": e.distance, "at": e.at.isoformat(timespec="seconds"),
                    "diff": word_diff(draft_plain, plain(e.target)) if draft else []}
                   for e, name in rows]
        return {"segment": segment_id, "draft": draft, "current": current, "entries": entries}
