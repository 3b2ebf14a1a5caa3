"""The one object the web layer and the CLI hold: the database, and a service per responsibility.

Each service checks roles itself and opens its own transactions, so the facade
only wires them to one database and, in the embedded set-up, runs the worker.
"""

from __future__ import annotations

from translate.config import Settings, load_settings
from translate.desk import jobs
from translate.desk.account_service import AccountService
from translate.desk.adaptation.service import AdaptationService
from translate.desk.database import open_database
from translate.desk.document_service import DocumentService
from translate.desk.exchange_service import ExchangeService
from translate.desk.glossary_service import GlossaryService
from translate.desk.job_service import JobService
from translate.desk.media.service import MediaService
from translate.desk.memory_service import MemoryService
from translate.desk.model_service import ModelService
from translate.desk.postedit.service import PostEditService
from translate.desk.publishing import PublishingService
from translate.desk.review_service import ReviewService
from translate.desk.segment_service import SegmentService
from translate.desk.term_learning import TermProposalService
from translate.desk.translation_service import TranslationService
from translate.desk.webhooks.service import WebhookService
from translate.desk.workspace_service import WorkspaceService


class Desk:
    """One per process: opens (and migrates) the database, optionally runs the embedded worker."""

    def __init__(self, settings: Settings | None = None, *, start_worker: bool = False) -> None:
        self.settings = settings or load_settings()
        self.db = open_database(self.settings)
        self.accounts = AccountService(self.db)
        self.media = MediaService(self.db, self.settings)  # article pictures: store, alt text, uploads
        self.documents = DocumentService(self.db, self.media)
        self.segments = SegmentService(self.db)
        self.glossary = GlossaryService(self.db)
        self.jobs = JobService(self.db, self.settings)
        self.translation = TranslationService(self.db, self.settings)
        self.models = ModelService(self.settings)
        self.review = ReviewService(self.db, self.segments)  # send back, comments
        self.workspace = WorkspaceService(self.db)  # the post-editing grid and its helpers
        self.exchange = ExchangeService(self.db, self.segments)  # XLIFF per article, TMX for the memory
        self.postedit = PostEditService(self.db)  # post-edit analytics: dashboard, CSV, article report
        self.webhooks = WebhookService(self.db, self.settings)  # signed POSTs of publications to a CMS
        self.memory = MemoryService(self.db)  # concordance over the whole memory, its size
        self.publishing = PublishingService(self.db, self.settings)  # both languages to the static site
        self.term_proposals = TermProposalService(self.db)  # the glossary learning from translators
        self.documents.publisher = self.publishing  # DocumentService.publish delegates to it
        self.publishing.listeners.append(self.webhooks.notify)  # each publication/withdrawal to the CMS
        self.adaptation = AdaptationService(self.db, self.settings)  # fine-tune on approved pairs, accept, roll back
        self.worker: jobs.EmbeddedWorker | None = None
        if start_worker:
            self.worker = jobs.EmbeddedWorker(self.settings).start()

    def close(self) -> None:
        if self.worker is not None:
            self.worker.stop()
            self.worker = None
        self.publishing.settle()  # old site releases being pruned in the background
        self.db.close()
