"""The one object the web layer and the CLI hold: the database, and a service per responsibility.

Each service checks roles itself and opens its own transactions, so the facade
only wires them to one database and, in the embedded set-up, runs the worker.
"""

from __future__ import annotations

from translate.config import Settings, load_settings
from translate.desk import jobs
from translate.desk.account_service import AccountService
from translate.desk.database import open_database
from translate.desk.document_service import DocumentService
from translate.desk.exchange_service import ExchangeService
from translate.desk.glossary_service import GlossaryService
from translate.desk.job_service import JobService
from translate.desk.model_service import ModelService
from translate.desk.review_service import ReviewService
from translate.desk.segment_service import SegmentService
from translate.desk.translation_service import TranslationService
from translate.desk.workspace_service import WorkspaceService


class Desk:
    """One per process: opens (and migrates) the database, optionally runs the embedded worker."""

    def __init__(self, settings: Settings | None = None, *, start_worker: bool = False) -> None:
        self.settings = settings or load_settings()
        self.db = open_database(self.settings)
        self.accounts = AccountService(self.db)
        self.documents = DocumentService(self.db)
        self.segments = SegmentService(self.db)
        self.glossary = GlossaryService(self.db)
        self.jobs = JobService(self.db, self.settings)
        self.translation = TranslationService(self.db, self.settings)
        self.models = ModelService(self.settings)
        self.review = ReviewService(self.db, self.segments)  # send back, comments
        self.workspace = WorkspaceService(self.db)  # the post-editing grid and its helpers
        self.exchange = ExchangeService(self.db, self.segments)  # XLIFF per article, TMX for the memory
        self.worker: jobs.EmbeddedWorker | None = None
        if start_worker:
            self.worker = jobs.EmbeddedWorker(self.settings).start()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        self.db.close()
