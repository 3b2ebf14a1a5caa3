"""Terms placed by the model: the ``decode`` term strategy (``SONGNGU_TERM_STRATEGY=decode``).

Repair (``terms.py``) writes a required term the draft lacks over the target words
aligned to the source term. With a real model that can break the sentence around
it: an article or a verb that no longer fits, the replaced words' meaning lost. The
decode strategy lets the model put the term in: the draft is cut at a few candidate
places (where the source term aligns, the end of the aligned words, one word
before, one after), the term is forced after the cut as a decoder prefix, the model
finishes the sentence, and the candidate the model scores best (mean log-probability
per piece, one teacher-forced pass) wins, if it holds every required term exactly
as often as the source asks and ends the way a full decode ends. Otherwise the
draft goes to repair as before, and the segment's record says so.

Several missing terms in one sentence are placed one at a time, in source order,
each round starting from the previous round's winner with its placed term kept in
the prefix (up to ``MAX_TERMS``; a sentence missing more goes to repair whole).
All candidates of a round, across the article, go to the engine in one batched
call and are scored in one more, so the cost grows with rounds, not sentences.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from translate.engines.base import DecodingSettings, Engine, Hypothesis, TermConstraint

MAX_POSITIONS = 4  # candidate cuts per missing term
MAX_TERMS = 3  # terms placed by decoding per sentence; more and the sentence is repaired
CALL_SIZE = 64  # candidates per engine call
MIN_LENGTH_RATIO = 0.5  # a candidate shorter than half the draft dropped part of the sentence
MAX_LENGTH_RATIO = 1.5  # ... and one much longer than the draft plus the term is rambling
ENDINGS = ".!?…:;\"'”’)»"
_WORD = re.compile(r"\S+")


@dataclass
class _State:
    """One sentence being worked on: its current best text and what is known about it."""

    index: int
    source: str
    draft: Hypothesis
    constraints: list[TermConstraint]
    current: Hypothesis
    links: list | None
    record: dict
    floor: int = 0  # offset in the current text after the last term placed by the model
    rounds: int = 0
    rejected: dict[str, int] = field(default_factory=dict)


@dataclass
class _Candidate:
    state: _State
    constraint: TermConstraint
    prefix_text: str
    prefix: list[str]
    term_pieces: int


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


class TermPlacer:
    """Places the missing required terms of a batch of drafts by constrained decoding."""

    def __init__(self, engine: Engine, decoding: DecodingSettings, tgt: str) -> None:
        self.engine = engine
        self.decoding = decoding
        self.tgt = tgt

    # -- counting terms -------------------------------------------------------
    def _find(self, text: str, forms: Sequence[str]) -> list[tuple[int, int]]:
        from glossary.matcher import find_in_target

        return find_in_target(text, forms, self.tgt) if forms else []

    def _counts(self, text: str, constraints: list[TermConstraint]) -> dict[tuple[str, ...], int]:
        """Occurrences per term, a forbidden form counting as the term (repair swaps it in place)."""
        out: dict[tuple[str, ...], int] = {}
        for c in constraints:
            if c.targets not in out:
                forbidden = sorted({f for d in constraints if d.targets == c.targets for f in d.forbidden})
                out[c.targets] = len(self._find(text, c.targets)) + len(self._find(text, forbidden))
        return out

    def missing(self, text: str, constraints: list[TermConstraint]) -> list[TermConstraint]:
        """The constraints the text does not hold, in source order (the last occurrences of a term first missing)."""
        counts = self._counts(text, constraints)
        out = []
        for c in sorted(constraints, key=lambda c: c.start):
            if counts[c.targets] > 0:
                counts[c.targets] -= 1
            else:
                out.append(c)
        return out

    def _occupied(self, text: str, constraints: list[TermConstraint]) -> list[tuple[int, int]]:
        forms = sorted({f for c in constraints for f in (*c.targets, *c.forbidden)})
        return self._find(text, forms)

    # -- candidates -----------------------------------------------------------
    def cuts(self, state: _State, c: TermConstraint) -> list[int]:
        """Where to cut the current text before forcing the term: aligned place first, then its neighbours."""
        from translate.text.align import project_range

        text = _nfc(state.current.text)
        s, e = project_range(state.source, c.start, c.end, text, state.links)
        starts = [m.start() for m in _WORD.finditer(text)] + [len(text)]
        at = next(b for b in starts if b >= s)
        after = next(b for b in starts if b >= max(e, at + 1)) if at < len(text) else at
        before = max((b for b in starts if b < at), default=None)
        beyond = next((b for b in starts if b > after), None)
        occupied = self._occupied(text, state.constraints)
        out: list[int] = []
        for b in (at, after, before, beyond):
            if b is None or b in out or b < state.floor:
                continue
            if any(ts < b < te for ts, te in occupied):  # never cut through a term
                continue
            out.append(b)
        return out[:MAX_POSITIONS]

    def candidates(self, state: _State, c: TermConstraint) -> list[_Candidate]:
        text = _nfc(state.current.text)
        form = c.targets[0]
        limit = self.decoding.max_length(len(state.draft.source_tokens))
        out = []
        term_pieces = len(self.engine.target_pieces(form))
        for cut in self.cuts(state, c):
            head = text[:cut].rstrip()
            term = form
            if not head and form[:1].islower() and text[:1].isupper():
                term = form[:1].upper() + form[1:]
            prefix_text = f"{head} {term}" if head else term
            pieces = self.engine.target_pieces(prefix_text)
            if len(pieces) >= limit - 1:  # no room left for the model to finish the sentence
                continue
            out.append(_Candidate(state, c, prefix_text, pieces, term_pieces))
        return out

    # -- checking -------------------------------------------------------------
    def reject_reason(self, cand: _Candidate, hyp: Hypothesis) -> str | None:
        """Why this finished candidate may not replace the current text; None when it may."""
        state = cand.state
        text = _nfc(hyp.text)
        if not hyp.extra.get("finished", False):
            return "cut at the length limit"
        draft_text = _nfc(state.draft.text).rstrip()
        if draft_text[-1:] in ENDINGS and text.rstrip()[-1:] not in ENDINGS:
            return "does not end like a full sentence"
        d, n = len(state.draft.target_tokens), len(hyp.target_tokens)
        if n < MIN_LENGTH_RATIO * d:
            return "shorter than half the draft"
        if n > MAX_LENGTH_RATIO * d + cand.term_pieces + 2:
            return "much longer than the draft"
        required: dict[tuple[str, ...], int] = {}
        for c in state.constraints:
            required[c.targets] = required.get(c.targets, 0) + 1
        before = self._counts(_nfc(state.current.text), state.constraints)
        drafted = self._counts(_nfc(state.draft.text), state.constraints)
        after = self._counts(text, state.constraints)
        for key, count in after.items():
            if count > max(required[key], drafted[key]):
                return "a term twice"
            if count < before[key]:
                return "a term lost"
        if after[cand.constraint.targets] <= before[cand.constraint.targets]:
            return "the term is not whole in the output"
        return None

    # -- the rounds -----------------------------------------------------------
    def place(self, sources: list[str], drafts: list[Hypothesis], constraints: list[list[TermConstraint]],
              links: list) -> list[tuple[Hypothesis | None, dict | None]]:
        """For each draft: the model-finished hypothesis holding every required term (or None) and its record.

        None with a record means the draft goes to repair; None without one means no term was missing.
        """
        results: list[tuple[Hypothesis | None, dict | None]] = [(None, None)] * len(drafts)
        active: list[_State] = []
        for i, (source, draft, cons, lk) in enumerate(zip(sources, drafts, constraints, links, strict=True)):
            if not cons or not draft.text.strip():
                continue
            missing = self.missing(_nfc(draft.text), cons)
            if not missing:
                continue
            record = {"strategy": "decode", "missing": [c.entry_id for c in missing], "placed_by": None,
                      "reason": None, "rounds": 0, "candidates": 0, "draft_score": None, "score": None}
            results[i] = (None, record)
            state = _State(i, source, draft, cons, draft, lk, record)
            if draft.extra.get("chunks"):
                self._fall_back(state, "a long sentence translated in pieces")
            elif len(missing) > MAX_TERMS:
                self._fall_back(state, f"more than {MAX_TERMS} terms missing")
            else:
                active.append(state)
        first = True
        while active:
            active = self._round(active, first, results)
            first = False
        return results

    def _fall_back(self, state: _State, reason: str) -> None:
        state.record.update(placed_by="repair", reason=reason)
        if state.rejected:
            state.record["rejected"] = dict(state.rejected)

    def _round(self, states: list[_State], first: bool, results: list) -> list[_State]:
        """One round: the next missing term of every active sentence, all candidates in one batch."""
        cands: list[_Candidate] = []
        for state in states:
            c = self.missing(_nfc(state.current.text), state.constraints)[0]
            mine = self.candidates(state, c)
            state.rounds += 1
            state.record["rounds"] = state.rounds
            state.record["candidates"] += len(mine)
            cands.extend(mine)
        hyps = self._decode(cands)
        good: list[tuple[_Candidate, Hypothesis]] = []
        for cand, hyp in zip(cands, hyps, strict=True):
            reason = self.reject_reason(cand, hyp)
            if reason is None:
                good.append((cand, hyp))
            else:
                cand.state.rejected[reason] = cand.state.rejected.get(reason, 0) + 1
        drafts_to_score = [s for s in states if first]
        scores = self.engine.score_batch(
            [c.state.draft.source_tokens for c, _ in good] + [s.draft.source_tokens for s in drafts_to_score],
            [h.target_tokens for _, h in good] + [s.draft.target_tokens for s in drafts_to_score])
        for state, score in zip(drafts_to_score, scores[len(good):], strict=True):
            state.record["draft_score"] = round(score, 4)
        best: dict[int, tuple[float, _Candidate, Hypothesis]] = {}
        for (cand, hyp), score in zip(good, scores, strict=False):
            held = best.get(cand.state.index)
            if held is None or score > held[0]:
                best[cand.state.index] = (score, cand, hyp)
        from translate.text import align

        nxt = []
        for state in states:
            if state.index not in best:
                self._fall_back(state, "no candidate held every term")
                continue
            score, cand, hyp = best[state.index]
            text = _nfc(hyp.text)
            state.current = hyp
            state.links = align.word_alignment(state.source, hyp.source_tokens, text, hyp.target_tokens,
                                               hyp.attention)
            state.floor = min(len(cand.prefix_text), len(text))  # the placed term stays in later prefixes
            state.record["score"] = round(score, 4)
            if not self.missing(text, state.constraints):
                state.record["placed_by"] = "model"
                if state.rejected:
                    state.record["rejected"] = dict(state.rejected)
                results[state.index] = (hyp, state.record)
            elif state.rounds >= MAX_TERMS:
                self._fall_back(state, f"more than {MAX_TERMS} rounds")
            else:
                nxt.append(state)
        return nxt

    def _decode(self, cands: list[_Candidate]) -> list[Hypothesis]:
        """The model's finish of every candidate prefix, length-sorted, in as few engine calls as fit."""
        order = sorted(range(len(cands)), key=lambda i: len(cands[i].state.draft.source_tokens))
        out: list[Hypothesis | None] = [None] * len(cands)
        for lo in range(0, len(order), CALL_SIZE):
            part = [cands[i] for i in order[lo:lo + CALL_SIZE]]
            hyps = self.engine.translate_batch(
                [c.state.source for c in part], self.decoding, [c.state.constraints for c in part],
                with_attention=True, source_tokens=[c.state.draft.source_tokens for c in part],
                target_prefix=[c.prefix for c in part])
            for i, hyp in zip(order[lo:lo + CALL_SIZE], hyps, strict=True):
                out[i] = hyp
        return out  # type: ignore[return-value]


def hold_by_strategy(strategy: str, engine: Engine, decoding: DecodingSettings, tgt: str, sources: list[str],
                     drafts: list[Hypothesis], constraints: list[list[TermConstraint]]
                     ) -> list[tuple[Hypothesis, list | None, dict | None]]:
    """Each draft as the pipeline should hold it: the hypothesis, its word links, and what placed the terms.

    With ``repair`` the draft is kept (repair follows in ``TermHolder.hold``) and the
    record only names the missing terms; with ``decode`` the model places them first.
    """
    from translate.text import align

    links = [align.word_alignment(s, h.source_tokens, _nfc(h.text), h.target_tokens, h.attention)
             for s, h in zip(sources, drafts, strict=True)]
    placer = TermPlacer(engine, decoding, tgt)
    if strategy == "decode":
        placed = placer.place(sources, drafts, constraints, links)
    else:
        placed = []
        for draft, cons in zip(drafts, constraints, strict=True):
            missing = placer.missing(_nfc(draft.text), cons) if cons and draft.text.strip() else []
            placed.append((None, {"strategy": "repair", "missing": [c.entry_id for c in missing],
                                  "placed_by": "repair"} if missing else None))
    out = []
    for source, draft, lk, (hyp, record) in zip(sources, drafts, links, placed, strict=True):
        if hyp is None:
            out.append((draft, lk, record))
        else:
            text = _nfc(hyp.text)
            out.append((hyp, align.word_alignment(source, hyp.source_tokens, text, hyp.target_tokens,
                                                  hyp.attention), record))
    return out
