"""The models page: admins see every installed model with the scores kept beside it, newest first."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, client_sign_in, ui_text
from flask import Flask
from test_webui_pages import inline_code

from models.registry import append_score
from translate.desk import PermissionDenied


def signed_in(app: Flask, name: str, role: str):
    app.extensions["songngu.desk"].accounts.create_user(name, role, BROWSER_PASSWORD)
    client = app.test_client()
    client_sign_in(client, name)
    return client


def record(date: str, bleu: float, glossary: bool, set_name: str = "flores200-devtest") -> dict:
    return {"model": "test-en-vi", "revision": "random-seed1", "set": set_name, "direction": "en-vi", "lines": 50,
            "glossary": glossary, "figures": {"bleu": bleu, "chrf": 7.5, "ter": 99.0},
            "signatures": {"bleu": "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.6.0"},
            "songngu_signature": "songngu:0.1.0|pair:en-vi|glossary:v1",
            "terms": {"expected": 4, "held_without_flag": 3, "flagged": 1, "unflagged_misses": 0}, "date": date}


def test_admin_sees_models_and_their_scores_newest_first(web_app: Flask, models_env: Path, tmp_path: Path) -> None:
    root = models_env / "test-en-vi"
    append_score(root, record("2031-01-01T10:00:00+00:00", 12.34, False, "tatoeba"))
    append_score(root, record("2031-02-01T10:00:00+00:00", 23.45, True, "<script>alert(1)</script>"))
    client = signed_in(web_app, "ada", "admin")
    resp = client.get("/admin/models", headers={"Accept-Language": "en"})
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert not inline_code(html)
    doc = lxml.html.fromstring(html)
    assert doc.findtext(".//h1") == "Models"
    assert doc.xpath('//nav//a[@href="/admin/models"][@aria-current="page"]')
    sections = {s.findtext("h2").strip(): s for s in doc.xpath("//section[h2]")}
    assert {"test-en-vi", "test-vi-en"} <= set(sections)
    table = sections["test-en-vi"].find(".//table")
    rows = [[c.text_content().strip() for c in tr.xpath("th|td")] for tr in table.xpath(".//tbody/tr")]
    ours = [r for r in rows if r[1] in ("tatoeba", "<script>alert(1)</script>")]
    assert [r[5] for r in ours] == ["23.45", "12.34"]  # newest first, BLEU column
    assert ours[0][4] == "with glossary" and ours[1][4] == "engine alone" and ours[0][8] == "3 / 4"
    assert "<script>alert(1)</script>" not in html  # the set name is text, escaped
    assert "TEST model" in sections["test-en-vi"].text_content()
    vi = client.get("/admin/models", headers={"Accept-Language": "vi"}).get_data(as_text=True)
    assert ui_text("vi", "Models") == "Mô hình" and "<h1>Mô hình</h1>" in vi


@pytest.mark.parametrize("role", ["editor", "translator"])
def test_only_admins_see_the_models(web_app: Flask, role: str) -> None:
    client = signed_in(web_app, f"who-{role}", role)
    assert client.get("/admin/models").status_code == 403
    assert 'href="/admin/models"' not in client.get("/desk").get_data(as_text=True)
    desk = web_app.extensions["songngu.desk"]
    me = next(u for u in desk.accounts.list_users() if u.name == f"who-{role}")
    with pytest.raises(PermissionDenied):
        desk.models.list_models(me)
    assert web_app.test_client().get("/admin/models").status_code in (302, 401)


@pytest.mark.browser
def test_models_page_in_the_browser(live_server, new_page, models_env: Path) -> None:
    from conftest import screenshot, sign_in

    append_score(models_env / "test-en-vi", record("2031-03-01T10:00:00+00:00", 31.5, True,
                                                   "<img src=x onerror=alert(1)>"))
    live_server.create_user("root", "admin")
    dialogs: list[str] = []
    for locale in ("en-US", "vi-VN"):
        page = new_page(locale)
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        sign_in(page, "root")
        lang = locale[:2]
        page.get_by_role("link", name=ui_text(lang, "Models"), exact=True).click()
        page.wait_for_load_state()
        assert page.get_by_role("heading", level=1).inner_text() == ui_text(lang, "Models")
        table = page.get_by_role("table", name=ui_text(lang, "Scores of %(name)s", name="test-en-vi"))
        assert "31.50" in table.inner_text() and "<img src=x onerror=alert(1)>" in table.inner_text()
        screenshot(page, f"models-{lang}")
        assert dialogs == []
