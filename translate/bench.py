"""The MT engines' benchmark: transformers, CTranslate2 and the pipeline on the same inputs.

Absolute numbers on shared 2-core machines are noisy; the ratios between
backends measured back to back are what the targets are stated in.
"""

from __future__ import annotations

import platform
import statistics
import time
from dataclasses import replace
from pathlib import Path

from models.build import OPUS_MT, TINY, build_marian, corpus_lines
from models.registry import CT2_DIR, HF_DIR, find_model, write_manifest
from translate.engines.base import DecodingSettings

CACHE = Path("bench/cache")
SENTENCES = 40
OUT_TOKENS = 32
TARGETS = {"ct2_vs_transformers": 3.0, "pipeline_vs_ct2": 0.9, "article_seconds": 5.0}


def bench_model(quick: bool) -> tuple[Path, str]:
    """An opus-mt-sized random Marian model (or a tiny one for --quick), built once and cached."""
    from models.fetch import convert_model

    name = "bench-tiny-vi-en" if quick else "bench-opus-size-vi-en"
    models_dir = CACHE / "models"
    root = models_dir / name
    if not (root / CT2_DIR / "model.bin").is_file():
        shape = TINY if quick else OPUS_MT
        build_marian(root / HF_DIR, "vi", "en", shape=shape, seed=7, min_vocab=0 if quick else 54000)
        write_manifest(root, name=name, src="vi", tgt="en", test=True, repo=None, revision="random-seed7",
                       note="benchmark: random weights, opus-mt shape")
        convert_model(root)
    return models_dir, name


def article(n: int) -> tuple[str, list[str]]:
    lines = corpus_lines("vi")[:200]
    sents = [lines[i % len(lines)] for i in range(n)]
    paras = []
    for i in range(0, n, 4):
        chunk = sents[i : i + 4]
        words = chunk[0].split(" ")
        chunk[0] = f"<strong>{' '.join(words[:2])}</strong> {' '.join(words[2:])}"
        paras.append("<p>" + " ".join(chunk) + "</p>")
    return "\n".join(paras), sents


def _interleaved(fns: list, repeat: int) -> list[float]:
    """Median seconds of each function, run in turns rather than one after the other."""
    for fn in fns:
        fn()  # warm-up
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, bucket in zip(fns, times, strict=True):
            t0 = time.perf_counter()
            fn()
            bucket.append(time.perf_counter() - t0)
    return [statistics.median(b) for b in times]


def engine_bench(quick: bool) -> dict:
    from translate.config import load_settings
    from translate.engines.select import clear_engines, load_engine
    from translate.pipeline import Translator

    models_dir, name = bench_model(quick)
    model = find_model(models_dir, "vi", "en", name)
    n = 8 if quick else SENTENCES
    html, sents = article(n)
    decoding = DecodingSettings(beam_size=4, fixed_length=OUT_TOKENS)
    hf = load_engine(model, "transformers")
    ct2 = load_engine(model, "ctranslate2")
    batch = 32
    tokens = n * OUT_TOKENS

    def run_hf():
        for i in range(0, n, batch):
            hf.translate_batch(sents[i : i + batch], decoding)

    src_tokens = [ct2.tokenize(s) for s in sents]

    def run_ct2():
        ct2.translator.translate_batch(src_tokens, beam_size=4, max_batch_size=batch,
                                       min_decoding_length=OUT_TOKENS, max_decoding_length=OUT_TOKENS)

    settings = replace(load_settings(), models_dir=models_dir, engine="ctranslate2")
    clear_engines()
    translator = Translator(settings, glossary=None, decoding=decoding, model_name=model.name)

    def run_pipeline():
        from translate import pipeline

        pipeline._caches.clear()  # measure translation, not the sentence cache
        translator.translate_html(html, "vi", "en")

    # The three alternate, so a noisy neighbour slows them alike.
    t_hf, t_ct2, t_pipe = _interleaved([run_hf, run_ct2, run_pipeline], 1 if quick else 3)
    model_desc = model.manifest.get("note", "")
    return {
        "model": model.name,
        "model_note": model_desc,
        "sentences": n,
        "target_tokens_per_sentence": OUT_TOKENS,
        "beam": 4,
        "transformers_fp32_tok_s": tokens / t_hf,
        "ct2_int8_tok_s": tokens / t_ct2,
        "pipeline_ct2_tok_s": tokens / t_pipe,
        "article_seconds": t_pipe,
        "ct2_vs_transformers": t_hf / t_ct2,
        "pipeline_vs_ct2": t_ct2 / t_pipe,
    }


def machine() -> dict:
    import os

    import ctranslate2
    import torch
    import transformers

    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            cpu = next((line.split(":", 1)[1].strip() for line in fh if line.startswith("model name")), cpu)
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "ctranslate2": ctranslate2.__version__,
        "torch_threads": torch.get_num_threads(),
    }
