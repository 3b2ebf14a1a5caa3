"""Held translation: every approved term comes out in an approved form, or is flagged.

No model can be trusted to honour a glossary (the test models translate
nonsense; real ones paraphrase), so holding is done after decoding and does not
depend on the model: forbidden forms are replaced by the preferred form, a
required term the output lacks is written over the target words aligned to the
source term (attention alignment, positional fallback), and then every segment
is verified by the QA checks. A segment that still fails says why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from translate.engines.base import TermConstraint


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def _map(pos: int, edit: Edit, is_end: bool) -> int:
    delta = len(edit.text) - (edit.end - edit.start)
    if pos < edit.start or (pos == edit.start and (not is_end or edit.end > edit.start)):
        return pos
    if pos >= edit.end:
        return pos + delta
    return edit.start + len(edit.text) if is_end else edit.start


def _remap_spans(spans: list, edit: Edit) -> list:
    from translate.markup import InlineSpan

    out = []
    for s in spans:
        start = _map(s.start, edit, False)
        end = max(start, _map(s.end, edit, True)) if s.end > s.start else start
        out.append(InlineSpan(s.tag, dict(s.attrs), start, end, _remap_spans(s.children, edit)))
    return out


def apply_edits(text: str, edits: Sequence[Edit], spans: list) -> tuple[str, list]:
    """Apply non-overlapping edits right to left, moving inline spans with the text."""
    for edit in sorted(edits, key=lambda e: (e.start, e.end), reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end :]
        spans = _remap_spans(spans, edit)
    return text, spans


def _fit(form: str, target: str, start: int, end: int) -> Edit:
    """The edit writing ``form`` over target[start:end], with spaces and sentence-initial capital."""
    text = form
    if start == 0 and target[end:end + 1] != "" and form[:1].islower() and target[:1].isupper():
        text = form[:1].upper() + form[1:]
    if start == end:  # insertion: keep words apart
        if start > 0 and not target[start - 1].isspace():
            text = " " + text
        if start < len(target) and not target[start].isspace():
            text = text + " "
    return Edit(start, end, text)


def _overlaps(a: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


class TermHolder:
    """Finds, holds and verifies the glossary terms of one direction."""

    def __init__(self, glossary, src: str, tgt: str) -> None:
        self.src, self.tgt = src, tgt
        self.matcher = glossary.matcher(src, tgt) if glossary is not None else None

    def find(self, text: str) -> list:
        return self.matcher.find(text) if self.matcher is not None else []

    @staticmethod
    def constraints(matches: list) -> list[TermConstraint]:
        return [
            TermConstraint(m.start, m.end, tuple(m.targets), tuple(m.forbidden), m.entry_id, m.kind)
            for m in matches
        ]

    def _present(self, target: str, forms: Sequence[str]) -> list[tuple[int, int]]:
        from glossary.matcher import find_in_target

        return find_in_target(target, forms, self.tgt)

    def hold(self, source: str, target: str, constraints: list[TermConstraint], links, spans: list):
        """Return the target (and its inline spans) with forbidden forms replaced and missing terms written in."""
        if not constraints or not target.strip():
            return target, spans
        from translate.align import project_range

        edits: list[Edit] = []
        taken: list[tuple[int, int]] = []
        for c in constraints:  # forbidden forms first: they free the place of the required term
            for s, e in self._present(target, c.forbidden) if c.forbidden else []:
                if not _overlaps((s, e), taken):
                    edits.append(_fit(c.targets[0], target, s, e))
                    taken.append((s, e))
        target, spans = apply_edits(target, edits, spans)
        edits, taken = [], []
        by_form: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for c in constraints:
            found = by_form.setdefault(c.targets, self._present(target, c.targets))
            free = [r for r in found if r not in taken]
            if free:  # the output already holds this occurrence
                taken.append(free[0])
                continue
            s, e = project_range(source, c.start, c.end, target, links)
            while _overlaps((s, e), taken):  # the aligned words hold another term: insert after it
                s = e = next(te for ts, te in sorted(taken) if ts < max(e, s + 1) and s < te)
            edits.append(_fit(c.targets[0], target, s, e))
            taken.append((s, e))
        return apply_edits(target, edits, spans)

    def check(self, seg, target: str, target_html: str, matches: list) -> list[dict]:
        from glossary.checks import run_machine_checks

        return run_machine_checks(self.src, self.tgt, seg, target, target_html, matches)

    @staticmethod
    def term_dict(m) -> dict:
        return {
            "entry": m.entry_id,
            "start": m.start,
            "end": m.end,
            "source": m.text,
            "targets": list(m.targets),
            "forbidden": list(m.forbidden),
            "kind": m.kind,
        }


def open_glossary(settings):
    """The approved glossary from the instance database (migrated, seeded on first use), as a snapshot."""
    from glossary.io import load_seed_if_empty
    from glossary.termbase import Termbase
    from translate.database import Database

    db = Database(settings=settings)
    db.upgrade()
    with db.transaction() as session:
        load_seed_if_empty(session)
    snapshot = Termbase(db.sessionmaker).snapshot()
    db.close()
    return snapshot
