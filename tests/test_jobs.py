"""Background jobs: memory first, then MT; progress in the jobs table; restarts finish a job exactly once."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select, update

from translate.config import load_settings
from translate.desk import Desk, jobs, memory
from translate.desk.documents import Segment, SegmentEdit

PASSWORD = "correct horse battery"
REPO = Path(__file__).resolve().parent.parent


class CountingTranslator:
    """Stands in for the MT pipeline where the test is about job bookkeeping, not translation."""

    def __init__(self, fail_after: int | None = None) -> None:
        self.calls: list[str] = []
        self.fail_after = fail_after

    def translate_segments(self, segments, src, tgt):
        out = []
        for seg in segments:
            if self.fail_after is not None and len(self.calls) >= self.fail_after:
                raise RuntimeError("engine crashed")
            self.calls.append(seg.text)
            out.append(SimpleNamespace(target_html=f"EN[{seg.text}]", signature="fake|sig", flags=[], terms=[]))
        return out


def body(n: int, offset: int = 0) -> str:
    return "".join(f"<p>Câu thứ {i} kể về phố cổ Hà Nội và làng nghề số {i}.</p>" for i in range(offset, offset + n))


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_REDIS_URL", raising=False)
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def editor(desk):
    return desk.accounts.create_user("ed", "editor", PASSWORD)


def _doc(desk, editor, n=6, offset=0):
    return desk.documents.create(editor, source_lang="vi", category="events", title="Tin phố cổ",
                                summary="", body_html=body(n, offset))


def machine_writes(db, doc_id: int) -> dict[int, int]:
    """Per segment: how many times a job wrote it (machine or memory)."""
    with db.session() as s:
        seg_ids = list(s.scalars(select(Segment.id).where(Segment.document_id == doc_id)))
        counts = dict.fromkeys(seg_ids, 0)
        for seg_id, n in s.execute(
            select(SegmentEdit.segment_id, func.count()).where(
                SegmentEdit.segment_id.in_(seg_ids), SegmentEdit.action.in_(("machine", "memory"))
            ).group_by(SegmentEdit.segment_id)
        ):
            counts[seg_id] = n
        return counts


def test_job_uses_memory_first_then_mt_and_reports_progress(desk, editor):
    with desk.db.transaction() as s:
        memory.add_unit(s, src="vi", tgt="en", source="Câu thứ 1 kể về phố cổ Hà Nội và làng nghề số 1.",
                        target="Sentence one, from memory.")
    doc = _doc(desk, editor)
    job = desk.jobs.request(editor, doc.id)
    assert (job.state, job.done, job.total) == ("queued", 0, 7)
    tr = CountingTranslator()
    assert jobs.run_job(desk.db, job.id, translator=tr) == "done"
    assert len(tr.calls) == 6  # the memory match never reached MT
    job = desk.jobs.get(editor, job.id)
    assert (job.state, job.done, job.total) == ("done", 7, 7)
    segs = desk.documents.get(editor, doc.id).segments
    from_memory = [s for s in segs if s.origin == "memory"]
    assert len(from_memory) == 1 and from_memory[0].target == "Sentence one, from memory."
    assert from_memory[0].match_pct == 100.0
    assert all(s.origin == "mt" and s.target.startswith("EN[") for s in segs if s is not from_memory[0])
    assert set(machine_writes(desk.db, doc.id).values()) == {1}
    # Running the job again (a duplicate queue message) changes nothing.
    assert jobs.run_job(desk.db, job.id, translator=tr) == "done"
    assert len(tr.calls) == 6


def test_requesting_twice_reuses_the_active_job(desk, editor):
    doc = _doc(desk, editor)
    first = desk.jobs.request(editor, doc.id)
    assert desk.jobs.request(editor, doc.id).id == first.id


def test_failed_job_records_the_error_and_a_new_request_finishes_the_rest(desk, editor):
    doc = _doc(desk, editor, n=5)
    job = desk.jobs.request(editor, doc.id)
    assert jobs.run_job(desk.db, job.id, translator=CountingTranslator(fail_after=3)) == "failed"
    view = desk.jobs.get(editor, job.id)
    assert view.state == "failed" and "engine crashed" in view.error and view.done == 0
    retry = desk.jobs.request(editor, doc.id)
    assert retry.id != job.id
    tr = CountingTranslator()
    assert jobs.run_job(desk.db, retry.id, translator=tr) == "done"
    assert set(machine_writes(desk.db, doc.id).values()) == {1}


def test_a_live_lease_is_respected_and_a_dead_local_owner_is_replaced(desk, editor):
    doc = _doc(desk, editor, n=3)
    job = desk.jobs.request(editor, doc.id)
    from translate.desk.documents import utcnow

    with desk.db.transaction() as s:
        s.execute(update(jobs.Job).where(jobs.Job.id == job.id).values(
            state="running", lease_owner="other-host:123:1:abcd", lease_until=utcnow() + jobs.timedelta(minutes=5)))
    tr = CountingTranslator()
    assert jobs.run_job(desk.db, job.id, translator=tr) == "running"
    assert tr.calls == []
    with desk.db.session() as s:
        assert jobs.unfinished_jobs(s) == []  # leased elsewhere: not ours to re-queue

    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with desk.db.transaction() as s:
        s.execute(update(jobs.Job).where(jobs.Job.id == job.id).values(
            lease_owner=f"{jobs._HOST}:{dead.pid}:1:dead"))
    with desk.db.session() as s:
        assert jobs.unfinished_jobs(s) == [job.id]
    assert jobs.run_job(desk.db, job.id, translator=tr) == "done"
    assert len(tr.calls) == 4


def test_redis_queue_is_used_when_configured(tmp_path, monkeypatch):
    from huey import RedisHuey, SqliteHuey

    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "i"))
    monkeypatch.delenv("SONGNGU_REDIS_URL", raising=False)
    huey, _task = jobs.make_huey(load_settings())
    assert isinstance(huey, SqliteHuey) and (tmp_path / "i" / "queue.db").exists()
    monkeypatch.setenv("SONGNGU_REDIS_URL", "redis://localhost:6390/3")
    huey, _task = jobs.make_huey(load_settings())
    assert isinstance(huey, RedisHuey)


def test_request_with_the_queue_down_keeps_the_job_queued(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.setenv("SONGNGU_REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens on port 1
    desk = Desk()
    try:
        editor = desk.accounts.create_user("ed", "editor", PASSWORD)
        doc = _doc(desk, editor, n=2)
        job = desk.jobs.request(editor, doc.id)
        assert job.state == jobs.QUEUED
        assert desk.jobs.get(editor, job.id).state == jobs.QUEUED  # kept for a worker to pick up later
    finally:
        desk.close()


def test_bad_job_settings_are_clear_errors(monkeypatch):
    from translate.errors import SongnguError

    monkeypatch.setenv("SONGNGU_JOB_BATCH", "many")
    with pytest.raises(SongnguError, match="SONGNGU_JOB_BATCH must be an integer"):
        jobs.batch_size()
    monkeypatch.setenv("SONGNGU_JOB_BATCH", "0")
    with pytest.raises(SongnguError, match="at least 1"):
        jobs.batch_size()


@pytest.mark.slow
def test_embedded_worker_runs_jobs_in_process(models_env):
    desk = Desk(start_worker=True)
    try:
        ed = desk.accounts.create_user("ed", "editor", PASSWORD)
        doc = _doc(desk, ed, n=3)
        job = desk.jobs.request(ed, doc.id)
        deadline = time.monotonic() + 120
        while desk.jobs.get(ed, job.id).state != "done":
            assert time.monotonic() < deadline, desk.jobs.get(ed, job.id)
            time.sleep(0.2)
        assert desk.documents.get(ed, doc.id).state == "post-editing"
    finally:
        desk.close()


# --- a real kill -9 in the middle of a job ---------------------------------------------------


def _start_worker(env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "cli", "worker"], cwd=REPO, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _wait(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None):
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"worker exited ({proc.returncode}) before {what}: "
                                 f"{proc.stderr.read().decode(errors='replace')[-3000:]}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def kill_mid_job_and_restart(desk: Desk, env: dict, n_segments: int = 48) -> None:
    """Run a worker process, kill -9 it part-way through a job, start another, check exactly-once."""
    ed = desk.accounts.create_user("killer", "editor", PASSWORD)
    doc = desk.documents.create(ed, source_lang="vi", category="events", title="Bài dài",
                               summary="", body_html=body(n_segments - 1, offset=1000))
    total = len(doc.segments)
    job = desk.jobs.request(ed, doc.id)  # queued in the shared queue file
    env = dict(env, SONGNGU_JOB_BATCH="2", PYTHONUNBUFFERED="1")

    first = _start_worker(env)
    try:
        _wait(lambda: desk.jobs.get(ed, job.id).done >= 6, 180, "the first segments", first)
    finally:
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    at_kill = desk.jobs.get(ed, job.id)
    assert at_kill.state == "running"
    assert 6 <= at_kill.done < total, "the job must be interrupted part-way for this test to mean anything"

    second = _start_worker(env)
    try:
        _wait(lambda: desk.jobs.get(ed, job.id).state in ("done", "failed"), 300, "the job to finish", second)
    finally:
        second.terminate()
        try:
            second.wait(15)
        except subprocess.TimeoutExpired:
            second.kill()
            second.wait(10)
    final = desk.jobs.get(ed, job.id)
    assert (final.state, final.done, final.total) == ("done", total, total), final.error
    writes = machine_writes(desk.db, doc.id)
    assert len(writes) == total
    assert all(n == 1 for n in writes.values()), {k: v for k, v in writes.items() if v != 1}
    segs = desk.documents.get(ed, doc.id).segments
    assert all(s.state == "machine" and s.target for s in segs)
    with desk.db.session() as s:
        assert s.get(jobs.Job, job.id).attempts == 2


@pytest.mark.slow
def test_killed_worker_restarted_finishes_the_job_exactly_once(models_env, tmp_path, monkeypatch):
    monkeypatch.delenv("SONGNGU_REDIS_URL", raising=False)
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    desk = Desk()
    try:
        kill_mid_job_and_restart(desk, dict(os.environ))
    finally:
        desk.close()


def test_settings_are_hashable_for_the_runtime_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path))
    s = load_settings()
    assert jobs.huey_runtime(s) is jobs.huey_runtime(replace(s))
