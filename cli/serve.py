"""``songngu serve``: the web UI and REST API, with the embedded worker unless jobs go to Redis.

It lives in the ``cli`` package rather than in ``webui`` or ``translate`` so that
the MT core and the desk service never import Flask; Flask is loaded only when
this command runs.
"""

from __future__ import annotations

import os
import signal
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from translate.config import Settings
    from translate.desk import Desk

FIRST_ADMIN_HINT = (
    "songngu: no administrator yet. Open this one-time link in a browser to choose the first admin's "
    "name and password\n"
    "    {url}\n"
    "  (it works once and is shown only here; or run `songngu users create --name admin --role admin`)"
)


def local_base_url(host: str, port: int, public_url: str | None = None) -> str:
    """The address a person on this machine opens: the public one when set, else this host and port."""
    if public_url:
        return public_url.rstrip("/")
    shown = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    return f"http://{f'[{shown}]' if ':' in shown else shown}:{port}"


def first_admin_link(desk: Desk, base_url: str) -> str | None:
    """While the desk has no active admin: a one-time set-up link, for this console only (never logged)."""
    from translate.desk import InvalidState

    if desk.accounts.has_active_admin():
        return None
    try:
        token = desk.accounts.setup_link()
    except InvalidState:  # an admin appeared meanwhile (another process, `songngu users create`)
        return None
    return f"{base_url}/setup/{token}"


# Web server threads when SONGNGU_WEB_THREADS is unset: a few, however many cores. Python runs one
# thread at a time per process, so threads add no CPU; they only overlap waits on the database and
# the network. Measured with `songngu bench --only load`: 1 thread halves throughput, 8 stretch the tail.
DEFAULT_WEB_THREADS = 4


def engine_threads(requested: int, cores: int) -> int:
    """The MT engine's threads in a web process: what SONGNGU_THREADS asks for, else all cores but one.

    The web threads need a core of their own: with every core given to the
    engine, a busy web server leaves torch's threads waiting on each other and
    translation slows several-fold (see the benchmark's idle check).
    """
    if requested > 0:
        return requested
    return max(1, max(cores, 1) - 1)


def _serve_forever(app: object, host: str, port: int, threads: int) -> None:
    """Waitress when installed (a production WSGI server); werkzeug's threaded server otherwise."""
    try:
        import waitress
    except ImportError:
        from werkzeug.serving import run_simple

        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)  # type: ignore[arg-type]
        return
    waitress.serve(app, host=host, port=port, threads=threads)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="interface to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--worker/--no-worker", "run_worker", default=None,
              help="run translation jobs in this process (default: yes, unless SONGNGU_REDIS_URL "
                   "sends them to `songngu worker` processes)")
@click.option("--threads", "web_threads", type=click.IntRange(1, 256), envvar="SONGNGU_WEB_THREADS",
              default=None, help="web server threads per process (env SONGNGU_WEB_THREADS; default: 4)")
@click.option("--workers", "web_workers", type=click.IntRange(1, 64), envvar="SONGNGU_WEB_WORKERS", default=1,
              show_default=True, help="web server processes (env SONGNGU_WEB_WORKERS): one per core uses every "
                                      "core; more than one needs gunicorn (Linux, macOS)")
def serve(host: str, port: int, run_worker: bool | None, web_threads: int | None, web_workers: int) -> None:
    """Run the web UI and REST API (with an in-process translation worker in the embedded set-up)."""
    from cli.long_lived import freeze_loaded_objects
    from translate.config import load_settings
    from translate.desk import Desk
    from webui.app import create_app  # Flask only from here

    settings = load_settings()
    if run_worker is None:
        run_worker = settings.redis_url is None
    cores = os.cpu_count() or 1
    web_threads = web_threads or DEFAULT_WEB_THREADS
    settings = replace(settings, threads=engine_threads(settings.threads, cores))
    if web_workers > 1:
        _serve_processes(settings, host, port, web_workers, web_threads, run_worker, cores)
        return
    desk = Desk(settings, start_worker=run_worker)
    previous_sigterm = signal.getsignal(signal.SIGTERM)
    try:
        app = create_app(desk=desk)
        shown_host = f"[{host}]" if ":" in host else host
        click.echo(f"songngu: instance folder {settings.instance}")
        click.echo(f"songngu: serving on http://{shown_host}:{port}/  (API: http://{shown_host}:{port}/api/v1/docs)")
        click.echo(f"songngu: {web_threads} web threads, MT engine {settings.threads} thread(s), {cores} cores "
                   "(SONGNGU_WEB_THREADS, SONGNGU_THREADS)")
        if not run_worker:
            click.echo("songngu: jobs run in `songngu worker` processes (none in this one)")
        setup_url = first_admin_link(desk, local_base_url(host, port, settings.public_url))
        if setup_url:
            click.echo(FIRST_ADMIN_HINT.format(url=setup_url))
        # A service manager stops us with SIGTERM; turn it into a normal exit so the
        # worker is stopped by close() below instead of dying mid-segment.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        freeze_loaded_objects()
        _serve_forever(app, host, port, web_threads)
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        desk.close()


def _serve_processes(settings: Settings, host: str, port: int, workers: int, threads: int, run_worker: bool,
                     cores: int) -> None:
    """``--workers N``: first-run work once here, then N forked web processes and one job process."""
    from translate.desk import Desk
    from webui.app import create_app

    try:
        from cli.web_processes import run_web_processes
    except ImportError as exc:  # gunicorn is POSIX-only
        raise click.ClickException(f"--workers {workers} needs gunicorn, which cannot be loaded here ({exc}); "
                                   "serve with --workers 1") from exc
    desk = Desk(settings, start_worker=False)  # migrations and the seed glossary, before any fork
    try:
        create_app(desk=desk)  # the instance's secret key, created once rather than raced by the workers
        setup_url = first_admin_link(desk, local_base_url(host, port, settings.public_url))
    finally:
        desk.close()
    shown_host = f"[{host}]" if ":" in host else host
    click.echo(f"songngu: instance folder {settings.instance}")
    click.echo(f"songngu: serving on http://{shown_host}:{port}/  (API: http://{shown_host}:{port}/api/v1/docs)")
    click.echo(f"songngu: {workers} web processes x {threads} web threads, MT engine {settings.threads} thread(s), "
               f"{cores} cores (SONGNGU_WEB_WORKERS, SONGNGU_WEB_THREADS, SONGNGU_THREADS)")
    click.echo("songngu: jobs run in one `songngu worker` process started beside them" if run_worker
               else "songngu: jobs run in `songngu worker` processes (none started here)")
    if setup_url:
        click.echo(FIRST_ADMIN_HINT.format(url=setup_url))

    def make_app() -> object:
        return create_app(desk=Desk(settings, start_worker=False))

    run_web_processes(make_app, host, port, workers, threads, job_worker=run_worker)
