"""The queue side of adaptation: a Huey task that starts a run's own process, and returns.

Registered by ``translate.desk.jobs.make_huey``. The task does not train: it
launches :mod:`translate.desk.adaptation.runner` in a child process, so the worker
thread that picked it (the embedded one included) goes on with translation jobs.
The worker that picks the task is the machine that trains, with its GPU when it
has one.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable

from translate.config import Settings

TASK_NAME = "songngu.adapt"
_TASKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def register(huey, settings: Settings, database: Callable[[], object]):
    """Add the adaptation task to ``huey``; ``database()`` gives the process's Database."""
    from translate.desk.adaptation.runner import launch

    def adapt_model(run_id: int) -> None:
        launch(database(), settings, run_id)

    task = huey.task(name=TASK_NAME)(adapt_model)
    _TASKS[huey] = task
    return task


def enqueue(huey, run_id: int) -> None:
    _TASKS[huey](run_id)
