"""What every response carries to keep a browser safe: security headers and cookie flags.

The Content-Security-Policy allows scripts, styles and images from this server
only, so an injected ``<script>`` or ``onclick=`` (say, through a translated text
that escaped sanitising) does not run, and no other site may frame the desk.
Headers are added in ``after_request``, which Flask also runs for error pages
and JSON errors, so a 404 or a 500 is covered like any page.
"""

from __future__ import annotations

from typing import Any

from flask import Flask, Request
from flask.sessions import SecureCookieSessionInterface, SessionMixin
from werkzeug.wrappers import Response

from translate.config import Settings, load_settings

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
))

SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Only sent when the site says it is served over https: over plain http browsers ignore it.
HSTS = "max-age=31536000"
# The token API: bearer tokens only, never the browser's session cookie.
TOKEN_API_PREFIX = "/api/v1/"


class BrowserOnlySessions(SecureCookieSessionInterface):
    """The signed cookie session for pages, and none at all under the token API.

    A browser that calls ``/api/v1`` sends its session cookie along, but the API
    answers to a bearer token only, so the cookie is not even opened there: no
    signature check on every autosave, and nothing on the API can read or set
    a browser's session (Flask hands the request a null session instead).
    """

    def open_session(self, app: Flask, request: Request) -> SessionMixin | None:
        if request.path.startswith(TOKEN_API_PREFIX):
            return None
        return super().open_session(app, request)


def _settings(app: Flask) -> Settings:
    desk: Any = app.extensions.get("songngu.desk")
    settings = getattr(desk, "settings", None)
    return settings if isinstance(settings, Settings) else load_settings()


def install_security(app: Flask) -> None:
    """Cookie flags from the settings, and the security headers on every response.

    Cookies are ``Secure`` when ``SONGNGU_PUBLIC_URL`` is https (or
    ``SONGNGU_SECURE_COOKIES`` says so): a browser then never sends the session
    over plain http, where anyone on the network could copy it.
    """
    settings = _settings(app)
    app.session_interface = BrowserOnlySessions()
    https = bool(settings.public_url and settings.public_url.startswith("https://"))
    if settings.secure_cookies:  # otherwise whatever the app's config says (Flask: not Secure)
        app.config.update(SESSION_COOKIE_SECURE=True, REMEMBER_COOKIE_SECURE=True)
    app.config.update(
        SESSION_COOKIE_HTTPONLY=True,
        REMEMBER_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        REMEMBER_COOKIE_SAMESITE="Lax",
    )
    if https:
        app.config["PREFERRED_URL_SCHEME"] = "https"
    headers = dict(SECURITY_HEADERS)
    if https:
        headers["Strict-Transport-Security"] = HSTS

    @app.after_request
    def _security_headers(response: Response) -> Response:
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response
