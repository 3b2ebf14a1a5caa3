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
  master starts beside them (the embedded set-up), or the Redis workers elsewhere;
* kept-alive connections are kept evenly spread over the processes
  (:class:`BalancedThreadWorker`), or the unlucky process's users wait the longest.

Linux and other POSIX systems only (gunicorn forks); one process stays the default.
"""

from __future__ import annotations

import multiprocessing
import subprocess
import sys
from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication
from gunicorn.workers.gthread import ThreadWorker

from cli.long_lived import freeze_loaded_objects

NO_WORKER = -1


class BalancedThreadWorker(ThreadWorker):
    """gunicorn's ``gthread`` worker, keeping the kept-alive connections even across the web processes.

    A keep-alive connection stays with the process that accepted it. Twenty
    post-editors' connections, accepted at once, split about as unevenly as
    chance makes them (16 and 4 were seen), and the busier process's clients
    then wait three to four times as long as the others, which is the whole tail
    of the save latency. Each process publishes how many connections it holds
    in memory shared with the other processes; one holding more than one over
    the least-loaded process answers its next request with ``Connection: close``.
    The client reconnects (every HTTP client does so on its own), and the idle
    process, blocked in accept, is the likelier to take the new connection.
    """

    loads: Any = None  # shared int per worker slot (NO_WORKER when free), set before forking
    slot: int = NO_WORKER  # this worker's index in ``loads``, given by the master in pre_fork

    def _publish(self) -> None:
        if self.loads is not None and self.slot != NO_WORKER:
            self.loads[self.slot] = self.nr_conns

    def wait_for_and_dispatch_events(self, timeout: float) -> None:
        self._publish()  # at least once a second, and after every accept and finished request
        super().wait_for_and_dispatch_events(timeout)

    def over_its_share(self) -> bool:
        """More connections here than one over the least-loaded other process."""
        if self.loads is None or self.slot == NO_WORKER:
            return False
        others = [n for i, n in enumerate(self.loads) if i != self.slot and n != NO_WORKER]
        return bool(others) and self.nr_conns > min(others) + 1

    def handle_request(self, req: Any, conn: Any) -> bool:
        self._publish()
        if self.over_its_share():
            req.must_close = True  # gunicorn then answers with "Connection: close"
        return super().handle_request(req, conn)


class WorkerSlots:
    """Which worker publishes its connection count where: one shared int per web process.

    The master hands a worker its slot before forking it and frees the slot once
    the worker is gone, so a restarted worker takes its predecessor's place. The
    counts live in shared memory made before any fork, which every worker inherits.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.loads = multiprocessing.RawArray("i", [NO_WORKER] * workers)

    def give(self, arbiter: Any, worker: Any) -> None:
        """gunicorn's ``pre_fork`` hook (in the master)."""
        taken = {getattr(w, "slot", NO_WORKER) for w in arbiter.WORKERS.values()}
        free = [i for i in range(self.workers) if i not in taken]
        worker.slot = free[0] if free else NO_WORKER  # one added by a signal (TTIN) stays out of the balance
        worker.loads = self.loads
        if free:
            self.loads[worker.slot] = 0

    def free(self, _arbiter: Any, worker: Any) -> None:
        """gunicorn's ``child_exit`` hook (in the master)."""
        if getattr(worker, "slot", NO_WORKER) != NO_WORKER:
            self.loads[worker.slot] = NO_WORKER


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
        app = self.make_app()  # in each worker, after the fork
        freeze_loaded_objects()
        return app


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

    slots = WorkerSlots(workers)
    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    options = {
        "bind": bind,
        "workers": workers,
        "worker_class": BalancedThreadWorker,
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
        "pre_fork": slots.give,
        "child_exit": slots.free,
    }
    DeskWebServer(make_app, options).run()
