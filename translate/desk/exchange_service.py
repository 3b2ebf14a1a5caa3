"""Exchange with other CAT tools: an article as XLIFF (2.1 or 1.2), the memory as TMX 1.4b.

An XLIFF import is checked whole before anything is written: a file for another
article, a source changed since the export (or edited in the file), a unit the
article does not have or a target the desk would refuse stops the import with
every problem listed, and nothing is saved. Then each unit whose target differs
from the desk's is saved through :meth:`SegmentService.save` at the version the
file was exported at -- history, QA checks and optimistic locking as for any
edit. A segment changed on the desk since the export is reported as stale and
left as it is (its refused text kept in the segment's history); the other units
are still applied, since each stands alone. An empty target never clears a
translation, and the states in the file are not imported: a saved unit becomes
"edited", as a save on the desk would make it.

A TMX import is one transaction: every unit is read and checked first, units
already in the memory (same languages, source and target) or repeated in the
file are merged, and the rest added, with their dates, author and origin.
"""

from __future__ import annotations

from sqlalchemy import select

from translate.desk.accounts import User
from translate.desk.database import Database
from translate.desk.document_service import load_document
from translate.desk.documents import utcnow
from translate.desk.errors import EditConflict, PermissionDenied
from translate.desk.exchange import tmx, xliff
from translate.desk.exchange.xml_safety import ExchangeFileError
from translate.desk.memory import bulk
from translate.desk.review import SegmentComment
from translate.desk.rules import ANY_ROLE, BLOCKING, EDITORS, TRANSLATORS, clean_target, plain, require
from translate.desk.segment_service import SegmentService
from translate.desk.views import UserView
from translate.errors import InputError

WHAT = "XLIFF file"


def _normal(target: str, kind: str) -> str:
    """A target as a save would store it, so "changed?" compares like with like."""
    if not (target or "").strip():
        return ""
    try:
        cleaned = clean_target(target)
    except InputError:
        return target
    return cleaned if kind == "text" else plain(cleaned)


class ExchangeService:
    def __init__(self, db: Database, segments: SegmentService) -> None:
        self.db = db
        self.segments = segments

    # -- XLIFF ------------------------------------------------------------------------------------

    def export_xliff(self, actor: UserView, doc_id: int, version: str = "2.1") -> bytes:
        require(actor, ANY_ROLE, "export articles")
        if version not in xliff.VERSIONS:
            raise InputError(f"XLIFF version must be one of: {', '.join(xliff.VERSIONS)}")
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            rows = s.execute(select(SegmentComment, User.name).outerjoin(User, User.id == SegmentComment.user_id)
                             .where(SegmentComment.document_id == doc.id, SegmentComment.segment_id.is_not(None),
                                    SegmentComment.resolved_at.is_(None))
                             .order_by(SegmentComment.id))
            comments: dict[int, list[tuple[str, str, int]]] = {}
            for c, name in rows:
                comments.setdefault(c.segment_id, []).append(("comment", f"{name or '?'}: {c.body}", 5))
            units = []
            for seg in sorted(doc.segments, key=lambda x: x.index):
                notes = [("qa", f"{f.get('severity', 'warning')}: {f.get('message', f.get('check', ''))}",
                          1 if str(f.get("severity", "")).lower() in BLOCKING else 5) for f in seg.flags or []]
                units.append(xliff.UnitOut(segment_id=seg.id, index=seg.index, field=seg.field, version=seg.version,
                                           source_html=seg.source_html, target_html=seg.target or "",
                                           state=seg.state, notes=tuple(notes + comments.get(seg.id, []))))
            article = xliff.ArticleOut(document_id=doc.id, src_lang=doc.source_lang, tgt_lang=doc.target_lang,
                                       title=doc.title, units=tuple(units))
        return xliff.export_xliff(article, version)

    def import_xliff(self, actor: UserView, doc_id: int, data: bytes) -> dict:
        """Save the file's changed targets; returns {updated, unchanged, stale, updated_segments}."""
        require(actor, TRANSLATORS, "import translations")
        parsed = xliff.read_xliff(data)
        changes = self._validate(actor, doc_id, parsed)
        updated, stale = [], []
        for unit, index, target in changes:
            try:
                self.segments.save(actor, unit.segment_id, target, unit.version)
                updated.append(index)
            except EditConflict as exc:
                stale.append({"segment_id": unit.segment_id, "index": index, "file_version": unit.version,
                              "current_version": exc.current_version, "current_target": exc.current_target,
                              "message": f"segment {index} was changed on the desk since the export (version "
                                         f"{unit.version} -> {exc.current_version}); the file's text was not "
                                         "applied (it is kept in the segment's history)"})
        return {"updated": len(updated), "unchanged": len(parsed.units) - len(changes), "stale": stale,
                "updated_segments": updated}

    def _validate(self, actor: UserView, doc_id: int, parsed: xliff.ArticleIn) -> list[tuple]:
        """(unit, segment index, target) for every unit to save; refuses the whole file on any problem."""
        with self.db.session() as s:
            doc = load_document(s, doc_id)
            if actor.role == "translator" and doc.assigned_to not in (None, actor.id):
                raise PermissionDenied(f"document {doc.id} is assigned to another translator")
            segs = {seg.id: (seg.index, seg.version, seg.source_html, seg.target or "", seg.kind)
                    for seg in doc.segments}
            src, tgt = doc.source_lang, doc.target_lang
        if parsed.document_id is None:
            raise ExchangeFileError(WHAT, ["the file does not say which article it is for (no sn:document or "
                                           "songngu original); export the article from songngu first"])
        if parsed.document_id != doc_id:
            raise ExchangeFileError(WHAT, [f"the file is for article {parsed.document_id}, not article {doc_id}"])
        problems: list[str] = []
        for lang, want, what in ((parsed.src_lang, src, "source"), (parsed.tgt_lang, tgt, "target")):
            if lang and lang.split("-")[0].lower() != want:
                problems.append(f"the file's {what} language is {lang!r}; the article's is {want!r}")
        changes, seen = [], set()
        for unit in parsed.units:
            where = f"unit {unit.unit_id!r} (line {unit.line})"
            if unit.segment_id not in segs:
                problems.append(f"{where} is not a segment of article {doc_id}")
                continue
            if unit.segment_id in seen:
                problems.append(f"{where} appears twice")
                continue
            seen.add(unit.segment_id)
            index, version, source_html, current, kind = segs[unit.segment_id]
            if unit.version is None:
                problems.append(f"{where} has no sn:version; export the article again")
            if unit.source_hash is not None and unit.source_hash != xliff.source_hash(source_html):
                problems.append(f"the source of segment {index} changed since the export; export the article again")
            elif plain(unit.source_html) != plain(source_html):
                problems.append(f"{where}: the source text was edited in the file (only targets may change)")
            if not (unit.target_html or "").strip():
                continue
            try:
                new = _normal(clean_target(unit.target_html), kind)
            except InputError as exc:
                problems.append(f"{where}: {exc}")
                continue
            if new != _normal(current, kind):
                changes.append((unit, index, unit.target_html))
        if problems:
            raise ExchangeFileError(WHAT, problems)
        return changes

    # -- TMX --------------------------------------------------------------------------------------

    def export_tmx(self, actor: UserView) -> bytes:
        require(actor, ANY_ROLE, "export the translation memory")
        with self.db.session() as s:
            return tmx.export_tmx(bulk.all_records(s))

    def import_tmx(self, actor: UserView, data: bytes) -> dict:
        """All or nothing; returns {added, merged}."""
        require(actor, EDITORS, "import a translation memory")
        records = tmx.read_tmx(data, now=utcnow())
        with self.db.transaction() as s:
            return bulk.merge_records(s, records)
