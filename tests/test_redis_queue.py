"""The scale-out set-up on a real Redis: the web side only enqueues, `songngu worker` processes run the jobs.

Needs a Redis server (``SONGNGU_TEST_REDIS_URL``, e.g. ``redis://127.0.0.1:6390/15``, as
``.ci/run`` sets it); skipped when unset. Each test FLUSHes that Redis database
before and after, so point it at a throwaway database. Desk and workers share the
test's SQLite instance database and the tiny test models; the workers are real
processes started through the ``songngu`` console script (the kill test reuses
``test_jobs.kill_mid_job_and_restart``, which runs ``python -m cli worker``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

REDIS_URL = os.environ.get("SONGNGU_TEST_REDIS_URL", "").strip()

pytestmark = [
    pytest.mark.redis,
    pytest.mark.slow,
    pytest.mark.skipif(not REDIS_URL, reason="SONGNGU_TEST_REDIS_URL is not set"),
]

PASSWORD = "correct horse battery"
REPO = Path(__file__).resolve().parent.parent
QUEUE_KEY = "huey.redis.songngu"  # RedisHuey("songngu"): the list the web side pushes to


def body(n: int, offset: int = 0) -> str:
    return "".join(f"<p>Câu thứ {i} kể về phố cổ Hà Nội và làng nghề số {i}.</p>" for i in range(offset, offset + n))


def worker_command() -> list[str]:
    """``songngu worker`` as installed beside this interpreter; the module when not installed."""
    script = Path(sys.executable).parent / "songngu"
    if script.exists():
        return [str(script), "worker"]
    return [sys.executable, "-m", "cli", "worker"]


@pytest.fixture
def redis_env(models_env, monkeypatch):
    """The test models, a fresh instance folder, SONGNGU_REDIS_URL set, and an empty Redis database."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    try:
        client.ping()
    except redis.exceptions.ConnectionError as exc:
        pytest.fail(f"SONGNGU_TEST_REDIS_URL={REDIS_URL} does not answer: {exc}")
    client.flushdb()
    monkeypatch.setenv("SONGNGU_REDIS_URL", REDIS_URL)
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)  # the instance's SQLite, shared by all processes
    yield client
    client.flushdb()
    client.close()


class Workers:
    """``songngu worker`` processes, logging to files (a full pipe would stall them); all stopped at the end."""

    def __init__(self, tmp_path: Path) -> None:
        self.tmp_path = tmp_path
        self.procs: list[tuple[subprocess.Popen, Path]] = []

    def start(self, **extra_env: str) -> subprocess.Popen:
        log = self.tmp_path / f"worker{len(self.procs)}.log"
        env = dict(os.environ, PYTHONUNBUFFERED="1", **extra_env)
        with log.open("wb") as fh:
            proc = subprocess.Popen(worker_command(), cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=fh)
        self.procs.append((proc, log))
        return proc

    def log(self, proc: subprocess.Popen) -> str:
        path = next(p for q, p in self.procs if q is proc)
        return path.read_text(encoding="utf-8", errors="replace")

    def wait_ready(self, proc: subprocess.Popen, timeout: float = 60) -> None:
        """Until Huey's consumer has started (it then blocks on the Redis queue)."""
        wait_for(lambda: "Huey consumer started" in self.log(proc), timeout, "the worker to start", self, proc)

    def stop_all(self) -> None:
        for proc, _ in self.procs:
            if proc.poll() is None:
                proc.terminate()
        for proc, _ in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(10)


@pytest.fixture
def workers(tmp_path):
    w = Workers(tmp_path)
    yield w
    w.stop_all()


def wait_for(predicate, timeout: float, what: str, workers: Workers | None = None, *procs: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        for proc in procs:
            if proc.poll() is not None:
                raise AssertionError(f"worker exited ({proc.returncode}) before {what}:\n"
                                     f"{workers.log(proc)[-3000:] if workers else ''}")
        if time.monotonic() > deadline:
            logs = "\n---\n".join(workers.log(p)[-2000:] for p in procs) if workers else ""
            raise AssertionError(f"timed out waiting for {what}\n{logs}")
        time.sleep(0.05)


def assert_done_exactly_once(desk, user, doc_id: int, job_id: int) -> None:
    from test_jobs import machine_writes

    job = desk.jobs.get(user, job_id)
    doc = desk.documents.get(user, doc_id)
    total = len(doc.segments)
    assert (job.state, job.done, job.total) == ("done", total, total), job.error
    writes = machine_writes(desk.db, doc_id)
    assert len(writes) == total
    assert all(n == 1 for n in writes.values()), {k: v for k, v in writes.items() if v != 1}
    assert all(s.state == "machine" and s.origin == "mt" and s.target and s.signature for s in doc.segments)
    assert doc.state == "post-editing"


def test_web_side_enqueues_in_redis_and_a_worker_process_completes_the_job(redis_env, workers):
    from huey.storage import RedisStorage

    from translate.desk import Desk, jobs

    desk = Desk(start_worker=False)  # the web side of the production set-up: it runs no jobs itself
    try:
        ed = desk.accounts.create_user("ed", "editor", PASSWORD)
        doc = desk.documents.create(ed, source_lang="vi", category="events", title="Tin phố cổ",
                                   summary="", body_html=body(7))
        job = desk.jobs.request(ed, doc.id)
        assert desk.worker is None

        # The request is a message in Redis and nothing else has happened yet.
        huey = jobs.huey_runtime(desk.settings).huey
        assert isinstance(huey.storage, RedisStorage)
        assert redis_env.llen(QUEUE_KEY) == 1
        assert [(t.name, t.args) for t in huey.pending()] == [(jobs.TASK_NAME, (job.id,))]
        time.sleep(0.5)
        assert desk.jobs.get(ed, job.id).state == "queued"

        w = workers.start()
        wait_for(lambda: desk.jobs.get(ed, job.id).state in ("done", "failed"), 90, "the job to finish",
                 workers, w)
        assert_done_exactly_once(desk, ed, doc.id, job.id)
        with desk.db.session() as s:
            assert s.get(jobs.Job, job.id).attempts == 1
        # The worker drains the queue: no pretranslate message is left behind.
        wait_for(lambda: not [t for t in huey.pending() if t.name == jobs.TASK_NAME], 10,
                 "the queue to drain", workers, w)
    finally:
        desk.close()


def test_two_worker_processes_share_two_documents_with_no_segment_done_twice(redis_env, workers):
    from translate.desk import Desk, jobs

    w1, w2 = workers.start(SONGNGU_JOB_BATCH="2"), workers.start(SONGNGU_JOB_BATCH="2")
    workers.wait_ready(w1)
    workers.wait_ready(w2)

    desk = Desk(start_worker=False)
    try:
        ed = desk.accounts.create_user("ed", "editor", PASSWORD)
        docs = [desk.documents.create(ed, source_lang="vi", category="events", title=f"Bài {k}",
                                     summary="", body_html=body(24, offset=100 * k)) for k in (1, 2)]
        job_ids = [desk.jobs.request(ed, d.id).id for d in docs]

        owners: dict[int, set[str]] = {j: set() for j in job_ids}

        def finished() -> bool:
            with desk.db.session() as s:
                rows = [s.get(jobs.Job, j) for j in job_ids]
                for row in rows:
                    s.refresh(row)
                    if row.lease_owner:
                        owners[row.id].add(row.lease_owner.split(":")[1])
                return all(row.state in ("done", "failed") for row in rows)

        wait_for(finished, 90, "both jobs to finish", workers, w1, w2)
        for d, j in zip(docs, job_ids, strict=True):
            assert_done_exactly_once(desk, ed, d.id, j)
        # Both processes really worked: each job was leased by a worker, and not both by the same one.
        pids = {str(w1.pid), str(w2.pid)}
        seen = set().union(*owners.values())
        assert seen == pids, (owners, pids)
    finally:
        desk.close()


def test_killed_worker_is_replaced_and_the_job_finishes_exactly_once(redis_env):
    """SIGKILL a worker mid-job (its Redis message is gone with it); the next worker finishes the job."""
    from huey.storage import RedisStorage
    from test_jobs import kill_mid_job_and_restart

    from translate.desk import Desk, jobs

    desk = Desk(start_worker=False)
    try:
        assert isinstance(jobs.huey_runtime(desk.settings).huey.storage, RedisStorage)
        kill_mid_job_and_restart(desk, dict(os.environ))
    finally:
        desk.close()


def test_the_queue_follows_the_settings_given_not_only_the_environment(redis_env, monkeypatch):
    """Desk(settings) with a Redis URL in its settings enqueues in Redis even when the env var is unset."""
    from dataclasses import replace

    from huey.storage import RedisStorage

    from translate.config import load_settings
    from translate.desk import Desk, jobs

    monkeypatch.delenv("SONGNGU_REDIS_URL")
    desk = Desk(replace(load_settings(), redis_url=REDIS_URL), start_worker=False)
    try:
        ed = desk.accounts.create_user("ed", "editor", PASSWORD)
        doc = desk.documents.create(ed, source_lang="vi", category="events", title="Tin", summary="",
                                   body_html=body(2))
        job = desk.jobs.request(ed, doc.id)
        assert isinstance(jobs.huey_runtime(desk.settings).huey.storage, RedisStorage)
        assert redis_env.llen(QUEUE_KEY) == 1, "the job went to the SQLite queue, not to Redis"
        assert [t.args for t in jobs.huey_runtime(desk.settings).huey.pending()] == [(job.id,)]
    finally:
        desk.close()


def test_worker_never_prints_the_redis_password(redis_env, monkeypatch):
    from click.testing import CliRunner

    from cli.worker import worker
    from translate.desk import jobs

    secret = "s3cret-pw-for-the-queue"
    monkeypatch.setenv("SONGNGU_REDIS_URL", f"redis://:{secret}@queue-host:6379/0")
    ran = []
    monkeypatch.setattr(jobs, "run_worker", lambda settings, workers: ran.append((settings.redis_url, workers)))
    result = CliRunner().invoke(worker, ["--threads", "2"])
    assert result.exit_code == 0, result.output
    assert ran == [(f"redis://:{secret}@queue-host:6379/0", 2)]
    assert "queue redis://:***@queue-host:6379/0, 2 thread(s)" in result.output
    assert secret not in result.output
