"""Which checkpoints the desk's drafts come from, for the people reading those drafts.

A desk running on the tiny random-weight TEST models produces nonsense drafts; the
web layer must say so on every page so nobody edits or publishes them by mistake.
Looking at the models folder means reading manifests from disk, so the answer is
kept for a few seconds rather than recomputed on every page view.
"""

from __future__ import annotations

import threading
import time

from models.registry import find_model, installed_models, read_scores
from translate.config import Settings
from translate.desk.rules import require
from translate.desk.views import UserView
from translate.engines.select import PAIRS
from translate.errors import ModelNotFoundError

CACHE_SECONDS = 10.0


class ModelService:
    """Answers questions about the installed MT checkpoints; safe to share between threads."""

    def __init__(self, settings: Settings, *, cache_seconds: float = CACHE_SECONDS) -> None:
        self.settings = settings
        self.cache_seconds = cache_seconds
        self._lock = threading.Lock()
        self._cached: tuple[float, bool] | None = None

    def drafts_are_test_output(self) -> bool:
        """True when any direction would be drafted by a TEST model (the one the engines pick).

        A direction with no model at all produces no drafts, so it does not count.
        """
        now = time.monotonic()
        with self._lock:
            if self._cached is not None and now - self._cached[0] < self.cache_seconds:
                return self._cached[1]
        answer = False
        for src, tgt in sorted(PAIRS):
            try:
                model = find_model(self.settings.models_dir, src, tgt)
            except ModelNotFoundError:
                continue
            if model.test:
                answer = True
                break
        with self._lock:
            self._cached = (now, answer)
        return answer

    def list_models(self, actor: UserView) -> list[dict]:
        """Installed checkpoints with the scores kept beside each, newest first; admins only.

        The scores are what `songngu evaluate` wrote, so choosing or replacing a
        model is a decision made on numbers.
        """
        require(actor, ("admin",), "see the installed models")
        return [{"name": m.name, "src": m.src, "tgt": m.tgt, "revision": m.revision, "test": m.test,
                 "model_id": m.model_id, "backends": m.backends, "size_bytes": m.size_bytes(),
                 "scores": read_scores(m.root)}
                for m in installed_models(self.settings.models_dir)]
