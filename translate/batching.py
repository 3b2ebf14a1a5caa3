"""Feeding sentences to an engine efficiently and safely.

Sentences are deduplicated and served from a cache when seen before, over-long
ones are split at clause or word boundaries (never truncated: a model silently
drops what is past its limit), and the rest go in length-sorted batches so
little time is spent on padding.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, replace

from translate.engines.base import DecodingSettings, Engine, Hypothesis, TermConstraint

CLAUSE_BREAK = re.compile(r"[,;:–—](?=\s)|\s")


class LRUCache:
    """A small thread-safe LRU map; identical sentences are common in news (datelines, credits)."""

    def __init__(self, size: int = 20000) -> None:
        self.size = size
        self._data: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key):
        with self._lock:
            value = self._data.get(key)
            if value is None:
                self.misses += 1
                return None
            self._data.move_to_end(key)
            self.hits += 1
            return value

    def put(self, key, value) -> None:
        with self._lock:
            self._data[key] = value
            self._data.move_to_end(key)
            while len(self._data) > self.size:
                self._data.popitem(last=False)


@dataclass
class _Piece:
    """One engine input: a whole sentence or a chunk of an over-long one."""

    owner: int
    text: str
    constraints: list[TermConstraint]
    tokens: list[str]


def _constraint_key(cons: list[TermConstraint]) -> tuple:
    return tuple((c.start, c.end, c.targets, c.forbidden) for c in cons)


def split_points(text: str, constraints: list[TermConstraint]) -> list[int]:
    """Offsets where a long sentence may be cut: after clause punctuation or at spaces, outside terms."""
    inside = [(c.start, c.end) for c in constraints]
    points = []
    for m in CLAUSE_BREAK.finditer(text):
        pos = m.end()
        if 0 < pos < len(text) and not any(s < pos < e for s, e in inside):
            points.append(pos)
    return points


def _shift(cons: list[TermConstraint], start: int, end: int) -> list[TermConstraint]:
    return [replace(c, start=c.start - start, end=c.end - start) for c in cons if c.start >= start and c.end <= end]


class Batcher:
    def __init__(
        self,
        engine: Engine,
        decoding: DecodingSettings,
        max_batch_tokens: int = 2048,
        max_batch_size: int = 32,
        max_source_tokens: int = 200,
        cache: LRUCache | None = None,
    ) -> None:
        self.engine = engine
        self.decoding = decoding
        self.max_batch_tokens = max_batch_tokens
        self.max_batch_size = max_batch_size
        self.max_source_tokens = max_source_tokens
        self.cache = cache if cache is not None else LRUCache()
        self.splits = 0

    def _chunks(self, owner: int, text: str, cons: list[TermConstraint]) -> list[_Piece]:
        tokens = self.engine.tokenize(text)
        if len(tokens) <= self.max_source_tokens:
            return [_Piece(owner, text, cons, tokens)]
        points = split_points(text, cons)
        if not points:  # one enormous "word": cut by characters, the only option left
            points = [len(text) // 2]
        clause = [p for p in points if text[p - 1] in ",;:–—" or (p >= 2 and text[p - 2] in ",;:–—")]
        pool = clause or points
        mid = len(text) // 2
        cut = min(pool, key=lambda p: abs(p - mid))
        if not 0 < cut < len(text):
            return [_Piece(owner, text, cons, tokens)]
        self.splits += 1
        left_text = text[:cut].rstrip()
        right_start = cut + (len(text[cut:]) - len(text[cut:].lstrip()))
        return self._chunks(owner, left_text, _shift(cons, 0, len(left_text))) + self._chunks(
            owner, text[right_start:], _shift(cons, right_start, len(text))
        )

    def _batches(self, pieces: list[_Piece]) -> list[list[int]]:
        order = sorted(range(len(pieces)), key=lambda i: len(pieces[i].tokens))
        batches: list[list[int]] = []
        current: list[int] = []
        for i in order:
            longest = len(pieces[i].tokens)  # sorted ascending: the newest is the longest
            if current and ((len(current) + 1) * longest > self.max_batch_tokens or len(current) >= self.max_batch_size):
                batches.append(current)
                current = []
            current.append(i)
        if current:
            batches.append(current)
        return batches

    def translate(
        self,
        texts: list[str],
        constraints: list[list[TermConstraint]] | None = None,
        with_attention: bool = False,
    ) -> list[tuple[Hypothesis, bool]]:
        """One hypothesis per text, in order, each with ``True`` when it came from the cache."""
        constraints = constraints or [[] for _ in texts]
        prefix = (self.engine.signature(), self.decoding.signature(), with_attention)
        keys = [(prefix, t, _constraint_key(c)) for t, c in zip(texts, constraints, strict=True)]
        results: list[tuple[Hypothesis, bool] | None] = [None] * len(texts)
        todo: dict[tuple, list[int]] = {}
        for i, key in enumerate(keys):
            hit = self.cache.get(key)
            if hit is not None:
                results[i] = (hit, True)
            else:
                todo.setdefault(key, []).append(i)
        pieces: list[_Piece] = []
        owners = list(todo.values())
        for owner, idxs in enumerate(owners):
            first = idxs[0]
            pieces.extend(self._chunks(owner, texts[first], constraints[first]))
        hyps: list[Hypothesis | None] = [None] * len(pieces)
        for batch in self._batches(pieces):
            out = self.engine.translate_batch(
                [pieces[i].text for i in batch],
                self.decoding,
                [pieces[i].constraints for i in batch],
                with_attention=with_attention,
                source_tokens=[pieces[i].tokens for i in batch],
            )
            for i, hyp in zip(batch, out, strict=True):
                hyps[i] = hyp
        for owner, idxs in enumerate(owners):
            parts = [hyps[i] for i, p in enumerate(pieces) if p.owner == owner]
            merged = merge_hypotheses(parts)  # type: ignore[arg-type]
            self.cache.put(keys[idxs[0]], merged)
            for n, i in enumerate(idxs):
                results[i] = (merged, n > 0)
        return results  # type: ignore[return-value]


def merge_hypotheses(parts: list[Hypothesis]) -> Hypothesis:
    """Join the translations of an over-long sentence's chunks back into one hypothesis.

    Attention becomes block-diagonal; the end-of-sentence token of every chunk but
    the last is dropped so source pieces line up with the whole sentence.
    """
    if len(parts) == 1:
        return parts[0]
    src_tokens: list[str] = []
    tgt_tokens: list[str] = []
    blocks = []
    for n, h in enumerate(parts):
        keep = len(h.source_tokens)
        if n < len(parts) - 1 and h.source_tokens and h.source_tokens[-1] == "</s>":
            keep -= 1
        blocks.append((len(src_tokens), keep, h))
        src_tokens.extend(h.source_tokens[:keep])
        tgt_tokens.extend(h.target_tokens)
    attention = None
    if all(h.attention is not None for h in parts):
        attention = []
        for offset, keep, h in blocks:
            for row in h.attention:  # type: ignore[union-attr]
                full = [0.0] * len(src_tokens)
                full[offset : offset + keep] = row[:keep]
                attention.append(full)
    return Hypothesis(
        text=" ".join(h.text for h in parts if h.text),
        score=sum(h.score for h in parts) / len(parts),
        source_tokens=src_tokens,
        target_tokens=tgt_tokens,
        attention=attention,
        extra={"chunks": len(parts)},
    )
