"""The UI's language: Vietnamese first, English on request, the choice remembered; complete catalogs."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from conftest import UI_TRANSLATIONS, client_sign_in, form_csrf, ui_text
from flask import Flask, render_template_string

ROOT = Path(__file__).resolve().parent.parent


def lang_of(html: str) -> str:
    start = html.index('<html lang="') + len('<html lang="')
    return html[start:html.index('"', start)]


def test_the_ui_speaks_vietnamese_by_default(web_app: Flask) -> None:
    html = web_app.test_client().get("/login").get_data(as_text=True)
    assert lang_of(html) == "vi"
    assert "Đăng nhập" in html and "Tên đăng nhập" in html and "Mật khẩu" in html
    assert "Sign in" not in html


def test_the_browser_language_is_honoured_when_nothing_was_chosen(web_app: Flask) -> None:
    client = web_app.test_client()
    html = client.get("/login", headers={"Accept-Language": "en-GB,en;q=0.9"}).get_data(as_text=True)
    assert lang_of(html) == "en" and "Sign in" in html
    html = client.get("/login", headers={"Accept-Language": "fr-FR,vi;q=0.5"}).get_data(as_text=True)
    assert lang_of(html) == "vi"
    html = client.get("/login", headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert lang_of(html) == "vi"  # neither offered: Vietnamese


def test_switching_language_is_remembered_and_returns_to_the_page(web_app: Flask) -> None:
    client = web_app.test_client()
    token = form_csrf(client, "/login")
    resp = client.post("/locale", data={"locale": "en", "next": "/login?next=/desk", "csrf_token": token})
    assert resp.status_code == 302 and resp.headers["Location"] == "/login?next=/desk"
    html = client.get("/login", headers={"Accept-Language": "vi"}).get_data(as_text=True)
    assert lang_of(html) == "en"  # the choice beats the browser's preference
    client.post("/locale", data={"locale": "vi", "next": "/login", "csrf_token": token})
    assert lang_of(client.get("/login").get_data(as_text=True)) == "vi"


def test_switcher_refuses_foreign_redirects_unknown_languages_and_missing_csrf(web_app: Flask) -> None:
    client = web_app.test_client()
    token = form_csrf(client, "/login")
    for target in ("https://evil.example/", "//evil.example/", "/\\evil.example"):
        resp = client.post("/locale", data={"locale": "en", "next": target, "csrf_token": token})
        assert resp.status_code == 302 and resp.headers["Location"] == "/", target
    resp = client.post("/locale", data={"locale": "fr", "csrf_token": token})
    assert resp.status_code == 400
    assert "fr" not in client.get("/login").get_data(as_text=True).split("<body")[0]
    assert client.post("/locale", data={"locale": "en"}).status_code == 400


def test_a_signed_in_users_choice_follows_the_account(web_app: Flask) -> None:
    desk = web_app.extensions["songngu.desk"]
    if not hasattr(desk.accounts, "set_locale"):
        pytest.skip("this desk does not store a locale per account yet")
    desk.accounts.create_user("lan", "translator", "correct horse battery staple")
    first = web_app.test_client()
    client_sign_in(first, "lan")
    first.post("/locale", data={"locale": "en", "next": "/", "csrf_token": form_csrf(first, "/")})
    second = web_app.test_client()  # another browser, Vietnamese by default
    client_sign_in(second, "lan")
    assert lang_of(second.get("/").get_data(as_text=True)) == "en"


def test_pages_name_the_role_in_the_readers_language(web_app: Flask) -> None:
    web_app.extensions["songngu.desk"].accounts.create_user("an", "admin", "correct horse battery staple")
    client = web_app.test_client()
    client_sign_in(client, "an")
    html = client.get("/").get_data(as_text=True)
    assert "quản trị viên" in html and "Xin chào, an" in html
    client.post("/locale", data={"locale": "en", "next": "/", "csrf_token": form_csrf(client, "/")})
    html = client.get("/").get_data(as_text=True)
    assert "administrator" in html and "Welcome, an" in html and "quản trị viên" not in html


@pytest.mark.parametrize(
    ("locale", "number", "percent", "when"),
    [("vi", "1.234,5", "87%", "09:30:00 5 thg 3, 2026"), ("en", "1,234.5", "87%", "Mar 5, 2026, 9:30:00 AM")],
)
def test_numbers_and_dates_follow_the_locale(web_app: Flask, locale: str, number: str, percent: str,
                                             when: str) -> None:
    with web_app.test_request_context("/", headers={"Accept-Language": locale}):
        out = render_template_string(
            "{{ 1234.5|number }}|{{ 0.87|percent }}|{{ when|datetime }}|{{ none|datetime }}",
            when=datetime(2026, 3, 5, 2, 30, tzinfo=UTC),  # 09:30 in Hà Nội, the desk's default zone
            none=None,
        )
    assert out.replace("\u202f", " ").replace("\xa0", "") == f"{number}|{percent}|{when}|"


def test_every_ui_text_is_translated_into_vietnamese() -> None:
    """A msgid added in code or a template without a catalog entry would show English to everyone."""
    used = {msg[2] if isinstance(msg[2], str) else msg[2][0]
            for msg in extract_from_dir(str(ROOT / "webui"), method_map=[("**.py", "python"),
                                                                        ("templates/**.html", "jinja2")],
                                        keywords={"_": None, "gettext": None, "lazy_gettext": None,
                                                  "ngettext": (1, 2)})}
    with (UI_TRANSLATIONS / "vi" / "LC_MESSAGES" / "messages.po").open("rb") as fh:
        catalog = read_po(fh, locale="vi")
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog if m.id and m.string
                  and "fuzzy" not in m.flags}
    missing = sorted(used - translated)
    assert not missing, f"run `make messages` and translate: {missing}"
    assert ui_text("vi", "Sign out") == "Đăng xuất" and ui_text("vi", "Language") == "Ngôn ngữ"
