"""Background pre-translation jobs: memory first, then glossary-held MT, one segment at a time.

The ``jobs`` table, not the queue, is the truth about a job: its state and
progress are rows any process can read. The queue (Huey: a SQLite file under the
instance folder by default, Redis when ``SONGNGU_REDIS_URL`` is set) only says
"look at job N". That split is what makes restarts safe:

* each segment is written in its own transaction, and only if it is still
  ``new`` (``UPDATE ... WHERE state = 'new'``), so no segment is done twice even
  if two workers somehow ran the same job;
* a worker holds a lease on the job (owner + expiry, renewed with every
  segment); another worker may take over only once the lease has expired, or at
  once when the owner was a process on this host that no longer exists;
* on start, every unfinished job is queued again, and workers re-check leases
  every minute, so a job whose worker was killed is finished by the next one.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
import uuid
from datetime import datetime, timedelta

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, func, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from glossary.db import Base, create_private_file
from translate.config import Settings, load_settings
from translate.desk.documents import (
    SEG_MACHINE,
    SEG_MEMORY,
    SEG_NEW,
    Document,
    Segment,
    SegmentEdit,
    derive_state,
    parse_fields,
    source_segments,
    utcnow,
)
from translate.errors import SongnguError

log = logging.getLogger("songngu.jobs")

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
ACTIVE = (QUEUED, RUNNING)
TASK_NAME = "songngu.pretranslate"


def lease_seconds() -> int:
    return load_settings().job_lease_s


def batch_size() -> int:
    """Segments per MT call: larger is faster, smaller loses less work to a crash."""
    return load_settings().job_batch


class Job(Base):
    __tablename__ = "jobs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    state: Mapped[str] = mapped_column(String(10), default=QUEUED, index=True)
    done: Mapped[int] = mapped_column(Integer, default=0)
    total: Mapped[int] = mapped_column(Integer, default=0)
    error: Mapped[str | None] = mapped_column(Text, nullable=True)
    requested_by: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"), nullable=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    lease_owner: Mapped[str | None] = mapped_column(String(120), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    started_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


# --- owners and leases -----------------------------------------------------------------------

_HOST = socket.gethostname()
_PROCESS_TOKEN = uuid.uuid4().hex[:8]


def owner_id() -> str:
    """host:pid:thread:token — enough to tell a dead local owner from a live remote one."""
    return f"{_HOST}:{os.getpid()}:{threading.get_ident() % 100000}:{_PROCESS_TOKEN}"


def _owner_is_dead(owner: str | None) -> bool:
    """True only when we can be sure: the owner was on this host and its process is gone."""
    if not owner:
        return True
    parts = owner.split(":")
    if len(parts) != 4 or parts[0] != _HOST:
        return False
    try:
        pid = int(parts[1])
    except ValueError:
        return False
    if pid == os.getpid():
        # Same pid: alive only if it is this very process (a restart may reuse a pid).
        return parts[3] != _PROCESS_TOKEN
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def create_job(session: Session, document: Document, user_id: int | None) -> Job:
    """A job for every ``new`` segment of the document; an active job is reused, not doubled."""
    active = session.scalar(
        select(Job).where(Job.document_id == document.id, Job.state.in_(ACTIVE)).order_by(Job.id.desc())
    )
    if active is not None:
        return active
    total = session.scalar(select(func.count()).select_from(Segment).where(Segment.document_id == document.id))
    done = session.scalar(
        select(func.count()).select_from(Segment)
        .where(Segment.document_id == document.id, Segment.state != SEG_NEW)
    )
    job = Job(document_id=document.id, state=QUEUED, total=total or 0, done=done or 0, requested_by=user_id)
    session.add(job)
    session.flush()
    return job


def _claim(session: Session, job_id: int, me: str) -> bool:
    now = utcnow()
    job = session.get(Job, job_id)
    if job is None or job.state not in ACTIVE:
        return False
    allowed = [Job.lease_owner.is_(None), Job.lease_until < now, Job.lease_owner == me]
    if job.lease_owner and job.lease_owner != me and _owner_is_dead(job.lease_owner):
        allowed.append(Job.lease_owner == job.lease_owner)
    res = session.execute(
        update(Job)
        .where(Job.id == job_id, Job.state.in_(ACTIVE), or_(*allowed))
        .values(state=RUNNING, lease_owner=me, lease_until=now + timedelta(seconds=lease_seconds()),
                started_at=func.coalesce(Job.started_at, now), attempts=Job.attempts + 1, error=None)
        .execution_options(synchronize_session=False)
    )
    session.commit()
    return res.rowcount == 1


def _progress(session: Session, job: Job, me: str) -> bool:
    """Count done segments and renew the lease, in the caller's transaction; False if the lease was lost."""
    done = session.scalar(
        select(func.count()).select_from(Segment)
        .where(Segment.document_id == job.document_id, Segment.state != SEG_NEW)
    )
    res = session.execute(
        update(Job)
        .where(Job.id == job.id, Job.lease_owner == me, Job.state == RUNNING)
        .values(done=done, lease_until=utcnow() + timedelta(seconds=lease_seconds()))
        .execution_options(synchronize_session=False)
    )
    return res.rowcount == 1


def _write_segment(session: Session, seg_id: int, *, target: str, state: str, origin: str,
                   signature: str, flags: list, terms: list, match_pct: float | None, action: str) -> bool:
    """Fill a ``new`` segment; False (and nothing written) if someone else already did."""
    res = session.execute(
        update(Segment)
        .where(Segment.id == seg_id, Segment.state == SEG_NEW)
        .values(target=target, mt_target=target, state=state, origin=origin, signature=signature,
                flags=flags, terms=terms, match_pct=match_pct, version=Segment.version + 1,
                updated_at=utcnow(), updated_by=None)
        .execution_options(synchronize_session=False)
    )
    if res.rowcount != 1:
        return False
    version = session.scalar(select(Segment.version).where(Segment.id == seg_id))
    session.add(SegmentEdit(segment_id=seg_id, user_id=None, action=action, target=target, version=version))
    return True


def refresh_document_state(session: Session, document_id: int) -> str:
    doc = session.get(Document, document_id)
    if doc is None:
        return ""
    states = list(session.scalars(select(Segment.state).where(Segment.document_id == document_id)))
    active = session.scalar(
        select(func.count()).select_from(Job).where(Job.document_id == document_id, Job.state.in_(ACTIVE))
    )
    new_state = derive_state(doc.state, states, bool(active))
    if new_state != doc.state:
        doc.state = new_state
        doc.updated_at = utcnow()
    return new_state


# --- the work --------------------------------------------------------------------------------

def default_translator(session: Session, settings: Settings):
    """A Translator held to the glossary as it is now (a snapshot: a job keeps one version).

    Creating one is cheap: engines are loaded once per process and cached by
    ``translate.engines.select``.
    """
    from glossary.termbase import Termbase
    from translate.pipeline import Translator

    return Translator(settings=settings, glossary=Termbase(session).snapshot())


def run_job(db, job_id: int, *, translator=None, settings: Settings | None = None) -> str:
    """Pre-translate a job's remaining segments. Returns the job's state afterwards.

    ``db`` is a :class:`translate.desk.database.Database`. Safe to call any number of
    times, from any number of processes: see the module docstring.
    """
    from translate.desk import memory

    me = owner_id()
    with db.session() as session:
        if not _claim(session, job_id, me):
            job = session.get(Job, job_id)
            return job.state if job is not None else "missing"
    try:
        with db.session() as session:
            job = session.get(Job, job_id)
            doc = session.get(Document, job.document_id)
            src, tgt = doc.source_lang, doc.target_lang
            pending = list(session.scalars(
                select(Segment).where(Segment.document_id == doc.id, Segment.state == SEG_NEW)
                .order_by(Segment.index)
            ))
            # Memory first: a 100% match is reused as it is, without MT.
            remaining: list[Segment] = []
            for seg in pending:
                hit = memory.best_exact(session, src, tgt, seg.source, seg.source_html)
                if hit is None:
                    remaining.append(seg)
                    continue
                wrote = _write_segment(session, seg.id, target=hit.target, state=SEG_MEMORY, origin="memory",
                                       signature=f"memory:unit{hit.unit_id}", flags=[], terms=[],
                                       match_pct=100.0, action="memory")
                if not _progress(session, job, me):
                    session.rollback()
                    return _lost(db, job_id)
                session.commit()
                if not wrote:
                    log.info("job %s: segment %s was already done", job_id, seg.id)
            if remaining:
                parsed = parse_fields(doc.title, doc.summary, doc.body_html, src)
                by_place = {(f, pos): s for f, pos, s in source_segments(parsed)}
                rows = list(session.scalars(
                    select(Segment).where(Segment.document_id == doc.id).order_by(Segment.index)))
                place = {}
                counters: dict[str, int] = {}
                for row in rows:
                    pos = counters.get(row.field, 0)
                    counters[row.field] = pos + 1
                    place[row.id] = (row.field, pos)
                if translator is None:
                    translator = default_translator(session, settings or load_settings())
                size = batch_size()
                for start in range(0, len(remaining), size):
                    batch = remaining[start:start + size]
                    # Re-check: another worker (or an editor) may have filled some meanwhile.
                    still_new = set(session.scalars(
                        select(Segment.id).where(Segment.id.in_([s.id for s in batch]), Segment.state == SEG_NEW)))
                    batch = [s for s in batch if s.id in still_new]
                    session.commit()  # hold no transaction while the engine works
                    if not batch:
                        continue
                    sources = [by_place[place[s.id]] for s in batch]
                    results = translator.translate_segments(sources, src, tgt)
                    for seg, res in zip(batch, results, strict=True):
                        _write_segment(session, seg.id, target=res.target_html, state=SEG_MACHINE, origin="mt",
                                       signature=res.signature, flags=list(res.flags), terms=list(res.terms),
                                       match_pct=None, action="machine")
                        if not _progress(session, job, me):
                            session.rollback()
                            return _lost(db, job_id)
                        session.commit()
            session.execute(
                update(Job).where(Job.id == job_id, Job.lease_owner == me)
                .values(state=DONE, done=Job.total, finished_at=utcnow(), lease_owner=None, lease_until=None)
                .execution_options(synchronize_session=False)
            )
            refresh_document_state(session, doc.id)
            session.commit()
            return DONE
    except Exception as exc:
        log.exception("job %s failed", job_id)
        message = str(exc) if isinstance(exc, SongnguError) else f"{type(exc).__name__}: {exc}"
        with db.session() as session:
            session.execute(
                update(Job).where(Job.id == job_id, Job.lease_owner == me)
                .values(state=FAILED, error=message[:2000], finished_at=utcnow(), lease_owner=None,
                        lease_until=None)
                .execution_options(synchronize_session=False)
            )
            job = session.get(Job, job_id)
            if job is not None:
                refresh_document_state(session, job.document_id)
            session.commit()
        return FAILED


def _lost(db, job_id: int) -> str:
    log.warning("job %s: lease lost to another worker; stopping", job_id)
    with db.session() as session:
        job = session.get(Job, job_id)
        return job.state if job is not None else "missing"


def unfinished_jobs(session: Session) -> list[int]:
    """Jobs nobody is working on: queued or running with an expired lease or a dead local owner."""
    now = utcnow()
    out = []
    for job in session.scalars(select(Job).where(Job.state.in_(ACTIVE)).order_by(Job.id)):
        if job.lease_owner is None or job.lease_until is None or job.lease_until < now \
                or _owner_is_dead(job.lease_owner):
            out.append(job.id)
    return out


# --- the queue -------------------------------------------------------------------------------


def redis_url() -> str | None:
    return load_settings().redis_url


def make_huey(settings: Settings):
    """RedisHuey when the settings name a Redis (``SONGNGU_REDIS_URL``), else a SQLite file.

    The queue follows ``settings``, like the database does: a caller that passes its
    own settings must not have its jobs sent to a queue the environment chose.
    """
    from huey import RedisHuey, SqliteHuey, crontab

    url = settings.redis_url
    if url:
        huey = RedisHuey("songngu", url=url, results=False)
    else:
        create_private_file(settings.instance / "queue.db")  # 0600 before SQLite opens it
        huey = SqliteHuey("songngu", filename=str(settings.instance / "queue.db"), results=False)

    def pretranslate(job_id: int) -> None:
        run_job(_database(settings), job_id, settings=settings)

    def recover() -> None:
        requeue_unfinished(huey_runtime(settings))

    task = huey.task(name=TASK_NAME)(pretranslate)
    huey.periodic_task(crontab(minute="*"), name="songngu.recover")(recover)
    from translate.desk.webhooks import tasks as webhook_tasks  # CMS deliveries: "try delivery N"

    webhook_tasks.register(huey, settings, lambda: _database(settings))
    from translate.desk.adaptation import tasks as adaptation_tasks  # "start adaptation run N" (own process)

    adaptation_tasks.register(huey, settings, lambda: _database(settings))
    return huey, task


class Runtime:
    """The queue and database of one process, built once per settings."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.huey, self._pretranslate = make_huey(settings)
        self.db = _database(settings)

    def enqueue(self, job_id: int) -> None:
        self._pretranslate(job_id)

    def deliver_webhook(self, delivery_id: int) -> None:
        from translate.desk.webhooks import tasks as webhook_tasks

        webhook_tasks.enqueue(self.huey, delivery_id)

    def enqueue_adaptation(self, run_id: int) -> None:
        from translate.desk.adaptation import tasks as adaptation_tasks

        adaptation_tasks.enqueue(self.huey, run_id)

    def sweep_webhooks(self) -> list[int]:
        """Queue webhook deliveries that are due or were abandoned mid-attempt (never raises)."""
        from translate.desk.webhooks import tasks as webhook_tasks

        return webhook_tasks.sweep(self.db, self.huey)


_runtimes: dict[Settings, Runtime] = {}
_dbs: dict[str, object] = {}
_rt_lock = threading.Lock()


def _database(settings: Settings):
    from translate.desk.database import Database

    with _rt_lock:
        db = _dbs.get(settings.database_url)
        if db is None:
            db = _dbs[settings.database_url] = Database(settings.database_url)
        return db


def huey_runtime(settings: Settings | None = None) -> Runtime:
    settings = settings or load_settings()
    with _rt_lock:
        rt = _runtimes.get(settings)
    if rt is None:
        rt = Runtime(settings)
        with _rt_lock:
            rt = _runtimes.setdefault(settings, rt)
    return rt


def requeue_unfinished(rt: Runtime) -> list[int]:
    with rt.db.session() as session:
        ids = unfinished_jobs(session)
    for job_id in ids:
        rt.enqueue(job_id)
    if ids:
        log.info("re-queued unfinished jobs %s", ids)
    rt.sweep_webhooks()  # due and abandoned CMS deliveries ride on the same recovery
    return ids


class EmbeddedWorker:
    """The in-process consumer of the embedded set-up: one thread, started with the app.

    Huey's own consumer installs signal handlers, which only the main thread may
    do, so this thread drives the same queue with Huey's dequeue/execute calls.
    """

    def __init__(self, settings: Settings, poll: float = 0.2, recover_every: float = 30.0) -> None:
        self.rt = huey_runtime(settings)
        self.poll = poll
        self.recover_every = recover_every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="songngu-worker", daemon=True)

    def start(self) -> EmbeddedWorker:
        requeue_unfinished(self.rt)
        self._thread.start()
        return self

    def _loop(self) -> None:
        last_recover = time.monotonic()
        while not self._stop.is_set():
            try:
                task = self.rt.huey.dequeue()
                if task is None:
                    if time.monotonic() - last_recover > self.recover_every:
                        requeue_unfinished(self.rt)
                        last_recover = time.monotonic()
                    self._stop.wait(self.poll)
                    continue
                self.rt.huey.execute(task)
            except Exception:  # keep the worker alive; the job row records the failure
                log.exception("embedded worker: task failed")
                self._stop.wait(self.poll)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join(timeout)


def run_worker(settings: Settings | None = None, workers: int = 1) -> None:
    """``songngu worker``: Huey's consumer in this process's main thread until interrupted."""
    rt = huey_runtime(settings)
    rt.db.upgrade()
    requeue_unfinished(rt)
    consumer = rt.huey.create_consumer(workers=workers, worker_type="thread", periodic=True)
    consumer.run()
