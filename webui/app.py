"""The Flask app factory.

``create_app`` takes an existing Desk so that ``songngu serve`` (which runs the
job worker) and tests (which use a temporary instance) decide how the service
is built; the app only borrows it.
"""

from __future__ import annotations

import atexit
import os
import secrets
from pathlib import Path
from typing import Any

from apiflask import APIFlask
from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

import webui
from translate.config import load_settings
from translate.desk import Desk
from webui import api_docs, auth, errors
from webui.account_pages import bp as account_pages_bp
from webui.admin_pages import bp as admin_pages_bp
from webui.analytics_pages import bp as analytics_pages_bp
from webui.api import ErrorOut
from webui.api import bp as api_bp
from webui.api_analytics import bp as analytics_api_bp
from webui.api_exchange import bp as exchange_api_bp
from webui.api_glossary import bp as glossary_api_bp
from webui.api_media import bp as media_api_bp
from webui.api_publishing import bp as publishing_api_bp
from webui.api_webhooks import bp as webhooks_api_bp
from webui.desk_pages import bp as desk_pages_bp
from webui.exchange_pages import bp as exchange_pages_bp
from webui.glossary_pages import bp as glossary_pages_bp
from webui.i18n import init_i18n
from webui.layout import init_layout
from webui.media_pages import bp as media_pages_bp
from webui.models_pages import bp as models_pages_bp
from webui.security import install_security
from webui.setup_pages import bp as setup_pages_bp
from webui.site_pages import bp as site_pages_bp
from webui.term_proposals_pages import bp as term_proposals_pages_bp
from webui.webhook_pages import bp as webhook_pages_bp
from webui.workspace import bp as workspace_bp
from webui.workspace_api import bp as workspace_api_bp

SECRET_FILE = "secret_key"
DEFAULT_MAX_UPLOAD = 16 * 1024 * 1024


def _instance_secret(instance: Path) -> str:
    """A random key kept in the instance folder, so sessions survive restarts without a default key.

    Created with O_EXCL and mode 0600: two processes starting at once agree on
    one key, and other local users cannot read it.
    """
    instance.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = instance / SECRET_FILE
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
        # An empty file is what a crash between create and write leaves; replace it.
        key = secrets.token_hex(32)
        path.write_text(key, encoding="ascii")
        return key
    key = secrets.token_hex(32)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(key)
    return key


def _secret_key(config: dict[str, Any]) -> str:
    if config.get("SECRET_KEY"):
        return str(config["SECRET_KEY"])
    env = os.environ.get("SONGNGU_SECRET_KEY", "").strip()
    if env:
        return env
    return _instance_secret(load_settings().instance)


def create_app(config: dict[str, Any] | None = None, desk: Desk | None = None) -> Flask:
    """Build the app around ``desk``, or around a new Desk without a worker when none is given.

    Without a Desk (e.g. under a WSGI server) no in-process worker is started:
    in that set-up jobs run in separate ``songngu worker`` processes. Pass
    ``{"START_WORKER": True}`` to run one inside the web process instead.
    """
    config = dict(config or {})
    app = APIFlask(
        "webui",
        title="songngu API",
        version=webui.__version__,
        spec_path="/api/v1/openapi.json",
        docs_path="/api/v1/docs",  # the page itself comes from webui/api_docs.py (no CDN)
        json_errors=False,  # errors.py decides: JSON under /api, HTML pages elsewhere
    )
    app.config.update(
        MAX_CONTENT_LENGTH=DEFAULT_MAX_UPLOAD,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_SAMESITE="Lax",
        VALIDATION_ERROR_STATUS_CODE=400,
        VALIDATION_ERROR_DESCRIPTION="The request is not valid",
        VALIDATION_ERROR_SCHEMA=ErrorOut,
        HTTP_ERROR_SCHEMA=ErrorOut,
        DESCRIPTION=(
            "Vietnamese <-> English translation desk. Send `Authorization: Bearer <token>` "
            "(`songngu tokens create --user NAME`). Every error is "
            '`{"error": {"code": ..., "message": ...}}`.'
        ),
    )
    app.config.update(config)
    app.config["SECRET_KEY"] = _secret_key(config)
    app.json.ensure_ascii = False  # type: ignore[attr-defined]  # Vietnamese stays readable

    if desk is None:
        desk = Desk(start_worker=bool(app.config.get("START_WORKER", False)))
        atexit.register(desk.close)
    app.extensions["songngu.desk"] = desk
    hops = desk.settings.trusted_proxies
    if hops:  # the client's address (sign-in throttling, logs) and scheme as the proxy saw them
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)  # type: ignore[method-assign]

    install_security(app)
    api_docs.init_app(app)
    errors.register_error_handlers(app)
    auth.init_app(app)
    init_i18n(app)
    init_layout(app)
    app.register_blueprint(api_bp)
    app.register_blueprint(glossary_api_bp)
    app.register_blueprint(exchange_api_bp)
    app.register_blueprint(desk_pages_bp)
    app.register_blueprint(media_pages_bp)  # /media files, the article page's Images panel
    app.register_blueprint(media_api_bp)  # /api/v1 pictures
    app.register_blueprint(glossary_pages_bp)
    app.register_blueprint(term_proposals_pages_bp)  # /glossary/proposals, /glossary/most-missed
    app.register_blueprint(models_pages_bp)
    app.register_blueprint(admin_pages_bp)
    app.register_blueprint(account_pages_bp)
    app.register_blueprint(setup_pages_bp)
    app.register_blueprint(workspace_bp)
    app.register_blueprint(workspace_api_bp)
    app.register_blueprint(analytics_pages_bp)  # /analytics, CSV exports, post-edit report per article
    app.register_blueprint(analytics_api_bp)  # /api/v1/analytics/summary
    app.register_blueprint(webhooks_api_bp)  # the CMS webhook delivery log (REST)
    app.register_blueprint(webhook_pages_bp)  # /admin/webhooks
    app.register_blueprint(exchange_pages_bp)  # XLIFF on the article page, /memory with TMX
    app.register_blueprint(publishing_api_bp)  # unpublish, publication log, site links, site build (REST)
    app.register_blueprint(site_pages_bp)  # /site/ preview of the published site, unpublish from the article page
    # Token-only routes: no session cookie is honoured there, so CSRF cannot apply.
    auth.csrf.exempt(api_bp)
    return app
