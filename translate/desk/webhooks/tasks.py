"""The queue side: a Huey task that tries one delivery, and the sweep that never lets one be lost.

Registered by ``translate.desk.jobs.make_huey``. A failed attempt is not
re-enqueued with a delay inside the queue (the embedded worker does not run
Huey's scheduler, and a scheduled task would live only in the queue); its
``next_attempt_at`` is in the table instead, and the sweep -- run with the
jobs' recovery, every 30 s in the embedded worker and every minute in
``songngu worker`` -- queues every delivery that is due or whose worker died.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable

from translate.config import Settings
from translate.desk.webhooks import deliveries, sender

log = logging.getLogger("songngu.webhooks")

TASK_NAME = "songngu.webhook"
_TASKS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def register(huey, settings: Settings, database: Callable[[], object]):
    """Add the delivery task to ``huey``; ``database()`` gives the process's Database."""

    def deliver_webhook(delivery_id: int) -> None:
        sender.deliver(database(), settings, delivery_id)

    task = huey.task(name=TASK_NAME)(deliver_webhook)
    _TASKS[huey] = task
    return task


def enqueue(huey, delivery_id: int) -> None:
    _TASKS[huey](delivery_id)


def sweep(db, huey) -> list[int]:
    """Queue every due or abandoned delivery; never raises (job recovery runs right beside it)."""
    try:
        with db.session() as s:
            ids = deliveries.due_ids(s)
        for delivery_id in ids:
            enqueue(huey, delivery_id)
    except Exception:
        log.exception("webhook sweep failed; the next one will try again")
        return []
    if ids:
        log.info("queued due webhook deliveries %s", ids)
    return ids
