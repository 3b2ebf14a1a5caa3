"""The benchmark tells a busy machine from an idle one, and the load run measures saves over real HTTP.

No timing is asserted here: speed targets live in ``songngu bench``. These tests
check what the benchmark reports (its arithmetic and its warnings) from injected
numbers, and that the load run works end to end against a real server.
"""

from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from cli.bench import PARTS, print_report, write_report
from translate import machine_idle
from translate.machine_idle import CpuSample, assess
from webui import loadbench

PROC_STAT = """cpu  1000 20 300 50000 40 5 6 7 0 0
cpu0 500 10 150 25000 20 2 3 3 0 0
intr 12345
"""


def _sample(wall: float, busy: float | None, own: float) -> CpuSample:
    return CpuSample(wall_s=wall, busy_s=busy, own_s=own, loadavg=(0.5, 0.4, 0.3))


# ------------------------------------------------------------------ idle detection


def test_busy_time_counts_user_system_irq_and_steal_but_not_idle_or_iowait():
    # user 1000 + nice 20 + system 300 + irq 5 + softirq 6 + steal 7 ticks, at 100 ticks/s
    assert machine_idle.busy_seconds(PROC_STAT, 100) == pytest.approx(13.38)
    assert machine_idle.busy_seconds("intr 1\n", 100) is None


def test_a_run_where_only_the_benchmark_worked_is_idle():
    # 20 s; the machine was busy 30 CPU-s, 29.5 of them ours: others took 0.025 cores.
    result = assess(_sample(100.0, 500.0, 10.0), _sample(120.0, 530.0, 39.5), cores=2)
    assert result["machine_idle"] is True
    assert result["other_cpu_s"] == pytest.approx(0.5)
    assert result["other_cores"] == pytest.approx(0.025)
    assert machine_idle.warning(result) is None


def test_another_process_holding_a_core_makes_the_run_not_idle_and_warns_loudly():
    # 20 s; busy 50 CPU-s, ours 30: others held one core the whole time.
    result = assess(_sample(0.0, 0.0, 0.0), _sample(20.0, 50.0, 30.0), cores=2)
    assert result["machine_idle"] is False
    assert result["other_cores"] == pytest.approx(1.0)
    text = machine_idle.warning(result, "the engine part")
    assert text is not None and text.startswith("WARNING")
    assert "NOT idle during the engine part" in text
    assert "20.0 CPU-s" in text and "1.00 of 2 cores" in text


def test_the_limit_is_a_fraction_of_a_core_on_average():
    before = _sample(0.0, 0.0, 0.0)
    just_under = assess(before, _sample(10.0, 12.9, 10.0), cores=2)  # others 0.29 cores
    just_over = assess(before, _sample(10.0, 13.2, 10.0), cores=2)  # others 0.32 cores
    assert just_under["machine_idle"] is True
    assert just_over["machine_idle"] is False


def test_our_own_cpu_above_the_machines_tick_count_is_not_negative_load():
    result = assess(_sample(0.0, 0.0, 0.0), _sample(10.0, 9.9, 10.0), cores=2)
    assert result["other_cpu_s"] == 0.0
    assert result["machine_idle"] is True


def test_without_proc_stat_idleness_is_unknown_not_claimed():
    result = assess(_sample(0.0, None, 0.0), _sample(10.0, None, 5.0), cores=2)
    assert result["machine_idle"] is None
    assert result["other_cpu_s"] is None
    assert result["loadavg_before"] == [0.5, 0.4, 0.3]
    assert machine_idle.warning(result) is None


def test_the_real_counters_can_be_read_here():
    with machine_idle.IdleWatch(cores=2) as watch:
        sum(range(10_000))
    assert set(watch.result) >= {"machine_idle", "other_cpu_s", "loadavg_before", "loadavg_after", "own_cpu_s"}
    if Path("/proc/stat").exists():
        assert watch.result["machine_idle"] in (True, False)


def test_a_process_trees_cpu_time_sums_the_process_and_its_descendants(tmp_path):
    ticks = os.sysconf("SC_CLK_TCK")

    def proc(pid: int, ppid: int, utime: int, stime: int, name: str = "python") -> None:
        (tmp_path / str(pid)).mkdir()
        fields = ["S", str(ppid)] + ["0"] * 9 + [str(utime), str(stime)] + ["0"] * 30
        (tmp_path / str(pid) / "stat").write_text(f"{pid} ({name}) " + " ".join(fields) + "\n")

    proc(10, 1, 100, 50)  # the server
    proc(11, 10, 30, 20, name="odd (name) here")  # its child, a name with spaces and parentheses
    proc(12, 11, 10, 0)  # a grandchild
    proc(20, 1, 999, 999)  # someone else
    (tmp_path / "self").mkdir()
    assert machine_idle.process_tree_cpu_seconds(10, proc=tmp_path) == pytest.approx(210 / ticks)
    assert machine_idle.process_tree_cpu_seconds(11, proc=tmp_path) == pytest.approx(60 / ticks)
    assert machine_idle.process_tree_cpu_seconds(99, proc=tmp_path) is None


# ------------------------------------------------------------------ the report


def _report(idle: bool | None, quick: bool = False) -> dict:
    run = assess(_sample(0.0, 0.0, 0.0), _sample(20.0, 50.0 if idle is False else 30.5, 30.0), cores=2)
    load = {
        "clients": 20, "seconds": 20.0, "targets": loadbench.TARGETS,
        "sqlite": {**loadbench.summarise([0.05] * 90 + [0.15] * 10, Counter(), 20.0, 20),
                   "database": "sqlite", "meets_targets": False, "idle": run},
        "postgresql": None,
    }
    return {"date": "2025-01-01T00:00:00+00:00", "quick": quick, "machine_idle": run["machine_idle"],
            "parts": list(PARTS),
            "machine": {"cpu": "test cpu", "cores": 2, "torch": "x", "ctranslate2": "y"},
            "load": load, "idle": {"run": run, "load": run}}


def test_a_busy_run_is_marked_and_does_not_replace_the_reported_figures(tmp_path, capsys):
    (tmp_path / "latest.json").write_text('{"kept": true}\n')
    paths = write_report(_report(idle=False), tmp_path)
    assert [p.name for p in paths] == [paths[0].name] and paths[0].name.endswith("-BUSY.json")
    assert json.loads(paths[0].read_text())["machine_idle"] is False
    assert json.loads((tmp_path / "latest.json").read_text()) == {"kept": True}
    assert "not on an idle machine" in capsys.readouterr().out


def test_an_idle_run_becomes_the_latest_figures(tmp_path):
    paths = write_report(_report(idle=True), tmp_path)
    assert {p.name for p in paths} >= {"latest.json"}
    assert json.loads((tmp_path / "latest.json").read_text())["machine_idle"] is True
    write_report(_report(idle=True, quick=True), tmp_path)
    assert (tmp_path / "latest-quick.json").is_file()


def test_a_partial_run_never_replaces_the_whole_runs_figures(tmp_path):
    write_report(_report(idle=True), tmp_path)
    whole = (tmp_path / "latest.json").read_text()
    paths = write_report({**_report(idle=True), "parts": ["load"]}, tmp_path)
    assert len(paths) == 1 and "-load" in paths[0].name
    assert (tmp_path / "latest.json").read_text() == whole


def test_the_printed_report_shows_the_load_figures_and_shouts_when_busy(capsys):
    print_report(_report(idle=False))
    out = capsys.readouterr().out
    assert "Saving segments under load (20 clients" in out
    sqlite_row = next(line for line in out.splitlines() if line.strip().startswith("sqlite"))
    assert "1.00!" in sqlite_row and "MISSES target p95 < 100 ms" in sqlite_row
    assert "postgresql  (skipped: set SONGNGU_BENCH_POSTGRES_URL" in out
    assert "WARNING: the machine was NOT idle during this benchmark" in out
    print_report(_report(idle=True))
    assert "WARNING" not in capsys.readouterr().out


# ------------------------------------------------------------------ load figures


def test_percentiles_throughput_and_errors_of_a_load_run():
    latencies = [i / 1000 for i in range(1, 101)]  # 1..100 ms
    r = loadbench.summarise(latencies, Counter({"409": 3, "ConnectionResetError": 1}), wall_s=4.0, clients=20)
    assert r["requests"] == 100 and r["errors"] == 4 and r["saves"] == 96
    assert r["saves_per_s"] == pytest.approx(24.0)
    assert r["p50_ms"] == pytest.approx(50.5, abs=0.1) and r["p95_ms"] == pytest.approx(95.05, abs=0.1)
    assert r["p99_ms"] == pytest.approx(99.01, abs=0.1) and r["max_ms"] == pytest.approx(100.0)
    assert r["error_kinds"] == {"409": 3, "ConnectionResetError": 1}
    assert loadbench.meets_targets({**r, "errors": 0})  # 95 ms p95, 99 ms p99: within target
    assert not loadbench.meets_targets(r)  # but errors are not allowed
    assert loadbench.summarise([], Counter(), 1.0, 20)["p95_ms"] is None


def test_the_target_is_p95_under_100_ms_and_p99_under_200_ms():
    ok = {"requests": 10, "errors": 0, "p95_ms": 99.0, "p99_ms": 199.0}
    assert loadbench.meets_targets(ok)
    assert not loadbench.meets_targets({**ok, "p95_ms": 100.0})
    assert not loadbench.meets_targets({**ok, "p99_ms": 250.0})
    assert not loadbench.meets_targets({**ok, "requests": 0})


# ------------------------------------------------------------------ serve's threads


def test_the_engine_leaves_a_core_to_the_web_threads_unless_told_otherwise():
    from cli.serve import engine_threads

    assert engine_threads(0, 2) == 1
    assert engine_threads(0, 8) == 7
    assert engine_threads(0, 1) == 1
    assert engine_threads(3, 2) == 3  # SONGNGU_THREADS wins


def test_serve_takes_its_web_threads_from_the_environment(models_env, monkeypatch):
    import cli.serve
    from cli.main import main

    seen = {}
    monkeypatch.setattr(cli.serve, "_serve_forever", lambda app, host, port, threads: seen.update(threads=threads))
    monkeypatch.setenv("SONGNGU_WEB_THREADS", "7")
    monkeypatch.setenv("SONGNGU_THREADS", "")
    res = CliRunner().invoke(main, ["serve", "--no-worker", "--port", "8765"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert seen == {"threads": 7}
    cores = os.cpu_count() or 1
    assert f"7 web threads, MT engine {max(1, cores - 1)} thread(s), {cores} cores" in res.output
    monkeypatch.setenv("SONGNGU_WEB_THREADS", "0")
    res = CliRunner().invoke(main, ["serve", "--no-worker"])
    assert res.exit_code != 0 and "SONGNGU_WEB_THREADS" not in seen


# ------------------------------------------------------------------ the load run, end to end


@pytest.mark.slow
def test_the_load_run_saves_over_real_http_and_stops_its_server(test_models_dir, tmp_path, monkeypatch):
    started = []
    real = loadbench.running_server

    def spy(env, log_path, workers=1):
        cm = real(env, log_path, workers)

        class Wrapper:
            def __enter__(self):
                port, pid = cm.__enter__()
                started.append(pid)
                started.extend(_children(pid))  # the web processes of --workers 2
                return port, pid

            def __exit__(self, *exc):
                return cm.__exit__(*exc)

        return Wrapper()

    monkeypatch.setattr(loadbench, "running_server", spy)
    result = loadbench.run_load(None, tmp_path, test_models_dir, clients=3, seconds=1.5, max_saves=60, workers=2)
    assert result["database"] == "sqlite"
    assert result["web_processes"] == 2 and result["client_cpu_ms_per_request"] > 0
    assert result["errors"] == 0, result["error_kinds"]
    assert 0 < result["requests"] <= 60
    assert result["saves"] == result["requests"]
    assert result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"] <= result["max_ms"]
    assert result["server_cpu_ms_per_request"] is None or result["server_cpu_ms_per_request"] > 0
    # The server and its web processes are gone once the run is over.
    assert len(started) == 3
    for pid in started:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (Linux), waiting a little for a forking server to start them."""
    for _ in range(100):
        found = [int(c) for task in Path(f"/proc/{pid}/task").iterdir()
                 for c in (task / "children").read_text().split()]
        if len(found) >= 2:
            return found
        time.sleep(0.1)
    return found
