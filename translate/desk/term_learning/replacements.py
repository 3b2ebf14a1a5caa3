"""Held glossary terms that translators replace the same way: the evidence for a variant.

For each confirmed segment whose source holds an approved entry and whose draft
held one of the entry's forms, the draft and the final text are aligned word by
word (``difflib``); the words the final text has where the draft had the term,
with words the translator inserted right beside it, are the replacing form. The
same replacement in enough segments becomes a proposal: a new variant, or — when
translators consistently swap the preferred form for an accepted variant — a
review of the preferred form.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher

from glossary.entries import TermEntry
from glossary.matcher import Matcher, english_plurals, find_in_target
from glossary.normalize import form_key
from translate.desk.term_learning.candidates import Candidate, ConfirmedSegment, LearningOptions, evidence_of
from translate.desk.term_learning.tables import KIND_PREFERRED, KIND_VARIANT
from translate.desk.term_learning.words import Word, is_stopword, joined, words

MAX_EXTRA_WORDS = 3  # words inserted beside a term that may belong to its replacement

Opcode = tuple[str, int, int, int, int]


def map_range(opcodes: list[Opcode], a0: int, a1: int) -> tuple[int, int] | None:
    """The final text's words where the draft's words ``a0..a1`` were; None when a rewrite blurs it."""
    b0: int | None = None
    b1: int | None = None
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "insert":
            continue
        lo, hi = max(i1, a0), min(i2, a1)
        if lo >= hi:
            continue
        if tag == "equal" or i2 - i1 == j2 - j1:  # word for word
            s, e = j1 + (lo - i1), j1 + (hi - i1)
        elif a0 <= i1 and i2 <= a1:  # the rewrite lies inside the term
            s, e = j1, j2
        else:  # a rewrite reaching past the term: which words replaced it cannot be told
            return None
        b0 = s if b0 is None else min(b0, s)
        b1 = e if b1 is None else max(b1, e)
    if b0 is None or b1 is None:
        return None
    return b0, b1


def replacement_forms(opcodes: list[Opcode], final: str, final_words: list[Word], a0: int, a1: int,
                      lang: str) -> list[str]:
    """Every reading of what replaced the draft's words ``a0..a1``: the words in their place,
    optionally with up to three words inserted right before or after them."""
    mapped = map_range(opcodes, a0, a1)
    if mapped is None:
        return []
    b0, b1 = mapped
    left = right = 0
    for tag, i1, _i2, j1, j2 in opcodes:
        if tag == "insert" and i1 == a0 and j2 == b0:
            left = j2 - j1
        if tag == "insert" and i1 == a1 and j1 == b1:
            right = j2 - j1
    out = []
    for extra_left in range(min(left, MAX_EXTRA_WORDS) + 1):
        for extra_right in range(min(right, MAX_EXTRA_WORDS) + 1):
            lo, hi = b0 - extra_left, b1 + extra_right
            if lo >= hi:
                continue
            if extra_left and is_stopword(final_words[lo].key, lang):
                continue
            if extra_right and is_stopword(final_words[hi - 1].key, lang):
                continue
            if not all(joined(final, final_words[k], final_words[k + 1]) for k in range(lo, hi - 1)):
                continue
            out.append(final[final_words[lo].start:final_words[hi - 1].end])
    return out


def word_range(ws: list[Word], start: int, end: int) -> tuple[int, int] | None:
    inside = [i for i, w in enumerate(ws) if w.start < end and w.end > start]
    return (inside[0], inside[-1] + 1) if inside else None


class ReplacementFinder:
    """Collects, segment by segment, how translators changed held terms; then proposes."""

    def __init__(self, options: LearningOptions, claimed: Callable[[str, str], int | None]) -> None:
        self.options = options
        self.claimed = claimed  # (lang, form key) -> the live entry owning that form, if any
        self.held: dict[tuple[str, str, int], list[ConfirmedSegment]] = defaultdict(list)
        self.replaced: dict[tuple[str, str, int], dict[str, list[ConfirmedSegment]]] = defaultdict(
            lambda: defaultdict(list))
        self.surfaces: dict[tuple[str, str, int], dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
        self.entries: dict[int, TermEntry] = {}

    def add(self, seg: ConfirmedSegment, matcher: Matcher) -> None:
        if not seg.draft or not seg.final.strip():
            return
        found = {}
        for m in matcher.find(seg.source):
            if m.kind != "dnt" and m.entry_id not in found:
                found[m.entry_id] = m
        if not found:
            return
        draft_words, final_words = words(seg.draft), words(seg.final)
        opcodes = SequenceMatcher(None, [w.key for w in draft_words], [w.key for w in final_words],
                                  autojunk=False).get_opcodes()
        for entry_id, m in found.items():
            spans = find_in_target(seg.draft, m.targets, seg.tgt)
            if not spans:
                continue  # the draft did not hold the term: nothing was replaced
            key = (seg.src, seg.tgt, entry_id)
            if entry_id not in self.entries:
                self.entries[entry_id] = next(e for e in matcher.entries if e.id == entry_id)
            self.held[key].append(seg)
            seen: set[str] = set()
            for start, end in spans:
                place = word_range(draft_words, start, end)
                if place is None:
                    continue
                held_key = form_key(seg.draft[start:end])
                for form in replacement_forms(opcodes, seg.final, final_words, *place, seg.tgt):
                    k = form_key(form)
                    if k and k != held_key and k not in seen:
                        seen.add(k)
                        self.replaced[key][k].append(seg)
                        self.surfaces[key][k][form] += 1

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        for key, by_form in self.replaced.items():
            src, tgt, entry_id = key
            entry = self.entries[entry_id]
            held = len(self.held[key])
            preferred = {form_key(f) for f in (entry.term(tgt), *self.plurals(entry.term(tgt), tgt))}
            variants = {form_key(f) for v in entry.variants(tgt) for f in (v, *self.plurals(v, tgt))}
            forbidden = {form_key(f) for f in entry.forbidden(tgt)}
            used: set[int] = set()
            for k in sorted(by_form, key=lambda k: (-len(by_form[k]), len(k), k)):
                segs = [s for s in by_form[k] if s.id not in used]
                translators = {s.translator for s in segs if s.translator is not None}
                if len(segs) < self.options.min_segments or len(translators) < self.options.min_translators:
                    continue
                if k in preferred or k in forbidden:
                    continue
                owner = self.claimed(tgt, k)
                if owner is not None and owner != entry_id:
                    continue  # another entry's form: adding it here would be refused
                share = len(segs) / held
                if k in variants:
                    if share < self.options.preferred_share:
                        continue
                    kind = KIND_PREFERRED
                else:
                    kind = KIND_VARIANT
                used.update(s.id for s in segs)
                form = self.surfaces[key][k].most_common(1)[0][0]
                out.append(Candidate(
                    kind=kind, src_lang=src, tgt_lang=tgt, entry_id=entry_id, source_phrase=entry.term(src),
                    form=form, support=len(segs), share=round(share, 3),
                    evidence=evidence_of(segs, held=held, replaced_from=entry.term(tgt))))
        return out

    @staticmethod
    def plurals(form: str, lang: str) -> list[str]:
        return english_plurals(form) if lang == "en" else []
