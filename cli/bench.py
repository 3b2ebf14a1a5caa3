"""``songngu bench`` (``make bench``): engines, glossary matcher and memory, measured in one run.

Each part is measured by the package it belongs to; this module runs them,
prints one table and writes the JSON report. Absolute numbers on shared
2-core machines are noisy; the ratios measured back to back are what the
targets are stated in.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import click

from translate.bench import TARGETS, machine


@click.command("bench")
@click.option("--quick", is_flag=True, help="smaller model and inputs (a smoke run, not the reported figures)")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("bench/results"), show_default=True)
@click.option("--only", multiple=True, help="run only these parts: engine, matcher, memory")
def bench_cmd(quick: bool, out_dir: Path, only: tuple[str, ...]) -> None:
    """Measure engines, pipeline, glossary matcher and memory; print a table; write JSON."""
    run_bench(out_dir=out_dir, quick=quick, only=set(only))


def run_bench(out_dir: Path, quick: bool = False, only: set[str] | None = None) -> dict:
    only = only or {"engine", "matcher", "memory"}
    report: dict = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "quick": quick, "machine": machine()}
    if "engine" in only:
        from translate.bench import engine_bench

        report["engine"] = engine_bench(quick)
    if "matcher" in only:
        from glossary.bench import matcher_benchmark

        report["matcher"] = matcher_benchmark()
    if "memory" in only:
        from translate.desk.memory import tm_benchmark

        report["memory"] = tm_benchmark(quick=quick)
    print_report(report)
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    for name in (f"bench-{stamp}{'-quick' if quick else ''}.json", "latest.json" if not quick else "latest-quick.json"):
        (out_dir / name).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return report


def _check(value: float, target: float, higher: bool = True) -> str:
    ok = value >= target if higher else value <= target
    return f"{'meets' if ok else 'MISSES'} target {'≥' if higher else '≤'} {target:g}"


def print_report(report: dict) -> None:
    m = report["machine"]
    print(f"songngu bench — {report['date']} — {m['cpu']}, {m['cores']} cores, torch {m['torch']}, ct2 {m['ctranslate2']}"
          + (" — QUICK (not the reported figures)" if report["quick"] else ""))
    e = report.get("engine")
    if e:
        print(f"\nMT engines ({e['model']}, {e['sentences']} sentences, beam {e['beam']}, "
              f"{e['target_tokens_per_sentence']} target tokens each)")
        print(f"  {'transformers fp32':<28}{e['transformers_fp32_tok_s']:10.1f} tok/s")
        print(f"  {'CTranslate2 int8 (raw)':<28}{e['ct2_int8_tok_s']:10.1f} tok/s")
        print(f"  {'songngu pipeline on CT2':<28}{e['pipeline_ct2_tok_s']:10.1f} tok/s")
        print(f"  ratio CT2 / transformers      {e['ct2_vs_transformers']:6.2f}x   {_check(e['ct2_vs_transformers'], TARGETS['ct2_vs_transformers'])}")
        print(f"  ratio pipeline / CT2          {e['pipeline_vs_ct2']:6.2f}    {_check(e['pipeline_vs_ct2'], TARGETS['pipeline_vs_ct2'])}")
        print(f"  {e['sentences']}-sentence article          {e['article_seconds']:6.2f} s   {_check(e['article_seconds'], TARGETS['article_seconds'], higher=False)}")
    g = report.get("matcher")
    if g:
        print(f"\nGlossary matcher ({g.get('entries')} entries x {g.get('segments')} segments)")
        for k, v in g.items():
            if k not in ("entries", "segments"):
                print(f"  {k:<28}{v}")
    t = report.get("memory")
    if t:
        print("\nTranslation memory lookup")
        for k, v in t.items():
            print(f"  {k:<28}{v}")
