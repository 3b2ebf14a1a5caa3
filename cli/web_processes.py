"""Serving from several processes, so a busy desk uses every core (``songngu serve --workers N``).

Python runs one thread at a time per process: web threads overlap waits on the
database and the network, but only processes add CPU. With ``--workers N`` the
web UI and API run in N gunicorn worker processes (``gthread``: each with its
own pool of web threads), started by a master that did the first-run work once:

* the master opens the desk before forking -- migrations, the seed glossary, the
  one-time set-up link -- and closes it again, so no database connection or
  thread is ever copied into a child;
* each worker process opens its own :class:`~translate.desk.Desk` after the fork,
  without a job worker;
* translation jobs run in exactly one place: the ``songngu worker`` process the
  master starts beside them (the embedded set-up), or the Redis workers elsewhere.

Linux and other POSIX systems only (gunicorn forks); one process stays the default.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication


class DeskWebServer(BaseApplication):
    """gunicorn, configured here instead of from a file or its command line."""

    def __init__(self, make_app: Callable[[], Any], options: dict[str, Any]) -> None:
        self.make_app = make_app
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            if key in self.cfg.settings and value is not None:  # options newer than this gunicorn are skipped
                self.cfg.set(key, value)

    def load(self) -> Any:
        return self.make_app()  # in each worker, after the fork


def run_web_processes(make_app: Callable[[], Any], host: str, port: int, workers: int, threads: int,
                      job_worker: bool) -> None:
    """Serve ``make_app()`` from ``workers`` processes of ``threads`` threads; jobs in one child of our own."""
    jobs: list[subprocess.Popen] = []

    def start_job_worker(_arbiter: Any) -> None:
        if job_worker:
            # A fresh interpreter (fork + exec): nothing of the master's state is shared.
            jobs.append(subprocess.Popen([sys.executable, "-m", "cli", "worker"]))

    def stop_job_worker(_arbiter: Any) -> None:
        for proc in jobs:
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()

    def close_desk(_arbiter: Any, worker: Any) -> None:
        desk = getattr(worker.wsgi, "extensions", {}).get("songngu.desk")
        if desk is not None:
            desk.close()

    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    options = {
        "bind": bind,
        "workers": workers,
        "worker_class": "gthread",
        "threads": threads,
        "keepalive": 30,  # an open workspace autosaves every few seconds over one connection
        "timeout": 120,  # a worker silent this long is restarted (its threads keep it alive while busy)
        "graceful_timeout": 30,
        "accesslog": None,
        "errorlog": "-",
        "loglevel": "warning",
        "preload_app": False,
        "control_socket_disable": True,  # gunicorn >= 25: no control socket in the user's home
        "proc_name": "songngu",
        "when_ready": start_job_worker,
        "on_exit": stop_job_worker,
        "worker_exit": close_desk,
    }
    DeskWebServer(make_app, options).run()
