"""The published site from the desk: a read-only preview under ``/site/``, and withdrawing an article.

The site is static files under ``SONGNGU_SITE_DIR`` that any web server can serve;
the desk serves them too (signed-in users only) so "View on site" works before a
public server is set up. With ``SONGNGU_SITE_URL`` set, the desk links to the
public addresses instead.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, request, send_from_directory, url_for
from flask_babel import gettext
from flask_login import login_required
from werkzeug.wrappers import Response

from translate.errors import SongnguError
from webui.auth import get_desk, session_user
from webui.error_reasons import reason_for

bp = Blueprint("site_pages", __name__)


def site_context(doc_id: int) -> dict[str, Any]:
    """What the article page shows about the site: the pages' addresses while live, and the publication log."""
    desk = get_desk()
    actor = session_user()
    paths = desk.publishing.site_paths(actor, doc_id)
    links = None
    if paths is not None:
        public = desk.publishing.links(actor, doc_id) if desk.settings.site_url else None
        links = public or {lang: url_for("site_pages.site_file", path=path) for lang, path in paths.items()}
    log = [dict(entry, at=datetime.fromisoformat(entry["at"])) for entry in desk.publishing.log(actor, doc_id)]
    return {"links": links, "log": log}


@bp.get("/site/", defaults={"path": ""})
@bp.get("/site/<path:path>")
@login_required
def site_file(path: str) -> Response:
    """A file of the live release (the link is followed on every request, so a switch shows at once)."""
    root = get_desk().publishing.site_dir
    if not root.exists():
        abort(404)
    if path == "" or path.endswith("/"):
        path += "index.html"
    response = send_from_directory(root, path, max_age=0)
    response.headers["Cache-Control"] = "no-cache"
    return response


@bp.post("/articles/<int:doc_id>/unpublish")
@login_required
def unpublish(doc_id: int) -> Response:
    reason = (request.form.get("reason") or "").strip() or None
    try:
        get_desk().publishing.unpublish(session_user(), doc_id, reason)
    except SongnguError as exc:
        current_app.logger.info("unpublish refused: %s", exc)
        flash(gettext("Not done: %(reason)s", reason=reason_for(exc)), "error")
    else:
        flash(gettext("Article taken off the site."), "success")
    return redirect(url_for("desk_pages.article", doc_id=doc_id, _anchor="publishing"))
