"""The engine interface: a batch of sentences in, hypotheses with scores out.

Backends differ in speed, not in contract: both return the target pieces and,
when asked, a target x source attention matrix that the pipeline uses to put
inline tags and glossary terms back in the right place.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class DecodingSettings:
    """Everything about decoding that changes the output (and so goes into the signature)."""

    beam_size: int = 4
    length_penalty: float = 1.0
    max_length_ratio: float = 2.0
    max_length_extra: int = 10
    max_length_cap: int = 512
    # Forcing a fixed output length is for the benchmark only.
    fixed_length: int | None = None

    def max_length(self, source_tokens: int) -> int:
        if self.fixed_length is not None:
            return self.fixed_length
        return min(self.max_length_cap, int(source_tokens * self.max_length_ratio) + self.max_length_extra)

    def signature(self) -> str:
        parts = [f"beam:{self.beam_size}", f"lp:{self.length_penalty:g}",
                 f"maxlen:{self.max_length_ratio:g}x+{self.max_length_extra}"]
        if self.fixed_length is not None:
            parts.append(f"fixedlen:{self.fixed_length}")
        return "|".join(parts)


@dataclass(frozen=True)
class TermConstraint:
    """One glossary term a sentence must hold: where it is in the source, what it must become.

    ``start``/``end`` are character offsets into the sentence sent to the engine.
    ``targets`` are accepted target forms, preferred first; ``forbidden`` must never appear.
    """

    start: int
    end: int
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    entry_id: int | None = None
    kind: str = "term"


@dataclass
class Hypothesis:
    text: str
    score: float
    source_tokens: list[str]
    target_tokens: list[str]
    # attention[t][s]: weight of source token s for target token t (None unless asked for)
    attention: list[list[float]] | None = None
    extra: dict = field(default_factory=dict)


class Engine(ABC):
    """A loaded model for one direction. Loading is expensive: keep one per process."""

    name: str  # "ctranslate2" | "transformers"
    version: str  # backend library version
    device: str
    compute_type: str
    tokenizer: Any  # transformers.MarianTokenizer over the checkpoint's SentencePiece models

    def __init__(self, model) -> None:  # model: models.registry.InstalledModel
        self.model = model

    def tokenize(self, sentence: str) -> list[str]:
        """Source pieces, including the end-of-sentence token the model expects.

        Both backends read the checkpoint's own SentencePiece models through a
        ``MarianTokenizer`` (``self.tokenizer``), so pieces are identical across them.
        """
        return self.tokenizer.convert_ids_to_tokens(self.tokenizer.encode(sentence))

    def forbidden_ids(self, constraints: list[list[TermConstraint]] | None) -> list[list[int]]:
        """Target-side token ids of every forbidden form in the batch, for the decoder to avoid."""
        forms = sorted({f for cons in constraints or [] for c in cons for f in c.forbidden})
        seqs = (self.tokenizer(text_target=f, add_special_tokens=False)["input_ids"] for f in forms)
        return [seq for seq in seqs if seq]

    @abstractmethod
    def translate_batch(
        self,
        sentences: list[str],
        settings: DecodingSettings,
        constraints: list[list[TermConstraint]] | None = None,
        with_attention: bool = False,
        source_tokens: list[list[str]] | None = None,
        target_prefix: list[list[str]] | None = None,
    ) -> list[Hypothesis]:
        """Translate ``sentences`` in one batch, in order.

        ``source_tokens`` (from :meth:`tokenize`) saves tokenizing twice when the caller already did.
        ``target_prefix`` (target pieces per sentence, from :meth:`target_pieces`) forces the start of
        each output; the model finishes the sentence (how a term is placed by the model). Every
        hypothesis says in ``extra["finished"]`` whether it ended with end-of-sentence rather than
        at the length limit.
        """

    def target_pieces(self, text: str) -> list[str]:
        """The target-side pieces of ``text`` (no end-of-sentence): a decoder prefix or a text to score."""
        ids = self.tokenizer(text_target=text, add_special_tokens=False)["input_ids"]
        return self.tokenizer.convert_ids_to_tokens(ids)

    def score_batch(self, source_tokens: list[list[str]], target_pieces: list[list[str]]) -> list[float]:
        """The model's length-normalised log-probability of each target given its source.

        The mean log-probability per target piece, end-of-sentence included, from one
        teacher-forced pass: the same yardstick for a draft, a repaired output and an
        output the model finished after a forced prefix, whichever backend made them.
        """
        from translate.errors import EngineError

        raise EngineError(f"the {self.name} engine cannot score translations")

    def signature(self) -> str:
        m = self.model
        parts = [
            f"engine:{self.name}-{self.version}",
            f"model:{m.model_id}@{m.revision}",
            f"compute:{self.compute_type}",
            f"device:{self.device}",
        ]
        if m.test:
            parts.append("test-model:yes")
        return "|".join(parts)
