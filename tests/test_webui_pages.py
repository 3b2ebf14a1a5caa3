"""The page frame: no inline code (CSP), navigation by role, the TEST-model banner, error pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import lxml.html
import pytest
from conftest import client_sign_in
from flask import Flask
from flask.testing import FlaskClient

from translate.config import load_settings
from translate.desk.model_service import ModelService

TEST_BANNER_VI = "mô hình THỬ NGHIỆM với trọng số ngẫu nhiên"


def html_pages(app: Flask) -> list[str]:
    """Every GET page of the app that takes no argument, outside the API and static files."""
    paths = set()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments or rule.endpoint == "static":
            continue
        # The API and APIFlask's own documentation pages (Swagger UI) are not part of the desk UI.
        if rule.rule.startswith("/api") or rule.endpoint.startswith("openapi."):
            continue
        paths.add(rule.rule)
    return sorted(paths)


def inline_code(html: str) -> list[str]:
    """What a strict CSP (script-src 'self'; style-src 'self') would block on this page."""
    doc = lxml.html.document_fromstring(html)
    found = []
    for el in doc.iter():
        if not isinstance(el.tag, str):
            continue
        if el.tag == "script" and (not el.get("src") or (el.text or "").strip()):
            found.append("inline <script>")
        if el.tag == "style":
            found.append("<style> element")
        for name, value in el.attrib.items():
            if name == "style":
                found.append(f"style= on <{el.tag}>")
            if name.startswith("on"):
                found.append(f"{name}= on <{el.tag}>")
            if name in ("href", "src", "action", "formaction") and value.strip().lower().startswith("javascript:"):
                found.append(f"javascript: URL on <{el.tag}>")
    return found


def signed_in(app: Flask, name: str, role: str) -> FlaskClient:
    app.extensions["songngu.desk"].accounts.create_user(name, role, "correct horse battery staple")
    client = app.test_client()
    client_sign_in(client, name)
    return client


def test_no_page_carries_inline_script_or_style(web_app: Flask) -> None:
    clients = {"anonymous": web_app.test_client(), "admin": signed_in(web_app, "quan", "admin")}
    checked = 0
    for who, client in clients.items():
        for path in [*html_pages(web_app), "/no-such-page"]:
            resp = client.get(path)
            if not resp.content_type.startswith("text/html"):
                continue
            checked += 1
            assert inline_code(resp.get_data(as_text=True)) == [], f"{path} as {who}"
    assert checked >= 5  # login, home, the error page at least
    assert inline_code('<p style="color:red" onclick="x()">') == ["style= on <p>", "onclick= on <p>"]


def test_navigation_follows_the_role_and_marks_the_current_page(web_app: Flask) -> None:
    editor = signed_in(web_app, "bich", "editor")
    doc = lxml.html.document_fromstring(editor.get("/").get_data(as_text=True))
    links = {a.get("href"): a.text_content() for a in doc.xpath("//nav[@class='site-nav']//a")}
    assert links == {"/desk": "Bàn biên tập", "/glossary": "Thuật ngữ", "/memory": "Bộ nhớ dịch",
                     "/analytics": "Thống kê"}
    admin = signed_in(web_app, "quan", "admin")
    doc = lxml.html.document_fromstring(admin.get("/glossary").get_data(as_text=True))
    links = {a.get("href"): a for a in doc.xpath("//nav[@class='site-nav']//a")}
    assert set(links) == {"/desk", "/glossary", "/memory", "/analytics", "/admin/users", "/admin/models",
                          "/admin/webhooks"}
    assert links["/admin/users"].text_content() == "Người dùng"
    assert links["/glossary"].get("aria-current") == "page"
    assert links["/desk"].get("aria-current") is None
    anonymous = lxml.html.document_fromstring(web_app.test_client().get("/login").get_data(as_text=True))
    assert anonymous.xpath("//nav[@class='site-nav']") == []


def test_every_page_says_when_drafts_come_from_test_models(web_app: Flask) -> None:
    html = web_app.test_client().get("/login").get_data(as_text=True)
    assert TEST_BANNER_VI in html
    english = web_app.test_client().get("/login", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Drafts on this desk come from a TEST model with random weights" in english


def test_model_service_tells_test_models_from_none(models_env: Path, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    assert ModelService(load_settings()).drafts_are_test_output() is True
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(tmp_path / "empty"))
    assert ModelService(load_settings()).drafts_are_test_output() is False


def test_model_service_answer_is_cached_briefly(models_env: Path, tmp_path: Path) -> None:
    service = ModelService(load_settings(), cache_seconds=60)
    assert service.drafts_are_test_output() is True
    service.settings = replace(service.settings, models_dir=tmp_path)
    assert service.drafts_are_test_output() is True  # still the cached answer
    service.cache_seconds = 0
    assert service.drafts_are_test_output() is False


def test_error_pages_are_translated_and_keep_specific_messages(web_app: Flask) -> None:
    client = web_app.test_client()
    resp = client.get("/no-such-page")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 404 and "Không tìm thấy trang" in html
    assert "The requested URL was not found" not in html  # werkzeug's stock text adds nothing
    resp = client.post("/locale", data={"locale": "klingon"})  # no CSRF token: a specific reason
    assert resp.status_code == 400 and "Yêu cầu không hợp lệ" in resp.get_data(as_text=True)
    assert "CSRF" in resp.get_data(as_text=True)


def test_flash_messages_are_announced_and_escaped(web_app: Flask) -> None:
    client = signed_in(web_app, "<svg/onload=alert(1)>", "translator")
    doc = lxml.html.document_fromstring(client.get("/").get_data(as_text=True))
    (flash,) = doc.xpath("//div[contains(concat(' ', @class, ' '), ' flash ')]")
    assert flash.get("role") == "status"
    assert "<svg/onload=alert(1)>" in flash.text_content()
    assert doc.xpath("//svg | //main//script") == [] and inline_code(lxml.html.tostring(doc, encoding="unicode")) == []
