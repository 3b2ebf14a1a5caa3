"""What the learners hand to the service: the confirmed segments they read and the changes they propose."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from glossary.normalize import form_key
from translate.errors import InputError


@dataclass(frozen=True)
class LearningOptions:
    """How much evidence a proposal needs. Few good proposals beat many noisy ones.

    ``min_segments``: confirmed segments showing the same change. ``min_translators``:
    distinct people who wrote them. ``preferred_share``: the share of the segments whose
    draft held the preferred form where translators replaced it by the same accepted
    variant, before the preferred form is put up for review. ``min_dice``: how
    consistently a source phrase and its translation occur together (Dice coefficient
    over segments) before a new entry is proposed. ``regrowth``: a rejected change
    comes back only once its evidence has grown by this factor. ``max_segments``: the
    most recent confirmed segments read per run, which bounds the cost.
    """

    min_segments: int = 3
    min_translators: int = 1
    preferred_share: float = 0.6
    min_dice: float = 0.8
    regrowth: float = 2.0
    max_segments: int = 5_000

    def checked(self) -> LearningOptions:
        for name in ("min_segments", "min_translators", "max_segments"):
            value = getattr(self, name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 1:
                raise InputError(f"{name} must be a whole number of at least 1, got {value!r}")
        for name in ("preferred_share", "min_dice"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not 0 < value <= 1:
                raise InputError(f"{name} must be a number above 0 and at most 1, got {value!r}")
        if not isinstance(self.regrowth, int | float) or self.regrowth < 1:
            raise InputError(f"regrowth must be a number of at least 1, got {self.regrowth!r}")
        return self


@dataclass(frozen=True)
class ConfirmedSegment:
    """One confirmed or approved segment, in plain text, with who wrote its final text."""

    id: int
    document_id: int
    src: str
    tgt: str
    source: str
    draft: str | None  # the first machine or memory draft; None when the translator started from nothing
    final: str
    translator: int | None
    category: str = ""


@dataclass
class Candidate:
    """A glossary change the evidence supports, before it is stored as a proposal."""

    kind: str
    src_lang: str
    tgt_lang: str
    entry_id: int | None
    source_phrase: str
    form: str
    support: int
    share: float
    evidence: dict[str, Any] = field(default_factory=dict)

    @property
    def change_key(self) -> str:
        """The same change always has the same key, whatever the evidence: what de-duplicates proposals."""
        if self.entry_id is not None:
            key = f"{self.kind}:{self.entry_id}:{self.tgt_lang}:{form_key(self.form)}"
        else:
            key = f"{self.kind}:{self.src_lang}-{self.tgt_lang}:{form_key(self.source_phrase)}"
        return key[:700]

    @property
    def decided_keys(self) -> tuple[str, ...]:
        """Changes whose decision this one must respect: making a form preferred follows the decision
        on adding it as a variant, so accepting a variant does not bring the same evidence straight back."""
        if self.kind == "preferred":
            return self.change_key, self.change_key.replace("preferred:", "variant:", 1)
        return (self.change_key,)


def evidence_of(segments: list[ConfirmedSegment], **extra: Any) -> dict[str, Any]:
    """The evidence every proposal carries: which segments, how many, by whom, in how many articles."""
    ids = sorted(s.id for s in segments)
    translators = sorted({s.translator for s in segments if s.translator is not None})
    return {"segments": ids[:100], "count": len(ids), "translators": translators,
            "documents": len({s.document_id for s in segments}), **extra}
