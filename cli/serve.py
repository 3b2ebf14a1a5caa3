"""``songngu serve``: the web UI and REST API, with the embedded worker unless jobs go to Redis.

It lives in the ``cli`` package rather than in ``webui`` or ``translate`` so that
the MT core and the desk service never import Flask; Flask is loaded only when
this command runs.
"""

from __future__ import annotations

import signal
import sys

import click

FIRST_ADMIN_HINT = (
    "No accounts yet. Create the first admin (you will be asked for a password):\n"
    "    songngu users create --name admin --role admin"
)


def _serve_forever(app: object, host: str, port: int) -> None:
    """Waitress when installed (a production WSGI server); werkzeug's threaded server otherwise."""
    try:
        import waitress
    except ImportError:
        from werkzeug.serving import run_simple

        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)  # type: ignore[arg-type]
        return
    waitress.serve(app, host=host, port=port)


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="interface to listen on")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--worker/--no-worker", "run_worker", default=None,
              help="run translation jobs in this process (default: yes, unless SONGNGU_REDIS_URL "
                   "sends them to `songngu worker` processes)")
def serve(host: str, port: int, run_worker: bool | None) -> None:
    """Run the web UI and REST API (with an in-process translation worker in the embedded set-up)."""
    from translate.config import load_settings
    from translate.desk import Desk
    from webui.app import create_app  # Flask only from here

    settings = load_settings()
    if run_worker is None:
        run_worker = settings.redis_url is None
    desk = Desk(settings, start_worker=run_worker)
    previous_sigterm = signal.getsignal(signal.SIGTERM)
    try:
        app = create_app(desk=desk)
        shown_host = f"[{host}]" if ":" in host else host
        click.echo(f"songngu: instance folder {settings.instance}")
        click.echo(f"songngu: serving on http://{shown_host}:{port}/  (API: http://{shown_host}:{port}/api/v1/docs)")
        if not run_worker:
            click.echo("songngu: jobs run in `songngu worker` processes (none in this one)")
        if desk.accounts.count_users() == 0:
            click.echo(FIRST_ADMIN_HINT)
        # A service manager stops us with SIGTERM; turn it into a normal exit so the
        # worker is stopped by close() below instead of dying mid-segment.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        _serve_forever(app, host, port)
    finally:
        signal.signal(signal.SIGTERM, previous_sigterm)
        desk.close()
