"""Users, my account, one-time links and the first run, through the Flask test client and the CLI helpers."""

from __future__ import annotations

import re
import time

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, client_sign_in, form_csrf
from flask import Flask
from flask.testing import FlaskClient
from test_webui_pages import inline_code

EN = {"Accept-Language": "en"}
NEW_PASSWORD = "a completely new password"


def desk_of(app: Flask):
    return app.extensions["songngu.desk"]


def signed_in(app: Flask, name: str, role: str) -> FlaskClient:
    desk_of(app).accounts.create_user(name, role, BROWSER_PASSWORD)
    client = app.test_client()
    client_sign_in(client, name)
    return client


def csrf(client: FlaskClient, path: str = "/account") -> str:
    return form_csrf(client, path)


def secret_of(html: str) -> str:
    return lxml.html.document_fromstring(html).get_element_by_id("secret").get("value")


def user_id(app: Flask, name: str) -> int:
    return next(u.id for u in desk_of(app).accounts.list_users() if u.name == name)


def api_works(client: FlaskClient, token: str) -> bool:
    return client.get("/api/v1/documents", headers={"Authorization": f"Bearer {token}"}).status_code == 200


@pytest.fixture
def admin(web_app: Flask) -> FlaskClient:
    return signed_in(web_app, "quan", "admin")


def test_only_admins_reach_the_users_page(web_app, admin) -> None:
    assert web_app.test_client().get("/admin/users").status_code == 302  # to the sign-in page
    editor = signed_in(web_app, "bich", "editor")
    assert editor.get("/admin/users").status_code == 403
    target = user_id(web_app, "quan")
    resp = editor.post(f"/admin/users/{target}/role", data={"role": "translator", "csrf_token": csrf(editor)})
    assert resp.status_code == 403
    assert editor.get(f"/admin/users/{target}/disable").status_code == 403
    html = admin.get("/admin/users", headers=EN).get_data(as_text=True)
    assert "quan" in html and "bich" in html and "editor" in html and inline_code(html) == []
    assert admin.post("/admin/users", data={"name": "x", "role": "editor", "how": "link"}).status_code == 400


def test_creating_users_with_a_password_or_a_one_time_link(web_app, admin) -> None:
    token = csrf(admin, "/admin/users")
    resp = admin.post("/admin/users", headers=EN, data={
        "name": "mai", "role": "translator", "how": "password", "password": "short", "confirm": "short",
        "csrf_token": token})
    assert resp.status_code == 400 and "at least 10 characters" in resp.get_data(as_text=True)
    resp = admin.post("/admin/users", headers=EN, data={
        "name": "mai", "role": "translator", "how": "password", "password": NEW_PASSWORD,
        "confirm": NEW_PASSWORD + "x", "csrf_token": token})
    assert resp.status_code == 400 and "The two passwords are not the same." in resp.get_data(as_text=True)
    resp = admin.post("/admin/users", data={"name": "mai", "role": "translator", "how": "password",
                                            "password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": token})
    assert resp.status_code == 302
    assert desk_of(web_app).accounts.authenticate("mai", NEW_PASSWORD).role == "translator"

    resp = admin.post("/admin/users", headers=EN, data={"name": "lan", "role": "editor", "how": "link",
                                                        "csrf_token": token})
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == "no-store"
    link = secret_of(resp.get_data(as_text=True))
    assert re.fullmatch(r"http://localhost/reset/[A-Za-z0-9_-]{20,}", link)
    path = link.removeprefix("http://localhost")
    stranger = web_app.test_client()
    page = stranger.get(path, headers=EN)
    assert page.status_code == 200 and "For the account lan" in page.get_data(as_text=True)
    resp = stranger.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
                                     "csrf_token": form_csrf(stranger, path)})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/login")
    assert desk_of(web_app).accounts.authenticate("lan", NEW_PASSWORD).role == "editor"
    again = stranger.get(path, headers=EN)
    assert again.status_code == 410 and "This link cannot be used" in again.get_data(as_text=True)
    assert stranger.get("/reset/not-a-real-token").status_code == 404


def test_roles_change_and_the_last_admin_stays(web_app, admin) -> None:
    mai = signed_in(web_app, "mai", "translator")
    token = csrf(admin, "/admin/users")
    assert admin.post(f"/admin/users/{user_id(web_app, 'mai')}/role",
                      data={"role": "editor", "csrf_token": token}).status_code == 302
    assert mai.get("/").status_code == 302  # a new role ends the old sessions
    resp = admin.post(f"/admin/users/{user_id(web_app, 'quan')}/role", headers=EN, follow_redirects=True,
                      data={"role": "editor", "csrf_token": token})
    assert "at least one active administrator" in resp.get_data(as_text=True)
    roles = {u.name: u.role for u in desk_of(web_app).accounts.list_users()}
    assert roles == {"quan": "admin", "mai": "editor"}


def test_disabling_asks_first_then_ends_sessions_and_tokens(web_app, admin) -> None:
    mai = signed_in(web_app, "mai", "translator")
    api_token = desk_of(web_app).accounts.create_token("mai", "script")
    assert api_works(web_app.test_client(), api_token)
    path = f"/admin/users/{user_id(web_app, 'mai')}/disable"
    page = admin.get(path, headers=EN)
    assert page.status_code == 200 and "Disable mai?" in page.get_data(as_text=True)
    assert mai.get("/").status_code == 200  # asking changed nothing
    assert inline_code(page.get_data(as_text=True)) == []
    assert admin.post(path, data={"csrf_token": csrf(admin, path)}).status_code == 302
    assert mai.get("/").status_code == 302
    assert not api_works(web_app.test_client(), api_token)
    assert desk_of(web_app).accounts.authenticate("mai", BROWSER_PASSWORD) is None
    enable = f"/admin/users/{user_id(web_app, 'mai')}/enable"
    assert admin.post(enable, data={"csrf_token": csrf(admin, enable)}).status_code == 302
    assert desk_of(web_app).accounts.authenticate("mai", BROWSER_PASSWORD) is not None


def test_a_reset_link_is_shown_once_and_sets_a_new_password(web_app, admin) -> None:
    signed_in(web_app, "mai", "translator")
    resp = admin.post(f"/admin/users/{user_id(web_app, 'mai')}/reset-link", headers=EN,
                      data={"csrf_token": csrf(admin, "/admin/users")})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "shown only now" in html
    path = secret_of(html).removeprefix("http://localhost")
    client = web_app.test_client()
    resp = client.post(path, data={"password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
                                   "csrf_token": form_csrf(client, path)})
    assert resp.status_code == 302
    accounts = desk_of(web_app).accounts
    assert accounts.authenticate("mai", NEW_PASSWORD) is not None
    assert accounts.authenticate("mai", BROWSER_PASSWORD) is None


def test_api_tokens_are_shown_once_listed_and_revoked(web_app, admin) -> None:
    signed_in(web_app, "mai", "translator")
    resp = admin.post("/admin/tokens", headers=EN, data={"user": user_id(web_app, "mai"), "label": "cms",
                                                         "csrf_token": csrf(admin, "/admin/users")})
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and "shown only once" in html
    token = secret_of(html)
    assert token.startswith("sn_") and api_works(web_app.test_client(), token)
    listing = admin.get("/admin/users").get_data(as_text=True)
    assert "cms" in listing and token not in listing
    token_id = desk_of(web_app).accounts.list_tokens(desk_of(web_app).accounts.get_user(user_id(web_app, "quan")))
    [row] = [t for t in token_id if t["label"] == "cms"]
    assert admin.post(f"/admin/tokens/{row['id']}/revoke",
                      data={"csrf_token": csrf(admin, "/admin/users"), "next": "/admin/users"}).status_code == 302
    assert not api_works(web_app.test_client(), token)


def test_my_account_changes_the_password_and_keeps_this_session_only(web_app) -> None:
    here = signed_in(web_app, "mai", "translator")
    there = web_app.test_client()
    client_sign_in(there, "mai")
    token = csrf(here)
    resp = here.post("/account/password", headers=EN, data={
        "current": "wrong password!", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": token})
    assert resp.status_code == 400 and "This is not your current password." in resp.get_data(as_text=True)
    resp = here.post("/account/password", data={
        "current": BROWSER_PASSWORD, "password": NEW_PASSWORD, "confirm": NEW_PASSWORD, "csrf_token": token})
    assert resp.status_code == 302
    assert here.get("/account").status_code == 200
    assert there.get("/account").status_code == 302  # signed out everywhere else
    resp = here.post("/account/tokens", headers=EN, data={"label": "my laptop", "csrf_token": csrf(here)})
    own = secret_of(resp.get_data(as_text=True))
    assert api_works(web_app.test_client(), own)
    assert "my laptop" in here.get("/account").get_data(as_text=True)


def test_the_first_admin_is_created_through_the_setup_link(web_app) -> None:
    from cli.serve import first_admin_link, local_base_url

    desk = desk_of(web_app)
    link = first_admin_link(desk, local_base_url("0.0.0.0", 8000))
    assert link and link.startswith("http://127.0.0.1:8000/setup/")
    path = link.removeprefix("http://127.0.0.1:8000")
    client = web_app.test_client()
    page = client.get(path, headers=EN)
    assert page.status_code == 200 and "Set up the desk" in page.get_data(as_text=True)
    assert inline_code(page.get_data(as_text=True)) == []
    token = form_csrf(client, path)
    resp = client.post(path, headers=EN, data={"name": "an", "password": NEW_PASSWORD, "confirm": "different",
                                               "csrf_token": token})
    assert resp.status_code == 400 and not desk.accounts.has_active_admin()
    resp = client.post(path, data={"name": "an", "password": NEW_PASSWORD, "confirm": NEW_PASSWORD,
                                   "csrf_token": token})
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/admin/users")
    assert client.get("/admin/users").status_code == 200  # signed in as the new admin
    assert desk.accounts.authenticate("an", NEW_PASSWORD).role == "admin"
    used = web_app.test_client().get(path, headers=EN)
    assert used.status_code == 410 and "already been used" in used.get_data(as_text=True)
    assert web_app.test_client().get("/setup/wrong").status_code == 404
    assert first_admin_link(desk, "http://x") is None  # an admin exists: no link is printed


def test_local_base_url_prefers_the_public_address() -> None:
    from cli.serve import local_base_url

    assert local_base_url("::", 8080) == "http://[::1]:8080"
    assert local_base_url("10.0.0.5", 80) == "http://10.0.0.5:80"
    assert local_base_url("0.0.0.0", 80, "https://desk.example.org/") == "https://desk.example.org"


# --- make run: models/ensure.py ------------------------------------------------------------------


@pytest.fixture
def empty_models(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(tmp_path / "models"))
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    return tmp_path / "models"


def test_without_the_hub_one_line_and_test_models(empty_models, monkeypatch, capsys) -> None:
    import models.ensure as ensure

    built: list = []
    monkeypatch.setattr(ensure, "make_test_models", lambda folder: built.append(folder))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert ensure.main() == 0
    err = capsys.readouterr().err
    assert err.splitlines() == ["songngu: " + ensure.FALLBACK]
    assert "songngu models add" in err and built == [empty_models]


def test_the_hub_check_gives_up_quickly(monkeypatch) -> None:
    import models.ensure as ensure

    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    start = time.monotonic()
    assert not ensure.hub_reachable("x/y", timeout_s=0.2, probe=lambda repo, t: time.sleep(30))
    assert time.monotonic() - start < 3
    assert not ensure.hub_reachable("x/y", probe=lambda repo, t: (_ for _ in ()).throw(OSError("no route")))
    assert ensure.hub_reachable("x/y", probe=lambda repo, t: None)


def test_with_the_hub_the_real_models_are_fetched_with_progress_bars(empty_models, monkeypatch) -> None:
    from huggingface_hub.utils import are_progress_bars_disabled, disable_progress_bars

    import models.ensure as ensure
    import models.fetch
    from models.registry import HF_DIR, write_manifest

    disable_progress_bars()  # as `songngu` leaves them after quieting transformers
    fetched: list[tuple[str, bool]] = []

    def fake_fetch(entry, folder, convert=True):
        fetched.append((entry.name, are_progress_bars_disabled()))
        write_manifest(folder / entry.name, name=entry.name, src=entry.src, tgt=entry.tgt, test=False,
                       repo=entry.repo, revision="abc")
        (folder / entry.name / HF_DIR).mkdir()
        (folder / entry.name / HF_DIR / "config.json").write_text("{}")
        return folder / entry.name

    monkeypatch.setattr(ensure, "hub_reachable", lambda repo, *a, **k: True)
    monkeypatch.setattr(models.fetch, "fetch", fake_fetch)
    monkeypatch.setattr(ensure, "make_test_models", lambda folder: pytest.fail("must not build test models"))
    empty_models.mkdir()
    assert ensure.main() == 0
    assert sorted(fetched) == [("opus-mt-en-vi", False), ("opus-mt-vi-en", False)]
