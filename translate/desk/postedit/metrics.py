"""What one confirm measures: HTER, character edit distance, glossary term outcomes, QA flags.

HTER is sacrebleu's TER with the machine draft as the hypothesis and the
translator's final text as the reference (Snover et al. 2006: the human-targeted
reference *is* the post-edit), so it counts the word edits that turned the draft
into what was published, per word of the final text. The metric object is built
case-sensitive (sacrebleu's TER lowercases by default, but a capital the translator
had to fix is an edit) with its default tercom tokenisation and punctuation kept;
its signature is :func:`hter_signature`. Both texts are plain (inline tags
dropped) and NFC, the way the QA checks see them.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein
from sacrebleu.metrics import TER

from glossary.checks import CheckContext, run_checks
from glossary.matcher import TermMatch
from translate.desk.rules import plain
from translate.text.markup import inline_tag_sequence

TER_OPTIONS = {"case_sensitive": True}
TERM_CHECKS = ("missing_term", "forbidden_term", "dnt_altered")
_SPACE = re.compile(r"\s+")


def normal(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def source_words(source: str) -> int:
    """Whitespace-separated words (a Vietnamese syllable counts as a word, as translators bill it)."""
    return len(normal(source).split())


@dataclass(frozen=True)
class Hter:
    score: float  # percent; above 100 when the draft needed more edits than the final has words
    edits: float
    ref_words: float


def hter(draft: str, final: str) -> Hter:
    """Sentence TER of ``draft`` against ``final`` as the reference, with its edit count and length.

    A metric object per call: sacrebleu's objects keep state between calls, and the web
    server confirms from several threads.
    """
    result = TER(**TER_OPTIONS).sentence_score(draft, [final])
    return Hter(score=float(result.score), edits=float(result.num_edits), ref_words=float(result.ref_length))


def hter_signature() -> str:
    """sacrebleu's signature of the TER used for HTER (shown with the figures)."""
    metric = TER(**TER_OPTIONS)
    metric.sentence_score("a", ["a"])  # the signature names the reference count, known after one call
    return str(metric.get_signature())


def char_distance(draft: str, final: str) -> int:
    return Levenshtein.distance(draft, final)


@dataclass(frozen=True)
class TermOutcome:
    entry: int
    source: str
    targets: tuple[str, ...]
    by_mt: bool  # the pipeline held this term in the draft (it is in the segment's term info)
    draft_ok: bool
    final_ok: bool

    @property
    def outcome(self) -> str:
        """held: right in the draft and kept; changed: right in the draft, replaced by the translator;
        fixed: flagged in the draft, right in the final; flagged: flagged in both."""
        if self.draft_ok:
            return "held" if self.final_ok else "changed"
        return "fixed" if self.final_ok else "flagged"

    def to_dict(self) -> dict:
        return {"entry": self.entry, "source": self.source, "targets": list(self.targets), "by_mt": self.by_mt,
                "draft_ok": self.draft_ok, "final_ok": self.final_ok, "outcome": self.outcome}


def _flags(source: str, source_html: str, target_html: str, src: str, tgt: str,
           matches: Sequence[TermMatch], text_kind: bool) -> list[dict]:
    ctx = CheckContext(source=source, target=plain(target_html) if text_kind else target_html,
                       src_lang=src, tgt_lang=tgt, matches=matches,
                       source_tags=inline_tag_sequence(source_html) if text_kind else (),
                       target_tags=inline_tag_sequence(target_html) if text_kind else ())
    return [f.to_dict() for f in run_checks(ctx)]


@dataclass(frozen=True)
class QaComparison:
    terms: tuple[TermOutcome, ...]
    draft_flags: int
    final_flags: int
    resolved: int


def compare_qa(*, source: str, source_html: str, draft_html: str | None, final_html: str, src: str, tgt: str,
               matches: Sequence[TermMatch], term_info: Sequence[dict], text_kind: bool) -> QaComparison:
    """The glossary check run on the draft and on the final text, compared term by term.

    ``term_info`` is the segment's stored term list from the pipeline (``Segment.terms``):
    an entry in it was held by the machine. A flag is "resolved" when the draft had it
    (same check, same entry) and the final text does not.
    """
    final = _flags(source, source_html, final_html, src, tgt, matches, text_kind)
    if draft_html is None:
        return QaComparison(terms=(), draft_flags=0, final_flags=len(final), resolved=0)
    draft = _flags(source, source_html, draft_html, src, tgt, matches, text_kind)
    held_by_mt = {t.get("entry") for t in term_info or () if isinstance(t, dict)}

    def bad(flags: list[dict]) -> set[int]:
        return {f["entry"] for f in flags if f.get("check") in TERM_CHECKS and f.get("entry") is not None}

    draft_bad, final_bad = bad(draft), bad(final)
    seen: set[int] = set()
    outcomes = []
    for m in matches:
        if m.entry_id in seen or m.kind not in ("term", "name", "dnt"):
            continue
        seen.add(m.entry_id)
        outcomes.append(TermOutcome(entry=m.entry_id, source=m.text, targets=tuple(m.targets),
                                    by_mt=m.entry_id in held_by_mt, draft_ok=m.entry_id not in draft_bad,
                                    final_ok=m.entry_id not in final_bad))

    def key(f: dict) -> tuple:
        return f.get("check"), f.get("entry")

    resolved = sum((Counter(map(key, draft)) - Counter(map(key, final))).values())
    return QaComparison(terms=tuple(outcomes), draft_flags=len(draft), final_flags=len(final), resolved=resolved)
