"""Web security: headers on every response, cookie flags, the API reference served locally,
and instance files only their owner can read."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import flask
import pytest
from flask import Flask
from flask.testing import FlaskClient

from translate.config import load_settings
from translate.desk import Desk
from translate.errors import SongnguError
from webui.app import create_app

PASSWORD = "correct horse battery staple"
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}


@pytest.fixture
def desk(models_env: Path) -> Iterator[Desk]:
    d = Desk()
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def app(desk: Desk) -> Flask:
    desk.accounts.create_user("edith", "editor", PASSWORD)
    app = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # answer a crash with the 500 page, as in production

    @app.get("/crash-for-tests")
    def crash() -> str:
        raise RuntimeError("boom")

    @app.get("/api/v1/crash-for-tests")
    def api_crash() -> str:
        raise RuntimeError("boom")

    return app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


def _csp(resp) -> dict[str, list[str]]:
    policy = resp.headers.get("Content-Security-Policy")
    assert policy, f"{resp.request.path} ({resp.status_code}) has no Content-Security-Policy"
    directives = {}
    for part in policy.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


def _sign_in(client: FlaskClient) -> None:
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    assert client.post("/login", data={"name": "edith", "password": PASSWORD, "csrf_token": token}).status_code == 302


@pytest.mark.parametrize(("path", "status"), [
    ("/login", 200),
    ("/", 302),
    ("/no-such-page", 404),
    ("/crash-for-tests", 500),
    ("/api/v1/health", 200),
    ("/api/v1/documents", 401),
    ("/api/v1/no-such-thing", 404),
    ("/api/v1/crash-for-tests", 500),
    ("/api/v1/openapi.json", 200),
    ("/api/v1/docs", 200),
    ("/static/css/desk.css", 200),
])
def test_every_response_carries_the_security_headers(client: FlaskClient, path: str, status: int) -> None:
    resp = client.get(path)
    assert resp.status_code == status
    for name, value in HEADERS.items():
        assert resp.headers.get(name) == value, f"{path}: {name}"
    csp = _csp(resp)
    assert csp["default-src"] == ["'self'"]
    assert csp["script-src"] == ["'self'"]  # no 'unsafe-inline', no 'unsafe-eval', no other host
    assert csp["style-src"] == ["'self'"]
    assert csp["object-src"] == ["'none'"] and csp["base-uri"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"] and csp["form-action"] == ["'self'"]
    assert "Strict-Transport-Security" not in resp.headers  # plain http: no HSTS


class _Inline(HTMLParser):
    """Collects what the policy would block: inline scripts, handlers, style blocks and attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.problems: list[str] = []
        self.urls: list[str] = []
        self._in_script_without_src = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        self._in_script_without_src = tag == "script" and not names.get("src")
        if tag == "style":
            self.problems.append("<style> block")
        for name, value in attrs:
            if name == "style" or name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...>")
            if name in ("src", "href", "action") and value:
                self.urls.append(value)

    def handle_data(self, data: str) -> None:
        if self._in_script_without_src and data.strip():
            self.problems.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script_without_src = False


def _inline(html: str) -> _Inline:
    parser = _Inline()
    parser.feed(html)
    return parser


def test_pages_have_nothing_inline_the_policy_would_block(client: FlaskClient) -> None:
    pages = {"/login": client.get("/login"), "/no-such-page": client.get("/no-such-page")}
    _sign_in(client)
    pages["/"] = client.get("/")
    for path, resp in pages.items():
        found = _inline(resp.get_data(as_text=True))
        assert found.problems == [], f"{path}: {found.problems}"


def test_api_reference_is_served_from_this_server(client: FlaskClient) -> None:
    resp = client.get("/api/v1/docs")
    assert resp.status_code == 200 and resp.mimetype == "text/html"
    html = resp.get_data(as_text=True)
    found = _inline(html)
    assert found.problems == []
    assert found.urls, "the page loads nothing"
    for url in found.urls:
        assert url.startswith("/") and not url.startswith("//"), f"external reference {url}"
    assert not re.search(r"(?i)(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", html), "the page names another host"
    kinds = {}
    for url in found.urls:
        asset = client.get(url)
        assert asset.status_code == 200, url
        assert asset.headers["X-Content-Type-Options"] == "nosniff"
        kinds[url.rsplit(".", 1)[-1]] = asset.mimetype
        assert len(asset.get_data()) > 0
    assert kinds["js"] == "text/javascript" and kinds["css"] == "text/css"
    assert any("swagger-ui-bundle.js" in u for u in found.urls)
    spec = re.search(r'data-spec-url="([^"]+)"', html).group(1)
    assert client.get(spec).get_json()["openapi"].startswith("3.")
    # Only the Swagger UI files the page needs are reachable, nothing else of the package.
    assert client.get("/api/v1/docs/assets/LICENSE").status_code == 404
    assert client.get("/api/v1/docs/assets/..%2f__init__.py").status_code == 404


def _cookie_header(resp, name: str) -> str:
    for value in resp.headers.getlist("Set-Cookie"):
        if value.startswith(f"{name}="):
            return value
    raise AssertionError(f"no {name} cookie set")


def test_session_cookie_is_httponly_and_samesite_lax_but_not_secure_over_http(client: FlaskClient) -> None:
    page = client.get("/login")
    cookie = _cookie_header(page, "session")
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert "Secure" not in cookie  # a plain-http test set-up must still be able to sign in


def _app_for(desk: Desk) -> Flask:
    """An app over ``desk`` with the cookie settings the environment gives now."""
    settings = load_settings()
    desk.settings = dataclasses.replace(desk.settings, public_url=settings.public_url,
                                        secure_cookies=settings.secure_cookies)
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


def test_cookies_are_secure_when_the_site_is_served_over_https(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SONGNGU_PUBLIC_URL", "https://desk.example.vn/")
    app = _app_for(desk)
    assert app.config["SESSION_COOKIE_SECURE"] and app.config["REMEMBER_COOKIE_SECURE"]
    resp = app.test_client().get("/login", base_url="https://desk.example.vn")
    cookie = _cookie_header(resp, "session")
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    assert resp.headers["Strict-Transport-Security"].startswith("max-age=")

    monkeypatch.setenv("SONGNGU_SECURE_COOKIES", "off")  # e.g. testing a copy over plain http
    assert not _app_for(desk).config["SESSION_COOKIE_SECURE"]
    monkeypatch.setenv("SONGNGU_PUBLIC_URL", "http://desk.lan")
    monkeypatch.setenv("SONGNGU_SECURE_COOKIES", "yes")  # TLS terminated elsewhere
    assert _app_for(desk).config["SESSION_COOKIE_SECURE"]


def test_the_token_api_neither_honours_nor_sets_the_browser_session(client: FlaskClient, desk: Desk) -> None:
    """A signed-in browser's cookie rides along to /api/v1, but only a bearer token counts there."""
    _sign_in(client)
    assert client.get("/").status_code == 200  # the page sees the session
    refused = client.get("/api/v1/documents")
    assert refused.status_code == 401 and refused.get_json()["error"]["code"] == "unauthorized"
    token = desk.accounts.create_token("edith", label="test")
    answered = client.get("/api/v1/documents", headers={"Authorization": f"Bearer {token}"})
    assert answered.status_code == 200
    for resp in (refused, answered, client.get("/api/v1/health")):
        assert resp.headers.getlist("Set-Cookie") == [], "the API touched the browser's session"
    assert client.get("/").status_code == 200  # and the browser is still signed in
    # Not even opened there (no signature check on every autosave); pages still get it.
    app = client.application
    for path, null in (("/api/v1/documents", True), ("/", False)):
        with app.test_request_context(path):
            assert app.session_interface.is_null_session(flask.session) is null, path


@pytest.mark.parametrize(("name", "value", "needle"), [
    ("SONGNGU_PUBLIC_URL", "desk.example.vn", "SONGNGU_PUBLIC_URL must be an http:// or https:// address"),
    ("SONGNGU_PUBLIC_URL", "ftp://desk.example.vn", "SONGNGU_PUBLIC_URL must be"),
    ("SONGNGU_SECURE_COOKIES", "maybe", "SONGNGU_SECURE_COOKIES must be true or false"),
])
def test_bad_security_settings_name_the_problem(monkeypatch: pytest.MonkeyPatch, name: str, value: str,
                                                needle: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SongnguError, match=needle):
        load_settings()


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_instance_files_are_private_to_their_owner(models_env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The database (with its -wal and -shm), the job queue and the secret key: 0600 in a 0700 folder."""
    from translate.desk.jobs import make_huey

    monkeypatch.delenv("SONGNGU_SECRET_KEY", raising=False)
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    instance = Path(os.environ["SONGNGU_INSTANCE"])
    assert not instance.exists()
    old_umask = os.umask(0o022)  # the usual default, which makes new files world-readable
    try:
        desk = Desk()
        try:
            desk.accounts.create_user("edith", "editor", PASSWORD)
            create_app({"TESTING": True}, desk=desk)
            huey, _task = make_huey(desk.settings)
            huey.enqueue  # noqa: B018  (the queue file exists once the storage is set up)
            with desk.db.engine.connect() as conn:  # WAL and shared-memory files exist while it is open
                conn.exec_driver_sql("SELECT 1")
                files = {p.name: _mode(p) for p in instance.iterdir()}
        finally:
            desk.close()
    finally:
        os.umask(old_umask)
    assert _mode(instance) == 0o700
    for name in ("songngu.db", "songngu.db-wal", "songngu.db-shm", "queue.db", "secret_key"):
        assert name in files, f"{name} was not created: {sorted(files)}"
    assert {name: mode for name, mode in files.items() if mode != 0o600} == {}


@pytest.mark.browser
def test_api_reference_runs_in_a_browser_under_the_policy(new_page) -> None:
    """Swagger UI starts, fetches the spec and lists the operations, with no CSP violation or console error."""
    page = new_page("en-GB")
    page.goto("/api/v1/docs")
    page.locator(".opblock").first.wait_for()
    assert page.locator(".opblock").count() >= 10
    assert "songngu API" in page.locator(".info .title").inner_text()
    # Calling the API from the page works under the policy too (connect-src 'self').
    health = page.locator(".opblock", has=page.locator(".opblock-summary-path", has_text="/api/v1/health"))
    health.locator(".opblock-summary-control").click()
    health.get_by_role("button", name="Try it out").click()
    health.get_by_role("button", name="Execute").click()
    health.locator(".live-responses-table tbody .response-col_status").first.wait_for()
    assert health.locator(".live-responses-table tbody .response-col_status").first.inner_text().strip() == "200"
