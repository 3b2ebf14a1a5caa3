"""Source phrases translated the same way over and over while no glossary entry covers them.

Over confirmed segments of one direction, every source phrase (2–5 Vietnamese
syllables, 1–4 English words) outside the glossary's matches and every target
phrase (1–5 words) outside the accepted forms found in the final text is indexed
by the segments it occurs in. Phrases occurring in exactly the same segments are
one group, represented by its longest phrase (a group with two unrelated longest
phrases is ambiguous and dropped). A source group and a target group are paired
when they occur together in at least ``min_segments`` segments with a Dice
coefficient of at least ``min_dice``, and each is the other's best partner; and
in at least ``min_segments`` of those segments the machine draft did not already
say it (what MT gets right on its own needs no entry).
Sentence-level co-occurrence, no word alignment: it needs no model, and the strict
thresholds keep it precise.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable

from glossary.matcher import Matcher, find_in_target
from translate.desk.term_learning.candidates import Candidate, ConfirmedSegment, LearningOptions, evidence_of
from translate.desk.term_learning.tables import KIND_ENTRY
from translate.desk.term_learning.words import Word, has_letter, is_stopword, joined, words

SOURCE_LENGTHS = {"vi": (2, 5), "en": (1, 4)}  # a Vietnamese word is usually two syllables
TARGET_LENGTHS = {"vi": (1, 5), "en": (1, 5)}

Phrase = tuple[str, ...]
Runs = list[list[str]]  # a text's word keys, cut wherever a phrase may not continue


def runs(text: str, blocked: list[tuple[int, int]]) -> Runs:
    """The text's words in runs a phrase may span: cut at punctuation and around ``blocked`` spans."""
    out: Runs = []
    current: list[str] = []
    previous: Word | None = None
    for w in words(text):
        if any(w.start < e and w.end > s for s, e in blocked):
            current, previous = [], None
            continue
        if previous is not None and not joined(text, previous, w):
            current = []
        if not current:
            out.append(current)
        current.append(w.key)
        previous = w
    return out


def frequent_phrases(docs: list[tuple[int, Runs]], lang: str, lengths: tuple[int, int],
                     min_df: int) -> dict[Phrase, list[int]]:
    """Content phrases occurring in at least ``min_df`` segments, with those segments.

    Counted level by level (Apriori): a word sequence can only be that frequent if
    both its shorter halves are, so each level counts only the extensions of the
    last level's frequent sequences, and memory follows what recurs rather than
    every n-gram of every segment.
    """
    shortest, longest = lengths
    out: dict[Phrase, list[int]] = {}
    previous: set[Phrase] = set()
    for n in range(1, longest + 1):
        found: dict[Phrase, list[int]] = defaultdict(list)
        for seg_id, text_runs in docs:
            seen: set[Phrase] = set()
            for run in text_runs:
                for i in range(len(run) - n + 1):
                    gram = tuple(run[i:i + n])
                    if gram in seen or (n > 1 and (gram[:-1] not in previous or gram[1:] not in previous)):
                        continue
                    seen.add(gram)
                    found[gram].append(seg_id)
        previous = {gram for gram, ids in found.items() if len(ids) >= min_df}
        if not previous:
            break
        for gram in previous:
            if n >= shortest and all(not is_stopword(k, lang) and has_letter(k) for k in (gram[0], gram[-1])):
                out[gram] = found[gram]
    return out


def surface(text: str, phrase: Phrase) -> str | None:
    """The phrase as written in ``text`` (case, tone marks and all)."""
    ws = words(text)
    n = len(phrase)
    for i in range(len(ws) - n + 1):
        if tuple(w.key for w in ws[i:i + n]) == phrase:
            return text[ws[i].start:ws[i + n - 1].end]
    return None


def contains(longer: Phrase, shorter: Phrase) -> bool:
    n = len(shorter)
    return n < len(longer) and any(longer[i:i + n] == shorter for i in range(len(longer) - n + 1))


class PhraseMiner:
    """Keeps each segment's phrase runs as segments are added; then proposes new entries."""

    def __init__(self, options: LearningOptions, claimed: Callable[[str, str], int | None]) -> None:
        self.options = options
        self.claimed = claimed
        self.sources: dict[tuple[str, str], list[tuple[int, Runs]]] = defaultdict(list)
        self.targets: dict[tuple[str, str], list[tuple[int, Runs]]] = defaultdict(list)
        self.segments: dict[int, ConfirmedSegment] = {}

    def add(self, seg: ConfirmedSegment, matcher: Matcher) -> None:
        if not seg.final.strip():
            return
        matches = matcher.find(seg.source)
        src_blocked = [(m.start, m.end) for m in matches]
        tgt_blocked = [span for m in matches for span in find_in_target(seg.final, m.targets, seg.tgt)]
        self.segments[seg.id] = seg
        self.sources[(seg.src, seg.tgt)].append((seg.id, runs(seg.source, src_blocked)))
        self.targets[(seg.src, seg.tgt)].append((seg.id, runs(seg.final, tgt_blocked)))

    @staticmethod
    def groups(index: dict[Phrase, list[int]]) -> dict[frozenset[int], Phrase]:
        """Segment set -> its one longest phrase; sets with two unrelated longest phrases are dropped."""
        by_set: dict[frozenset[int], list[Phrase]] = defaultdict(list)
        for phrase, segs in index.items():
            by_set[frozenset(segs)].append(phrase)
        out = {}
        for segs, members in by_set.items():
            longest = [p for p in members if not any(contains(q, p) for q in members)]
            if len(longest) == 1:
                out[segs] = longest[0]
        return out

    def candidates(self) -> list[Candidate]:
        out: list[Candidate] = []
        least = self.options.min_segments
        for (src, tgt), docs in self.sources.items():
            src_groups = self.groups(frequent_phrases(docs, src, SOURCE_LENGTHS[src], least))
            if not src_groups:
                continue
            tgt_groups = self.groups(frequent_phrases(self.targets[(src, tgt)], tgt, TARGET_LENGTHS[tgt], least))
            containing: dict[int, list[frozenset[int]]] = defaultdict(list)
            for segs in tgt_groups:
                for seg_id in segs:
                    containing[seg_id].append(segs)
            scored: list[tuple[float, int, frozenset[int], frozenset[int]]] = []
            for s_segs in src_groups:
                overlap: Counter = Counter()
                for seg_id in s_segs:
                    overlap.update(containing[seg_id])
                for t_segs, both in overlap.items():
                    dice = 2 * both / (len(s_segs) + len(t_segs))
                    if both >= self.options.min_segments and dice >= self.options.min_dice:
                        scored.append((dice, both, s_segs, t_segs))
            best_src: dict[frozenset[int], tuple] = {}
            best_tgt: dict[frozenset[int], tuple] = {}
            for item in scored:
                dice, both, s_segs, t_segs = item
                rank = (dice, both, len(tgt_groups[t_segs]))
                if s_segs not in best_src or rank > best_src[s_segs][0]:
                    best_src[s_segs] = (rank, item)
                rank_t = (dice, both, len(src_groups[s_segs]))
                if t_segs not in best_tgt or rank_t > best_tgt[t_segs][0]:
                    best_tgt[t_segs] = (rank_t, item)
            for s_segs, (_rank, item) in best_src.items():
                dice, both, _, t_segs = item
                if best_tgt[t_segs][1] is not item:
                    continue
                candidate = self.candidate(src, tgt, src_groups[s_segs], tgt_groups[t_segs], s_segs, t_segs, dice)
                if candidate is not None:
                    out.append(candidate)
        return out

    def candidate(self, src: str, tgt: str, src_phrase: Phrase, tgt_phrase: Phrase, s_segs: frozenset[int],
                  t_segs: frozenset[int], dice: float) -> Candidate | None:
        if self.claimed(src, " ".join(src_phrase)) is not None or self.claimed(tgt, " ".join(tgt_phrase)) is not None:
            return None  # a live entry (perhaps a proposal) already has one of the forms
        segs = [self.segments[i] for i in sorted(s_segs & t_segs)]
        translators = {s.translator for s in segs if s.translator is not None}
        if len(translators) < self.options.min_translators:
            return None
        # Only what the machine got wrong is worth an entry: general words it already translates
        # that way ("bệnh viện" = "hospital") would bury the real terms.
        fixed = [s for s in segs if s.draft is not None and surface(s.draft, tgt_phrase) is None]
        if len(fixed) < self.options.min_segments:
            return None
        categories = Counter(s.category for s in segs)
        sources = Counter(surface(s.source, src_phrase) for s in segs)
        forms = Counter(surface(s.final, tgt_phrase) for s in segs)
        sources.pop(None, None)
        forms.pop(None, None)
        if not sources or not forms:
            return None
        return Candidate(
            kind=KIND_ENTRY, src_lang=src, tgt_lang=tgt, entry_id=None,
            source_phrase=sources.most_common(1)[0][0],
            form=forms.most_common(1)[0][0], support=len(segs), share=round(dice, 3),
            evidence=evidence_of(segs, source_count=len(s_segs), target_count=len(t_segs), fixed=len(fixed),
                                 category=categories.most_common(1)[0][0]))
