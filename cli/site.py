"""``songngu site build|serve`` and ``songngu publish|unpublish``: the bilingual static site from the command line.

The command line is the server's operator (admin rights); its publications are
logged under the name "cli".
"""

from __future__ import annotations

import functools
import json
import sys
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import click

from cli.accounts import OPERATOR, open_desk
from translate.desk.publishing.service import PREVIEW_PORT
from translate.errors import InputError

LOOPBACK = ("127.0.0.1", "::1", "localhost")


@click.group("site", help="The published bilingual site: rebuild it from the database, or preview it.")
def site() -> None:
    pass


@site.command("build")
def site_build() -> None:
    """Render every page of every published article into a fresh release and switch the site to it."""
    with open_desk() as desk:
        report = desk.publishing.build_site(OPERATOR)
    click.echo(f"built {report['articles']} article(s) into {report['path']} (release {report['release']})")


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files only; the folder is the site's link, so each request sees the release live at that moment."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".xml": "application/xml",
                      ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8"}

    def log_message(self, format: str, *args) -> None:  # noqa: A002 -- the stdlib's name
        sys.stderr.write("site: " + format % args + "\n")


def make_server(site_dir: Path, host: str, port: int) -> ThreadingHTTPServer:
    if host not in LOOPBACK:
        raise InputError(f"the preview listens on loopback only (127.0.0.1 or ::1), not {host!r}; "
                         "put the site folder behind a real web server to publish it")
    if not site_dir.exists():
        raise InputError(f"{site_dir} does not exist yet: publish an article or run `songngu site build` first")
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    return ThreadingHTTPServer((host, port), handler)


@site.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="loopback address to listen on")
@click.option("--port", default=PREVIEW_PORT, show_default=True, type=click.IntRange(0, 65535))
def site_serve(host: str, port: int) -> None:
    """Preview the built site with a static file server on this machine only."""
    from translate.config import load_settings

    settings = load_settings()
    site_dir = settings.site_dir or settings.instance / "site"
    server = make_server(site_dir, host, port)
    click.echo(f"songngu: serving {site_dir} on http://{host}:{server.server_address[1]}/  (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@click.command("publish")
@click.argument("doc_id", type=int)
@click.option("--override-reason", default=None, help="Why a blocking check may stay (kept in the log).")
def publish_cmd(doc_id: int, override_reason: str | None) -> None:
    """Publish an approved article: both languages reach the site together, or neither."""
    with open_desk() as desk:
        desk.publishing.publish(OPERATOR, doc_id, override_reason)
        links = desk.publishing.links(OPERATOR, doc_id)
    click.echo(json.dumps(links, ensure_ascii=False, indent=2))


@click.command("unpublish")
@click.argument("doc_id", type=int)
@click.option("--reason", default=None, help="Why it is withdrawn (kept in the log).")
def unpublish_cmd(doc_id: int, reason: str | None) -> None:
    """Take both languages of an article off the site; every index, feed and the sitemap follow."""
    with open_desk() as desk:
        desk.publishing.unpublish(OPERATOR, doc_id, reason)
    click.echo(f"document {doc_id} is no longer on the site")
