"""``songngu bench`` (``make bench``): engines, glossary matcher, memory and saving under load, in one run.

Each part is measured by the package it belongs to; this module runs them,
prints one table and writes the JSON report. Absolute numbers on shared
2-core machines are noisy; the ratios measured back to back are what the
targets are stated in. A busy machine ruins the figures silently, so every
part records how much CPU other processes took meanwhile; a run that was not
idle says so loudly, is marked ``"machine_idle": false`` and does not replace
``latest.json`` (the figures the README reports).
"""

from __future__ import annotations

import json
import time
from datetime import UTC, datetime
from pathlib import Path

import click

from translate import machine_idle
from translate.bench import TARGETS, machine

PARTS = ("engine", "terms", "matcher", "memory", "import", "workspace", "load", "site")


@click.command("bench")
@click.option("--quick", is_flag=True, help="smaller model and inputs (a smoke run, not the reported figures)")
@click.option("--out", "out_dir", type=click.Path(path_type=Path), default=Path("bench/results"), show_default=True)
@click.option("--only", multiple=True, type=click.Choice(PARTS), help="run only these parts (repeatable)")
@click.option("--load-seconds", type=click.FloatRange(1, 600), default=None,
              help="length of the load run (default 20 s; 5 s with --quick)")
@click.option("--load-clients", type=click.IntRange(1, 200), default=None, help="concurrent clients (default 20)")
def bench_cmd(quick: bool, out_dir: Path, only: tuple[str, ...], load_seconds: float | None,
              load_clients: int | None) -> None:
    """Measure engines, pipeline, glossary matcher, memory and saving under load; print a table; write JSON."""
    run_bench(out_dir=out_dir, quick=quick, only=set(only), load_seconds=load_seconds, load_clients=load_clients)


def _run_part(name: str, quick: bool, load_seconds: float | None, load_clients: int | None) -> dict:
    if name == "engine":
        from translate.bench import engine_bench

        return engine_bench(quick)
    if name == "terms":
        from translate.term_bench import term_strategy_bench

        return term_strategy_bench(quick)
    if name == "matcher":
        from glossary.bench import matcher_benchmark

        return matcher_benchmark()
    if name == "memory":
        from translate.desk.memory import tm_benchmark

        return tm_benchmark(quick=quick)
    if name == "import":
        from translate.desk.import_bench import import_benchmark

        return import_benchmark(quick)
    if name == "site":
        from translate.desk.publishing.site_bench import site_benchmark

        return site_benchmark(quick)
    if name == "workspace":
        from webui.workspace_bench import workspace_bench

        return workspace_bench(quick=quick)
    from webui.loadbench import CLIENTS, load_bench

    return load_bench(quick=quick, clients=load_clients or CLIENTS, seconds=load_seconds)


def run_bench(out_dir: Path, quick: bool = False, only: set[str] | None = None,
              load_seconds: float | None = None, load_clients: int | None = None) -> dict:
    only = only or set(PARTS)
    report: dict = {"date": datetime.now(UTC).isoformat(timespec="seconds"), "quick": quick,
                    "parts": [p for p in PARTS if p in only], "machine": machine()}
    cores = report["machine"]["cores"] or 1
    with machine_idle.IdleWatch(cores) as pre:
        time.sleep(1.0)  # a glance before starting: a busy machine is worth knowing about now, not after
    if machine_idle.warning(pre.result, "the second before the run"):
        click.echo(machine_idle.warning(pre.result, "the second before the run"), err=True)
    idle: dict = {"before_start": pre.result}
    with machine_idle.IdleWatch(cores) as whole:
        for name in PARTS:
            if name in only:
                with machine_idle.IdleWatch(cores) as part:
                    report[name] = _run_part(name, quick, load_seconds, load_clients)
                idle[name] = part.result
    idle["run"] = whole.result
    report["idle"] = idle
    report["machine_idle"] = whole.result["machine_idle"]
    print_report(report)
    write_report(report, out_dir)
    return report


def write_report(report: dict, out_dir: Path) -> list[Path]:
    """A dated file always; ``latest.json`` (what the README reports) only from a whole run on an idle machine."""
    out_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    busy = report.get("machine_idle") is False
    parts = report.get("parts", list(PARTS))
    partial = "" if set(parts) == set(PARTS) else "-" + "-".join(parts)
    names = [f"bench-{stamp}{partial}{'-quick' if report['quick'] else ''}{'-BUSY' if busy else ''}.json"]
    if not busy and not partial:
        names.append("latest-quick.json" if report["quick"] else "latest.json")
    paths = [out_dir / n for n in names]
    for path in paths:
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    click.echo(f"\nwrote {', '.join(str(p) for p in paths)}"
               + ("  (latest.json kept: this run was not on an idle machine)" if busy else ""))
    return paths


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
    if report.get("terms"):
        print_terms(report["terms"])
    g = report.get("matcher")
    if g:
        print(f"\nGlossary matcher ({g.get('entries')} entries x {g.get('segments')} segments)")
        for k, v in g.items():
            if k not in ("entries", "segments"):
                print(f"  {k:<28}{v}")
    for part, heading in (("memory", "Translation memory lookup"), ("import", "Importing articles"),
                          ("workspace", "Workspace of a 300-segment article"),
                          ("site", "Static site: build 1,000 published pairs, publish one into it")):
        if report.get(part):
            print(f"\n{heading}")
            for k, v in report[part].items():
                print(f"  {k:<28}{v}")
    if report.get("load"):
        print_load(report["load"])
    print_idle(report.get("idle", {}))


def print_terms(t: dict) -> None:
    print(f"\nTerm strategies ({t['model']}, {t['sentences']} sentences, {t['missing_terms']} missing terms, "
          f"{t['candidates']} candidates, beam {t['beam']})")
    print(f"  {'repair (written in)':<28}{t['repair_seconds']:10.2f} s")
    print(f"  {'decode (placed by model)':<28}{t['decode_seconds']:10.2f} s   "
          f"(placed by the model in {t['segments_placed_by_model']} segments, "
          f"repair fallback in {t['segments_fell_back_to_repair']})")
    per_term = t["decode_ms_per_missing_term"]
    print(f"  decode cost per missing term  {'-' if per_term is None else f'{per_term:6.0f}'} ms")
    print(f"  ratio decode / repair         {t['decode_vs_repair']:6.2f}x")
    print(f"  placement step alone          {t['placement_seconds']:6.2f} s   "
          f"({t['placement_ms_per_missing_term'] or 0:.0f} ms per missing term, "
          f"{t['placement_ms_per_candidate'] or 0:.0f} ms per candidate; article with it "
          f"{t['placement_vs_repair_article']:.2f}x repair)")
    print(f"  {t['sentences']}-sentence article, decode   {t['decode_seconds']:6.2f} s   "
          f"{_check(t['decode_seconds'], t['article_seconds_target'], higher=False)}")


def print_load(load: dict) -> None:
    tg = load["targets"]
    print(f"\nSaving segments under load ({load['clients']} clients, each PUTting its own segment for "
          f"{load['seconds']:g} s; real server, HTTP over loopback)")
    print(f"  {'database':<12}{'saves/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}{'max ms':>9}{'errors':>8}"
          f"{'others':>8}")
    for db in ("sqlite", "postgresql"):
        r = load.get(db)
        if r is None:
            if db == "postgresql":
                print("  postgresql  (skipped: set SONGNGU_BENCH_POSTGRES_URL to measure it)")
            continue
        verdict = "meets" if r["meets_targets"] else "MISSES"
        others = (r.get("idle") or {}).get("other_cores")
        shown = "?" if others is None else f"{others:.2f}" + ("!" if r["idle"]["machine_idle"] is False else "")
        print(f"  {db:<12}{r['saves_per_s']:9.1f}{r['p50_ms']:9.1f}{r['p95_ms']:9.1f}{r['p99_ms']:9.1f}"
              f"{r['max_ms']:9.1f}{r['errors']:8d}{shown:>8}   {verdict} target p95 < {tg['p95_ms']:g} ms, "
              f"p99 < {tg['p99_ms']:g} ms, {tg['errors']} errors")
        if r["error_kinds"]:
            print(f"  {'':<12}errors by kind: {r['error_kinds']}")
        if r.get("client_mean_ms"):
            fastest, slowest = r["client_mean_ms"]
            print(f"  {'':<12}mean latency per client: fastest {fastest:.1f} ms, slowest {slowest:.1f} ms "
                  "(the balance between web processes)")
        if db == "postgresql":
            print(f"  {'':<12}(a local PostgreSQL server's own CPU counts under 'others')")
        if r.get("server_cpu_ms_per_request") is not None:
            client = r.get("client_cpu_ms_per_request")
            print(f"  {'':<12}CPU per request: server {r['server_cpu_ms_per_request']:.2f} ms "
                  f"({r.get('web_processes') or 1} web processes x {r['web_threads']} threads), load clients "
                  f"{'?' if client is None else f'{client:.2f}'} ms (their own process)")
    print("  (others: cores used by other processes meanwhile; '!' = not idle, figures not comparable)")


def print_idle(idle: dict) -> None:
    run = idle.get("run")
    if not run:
        return
    if run["other_cores"] is None:
        print(f"\nMachine: load average {run['loadavg_before']} -> {run['loadavg_after']}; "
              "other processes' CPU unknown (no /proc/stat)")
        return
    print(f"\nMachine: other processes took {run['other_cores']:.2f} cores on average "
          f"({run['other_cpu_s']:.1f} CPU-s in {run['wall_s']:.0f} s; limit {run['limit_cores']:g}); "
          f"load average {run['loadavg_before']} -> {run['loadavg_after']}")
    labels = {"before_start": "the second before the run"}
    busy_parts = [f"{labels.get(name, name)} ({r['other_cores']:.2f} cores)" for name, r in idle.items()
                  if name != "run" and r.get("machine_idle") is False]
    if run["machine_idle"] is False or busy_parts:
        bar = "!" * 100
        print(f"\n{bar}")
        if run["machine_idle"] is False:
            print(machine_idle.warning(run, "this benchmark"))
        else:
            print("WARNING: parts of this benchmark ran on a busy machine; their figures are NOT comparable.")
        print(f"Busy during: {', '.join(busy_parts)}")
        print(bar)
