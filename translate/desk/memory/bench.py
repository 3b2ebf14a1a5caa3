"""How lookup time grows with the memory: p50/p95 at 1k, 10k and 100k units.

Synthetic Vietnamese-like sentences (Zipf-distributed syllables, fixed seed) in
a throwaway SQLite database. Queries mix exact repeats, lightly edited repeats
(the fuzzy case a translator meets) and unseen sentences. Top-1 agreement with a
brute-force rapidfuzz scan is reported too, so speed is not bought with misses.
"""

from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlalchemy import insert

from glossary.db import make_engine, make_sessionmaker

_ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gi", "h", "k", "kh", "l", "m", "n", "ng", "nh", "ph", "qu", "r",
           "s", "t", "th", "tr", "v", "x"]
_RHYMES = ["a", "ai", "an", "ang", "anh", "ao", "at", "ay", "e", "em", "en", "ênh", "i", "im", "in", "inh", "o",
           "oa", "oai", "oan", "ong", "ô", "ôi", "ông", "ơ", "ơi", "u", "ui", "un", "ung", "ư", "ương", "ươc", "y"]
_TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


def _vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    import unicodedata

    words: set[str] = set()
    while len(words) < size:
        syl = rng.choice(_ONSETS) + rng.choice(_RHYMES)
        words.add(unicodedata.normalize("NFC", syl + rng.choice(_TONES)))
    return sorted(words)


class _Corpus:
    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.words = _vocabulary(self.rng)
        # Zipf weights: a few very common syllables, a long tail.
        self.weights = [1.0 / (rank + 1) ** 1.05 for rank in range(len(self.words))]

    def sentence(self) -> str:
        n = self.rng.randint(8, 35)
        words = self.rng.choices(self.words, self.weights, k=n)
        words[0] = words[0].capitalize()
        return " ".join(words) + "."

    def edit(self, sentence: str) -> str:
        words = sentence.rstrip(".").split()
        for _ in range(max(1, len(words) // 10)):
            i = self.rng.randrange(len(words))
            words[i] = self.rng.choice(self.words)
        return " ".join(words) + "."


def _percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, round(p / 100 * (len(values) - 1))))
    return values[k]


def tm_benchmark(quick: bool = False, sizes: tuple[int, ...] | None = None, queries: int | None = None) -> dict:
    """Returns p50/p95 lookup milliseconds per size, the growth 1k -> largest, and top-1 agreement."""
    from translate.desk import memory
    from translate.desk.database import metadata

    sizes = sizes or ((1_000, 10_000) if quick else (1_000, 10_000, 100_000))
    queries = queries or (60 if quick else 300)
    report: dict = {}
    corpus = _Corpus()
    sources = [corpus.sentence() for _ in range(max(sizes))]
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            url = f"sqlite:///{Path(tmp) / f'tm{size}.db'}"
            engine = make_engine(url)
            metadata().create_all(engine)
            rows = []
            for i, src in enumerate(sources[:size]):
                key = memory.tm_key(src)
                rows.append({"src_lang": "vi", "tgt_lang": "en", "source": src, "source_html": src,
                             "target": f"target {i}", "key": key, "key_hash": memory._hash(key), "origin": "import"})
            with engine.begin() as conn:
                for start in range(0, len(rows), 5000):
                    conn.execute(insert(memory.TMUnit), rows[start:start + 5000])
            Session = make_sessionmaker(engine)
            memory.forget_indexes()
            qrng = random.Random(size)
            qs = []
            for i in range(queries):
                seen = sources[qrng.randrange(size)]
                qs.append(seen if i % 3 == 0 else corpus.edit(seen) if i % 3 == 1 else corpus.sentence())
            with Session() as s:
                t0 = time.perf_counter()
                memory.lookup(s, "vi", "en", qs[0])  # builds the in-process index
                build_s = time.perf_counter() - t0
                times, agree, fuzzy_cases = [], 0, 0
                keys = [memory.tm_key(x) for x in sources[:size]]
                for i, q in enumerate(qs):
                    t0 = time.perf_counter()
                    got = memory.lookup(s, "vi", "en", q, limit=5)
                    times.append((time.perf_counter() - t0) * 1000)
                    if i % 3 == 1:
                        fuzzy_cases += 1
                        best = process.extractOne(memory.tm_key(q), keys, scorer=fuzz.ratio,
                                                  score_cutoff=memory.DEFAULT_MIN_PCT)
                        if best is None or (got and abs(got[0].pct - min(round(best[1], 1), 98.9)) < 0.05):
                            agree += 1
            engine.dispose()
            label = f"{size // 1000}k"
            report[f"p50_ms_{label}"] = round(statistics.median(times), 2)
            report[f"p95_ms_{label}"] = round(_percentile(times, 95), 2)
            report[f"index_build_s_{label}"] = round(build_s, 2)
            report[f"fuzzy_top1_agreement_{label}"] = round(agree / max(1, fuzzy_cases), 3)
    first, last = f"{sizes[0] // 1000}k", f"{sizes[-1] // 1000}k"
    report["growth_p50"] = f"{report[f'p50_ms_{last}'] / max(report[f'p50_ms_{first}'], 1e-6):.1f}x for " \
                           f"{sizes[-1] // sizes[0]}x units"
    report["queries_per_size"] = queries
    memory.forget_indexes()
    return report


if __name__ == "__main__":
    import json
    import sys

    print(json.dumps(tm_benchmark(quick="--quick" in sys.argv), indent=2))
