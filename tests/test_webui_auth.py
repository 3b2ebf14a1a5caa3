"""Signing in through the browser: forms with CSRF, sessions, throttling, the secret key, `serve`."""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from translate.desk import Desk
from webui.app import create_app

PASSWORD = "correct horse battery staple"


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
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # these tests read the English texts
    return client


def _csrf(client: FlaskClient, path: str = "/login") -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the form carries no CSRF token"
    return match.group(1)


def _login(client: FlaskClient, name: str = "edith", password: str = PASSWORD, next_: str | None = None):
    token = _csrf(client)
    url = "/login" if next_ is None else f"/login?next={next_}"
    return client.post(url, data={"name": name, "password": password, "csrf_token": token})


def test_login_page_has_a_csrf_protected_form(client: FlaskClient) -> None:
    page = client.get("/login")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert 'name="csrf_token"' in html and 'type="password"' in html


def test_login_without_csrf_token_is_refused(client: FlaskClient) -> None:
    resp = client.post("/login", data={"name": "edith", "password": PASSWORD})
    assert resp.status_code == 400
    assert client.get("/").status_code == 302  # still signed out


def test_anonymous_visitor_is_sent_to_login(client: FlaskClient) -> None:
    resp = client.get("/")
    assert resp.status_code == 302
    assert resp.headers["Location"].startswith("/login")


def test_sign_in_shows_who_and_which_role(client: FlaskClient) -> None:
    resp = _login(client)
    assert resp.status_code == 302
    home = client.get(resp.headers["Location"])
    assert home.status_code == 200
    html = home.get_data(as_text=True)
    assert "edith" in html and "editor" in html
    assert "Signed in as edith." in html


def test_wrong_password_says_so_without_revealing_which_part(client: FlaskClient) -> None:
    for name, password in (("edith", "wrong password!"), ("nobody", PASSWORD)):
        resp = _login(client, name, password)
        assert resp.status_code == 401
        assert "Wrong name or password." in resp.get_data(as_text=True)
    assert client.get("/").status_code == 302


def test_repeated_failures_are_throttled_with_a_clear_message(client: FlaskClient) -> None:
    for _ in range(30):
        resp = _login(client, "edith", "not the password")
        if resp.status_code == 429:
            break
        assert resp.status_code == 401
    else:
        pytest.fail("30 failed sign-ins in a row were never throttled")
    html = resp.get_data(as_text=True)
    assert "Too many failed sign-in attempts" in html
    assert int(resp.headers["Retry-After"]) > 0
    # Even the right password waits until the throttle lifts.
    assert _login(client).status_code == 429


def test_next_only_redirects_within_the_site(client: FlaskClient) -> None:
    resp = _login(client, next_="https://evil.example/phish")
    assert resp.status_code == 302
    assert resp.headers["Location"] == "/"
    client.post("/logout", data={"csrf_token": _csrf(client, "/")})
    resp = _login(client, next_="/api/v1/docs")
    assert resp.headers["Location"] == "/api/v1/docs"


def test_sign_out_needs_a_post_with_csrf(client: FlaskClient) -> None:
    _login(client)
    assert client.get("/logout").status_code == 405
    assert client.post("/logout").status_code == 400  # no CSRF token: still signed in
    assert client.get("/").status_code == 200
    resp = client.post("/logout", data={"csrf_token": _csrf(client, "/")})
    assert resp.status_code == 302
    assert client.get("/").status_code == 302


def test_browser_session_does_not_open_the_api(client: FlaskClient) -> None:
    _login(client)
    resp = client.get("/api/v1/documents")
    assert resp.status_code == 401
    assert resp.get_json()["error"]["code"] == "unauthorized"


def test_secret_key_is_generated_once_and_kept_private(desk: Desk, models_env: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SONGNGU_SECRET_KEY", raising=False)
    desk.accounts.create_user("edith", "editor", PASSWORD)
    first = create_app({"TESTING": True}, desk=desk)
    key_file = Path(os.environ["SONGNGU_INSTANCE"]) / "secret_key"
    assert key_file.is_file()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert len(first.config["SECRET_KEY"]) >= 32

    # A session from before a restart is still valid after it.
    client = first.test_client()
    _login(client)
    restarted = create_app({"TESTING": True}, desk=desk)
    assert restarted.config["SECRET_KEY"] == first.config["SECRET_KEY"]
    cookie = client.get_cookie("session")
    assert cookie is not None
    other = restarted.test_client()
    other.set_cookie("session", cookie.value)
    assert other.get("/").status_code == 200


def test_secret_key_from_environment_wins(desk: Desk, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SONGNGU_SECRET_KEY", "from-the-environment-" + "x" * 20)
    app = create_app({"TESTING": True}, desk=desk)
    assert app.config["SECRET_KEY"] == "from-the-environment-" + "x" * 20
    assert not (Path(os.environ["SONGNGU_INSTANCE"]) / "secret_key").exists()


def test_serve_prints_the_url_and_how_to_create_the_first_admin(models_env: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    import cli.serve
    from cli.main import main

    served = {}

    def fake_serve(app: Flask, host: str, port: int, threads: int) -> None:
        served.update(app=app, host=host, port=port)

    monkeypatch.setattr(cli.serve, "_serve_forever", fake_serve)
    result = CliRunner().invoke(main, ["serve", "--port", "8123"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.output
    assert "songngu users create --name admin --role admin" in result.output
    assert served["port"] == 8123 and served["host"] == "127.0.0.1"
    # The app it would serve answers.
    assert served["app"].test_client().get("/api/v1/health").status_code == 200


def _failures_until_throttled(client: FlaskClient, forwarded_for: str) -> None:
    for _ in range(30):
        token = _csrf(client)
        resp = client.post("/login", data={"name": "edith", "password": "not the password", "csrf_token": token},
                           headers={"X-Forwarded-For": forwarded_for})
        if resp.status_code == 429:
            return
    pytest.fail("30 failed sign-ins in a row were never throttled")


def _sign_in_from(client: FlaskClient, forwarded_for: str) -> int:
    token = _csrf(client)
    return client.post("/login", data={"name": "edith", "password": PASSWORD, "csrf_token": token},
                       headers={"X-Forwarded-For": forwarded_for}).status_code


@pytest.mark.parametrize(("proxies", "other_address_signs_in"), [("0", False), ("1", True)])
def test_throttling_sees_the_client_behind_a_trusted_proxy_only(models_env: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 proxies: str, other_address_signs_in: bool) -> None:
    """Behind a proxy every request comes from the proxy; trusting it names the real client, and only then."""
    monkeypatch.setenv("SONGNGU_TRUSTED_PROXIES", proxies)
    desk = Desk()
    try:
        desk.accounts.create_user("edith", "editor", PASSWORD)
        client = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk).test_client()
        _failures_until_throttled(client, "203.0.113.7")
        # A forged header must not let the attacker out of the throttle when no proxy is trusted.
        assert (_sign_in_from(client, "198.51.100.9") == 302) is other_address_signs_in
    finally:
        desk.close()
