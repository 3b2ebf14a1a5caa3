"""Which glossary entries each MT model misses or gets wrong, from the drafts the desk kept.

A machine draft counts against an entry when it fails the entry's glossary checks
(``missing_term``, ``forbidden_term``, ``dnt_altered``). The pipeline stored those
flags with the draft, but a translator's first save replaces a segment's flags
with the edit's own, so the checks are run again on the kept draft
(``Segment.mt_target``) with the glossary as it is now; the flags still stored on
an untouched draft count too. The model is read from the draft's signature
(``model:<id>@<revision>``); memory drafts are not the model's.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from glossary.checks import CheckContext, run_checks
from glossary.matcher import Matcher

TERM_CHECKS = ("missing_term", "forbidden_term", "dnt_altered")
MODEL = re.compile(r"(?:^|\|)model:([^|@]+)")


def model_of(signature: str) -> str | None:
    """The model named in a draft's signature; None for memory drafts and unsigned text."""
    if not signature or signature.startswith("memory:"):
        return None
    found = MODEL.search(signature)
    return found.group(1) if found else None


@dataclass(frozen=True)
class Draft:
    segment_id: int
    document_id: int
    src: str
    tgt: str
    source: str
    draft: str  # plain text of the machine draft
    stored_flags: tuple[dict, ...] = ()  # the pipeline's own flags, while the segment is untouched


@dataclass
class EntryMisses:
    entry_id: int
    drafts: int = 0  # drafts whose source holds the entry
    missing: int = 0
    wrong: int = 0  # a forbidden form, or a do-not-translate term altered
    segments: list[int] = field(default_factory=list)  # failing drafts, newest first

    @property
    def failed(self) -> int:
        return len(self.segments)


class MissTally:
    """Per model, per entry: how many drafts held the term in their source and how many failed it."""

    def __init__(self) -> None:
        self.models: dict[str, dict[int, EntryMisses]] = defaultdict(dict)
        self.drafts: dict[str, int] = defaultdict(int)

    def add(self, model: str, d: Draft, matcher: Matcher) -> None:
        self.drafts[model] += 1
        matches = matcher.find(d.source)
        if not matches:
            return
        ctx = CheckContext(source=d.source, target=d.draft, src_lang=d.src, tgt_lang=d.tgt, matches=matches)
        failed: dict[int, set[str]] = defaultdict(set)
        for flag in [*(f.to_dict() for f in run_checks(ctx, only=TERM_CHECKS)), *d.stored_flags]:
            if flag.get("check") in TERM_CHECKS and isinstance(flag.get("entry"), int):
                failed[flag["entry"]].add(flag["check"])
        per_model = self.models[model]
        for entry_id in {m.entry_id for m in matches} | set(failed):
            tally = per_model.setdefault(entry_id, EntryMisses(entry_id))
            tally.drafts += 1
            checks = failed.get(entry_id)
            if checks:
                tally.missing += "missing_term" in checks
                tally.wrong += bool(checks - {"missing_term"})
                tally.segments.append(d.segment_id)
