"""Speed under load: many post-editors saving segments at once, against a real server over real HTTP.

Saving a segment is what a post-editor does hundreds of times an hour, so the
benchmark measures exactly that path end to end: a fresh instance with one
translated article, ``songngu serve`` started as a subprocess on a free
loopback port (``--workers``: one web process per core by default), and N client
threads, each with its own keep-alive connection (``http.client``), repeatedly
``PUT /api/v1/segments/{id}`` on its own segment with the version it last got
back. It is closed-loop (a client sends its next save as soon as the last one is
answered), so latency and throughput are two views of the same capacity. Bounded
in time and in count; loopback only.

The clients run in a process of their own (``python -m webui.loadbench``), so
they never hold the server's interpreter lock; both processes' CPU time per
request is reported. CPU per save is the figure a busy machine disturbs least:
on a shared machine, judge changes by it and take latencies from an idle run.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

from translate.machine_idle import IdleWatch, process_tree_cpu_seconds

HOST = "127.0.0.1"
CLIENTS = 20
SECONDS = 20.0
QUICK_SECONDS = 5.0
MAX_SAVES = 100_000  # the count bound, whatever the time bound allows
SEGMENTS = 24  # at least one per client
TARGETS = {"p95_ms": 100.0, "p99_ms": 200.0, "errors": 0}
POSTGRES_ENV = ("SONGNGU_BENCH_POSTGRES_URL", "SONGNGU_TEST_POSTGRES_URL")
ROOT = Path(__file__).resolve().parent.parent
START_TIMEOUT_S = 90.0


# ---------------------------------------------------------------- figures


def summarise(latencies_s: list[float], errors: Counter, wall_s: float, clients: int) -> dict[str, Any]:
    """Percentiles, throughput and errors of one load run; every request counts in the latencies."""
    n = len(latencies_s)
    ms = sorted(x * 1000.0 for x in latencies_s)
    cuts = statistics.quantiles(ms, n=100, method="inclusive") if n >= 2 else ms * 99
    ok = n - sum(errors.values())
    return {
        "clients": clients,
        "seconds": round(wall_s, 2),
        "requests": n,
        "saves": ok,
        "saves_per_s": round(ok / wall_s, 1) if wall_s > 0 else 0.0,
        "p50_ms": round(cuts[49], 1) if n else None,
        "p95_ms": round(cuts[94], 1) if n else None,
        "p99_ms": round(cuts[98], 1) if n else None,
        "max_ms": round(ms[-1], 1) if n else None,
        "errors": sum(errors.values()),
        "error_kinds": dict(errors),
    }


def meets_targets(result: dict[str, Any]) -> bool:
    return (result.get("requests", 0) > 0 and result["errors"] <= TARGETS["errors"]
            and result["p95_ms"] < TARGETS["p95_ms"] and result["p99_ms"] < TARGETS["p99_ms"])


# ---------------------------------------------------------------- the instance


@dataclass
class Fixture:
    token: str
    segments: list[tuple[int, int]]  # (segment id, version) of translated segments
    document_id: int


def cached_test_models(cache: Path) -> Path:
    """The tiny random-weight models, built once under ``cache``: saving never runs MT, drafting does."""
    from models.testmodels import PAIRS, make_test_models, test_model_name

    models_dir = cache / "testmodels"
    if not all((models_dir / test_model_name(s, t) / "songngu.json").is_file() for s, t in PAIRS):
        make_test_models(models_dir)
    return models_dir


def prepare(settings: Any, segments: int = SEGMENTS) -> Fixture:
    """Users, a translator's API token and one machine-translated article, written through the desk."""
    from translate.bench import article
    from translate.desk import Desk

    desk = Desk(settings, start_worker=False)
    try:
        editor = desk.accounts.create_user("bench-editor", "editor", uuid.uuid4().hex)
        desk.accounts.create_user("bench-translator", "translator", uuid.uuid4().hex)
        token = desk.accounts.create_token("bench-translator", label="load bench")
        body, _ = article(segments)
        doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Bài đo tải",
                                    summary="", body_html=body)
        desk.jobs.request(editor, doc.id)
        desk.jobs.run_queued()
        doc = desk.documents.get(editor, doc.id)
        segs = [(s.id, s.version) for s in doc.segments if s.target]
    finally:
        desk.close()
    return Fixture(token=token, segments=segs, document_id=doc.id)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@contextmanager
def running_server(env: dict[str, str], log_path: Path, workers: int = 1) -> Iterator[tuple[int, int]]:
    """``python -m cli serve`` on a free loopback port, stopped (SIGTERM, then kill) however the run ends."""
    port = free_port()
    cmd = [sys.executable, "-m", "cli", "serve", "--host", HOST, "--port", str(port), "--no-worker",
           "--workers", str(workers)]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_healthy(proc, port, log_path)
        yield port, proc.pid
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=40)  # several web processes finish their requests first
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_healthy(proc: subprocess.Popen, port: int, log_path: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log_path.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise RuntimeError(f"the server exited with {proc.returncode} before answering:\n{tail}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/api/v1/health")
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer /api/v1/health within {START_TIMEOUT_S:.0f} s")


# ---------------------------------------------------------------- the clients


@dataclass
class Shared:
    deadline: float = 0.0
    budget: int = MAX_SAVES
    lock: threading.Lock = field(default_factory=threading.Lock)
    latencies: list[float] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)
    client_means: list[float] = field(default_factory=list)  # each client's mean latency: the balance

    def take(self) -> bool:
        """One more request allowed by both bounds."""
        if time.monotonic() >= self.deadline:
            return False
        with self.lock:
            if self.budget <= 0:
                return False
            self.budget -= 1
            return True


def save_once(conn: http.client.HTTPConnection, token: str, seg_id: int, version: int,
              text: str) -> tuple[int, dict[str, Any]]:
    body = json.dumps({"target": text, "version": version}).encode("utf-8")
    conn.request("PUT", f"/api/v1/segments/{seg_id}", body=body,
                 headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    try:
        payload = json.loads(data) if data else {}
    except ValueError:
        payload = {}
    return resp.status, payload


def client(port: int, token: str, seg_id: int, version: int, n: int, start: threading.Barrier,
           shared: Shared) -> None:
    """One post-editor: save own segment, take the new version, save again, until a bound is hit."""
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    mine: list[float] = []
    errs: Counter = Counter()
    start.wait()
    i = 0
    while shared.take():
        i += 1
        t0 = time.perf_counter()
        try:
            status, payload = save_once(conn, token, seg_id, version, f"Bản dịch {n}, lần sửa {i}.")
        except (OSError, http.client.HTTPException) as exc:
            mine.append(time.perf_counter() - t0)
            errs[type(exc).__name__] += 1
            conn.close()
            conn = http.client.HTTPConnection(HOST, port, timeout=30)
            continue
        mine.append(time.perf_counter() - t0)
        if 200 <= status < 300:
            version = payload["version"]
        else:
            errs[str(status)] += 1
            version = payload.get("current_version", version)
    conn.close()
    with shared.lock:
        shared.latencies.extend(mine)
        shared.errors.update(errs)
        if mine:
            shared.client_means.append(statistics.fmean(mine))


def hammer(port: int, token: str, segments: list[tuple[int, int]], clients: int, seconds: float,
           max_saves: int = MAX_SAVES, on_start: Any = None) -> dict[str, Any]:
    """Run ``clients`` closed-loop clients for ``seconds`` (or ``max_saves`` saves in all).

    ``on_start()`` is called once the warm-up is done, right before the timed run.
    """
    if len(segments) < clients:
        raise ValueError(f"{clients} clients need {clients} segments; the article has {len(segments)}")
    # Warm-up: one save per segment, untimed (first requests import and compile things).
    warm: list[tuple[int, int]] = []
    conn = http.client.HTTPConnection(HOST, port, timeout=30)
    for seg_id, version in segments[:clients]:
        status, payload = save_once(conn, token, seg_id, version, "Khởi động.")
        if status != 200:
            raise RuntimeError(f"warm-up save of segment {seg_id} answered {status}: {payload}")
        warm.append((seg_id, payload["version"]))
    conn.close()
    shared = Shared(budget=max_saves)
    barrier = threading.Barrier(clients + 1)
    threads = [threading.Thread(target=client, args=(port, token, seg, ver, n, barrier, shared), daemon=True)
               for n, (seg, ver) in enumerate(warm)]
    for t in threads:
        t.start()
    if on_start is not None:
        on_start()
    cpu0 = time.process_time()
    shared.deadline = time.monotonic() + seconds
    barrier.wait()
    t0 = time.perf_counter()
    for t in threads:
        t.join(timeout=seconds + 60)
    result = summarise(shared.latencies, shared.errors, time.perf_counter() - t0, clients)
    cpu = time.process_time() - cpu0
    # Even when the total is fine, some users can wait far longer than others (a crowded
    # web process): the fastest and the slowest client's mean latency show it.
    means = sorted(shared.client_means)
    result["client_mean_ms"] = [round(means[0] * 1000, 1), round(means[-1] * 1000, 1)] if means else None
    result["client_cpu_ms_per_request"] = round(cpu * 1000 / result["requests"], 2) if result["requests"] else None
    return result


def hammer_from_another_process(port: int, token: str, segments: list[tuple[int, int]], clients: int,
                                seconds: float, max_saves: int, on_start: Any) -> dict[str, Any]:
    """:func:`hammer` in a child interpreter: the clients' CPU is theirs, not the server's or ours."""
    job = json.dumps({"port": port, "token": token, "segments": segments, "clients": clients,
                      "seconds": seconds, "max_saves": max_saves})
    proc = subprocess.Popen([sys.executable, "-m", "webui.loadbench"], cwd=ROOT, stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(job)
        proc.stdin.close()
        started = proc.stdout.readline()
        if started.strip() == STARTED:
            on_start()
        out = proc.stdout.read()
        err = proc.stderr.read() if proc.stderr else ""
        proc.wait(timeout=seconds + 120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    if proc.returncode != 0 or started.strip() != STARTED:
        raise RuntimeError(f"the load clients failed ({proc.returncode}): {(started + out + err)[-2000:]}")
    return json.loads(out)


STARTED = "songngu-load: started"


def _client_main() -> None:
    """``python -m webui.loadbench``: a job as JSON on stdin; STARTED, then the figures as JSON, on stdout."""
    job = json.loads(sys.stdin.read())

    def started() -> None:
        print(STARTED, flush=True)

    result = hammer(job["port"], job["token"], [tuple(x) for x in job["segments"]], job["clients"],
                    job["seconds"], job["max_saves"], on_start=started)
    print(json.dumps(result), flush=True)


# ---------------------------------------------------------------- one database, all databases


def run_load(database_url: str | None, work: Path, models_dir: Path, clients: int = CLIENTS,
             seconds: float = SECONDS, max_saves: int = MAX_SAVES, workers: int | None = None) -> dict[str, Any]:
    """Prepare a fresh instance in ``work`` (SQLite there unless ``database_url``), serve it, hammer it."""
    from translate.config import load_settings

    instance = work / "instance"
    url = database_url or f"sqlite:///{instance / 'songngu.db'}"
    settings = replace(load_settings(), instance=instance, models_dir=models_dir, database_url=url,
                       redis_url=None, engine="ctranslate2")
    fixture = prepare(settings, max(SEGMENTS, clients))
    env = {k: v for k, v in os.environ.items() if k != "SONGNGU_REDIS_URL"}
    env.update(SONGNGU_INSTANCE=str(instance), SONGNGU_MODELS_DIR=str(models_dir), SONGNGU_DATABASE_URL=url,
               PYTHONUNBUFFERED="1")
    log = work / "server.log"
    workers = workers or default_workers()
    with running_server(env, log, workers) as (port, pid):
        cpu: dict[str, float | None] = {}

        def started() -> None:
            cpu["before"] = process_tree_cpu_seconds(pid)

        try:
            result = hammer_from_another_process(port, fixture.token, fixture.segments, clients, seconds,
                                                 max_saves, on_start=started)
        except RuntimeError as exc:
            tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
            raise RuntimeError(f"{exc}\nthe server's log ends with:\n{tail}") from exc
        cpu_after = process_tree_cpu_seconds(pid)
    # CPU per request is the figure least disturbed by a busy machine (it still moves some).
    cpu_before = cpu.get("before")
    result["server_cpu_ms_per_request"] = (
        round((cpu_after - cpu_before) * 1000 / result["requests"], 2)
        if cpu_before is not None and cpu_after is not None and result["requests"] else None)
    result["database"] = "postgresql" if url.startswith("postgresql") else "sqlite"
    said = re.search(r"songngu: (?:(\d+) web processes x )?(\d+) web threads",
                     log.read_text(encoding="utf-8", errors="replace"))
    result["web_processes"] = int(said.group(1) or 1) if said else None  # as the server itself reported
    result["web_threads"] = int(said.group(2)) if said else None
    result["meets_targets"] = meets_targets(result)
    return result


def default_workers() -> int:
    """SONGNGU_WEB_WORKERS when set (the server's own setting), else one web process per core as the README advises."""
    value = os.environ.get("SONGNGU_WEB_WORKERS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    return max(1, os.cpu_count() or 1)


def postgres_url() -> str | None:
    for name in POSTGRES_ENV:
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return None


@contextmanager
def scratch_schema(base_url: str) -> Iterator[str]:
    """A schema of its own on the PostgreSQL server, dropped afterwards: the bench touches nothing else."""
    from sqlalchemy import text

    from glossary.db import make_engine

    schema = f"songngu_bench_{uuid.uuid4().hex[:10]}"
    admin = make_engine(base_url)
    try:
        with admin.begin() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        sep = "&" if "?" in base_url else "?"
        try:
            yield f"{base_url}{sep}options={quote(f'-csearch_path={schema}')}"
        finally:
            with admin.begin() as conn:
                conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


def load_bench(quick: bool = False, cache: Path = Path("bench/cache"), clients: int = CLIENTS,
               seconds: float | None = None, workers: int | None = None) -> dict[str, Any]:
    """The load run on SQLite, and on PostgreSQL when a URL is configured.

    Each database's run records how busy other processes kept the machine
    meanwhile; a local PostgreSQL server counts among them (it is not our
    child), so on PostgreSQL that check errs on the side of "not idle".
    """
    seconds = seconds if seconds is not None else (QUICK_SECONDS if quick else SECONDS)
    models_dir = cached_test_models(cache)
    workers = workers or default_workers()
    out: dict[str, Any] = {"clients": clients, "seconds": seconds, "targets": TARGETS, "web_processes": workers}
    with IdleWatch() as watch, tempfile.TemporaryDirectory(prefix="songngu-load-") as tmp:
        out["sqlite"] = run_load(None, Path(tmp) / "sqlite", models_dir, clients, seconds, workers=workers)
    out["sqlite"]["idle"] = watch.result
    pg = postgres_url()
    out["postgresql"] = None
    if pg:
        with IdleWatch() as watch, scratch_schema(pg) as url, tempfile.TemporaryDirectory(prefix="songngu-load-") as tmp:
            out["postgresql"] = run_load(url, Path(tmp) / "pg", models_dir, clients, seconds, workers=workers)
        out["postgresql"]["idle"] = watch.result
    return out


if __name__ == "__main__":
    _client_main()
