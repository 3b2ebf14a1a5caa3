"""Browser sessions end for real: a kept cookie stops working after sign-out, a new password,
a new role or disabling the account, on every device; a disabled user's API tokens stop at once."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from translate.desk import Desk, UserView
from webui.app import create_app

PASSWORD = "correct horse battery staple"
NEW_PASSWORD = "a brand new passphrase"


@pytest.fixture
def desk(models_env: Path) -> Iterator[Desk]:
    d = Desk()
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def users(desk: Desk) -> dict[str, UserView]:
    return {
        "edith": desk.accounts.create_user("edith", "editor", PASSWORD),
        "ada": desk.accounts.create_user("ada", "admin", PASSWORD),
    }


@pytest.fixture
def app(desk: Desk, users: dict[str, UserView]) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


def _csrf(client: FlaskClient, path: str = "/login") -> str:
    page = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page)
    assert match, "the form carries no CSRF token"
    return match.group(1)


def _signed_in_client(app: Flask, name: str = "edith", password: str = PASSWORD) -> FlaskClient:
    client = app.test_client()
    resp = client.post("/login", data={"name": name, "password": password, "csrf_token": _csrf(client)})
    assert resp.status_code == 302, resp.get_data(as_text=True)[:300]
    assert client.get("/").status_code == 200
    return client


def _replay(app: Flask, cookie: str) -> int:
    """GET / from a fresh browser holding only a copy of the session cookie."""
    other = app.test_client()
    other.set_cookie("session", cookie)
    resp = other.get("/")
    if resp.status_code == 302:
        assert resp.headers["Location"].startswith("/login")
    return resp.status_code


def test_a_kept_cookie_does_not_work_after_sign_out(app: Flask) -> None:
    client = _signed_in_client(app)
    kept = client.get_cookie("session").value
    assert _replay(app, kept) == 200  # the copy works while the session is open
    resp = client.post("/logout", data={"csrf_token": _csrf(client, "/")})
    assert resp.status_code == 302
    assert _replay(app, kept) == 302


def test_sign_out_ends_the_sessions_on_other_devices_too(app: Flask) -> None:
    laptop = _signed_in_client(app)
    phone = _signed_in_client(app)
    laptop.post("/logout", data={"csrf_token": _csrf(laptop, "/")})
    assert phone.get("/").status_code == 302
    # Signing in again opens a new session that works.
    again = _signed_in_client(app)
    assert again.get("/").status_code == 200


def _change_password(desk: Desk, users: dict[str, UserView]) -> None:
    desk.accounts.change_password(users["edith"], PASSWORD, NEW_PASSWORD)


def _change_role(desk: Desk, users: dict[str, UserView]) -> None:
    desk.accounts.set_role(users["ada"], users["edith"].id, "translator")


def _disable(desk: Desk, users: dict[str, UserView]) -> None:
    desk.accounts.set_active(users["ada"], users["edith"].id, False)


def _reset_password(desk: Desk, users: dict[str, UserView]) -> None:
    link = desk.accounts.admin_reset_link(users["ada"], users["edith"].id)
    desk.accounts.redeem_reset(link, NEW_PASSWORD)


@pytest.mark.parametrize("change", [_change_password, _change_role, _disable, _reset_password],
                         ids=["password", "role", "disabled", "reset"])
def test_account_changes_end_every_session_of_that_user(
    app: Flask, desk: Desk, users: dict[str, UserView], change: Callable[[Desk, dict], None]
) -> None:
    client = _signed_in_client(app)
    kept = client.get_cookie("session").value
    bystander = _signed_in_client(app, "ada")
    change(desk, users)
    assert client.get("/").status_code == 302
    assert _replay(app, kept) == 302
    assert bystander.get("/").status_code == 200  # other users stay signed in


def test_changing_ones_password_keeps_the_session_it_returns(desk: Desk, users: dict[str, UserView]) -> None:
    before = desk.accounts.sign_in("edith", PASSWORD)
    assert before is not None and desk.accounts.user_for_session(before.session_id) == users["edith"]
    after = desk.accounts.change_password(users["edith"], PASSWORD, NEW_PASSWORD)
    assert desk.accounts.user_for_session(before.session_id) is None
    assert desk.accounts.user_for_session(after.session_id) == users["edith"]
    assert desk.accounts.authenticate("edith", PASSWORD) is None
    assert desk.accounts.authenticate("edith", NEW_PASSWORD) == users["edith"]


def test_a_session_without_a_generation_is_signed_out(app: Flask, users: dict[str, UserView]) -> None:
    """A cookie in the format older code wrote (just the user id) no longer signs anyone in."""
    client = app.test_client()
    with client.session_transaction() as sess:
        sess["_user_id"] = str(users["edith"].id)
        sess["_fresh"] = True
    assert client.get("/").status_code == 302


def test_a_disabled_users_api_tokens_stop_at_once(app: Flask, desk: Desk, users: dict[str, UserView]) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {desk.accounts.create_token('edith', label='CMS')}"}
    assert client.get("/api/v1/documents", headers=auth).status_code == 200
    desk.accounts.set_active(users["ada"], users["edith"].id, False)
    resp = client.get("/api/v1/documents", headers=auth)
    assert resp.status_code == 401 and resp.get_json()["error"]["code"] == "unauthorized"
    desk.accounts.set_active(users["ada"], users["edith"].id, True)
    assert client.get("/api/v1/documents", headers=auth).status_code == 200


def test_a_role_change_applies_to_the_token_at_once(app: Flask, desk: Desk, users: dict[str, UserView]) -> None:
    client = app.test_client()
    auth = {"Authorization": f"Bearer {desk.accounts.create_token('edith')}"}
    body = {"source_lang": "vi", "category": "Nghề thủ công", "title": "Làng gốm Bát Tràng",
            "summary": "Làng nghề gốm.", "body_html": "<p>Du khách có thể tự làm gốm.</p>"}
    assert client.post("/api/v1/documents", json=body, headers=auth).status_code == 201
    desk.accounts.set_role(users["ada"], users["edith"].id, "translator")
    resp = client.post("/api/v1/documents", json=body, headers=auth)
    assert resp.status_code == 403
