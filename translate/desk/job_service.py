"""Translation jobs as the desk asks for them: request one for an article, follow it, run the queue inline."""

from __future__ import annotations

import logging

from translate.config import Settings
from translate.desk import jobs
from translate.desk.database import Database
from translate.desk.document_service import load_document
from translate.desk.documents import DOC_PUBLISHED
from translate.desk.errors import InvalidState, NotFound
from translate.desk.rules import ANY_ROLE, EDITORS, is_id, require
from translate.desk.views import JobView, UserView, job_view

log = logging.getLogger("songngu.desk")


class JobService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def request(self, actor: UserView, doc_id: int) -> JobView:
        """Queue machine drafts for every untranslated segment; the job row is the truth, the queue a hint."""
        require(actor, EDITORS, "request translations")
        with self.db.transaction() as s:
            doc = load_document(s, doc_id)
            if doc.state == DOC_PUBLISHED:
                raise InvalidState(f"document {doc_id} is already published")
            job = jobs.create_job(s, doc, actor.id)
            jobs.refresh_document_state(s, doc.id)
            view = job_view(job)
        if view.state in jobs.ACTIVE:
            try:
                jobs.huey_runtime(self.settings).enqueue(view.id)
            except Exception as exc:  # the queue (Redis) is down: the job row stays queued
                log.warning("job %s saved but not queued (%s); workers pick it up when the queue is back",
                            view.id, exc)
        return view

    def get(self, actor: UserView, job_id: int) -> JobView:
        require(actor, ANY_ROLE, "read jobs")
        with self.db.session() as s:
            job = s.get(jobs.Job, job_id) if is_id(job_id) else None
            if job is None:
                raise NotFound(f"no job with id {job_id}")
            return job_view(job)

    def run_queued(self) -> int:
        """Work through the queue in this thread (CLI one-shot use and tests without a worker)."""
        rt = jobs.huey_runtime(self.settings)
        n = 0
        while (task := rt.huey.dequeue()) is not None:
            rt.huey.execute(task)
            n += 1
        return n
