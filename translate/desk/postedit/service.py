"""``desk.postedit``: the post-edit dashboard, its CSV exports and the per-article report.

Editors and admins read the figures; translators do not (the numbers compare people).
Throughput per translator is for admins only: editors see the totals.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from glossary.csv_io import neutralize_formula
from translate.desk.database import Database
from translate.desk.documents import Document, Segment
from translate.desk.errors import NotFound
from translate.desk.postedit import metrics, queries
from translate.desk.postedit.queries import Filters, Row
from translate.desk.postedit.records import PostEditRecord
from translate.desk.rules import EDITORS, is_id, require
from translate.desk.views import UserView
from translate.errors import InputError

DIMENSIONS = {
    "model": lambda r: r.rec.model or "—",
    "direction": lambda r: r.direction,
    "section": lambda r: r.rec.section,
    "month": lambda r: r.month,
}
# The charts a CSV can be exported for, each with its columns.
EXPORTS = ("histogram", "model", "direction", "section", "month", "throughput", "heaviest", "unchanged")
STAT_COLUMNS = ("segments", "hter", "mean", "median", "q1", "q3", "min", "max", "unchanged", "unchanged_share")
SEGMENT_COLUMNS = ("document_id", "title", "number", "translator", "direction", "section", "model", "hter",
                   "char_distance", "source_words", "active_ms", "keystrokes", "source", "draft", "final",
                   "confirmed_at")
THROUGHPUT_COLUMNS = ("segments", "words", "active_ms", "hours", "words_per_hour", "keystrokes")


class PostEditService:
    def __init__(self, db: Database) -> None:
        self.db = db

    def _rows(self, f: Filters, document_id: int | None = None) -> list[Row]:
        with self.db.session() as s:
            return queries.load_rows(s, f, document_id)

    def options(self, actor: UserView) -> dict[str, list[str]]:
        """What the filters can choose from: the models and months that have records."""
        require(actor, EDITORS, "read post-edit analytics")
        with self.db.session() as s:
            models = sorted(m for m in s.scalars(select(PostEditRecord.model).distinct()) if m)
            dates = s.execute(select(func.min(PostEditRecord.confirmed_at),
                                     func.max(PostEditRecord.confirmed_at))).one()
        months: list[str] = []
        if dates[0] is not None:
            y, m = dates[0].year, dates[0].month
            while (y, m) <= (dates[1].year, dates[1].month):
                months.append(f"{y:04d}-{m:02d}")
                y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return {"models": models, "months": months, "directions": list(queries.DIRECTIONS)}

    def dashboard(self, actor: UserView, args: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """Every figure of the dashboard for the filters in ``args`` (a query string's keys)."""
        require(actor, EDITORS, "read post-edit analytics")
        f = queries.parse_filters(args)
        rows = self._rows(f)
        overall = queries.hter_stats(rows)
        return {
            "filters": f.to_dict(),
            "records": len(rows),
            "hter_signature": metrics.hter_signature(),
            "overall": overall,
            "histogram": queries.histogram(rows),
            "by": {name: queries.grouped(rows, key) for name, key in DIMENSIONS.items()},
            "throughput": queries.throughput(rows, per_translator=actor.role == "admin"),
            "heaviest": queries.heaviest(rows),
            "unchanged": {"segments": overall["segments"], "unchanged": overall["unchanged"],
                          "share": overall["unchanged_share"]},
        }

    def summary(self, actor: UserView, args: Mapping[str, Any] | None = None) -> dict[str, Any]:
        """The dashboard without the segment texts: what the REST API answers."""
        data = self.dashboard(actor, args)
        data["heaviest"] = [{k: v for k, v in line.items() if k not in ("source", "draft", "final", "terms")}
                            for line in data["heaviest"]]
        return data

    def export_csv(self, actor: UserView, chart: str, args: Mapping[str, Any] | None = None) -> str:
        """One chart's figures as CSV; every text cell is formula-safe (a spreadsheet shows it as text)."""
        if chart not in EXPORTS:
            raise InputError(f"unknown chart {chart!r}; one of: {', '.join(EXPORTS)}")
        data = self.dashboard(actor, args)
        if chart == "histogram":
            header, lines = ["hter_bin", "segments"], [[b["bin"], b["segments"]] for b in data["histogram"]]
        elif chart in DIMENSIONS:
            header = [chart, *STAT_COLUMNS]
            lines = [[g["group"], *(g[c] for c in STAT_COLUMNS)] for g in data["by"][chart]]
        elif chart == "unchanged":
            header = ["model", "segments", "unchanged", "unchanged_share"]
            lines = [[g["group"], g["segments"], g["unchanged"], g["unchanged_share"]] for g in data["by"]["model"]]
        elif chart == "throughput":
            tp = data["throughput"]
            header = ["translator", *THROUGHPUT_COLUMNS]
            lines = [[t["translator"], *(t[c] for c in THROUGHPUT_COLUMNS)] for t in tp.get("translators", [])]
            lines.append(["(all)", *(tp["total"][c] for c in THROUGHPUT_COLUMNS)])
        else:
            header = list(SEGMENT_COLUMNS)
            lines = [[line[c] for c in SEGMENT_COLUMNS] for line in data["heaviest"]]
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(header)
        for line in lines:
            writer.writerow([neutralize_formula(v) if isinstance(v, str) else ("" if v is None else v)
                             for v in line])
        return out.getvalue()

    def article_report(self, actor: UserView, doc_id: int) -> dict[str, Any]:
        """One article's post-editing: words, segments, HTER overall and per segment, time, memory, QA."""
        require(actor, EDITORS, "read post-edit reports")
        if not is_id(doc_id):
            raise NotFound(f"no document with id {doc_id}")
        with self.db.session() as s:
            doc = s.get(Document, doc_id)
            if doc is None:
                raise NotFound(f"no document with id {doc_id}")
            sources = list(s.scalars(select(Segment.source).where(Segment.document_id == doc_id)))
            head = {"id": doc.id, "title": doc.title, "source_lang": doc.source_lang,
                    "target_lang": doc.target_lang, "section": doc.category, "state": doc.state}
        rows = self._rows(Filters(), document_id=doc_id)
        rows.sort(key=lambda r: r.rec.number)
        stats = queries.hter_stats(rows)
        timed = [r.rec.active_ms for r in rows if r.rec.active_ms is not None]
        memory = [r for r in rows if r.rec.memory_used]
        return {
            "document": head,
            "hter_signature": metrics.hter_signature(),
            "segments": len(sources),
            "words": sum(metrics.source_words(t) for t in sources),
            "confirmed": len(rows),
            "confirmed_words": sum(r.rec.source_words for r in rows),
            "hter": stats,
            "active_ms": sum(timed) if timed else None,
            "keystrokes": sum(r.rec.keystrokes or 0 for r in rows),
            "memory": {"segments": len(memory), "words": sum(r.rec.source_words for r in memory),
                       "exact": sum(1 for r in memory if (r.rec.memory_pct or 0) >= 100)},
            "qa": {"draft_flags": sum(r.rec.draft_flags for r in rows),
                   "resolved": sum(r.rec.flags_resolved for r in rows),
                   "remaining": sum(r.rec.final_flags for r in rows)},
            "terms": {k: sum(getattr(r.rec, "terms_" + k) for r in rows)
                      for k in ("held", "changed", "flagged", "fixed")},
            "lines": [queries.segment_line(r) for r in rows],
        }
