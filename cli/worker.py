"""``songngu worker``: run translation jobs from the queue in their own process."""

from __future__ import annotations

import logging

import click

from translate.config import load_settings
from translate.desk import jobs
from translate.desk.database import Database


@click.command("worker")
@click.option("--threads", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Jobs run in parallel by this process.")
def worker(threads: int) -> None:
    """Run translation jobs from the queue (Redis when SONGNGU_REDIS_URL is set) until interrupted."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    settings = load_settings()
    # The Redis URL may carry a password: never print it.
    where = Database.safe_url(settings.redis_url) if settings.redis_url else str(settings.instance / "queue.db")
    click.echo(f"songngu worker: queue {where}, {threads} thread(s)", err=True)
    jobs.run_worker(settings, workers=threads)
