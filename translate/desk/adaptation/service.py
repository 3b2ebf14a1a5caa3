"""``desk.adaptation``: adapt a model to the site's approved translations, then accept or roll back.

Admins only. A request checks there is enough data before anything is queued,
allows one active run per direction, and returns at once; the run itself happens
in its own process (:mod:`translate.desk.adaptation.runner`). A new revision is
installed beside the old one but becomes the default only through ``accept``,
and only when it scored better on the held-out articles; ``rollback`` restores
the previous default.
"""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import select

from translate.config import Settings
from translate.desk.adaptation.runs import ACTIVE, QUEUED, AdaptationRun
from translate.desk.database import Database
from translate.desk.errors import InvalidState, NotFound
from translate.desk.rules import require
from translate.desk.views import UserView
from translate.errors import InputError

log = logging.getLogger("songngu.adaptation")
ADMINS = ("admin",)
DEFAULT_MIN_PAIRS = 200
DEFAULT_STEPS = 1000
DEFAULT_LEARNING_RATE = 5e-5
MAX_STEPS = 100_000


@dataclass(frozen=True)
class RunView:
    id: int
    src: str
    tgt: str
    model_name: str | None
    base_revision: str | None
    state: str
    stage: str
    step: int
    total_steps: int
    learning_rate: float
    cancel_requested: bool
    revision: str | None
    train_pairs: int | None
    heldout_pairs: int | None
    train_loss: float | None
    heldout_loss: float | None
    evaluation: dict | None
    better: bool | None
    error: str | None
    created_at: str
    finished_at: str | None

    @property
    def active(self) -> bool:
        return self.state in ACTIVE

    @property
    def percent(self) -> int:
        """Training is most of the time; conversion and evaluation fill the last tenth."""
        if not self.active:
            return 100
        share = {"converting": 92, "evaluating": 95, "installing": 99}.get(self.stage)
        if share is not None:
            return share
        if not self.total_steps or not self.step:
            return 0
        return max(1, int(90 * self.step / self.total_steps))

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "active": self.active, "percent": self.percent}


def run_view(run: AdaptationRun) -> RunView:
    return RunView(run.id, run.src, run.tgt, run.model_name, run.base_revision, run.state, run.stage, run.step,
                   run.total_steps, run.learning_rate, bool(run.cancel_requested), run.revision, run.train_pairs,
                   run.heldout_pairs, run.train_loss, run.heldout_loss, run.evaluation, run.better, run.error,
                   run.created_at.isoformat(timespec="seconds"),
                   run.finished_at.isoformat(timespec="seconds") if run.finished_at else None)


class AdaptationService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    # -- runs -----------------------------------------------------------------------------
    def request(self, actor: UserView, src: str, tgt: str, *, from_model: str | None = None,
                min_pairs: int = DEFAULT_MIN_PAIRS, steps: int = DEFAULT_STEPS,
                learning_rate: float = DEFAULT_LEARNING_RATE, enqueue: bool = True) -> RunView:
        """Check the data and the model, record the run and queue it (``enqueue=False``: the caller runs it)."""
        from models.registry import find_model
        from translate.desk import jobs
        from translate.desk.adaptation.pairs import training_set
        from translate.engines.select import check_pair

        require(actor, ADMINS, "adapt models")
        check_pair(src, tgt)
        if not 1 <= steps <= MAX_STEPS:
            raise InputError(f"steps must be between 1 and {MAX_STEPS:,}; got {steps}")
        if not 0 < learning_rate < 1:
            raise InputError(f"the learning rate must be between 0 and 1; got {learning_rate}")
        if min_pairs < 2:
            raise InputError(f"min-pairs must be at least 2; got {min_pairs}")
        model = find_model(self.settings.models_dir, src, tgt, from_model)
        if not model.has_hf:
            raise InvalidState(f"{model.name} has only a CTranslate2 conversion; adapting needs its Marian "
                               f"checkpoint (hf/): install it with `songngu models add`")
        self.recover()
        with self.db.transaction() as s:
            active = s.scalar(select(AdaptationRun).where(AdaptationRun.src == src, AdaptationRun.tgt == tgt,
                                                          AdaptationRun.state.in_(ACTIVE)))
            if active is not None:
                raise InvalidState(f"run {active.id} is already adapting the {src}->{tgt} model; "
                                   f"wait for it or cancel it")
            data = training_set(s, src, tgt)
            usable = len(data.train) + len(data.heldout)
            if usable < min_pairs:
                raise InvalidState(f"only {usable} approved or confirmed {src}->{tgt} sentence pairs are usable "
                                   f"(after removing duplicates and long ones); at least {min_pairs} are needed")
            if not data.heldout or not data.train:
                raise InvalidState("the approved pairs come from a single article; at least two are needed "
                                   "to keep some apart for the held-out evaluation")
            run = AdaptationRun(src=src, tgt=tgt, model_name=from_model, base_revision=model.revision,
                                state=QUEUED, stage="queued", step=0, total_steps=steps, min_pairs=min_pairs,
                                learning_rate=learning_rate, cancel_requested=False,
                                requested_by=actor.id or None,  # the CLI operator has no account
                                train_pairs=len(data.train), heldout_pairs=len(data.heldout))
            s.add(run)
            s.flush()
            view = run_view(run)
        if enqueue:
            try:
                jobs.huey_runtime(self.settings).enqueue_adaptation(view.id)
            except Exception as exc:  # the queue (Redis) is down: the row stays queued
                log.warning("adaptation run %s saved but not queued (%s)", view.id, exc)
        return view

    def run_here(self, actor: UserView, run_id: int) -> RunView:
        """Run a queued run in this process and wait for it (``songngu models adapt --wait``)."""
        from translate.desk.adaptation.runner import execute

        require(actor, ADMINS, "adapt models")
        execute(self.db, self.settings, run_id)
        return self.get(actor, run_id)

    def get(self, actor: UserView, run_id: int) -> RunView:
        require(actor, ADMINS, "follow model adaptation")
        self.recover()
        with self.db.session() as s:
            run = s.get(AdaptationRun, run_id)
            if run is None:
                raise NotFound(f"no adaptation run with id {run_id}")
            return run_view(run)

    def list_runs(self, actor: UserView, limit: int = 20) -> list[RunView]:
        require(actor, ADMINS, "follow model adaptation")
        self.recover()
        with self.db.session() as s:
            rows = s.scalars(select(AdaptationRun).order_by(AdaptationRun.id.desc()).limit(limit))
            return [run_view(r) for r in rows]

    def cancel(self, actor: UserView, run_id: int) -> RunView:
        """Ask a run to stop: a queued one stops at once, a running one before its next step."""
        from translate.desk.adaptation.runs import CANCELLED
        from translate.desk.documents import utcnow

        require(actor, ADMINS, "cancel model adaptation")
        with self.db.transaction() as s:
            run = s.get(AdaptationRun, run_id)
            if run is None:
                raise NotFound(f"no adaptation run with id {run_id}")
            if run.state not in ACTIVE:
                raise InvalidState(f"run {run_id} has already finished ({run.state})")
            run.cancel_requested = True
            if run.state == QUEUED:
                run.state, run.stage, run.finished_at = CANCELLED, "cancelled", utcnow()
            return run_view(run)

    def recover(self) -> list[int]:
        from translate.desk.adaptation.runner import recover_dead

        return recover_dead(self.db, self.settings)

    # -- revisions ------------------------------------------------------------------------
    def revisions(self, actor: UserView, name: str) -> list[dict]:
        """The base checkpoint and every complete revision of an installed model, the default marked."""
        from models.revisions import list_revisions

        require(actor, ADMINS, "see model revisions")
        return [{k: v for k, v in row.items() if k != "manifest"} | _summary(row["manifest"])
                for row in list_revisions(self._installed(name))]

    def accept(self, actor: UserView, name: str, revision: str) -> dict:
        from models.revisions import accept

        require(actor, ADMINS, "change the default model")
        return self._changed(accept(self._installed(name), revision, by=actor.name))

    def rollback(self, actor: UserView, name: str) -> dict:
        from models.revisions import rollback

        require(actor, ADMINS, "change the default model")
        return self._changed(rollback(self._installed(name), by=actor.name))

    def _installed(self, name: str):
        from models.registry import installed_models

        for model in installed_models(self.settings.models_dir):
            if model.name == name:
                return model
        raise NotFound(f"no installed model named {name!r}")

    def _changed(self, result: dict) -> dict:
        log.info("model %s: default revision now %s (was %s)", result["name"], result["revision"],
                 result["previous"])
        return result


def _summary(manifest: dict) -> dict:
    adaptation = manifest.get("adaptation") or {}
    evaluation = manifest.get("evaluation") or {}
    return {"base_revision": (manifest.get("base") or {}).get("revision"), "data": adaptation.get("data"),
            "finished_at": adaptation.get("finished_at"), "steps": (adaptation.get("training") or {}).get("steps"),
            "scores": evaluation.get("scores"), "better": evaluation.get("better")}
