"""Matcher benchmark for ``make bench``: Aho–Corasick versus a naive per-term regex scan.

The glossary must stay fast as it grows: a 10,000-entry glossary against a
1,000-segment document should take well under a second. The naive baseline
(one compiled regex per form, tried on every segment) is what a simple
implementation would do; it is timed on a sample of segments and scaled up,
because running it in full takes long enough to make ``make bench`` tedious.
"""

from __future__ import annotations

import random
import re
import time

from glossary.entries import TermEntry
from glossary.matcher import Matcher
from glossary.normalize import form_key, normalise

_ONSETS = [
    "b",
    "c",
    "ch",
    "d",
    "đ",
    "g",
    "gi",
    "h",
    "k",
    "kh",
    "l",
    "m",
    "n",
    "ng",
    "nh",
    "p",
    "ph",
    "qu",
    "r",
    "s",
    "t",
    "th",
    "tr",
    "v",
    "x",
]
_RHYMES = [
    "a",
    "ai",
    "an",
    "ang",
    "anh",
    "ao",
    "au",
    "ay",
    "e",
    "em",
    "en",
    "eo",
    "i",
    "ia",
    "im",
    "in",
    "inh",
    "iu",
    "o",
    "oa",
    "oai",
    "oan",
    "oang",
    "oe",
    "oi",
    "om",
    "on",
    "ong",
    "u",
    "ua",
    "uan",
    "uy",
    "uyên",
    "ư",
    "ưa",
    "ương",
]
_TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
_EN_PARTS = [
    "ar",
    "bel",
    "cor",
    "dan",
    "el",
    "fin",
    "gor",
    "hal",
    "in",
    "jo",
    "ka",
    "lin",
    "mor",
    "nu",
    "or",
    "pel",
    "qua",
    "ros",
    "sta",
    "tur",
    "ul",
    "ven",
    "wor",
    "xan",
    "yel",
    "zo",
]


def _syllable(rng: random.Random) -> str:
    import unicodedata

    rhyme = rng.choice(_RHYMES)
    tone = rng.choice(_TONES)
    # The tone goes on the rhyme's first vowel: close enough for a benchmark.
    return unicodedata.normalize("NFC", rng.choice(_ONSETS) + rhyme[0] + tone + rhyme[1:])


def _english_word(rng: random.Random) -> str:
    return "".join(rng.choice(_EN_PARTS) for _ in range(rng.randint(2, 3)))


def synthetic_glossary(n_entries: int, rng: random.Random) -> list[TermEntry]:
    """``n_entries`` approved entries with distinct 2–4 syllable Vietnamese terms and a variant each."""
    entries: list[TermEntry] = []
    seen: set[str] = set()
    while len(entries) < n_entries:
        vi = " ".join(_syllable(rng) for _ in range(rng.randint(2, 4)))
        variant = vi + " " + _syllable(rng)
        if form_key(vi) in seen or form_key(variant) in seen:
            continue
        seen.update((form_key(vi), form_key(variant)))
        en = " ".join(_english_word(rng) for _ in range(rng.randint(1, 3)))
        entries.append(
            TermEntry(
                id=len(entries) + 1,
                vi=vi,
                en=en,
                domain="craft",
                vi_variants=(variant,),
                status="approved",
            )
        )
    return entries


def synthetic_segments(entries: list[TermEntry], n_segments: int, rng: random.Random) -> list[str]:
    """Sentences of ~30 syllables, each holding about three glossary terms."""
    segments = []
    for _ in range(n_segments):
        words = [_syllable(rng) for _ in range(rng.randint(18, 30))]
        for _ in range(3):
            words.insert(rng.randrange(len(words) + 1), rng.choice(entries).vi)
        text = " ".join(words)
        segments.append(text[0].upper() + text[1:] + ".")
    return segments


def _naive_find(patterns: list[tuple[int, re.Pattern[str]]], text: str) -> int:
    key = normalise(text).key
    hits = 0
    for _entry_id, pattern in patterns:
        hits += sum(1 for _ in pattern.finditer(key))
    return hits


def matcher_benchmark(
    n_entries: int = 10_000, n_segments: int = 1_000, naive_sample: int = 20, seed: int = 13
) -> dict:
    """Time building and running the matcher on a synthetic glossary; compare with the naive scan.

    Returns seconds and ratios; ``naive_match_s`` is extrapolated from
    ``naive_sample`` segments (``naive_sample_s`` is what was measured).
    """
    rng = random.Random(seed)
    entries = synthetic_glossary(n_entries, rng)
    segments = synthetic_segments(entries, n_segments, rng)

    t0 = time.perf_counter()
    matcher = Matcher(entries, "vi", "en")
    build_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    found = sum(len(matcher.find(s)) for s in segments)
    match_s = time.perf_counter() - t0

    t0 = time.perf_counter()
    patterns = [
        (e.id, re.compile(r"(?<!\w)" + re.escape(form_key(f)) + r"(?!\w)"))
        for e in entries
        for f in e.forms("vi")
    ]
    naive_build_s = time.perf_counter() - t0
    sample = segments[: max(1, min(naive_sample, n_segments))]
    t0 = time.perf_counter()
    naive_hits = sum(_naive_find(patterns, s) for s in sample)
    naive_sample_s = time.perf_counter() - t0
    naive_match_s = naive_sample_s * n_segments / len(sample)

    return {
        "entries": n_entries,
        "forms": matcher.form_count,
        "segments": n_segments,
        "matches": found,
        "build_s": round(build_s, 4),
        "match_s": round(match_s, 4),
        "segments_per_s": round(n_segments / match_s) if match_s else None,
        "naive_build_s": round(naive_build_s, 4),
        "naive_sample_segments": len(sample),
        "naive_sample_hits": naive_hits,
        "naive_sample_s": round(naive_sample_s, 4),
        "naive_match_s": round(naive_match_s, 3),
        "speedup": round(naive_match_s / match_s, 1) if match_s else None,
    }


if __name__ == "__main__":  # pragma: no cover - manual use
    import json

    print(json.dumps(matcher_benchmark(), indent=2))
