"""The term strategies' benchmark: what placing a missing term by decoding costs against repairing it.

The same article (the engine benchmark's, on its opus-mt-sized model and decoding
settings) is translated with a glossary whose terms the draft lacks, once with each
strategy, in turns. Repair is a string edit; decode runs one more batched decode of
up to four candidates per missing term and one scoring pass, so its extra time per
missing term is the figure. The random-weight model never finishes a sentence, so
every candidate is decoded and scored and then falls back to repair: the cost is the
real one, the placement is not (that needs a real model).
"""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import replace

from models.registry import find_model
from translate.bench import OUT_TOKENS, SENTENCES, TARGETS, article, bench_model
from translate.engines.base import DecodingSettings

TERMS = 4  # sentences of the article with a missing term (2 with --quick)
_WORD = re.compile(r"^[^\W\d_]+$")


class BenchGlossary:
    """A glossary snapshot of a few made-up terms, each a pair of words from one of the article's sentences."""

    version = 1

    def __init__(self, sentences: list[str], count: int) -> None:
        from glossary.entries import TermEntry

        self.entries = []
        for n, sentence in enumerate(sentences):
            words = sentence.split()
            pair = next((words[i:i + 2] for i in range(2, len(words) - 1)
                         if all(_WORD.match(w) for w in words[i:i + 2])), None)
            if pair is None:
                continue
            self.entries.append(TermEntry(
                id=len(self.entries) + 1, vi=" ".join(pair), en=f"heritage term {n}", vi_variants=(),
                en_variants=(), vi_forbidden=(), en_forbidden=(), kind="term", domain="bench", note="",
                status="approved"))
            if len(self.entries) == count:
                break

    def matcher(self, src: str, tgt: str):
        from glossary.matcher import Matcher

        return Matcher(self.entries, src, tgt, version=self.version)


def placement_seconds(translator, html: str, repeat: int) -> float:
    """Median time of the decode strategy's own step (candidates decoded, scored, checked) on fixed drafts."""
    from translate.term_placement import hold_by_strategy
    from translate.terms import TermHolder

    segments = translator.parse(html, "vi", "html").segments
    engine = translator.engine("vi", "en")
    holder = TermHolder(translator.glossary, "vi", "en")
    texts = [seg.text for seg in segments]
    constraints = [holder.constraints(holder.find(t)) for t in texts]
    drafts = [h for h, _ in translator.batcher(engine).translate(texts, constraints, with_attention=True)]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        hold_by_strategy("decode", engine, translator.decoding, "en", texts, drafts, constraints)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def term_strategy_bench(quick: bool) -> dict:
    from translate import pipeline
    from translate.config import load_settings
    from translate.engines.select import clear_engines
    from translate.pipeline import Translator

    models_dir, name = bench_model(quick)
    model = find_model(models_dir, "vi", "en", name)
    n = 8 if quick else SENTENCES
    html, sents = article(n)
    glossary = BenchGlossary(sents[: n // 2], 2 if quick else TERMS)
    decoding = DecodingSettings(beam_size=4, fixed_length=OUT_TOKENS)  # as the engine part: comparable times
    settings = replace(load_settings(), models_dir=models_dir, engine="ctranslate2")
    clear_engines()
    translators = {s: Translator(settings, glossary=glossary, decoding=decoding, model_name=model.name,
                                 term_strategy=s) for s in ("repair", "decode")}
    last: dict = {}

    def run(strategy: str) -> float:
        pipeline._caches.clear()  # measure translation, not the sentence cache
        t0 = time.perf_counter()
        last[strategy] = translators[strategy].translate_html(html, "vi", "en")
        return time.perf_counter() - t0

    run("repair")  # warm-up: loads the model
    run("decode")
    times: dict[str, list[float]] = {"repair": [], "decode": []}
    for _ in range(1 if quick else 3):  # in turns, so a noisy neighbour slows both alike
        for strategy in times:
            times[strategy].append(run(strategy))
    t_repair, t_decode = (statistics.median(times[s]) for s in ("repair", "decode"))
    t_place = placement_seconds(translators["decode"], html, 1 if quick else 3)
    records = [s.term_placement for s in last["decode"].segments if s.term_placement]
    missing = sum(len(r["missing"]) for r in records)
    placed = {by: sum(1 for r in records if r["placed_by"] == by) for by in ("model", "repair")}
    return {
        "model": model.name,
        "sentences": n,
        "beam": decoding.beam_size,
        "target_tokens_per_sentence": OUT_TOKENS,
        "missing_terms": missing,
        "candidates": sum(r["candidates"] for r in records),
        "segments_placed_by_model": placed["model"],
        "segments_fell_back_to_repair": placed["repair"],
        "repair_seconds": t_repair,
        "decode_seconds": t_decode,
        "decode_ms_per_missing_term": (t_decode - t_repair) * 1000 / missing if missing else None,
        "decode_vs_repair": t_decode / t_repair,
        # The placement step alone, timed on the same drafts: far less noisy than a difference of two runs.
        "placement_seconds": t_place,
        "placement_ms_per_missing_term": t_place * 1000 / missing if missing else None,
        "placement_ms_per_candidate": (t_place * 1000 / sum(r["candidates"] for r in records)
                                       if any(r["candidates"] for r in records) else None),
        "placement_vs_repair_article": (t_repair + t_place) / t_repair,
        "article_seconds_target": TARGETS["article_seconds"],
    }
