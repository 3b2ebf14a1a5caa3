"""Running an adaptation: in its own process, so training never slows or stops the desk.

The queue's task only starts ``python -m translate.desk.adaptation.runner RUN_ID``
and returns, so the worker thread goes on with translation jobs. The child claims
the run row, trains, and writes its stage and step into the row as it goes; it
checks the row's cancel flag between steps. A child that dies (killed, out of
memory) leaves its row "running" under a process that no longer exists: the next
look at the runs marks it failed and removes its staging folder, and the models
stay as they were, because a revision only appears when it is complete.
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from sqlalchemy import select, update

from translate.config import Settings, load_settings
from translate.desk.adaptation.runs import ACTIVE, CANCELLED, DONE, FAILED, QUEUED, RUNNING, AdaptationRun
from translate.desk.documents import utcnow
from translate.errors import SongnguError

log = logging.getLogger("songngu.adaptation")
HOST = socket.gethostname()
PROGRESS_EVERY_S = 1.0
DIED = "the adaptation process stopped before finishing (killed or crashed); the current model is unchanged"


def owner_id() -> str:
    return f"{HOST}:{os.getpid()}"


def owner_is_dead(owner: str | None) -> bool:
    """True only when sure: the owner ran on this host and its process is gone."""
    if not owner:
        return False
    host, _, pid = owner.rpartition(":")
    if host != HOST or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return _is_zombie(int(pid))


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return False


def train_config(run: AdaptationRun, settings: Settings):
    from translate.adaptation.train import TrainConfig

    steps = run.total_steps
    return TrainConfig(steps=steps, learning_rate=run.learning_rate, eval_every=max(10, min(100, steps // 8)),
                       device=settings.device, threads=settings.threads)


def execute(db, settings: Settings, run_id: int) -> str:
    """Claim and run one adaptation in this process; returns the run's state afterwards."""
    from glossary.termbase import Termbase
    from models.registry import find_model
    from models.revisions import discard_staging
    from translate.adaptation.revision import adapt_model
    from translate.adaptation.train import Cancelled
    from translate.desk.adaptation.pairs import training_set

    me = owner_id()
    with db.session() as s:
        claimed = s.execute(
            update(AdaptationRun).where(AdaptationRun.id == run_id, AdaptationRun.state == QUEUED)
            .values(state=RUNNING, owner=me, started_at=utcnow(), stage="preparing")
            .execution_options(synchronize_session=False)).rowcount == 1
        s.commit()
        if not claimed:
            run = s.get(AdaptationRun, run_id)
            return run.state if run is not None else "missing"
    try:
        with db.session() as s:
            run = s.get(AdaptationRun, run_id)
            current = find_model(settings.models_dir, run.src, run.tgt, run.model_name)
            dataset = training_set(s, run.src, run.tgt)
            glossary = Termbase(s).snapshot()
            config = train_config(run, settings)
            run.base_revision = current.revision
            run.train_pairs, run.heldout_pairs = len(dataset.train), len(dataset.heldout)
            requested_by = str(run.requested_by) if run.requested_by else None
            min_pairs, direction = run.min_pairs, f"{run.src}->{run.tgt}"
            s.commit()
        usable = len(dataset.train) + len(dataset.heldout)
        if usable < min_pairs:
            raise SongnguError(f"only {usable} usable approved pairs for {direction}; the run asks for at "
                               f"least {min_pairs}")
        discard_staging(current)  # left by runs that died; one run per direction at a time
        last = [0.0]

        def report(stage: str, done: int, total: int, detail: dict) -> None:
            now = time.monotonic()
            final = stage != "training" or done == total or "heldout_loss" in detail
            if not final and now - last[0] < PROGRESS_EVERY_S:
                return
            last[0] = now
            values = {"stage": stage}
            if stage == "training":
                values["step"] = done
                if detail.get("train_loss") is not None:
                    values["train_loss"] = detail["train_loss"]
                if detail.get("heldout_loss") is not None:
                    values["heldout_loss"] = detail["heldout_loss"]
            with db.session() as s2:
                s2.execute(update(AdaptationRun).where(AdaptationRun.id == run_id).values(**values)
                           .execution_options(synchronize_session=False))
                s2.commit()
                if s2.scalar(select(AdaptationRun.cancel_requested).where(AdaptationRun.id == run_id)):
                    raise Cancelled("cancelled by an admin")

        manifest = adapt_model(current, dataset, config, settings, glossary=glossary, report=report,
                               requested_by=requested_by)
        evaluation = manifest["evaluation"]
        _finish(db, run_id, DONE, revision=manifest["revision"], better=evaluation["better"],
                evaluation={k: evaluation[k] for k in ("better", "rule", "lines", "scores", "p_values",
                                                       "compared_with")},
                step=manifest["adaptation"]["training"]["steps"], stage="finished")
        return DONE
    except Cancelled:
        _finish(db, run_id, CANCELLED, stage="cancelled")
        return CANCELLED
    except Exception as exc:
        log.exception("adaptation run %s failed", run_id)
        message = str(exc) if isinstance(exc, SongnguError) else f"{type(exc).__name__}: {exc}"
        _finish(db, run_id, FAILED, error=message[:2000], stage="failed")
        return FAILED


def _finish(db, run_id: int, state: str, **values) -> None:
    with db.session() as s:
        s.execute(update(AdaptationRun).where(AdaptationRun.id == run_id)
                  .values(state=state, finished_at=utcnow(), **values)
                  .execution_options(synchronize_session=False))
        s.commit()


def child_env(settings: Settings) -> dict[str, str]:
    """The child reads its settings from the environment: pass the ones this process was given."""
    env = dict(os.environ)
    env.update({
        "SONGNGU_MODELS_DIR": str(settings.models_dir), "SONGNGU_INSTANCE": str(settings.instance),
        "SONGNGU_DATABASE_URL": settings.database_url, "SONGNGU_DEVICE": settings.device,
        "SONGNGU_ENGINE": settings.engine, "SONGNGU_THREADS": str(settings.threads),
        "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1",
    })
    root = str(Path(__file__).resolve().parents[3])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (root, env.get("PYTHONPATH", "")) if p)
    return env


def launch(db, settings: Settings, run_id: int) -> subprocess.Popen:
    """Start the child for ``run_id`` and return at once; a thread reaps it and records an early death."""
    log_path = settings.instance / "adaptation" / f"run-{run_id}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    with log_path.open("ab") as out:
        proc = subprocess.Popen([sys.executable, "-m", "translate.desk.adaptation.runner", str(run_id)],
                                env=child_env(settings), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, start_new_session=True)

    def reap() -> None:
        code = proc.wait()
        if code != 0:
            abandon(db, settings, run_id, f"{DIED} (exit status {code}; log: {log_path})")

    threading.Thread(target=reap, name=f"songngu-adapt-{run_id}", daemon=True).start()
    return proc


def fail_if_active(db, run_id: int, message: str) -> bool:
    with db.session() as s:
        done = s.execute(update(AdaptationRun)
                         .where(AdaptationRun.id == run_id, AdaptationRun.state.in_(ACTIVE))
                         .values(state=FAILED, error=message, stage="failed", finished_at=utcnow())
                         .execution_options(synchronize_session=False)).rowcount == 1
        s.commit()
    return done


def abandon(db, settings: Settings, run_id: int, message: str) -> bool:
    """Mark a run whose process is gone as failed and remove the staging folder it left."""
    from models.registry import find_model
    from models.revisions import discard_staging
    from translate.errors import ModelNotFoundError

    with db.session() as s:
        run = s.get(AdaptationRun, run_id)
        where = None if run is None else (run.src, run.tgt, run.model_name)
    if where is None or not fail_if_active(db, run_id, message):
        return False
    with contextlib.suppress(ModelNotFoundError):
        discard_staging(find_model(settings.models_dir, *where))
    return True


def recover_dead(db, settings: Settings) -> list[int]:
    """Runs whose process died on this host: failed, their half-written folders removed."""
    with db.session() as s:
        dead = [r.id for r in s.scalars(select(AdaptationRun).where(AdaptationRun.state == RUNNING))
                if owner_is_dead(r.owner)]
    return [run_id for run_id in dead if abandon(db, settings, run_id, DIED)]


def main(argv: list[str] | None = None) -> int:
    from translate.desk.database import Database

    args = sys.argv[1:] if argv is None else argv
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = load_settings()
    db = Database(settings.database_url)
    try:
        state = execute(db, settings, int(args[0]))
    finally:
        db.close()
    log.info("adaptation run %s: %s", args[0], state)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
