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
    from translate.text.markup import InlineSpan

    out = []
    for s in spans:
        start = _map(s.start, edit, False)
        end = max(start, _map(s.end, edit, True)) if s.end > s.start else start
        out.append(InlineSpan(s.tag, dict(s.attrs), start, end, _remap_spans(s.children, edit)))
    return out


def apply_edits(text: str, edits: Sequence[Edit], spans: list) -> tuple[str, list]:
    """Apply non-overlapping edits right to left, moving inline spans with the text."""
    order = sorted(range(len(edits)), key=lambda i: (edits[i].start, edits[i].end, i), reverse=True)
    for edit in (edits[i] for i in order):  # two insertions at one place keep their given order
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


def _trimmed(text: str, span) -> tuple[int, int]:
    lo, hi = span.start, span.end
    lo += len(text[lo:hi]) - len(text[lo:hi].lstrip())
    hi -= len(text[lo:hi]) - len(text[lo:hi].rstrip())
    return lo, hi


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

    def hold(self, source: str, target: str, constraints: list[TermConstraint], links, spans: list,
             source_spans: list | None = None):
        """Return the target (and its inline spans) with forbidden forms replaced and missing terms written in.

        An inline element that wraps exactly a term in the source (``<strong>UNESCO</strong>``)
        is moved onto that term's place in the target.
        """
        if not constraints or not target.strip():
            return target, spans
        from translate.text.align import project_range

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
        floor = 0
        for c in sorted(constraints, key=lambda c: c.start):
            found = by_form.setdefault(c.targets, self._present(target, c.targets))
            free = [r for r in found if r not in taken]
            if free:  # the output already holds this occurrence
                taken.append(free[0])
                continue
            s, e = project_range(source, c.start, c.end, target, links)
            s = max(s, floor)  # written-in terms keep their source order
            e = max(e, s)
            while s < e and target[s].isspace():  # never swallow the space between two terms
                s += 1
            while e > s and target[e - 1].isspace():
                e -= 1
            while _overlaps((s, e), taken):  # the aligned words hold another term: insert after it
                s = e = next(te for ts, te in sorted(taken) if ts < max(e, s + 1) and s < te)
            edit = _fit(c.targets[0], target, s, e)
            if edits and edits[-1].start == edits[-1].end == s == e and not edit.text.startswith(" ") \
                    and not edits[-1].text.endswith(" "):
                edit = Edit(s, e, " " + edit.text)  # a second insertion at the same place
            edits.append(edit)
            taken.append((s, e))
            floor = e
        target, spans = apply_edits(target, edits, spans)
        if source_spans:
            spans = self._snap_spans(source, target, constraints, source_spans, spans)
        return target, spans

    def _snap_spans(self, source: str, target: str, constraints: list[TermConstraint],
                    source_spans: list, spans: list) -> list:
        from translate.text.markup import InlineSpan

        places: dict[tuple[int, int], tuple[int, int]] = {}
        used: dict[tuple[str, ...], int] = {}
        for c in sorted(constraints, key=lambda c: c.start):
            found = self._present(target, c.targets)
            k = used.get(c.targets, 0)
            if k < len(found):
                places[(c.start, c.end)] = found[k]
                used[c.targets] = k + 1
        def snapped(i: int, place: tuple[int, int]) -> InlineSpan:
            return InlineSpan(spans[i].tag, dict(spans[i].attrs), place[0], place[1], [])

        wanted = {i: places.get(_trimmed(source, ss)) for i, ss in enumerate(source_spans)}
        wanted = {i: p for i, p in wanted.items() if p is not None and not spans[i].children}
        together = [snapped(i, wanted[i]) if i in wanted else sp for i, sp in enumerate(spans)]
        if all(a.end <= b.start for a, b in zip(together, together[1:], strict=False)):
            return together
        out = list(spans)
        for i, place in sorted(wanted.items()):
            before = out[i - 1].end if i > 0 else 0
            after = out[i + 1].start if i + 1 < len(out) else len(target)
            if before <= place[0] and place[1] <= after:
                out[i] = snapped(i, place)
        return out


    def check(self, seg, target: str, target_html: str, matches: list) -> list[dict]:
        """Every QA check on the final output; what fails is reported, never silently passed."""
        from glossary.checks import CheckContext, run_checks
        from translate.text.markup import inline_tag_sequence

        is_text = seg.kind == "text"
        ctx = CheckContext(
            source=seg.text,
            target=target,
            src_lang=self.src,
            tgt_lang=self.tgt,
            matches=matches,
            source_tags=inline_tag_sequence(seg.html) if is_text else (),
            target_tags=inline_tag_sequence(target_html) if is_text else (),
        )
        return [f.to_dict() for f in run_checks(ctx)]

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
