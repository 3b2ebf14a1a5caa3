"""Training pairs for adaptation: cleaned, each pair once, long ones out, held-out split by article.

The pairs come from whoever has them (the desk's approved segments, a TSV); this
module only knows plain ``(source, target, group, date)`` records. Splitting by
*group* (the article) is what keeps the held-out score honest: sentences of one
article share names and phrasing, so an article is either all training or all
held-out, and a pair that occurs in a held-out article never trains.
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime

MAX_CHARS = 400  # longer sentences are rare, costly to train on, and often two sentences glued together
MAX_RATIO = 3.0  # a pair whose sides differ this much in length is more likely misaligned than translated


@dataclass(frozen=True)
class Pair:
    source: str
    target: str
    group: str = ""  # the article it came from
    date: datetime | None = None  # when it was approved


@dataclass
class Dataset:
    train: list[Pair]
    heldout: list[Pair]
    dropped_long: int = 0
    dropped_duplicates: int = 0
    dropped_empty: int = 0

    def describe(self) -> dict:
        """What the provenance keeps: sizes, groups, the dates the pairs span, what was filtered out."""
        dates = [p.date for p in (*self.train, *self.heldout) if p.date is not None]
        return {
            "train_pairs": len(self.train),
            "heldout_pairs": len(self.heldout),
            "train_articles": len({p.group for p in self.train}),
            "heldout_articles": len({p.group for p in self.heldout}),
            "date_from": min(dates).isoformat(timespec="seconds") if dates else None,
            "date_to": max(dates).isoformat(timespec="seconds") if dates else None,
            "dropped_long": self.dropped_long,
            "dropped_duplicates": self.dropped_duplicates,
            "dropped_empty": self.dropped_empty,
        }


def clean(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def prepare(pairs: list[Pair], *, heldout_share: float = 0.1, min_heldout: int = 1, max_chars: int = MAX_CHARS,
            seed: int = 1234) -> Dataset:
    """Clean, filter and deduplicate ``pairs``, then split them by group into training and held-out.

    Whole groups go to the held-out side (chosen at random with ``seed``) until it
    holds ``heldout_share`` of the pairs and at least ``min_heldout`` groups. A pair
    seen in a held-out group is removed from training, so nothing leaks.
    """
    kept: list[Pair] = []
    seen: set[tuple[str, str]] = set()
    long = dup = empty = 0
    for p in pairs:
        src, tgt = clean(p.source), clean(p.target)
        if not src or not tgt:
            empty += 1
            continue
        if len(src) > max_chars or len(tgt) > max_chars or \
                max(len(src), len(tgt)) > MAX_RATIO * min(len(src), len(tgt)) + 10:
            long += 1
            continue
        key = (src, tgt)
        if key in seen:
            dup += 1
            continue
        seen.add(key)
        kept.append(Pair(src, tgt, p.group, p.date))
    groups = sorted({p.group for p in kept})
    random.Random(seed).shuffle(groups)
    target = max(1, round(heldout_share * len(kept)))
    held: set[str] = set()
    count = 0
    for g in groups[:-1]:  # at least one group always trains
        if count >= target and len(held) >= min_heldout:
            break
        held.add(g)
        count += sum(1 for p in kept if p.group == g)
    heldout = [p for p in kept if p.group in held]
    held_sources = {p.source for p in heldout}
    train = [p for p in kept if p.group not in held and p.source not in held_sources]
    dup += len(kept) - len(heldout) - len(train)
    return Dataset(train, heldout, dropped_long=long, dropped_duplicates=dup, dropped_empty=empty)
