"""Putting inline markup and glossary terms back into a translated sentence.

The engine translates plain text; the source sentence's ``<strong>``/``<a>``
spans (and glossary term ranges) must then be placed on the target. The
engine's cross-attention gives a rough word alignment; it is only a hint. Real
models align well enough to put a link on the right words; the random-weight
test models produce noise. So the projection is built to be *valid whatever the
alignment*: every span comes back, in order, nested as before, non-empty, on
word boundaries. A bad alignment moves a span to the wrong words; it never loses
a link or produces broken HTML, and the QA checks can still compare tag
sequences.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from translate.text.markup import VOID_TAGS, InlineSpan

SPECIAL_PIECES = frozenset({"</s>", "<s>", "<pad>"})
WORD_START = "▁"
_WORD = re.compile(r"\S+")

Links = Iterable[tuple[int, int]] | None


def _words(text: str) -> list[tuple[int, int]]:
    """Character spans of the whitespace-separated words, the unit that links refer to."""
    return [m.span() for m in _WORD.finditer(text)]


def _piece_words(pieces: Sequence[str]) -> list[int | None] | None:
    """Word index of each piece (None for specials); None if the pieces cannot be read.

    A piece starting with "▁" starts a word. A bare "▁" starts the word whose
    text is in the next piece, and belongs to no word if no such piece follows.
    """
    if any(not isinstance(p, str) for p in pieces):
        return None
    real = [i for i, p in enumerate(pieces) if p not in SPECIAL_PIECES]
    owners: list[int | None] = [None] * len(pieces)
    word = -1
    for n, i in enumerate(real):
        piece = pieces[i]
        if piece == WORD_START:
            following = pieces[real[n + 1]] if n + 1 < len(real) else None
            if following is None or following.startswith(WORD_START):
                continue
        if piece.startswith(WORD_START) or word < 0:
            word += 1
        owners[i] = word
    return owners


def word_alignment(
    source_text: str,
    source_tokens: Sequence[str],
    target_text: str,
    target_tokens: Sequence[str],
    attention: Sequence[Sequence[float]] | None,
) -> list[tuple[int, int]] | None:
    """(source word, target word) links from piece-level attention, or None if the inputs don't line up.

    Words are the whitespace-separated tokens of the texts. Piece attention is
    summed over each source word's pieces and averaged over each target word's
    pieces; each target word is linked to its strongest source word and each
    source word to its strongest target word (the union is more robust than
    either direction alone), unless that word's attention is flat. Rows beyond the target pieces (an end-of-sentence
    step) and columns beyond the source pieces (batch padding) are ignored.
    """
    if attention is None:
        return None
    source_words = _words(source_text)
    target_words = _words(target_text)
    source_owner = _piece_words(source_tokens)
    target_owner = _piece_words(target_tokens)
    if source_owner is None or target_owner is None:
        return None
    if _count(source_owner) != len(source_words) or _count(target_owner) != len(target_words):
        return None
    if len(attention) < len(target_tokens):
        return None
    if not source_words or not target_words:
        return []
    n_src, n_tgt = len(source_words), len(target_words)
    mass = [[0.0] * n_src for _ in range(n_tgt)]
    pieces_per_target = [0] * n_tgt
    for t, t_word in enumerate(target_owner):
        if t_word is None:
            continue
        row = attention[t]
        if len(row) < len(source_tokens):
            return None
        pieces_per_target[t_word] += 1
        for s, s_word in enumerate(source_owner):
            if s_word is None:
                continue
            value = row[s]
            if isinstance(value, (int, float)) and math.isfinite(value) and value > 0:
                mass[t_word][s_word] += float(value)
    for t_word in range(n_tgt):
        if pieces_per_target[t_word]:
            mass[t_word] = [v / pieces_per_target[t_word] for v in mass[t_word]]
    # A word whose attention is flat (all equal) says nothing about where it went: no link.
    links: set[tuple[int, int]] = set()
    for t_word in range(n_tgt):
        row = mass[t_word]
        best = max(range(n_src), key=row.__getitem__)
        if row[best] > sum(row) / n_src:
            links.add((best, t_word))
    for s_word in range(n_src):
        column = [mass[t][s_word] for t in range(n_tgt)]
        best = max(range(n_tgt), key=column.__getitem__)
        if column[best] > sum(column) / n_tgt:
            links.add((s_word, best))
    return sorted(links)


def _count(owners: list[int | None]) -> int:
    seen = [w for w in owners if w is not None]
    return (max(seen) + 1) if seen else 0


# ---------------------------------------------------------------- projection


@dataclass
class _Context:
    source_text: str
    target_text: str
    source_words: list[tuple[int, int]]
    target_words: list[tuple[int, int]]
    # source word -> linked target words
    links: dict[int, set[int]] | None


def _context(source_text: str, target_text: str, links: Links) -> _Context:
    source_words = _words(source_text)
    target_words = _words(target_text)
    table: dict[int, set[int]] | None = None
    if links is not None:
        table = {}
        for link in links:
            try:
                s, t = int(link[0]), int(link[1])
            except (TypeError, ValueError, IndexError):
                continue
            if 0 <= s < len(source_words) and 0 <= t < len(target_words):
                table.setdefault(s, set()).add(t)
    return _Context(source_text, target_text, source_words, target_words, table)


def _desired(ctx: _Context, start: int, end: int, src_parent: tuple[int, int],
             tgt_parent: tuple[int, int]) -> tuple[int, int]:
    """Where the alignment says ``source[start:end]`` went (target characters), before any fixing.

    Falls back to the same relative position inside the parent when the
    alignment is missing or says nothing about these words.
    """
    if ctx.links:
        if start < end:
            covered = [i for i, (a, b) in enumerate(ctx.source_words) if a < end and b > start]
        else:  # an insertion point: follow the word just before it, within the parent
            covered = [i for i, (a, b) in enumerate(ctx.source_words)
                       if a >= src_parent[0] and b <= start][-1:]
            if not covered:
                return tgt_parent[0], tgt_parent[0]
        targets = sorted({t for i in covered for t in ctx.links.get(i, ())})
        if targets:
            lo = ctx.target_words[targets[0]][0]
            hi = ctx.target_words[targets[-1]][1]
            if start == end:
                return hi, hi
            return lo, hi
    s0, s1 = src_parent
    t0, t1 = tgt_parent
    if s1 <= s0:
        return t0, t0 if start == end else t1
    scale = (t1 - t0) / (s1 - s0)
    lo = t0 + round((min(max(start, s0), s1) - s0) * scale)
    hi = t0 + round((min(max(end, s0), s1) - s0) * scale)
    return lo, max(lo, hi)


def _units(ctx: _Context, lo: int, hi: int, needed: int) -> list[tuple[int, int]]:
    """Slots that spans may occupy inside ``[lo, hi)``: words, or characters when words are too few."""
    words = [(max(a, lo), min(b, hi)) for a, b in ctx.target_words if a < hi and b > lo]
    if len(words) >= needed:
        return words
    chars = [(i, i + 1) for i in range(lo, hi) if not ctx.target_text[i].isspace()]
    if len(chars) >= needed:
        return chars
    return [(i, i + 1) for i in range(lo, hi)]


def _place(ctx: _Context, ranges: list[tuple[int, int]], src_parent: tuple[int, int],
           tgt_parent: tuple[int, int]) -> list[tuple[int, int]]:
    """Target ranges for sibling source ranges: in order, disjoint, inside the parent, non-empty when possible."""
    lo, hi = tgt_parent
    nonempty = [b > a for a, b in ranges]
    units = _units(ctx, lo, hi, sum(nonempty))
    n_units = len(units)
    if n_units == 0:
        return [(lo, lo)] * len(ranges)
    # Fewer characters than spans (a one-letter target for three links): the first
    # spans get one each, the rest become empty rather than overlap.
    budget = n_units
    for i, full in enumerate(nonempty):
        if full:
            nonempty[i] = budget > 0
            budget -= 1

    # The alignment's wish for each sibling, in unit indices (inclusive), or a gap index for empties.
    wishes: list[tuple[int, int]] = []
    for (a, b), full in zip(ranges, nonempty, strict=True):
        d0, d1 = _desired(ctx, a, b, src_parent, tgt_parent)
        if full:
            inside = [k for k, (u0, u1) in enumerate(units) if u0 < d1 and u1 > d0]
            if not inside:  # wish lies outside the parent or between units: nearest unit
                nearest = min(range(n_units), key=lambda k: abs(units[k][0] - d0))
                inside = [nearest]
            wishes.append((inside[0], inside[-1]))
        else:
            gap = sum(1 for u0, u1 in units if u1 <= d0)
            wishes.append((gap, gap))

    # Trim overlaps so that an earlier sibling yields to the next one's wish while it keeps a unit.
    full_indices = [i for i, f in enumerate(nonempty) if f]
    for i, j in zip(full_indices, full_indices[1:], strict=False):
        x0, x1 = wishes[i]
        y0, _y1 = wishes[j]
        if x1 >= y0 and y0 - 1 >= x0:
            wishes[i] = (x0, y0 - 1)

    placed: list[tuple[int, int]] = []
    cursor = 0  # first free unit
    remaining = sum(nonempty)
    for (w0, w1), full in zip(wishes, nonempty, strict=True):
        if full:
            remaining -= 1
            last_allowed = n_units - 1 - remaining
            if cursor > last_allowed:  # more non-empty siblings than units: nothing left
                at = units[-1][1]
                placed.append((at, at))
                continue
            x0 = min(max(w0, cursor), last_allowed)
            x1 = min(max(w1, x0), last_allowed)
            placed.append((units[x0][0], units[x1][1]))
            cursor = x1 + 1
        else:
            gap = min(max(w0, cursor), n_units - remaining)
            at = units[gap - 1][1] if gap > 0 else units[0][0]
            placed.append((at, at))
            cursor = gap
    return placed


def _project(ctx: _Context, spans: Sequence[InlineSpan], src_parent: tuple[int, int],
             tgt_parent: tuple[int, int]) -> list[InlineSpan]:
    ranges = []
    for span in spans:
        a = min(max(span.start, src_parent[0]), src_parent[1])
        b = a if span.tag in VOID_TAGS else min(max(span.end, a), src_parent[1])
        ranges.append((a, b))
    placed = _place(ctx, ranges, src_parent, tgt_parent)
    projected = []
    for span, (a, b), (t0, t1) in zip(spans, ranges, placed, strict=True):
        children = _project(ctx, span.children, (a, b), (t0, t1)) if span.children else []
        projected.append(InlineSpan(span.tag, dict(span.attrs), t0, t1, children))
    return projected


def _root(ctx: _Context) -> tuple[tuple[int, int], tuple[int, int]]:
    src = (0, len(ctx.source_text))
    tgt = (ctx.target_words[0][0], ctx.target_words[-1][1]) if ctx.target_words else (0, 0)
    return src, tgt


def project_spans(source_text: str, spans: Sequence[InlineSpan], target_text: str,
                  links: Links) -> list[InlineSpan]:
    """The source sentence's inline spans placed on the target sentence.

    Same spans, order, nesting, tags and attributes; ranges on word boundaries
    where there are enough words; siblings disjoint and in source order; a span
    that was non-empty in the source is non-empty in a non-empty target. With
    ``links=None`` spans keep their relative position.
    """
    ctx = _context(source_text, target_text, links)
    src, tgt = _root(ctx)
    return _project(ctx, spans, src, tgt)


def project_range(source_text: str, start: int, end: int, target_text: str, links: Links) -> tuple[int, int]:
    """Where ``source_text[start:end]`` (a glossary term, say) went in the target, on word boundaries."""
    ctx = _context(source_text, target_text, links)
    src, tgt = _root(ctx)
    a = min(max(start, 0), len(source_text))
    b = min(max(end, a), len(source_text))
    return _place(ctx, [(a, b)], src, tgt)[0]
