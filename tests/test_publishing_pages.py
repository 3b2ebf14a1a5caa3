"""Publishing from the article page and the REST API: publish, view both pages on the site, the log, unpublish."""

from __future__ import annotations

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, form_csrf, signed_in_client
from flask import Flask

from translate.desk.documents import Segment
from translate.desk.publishing.site_bench import approve_directly


@pytest.fixture
def desk(web_app: Flask):
    return web_app.extensions["songngu.desk"]


@pytest.fixture
def people(desk):
    return {role: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
            for name, role in (("bich", "editor"), ("lan", "translator"))}


def approved(desk, editor, title="Làng lụa Vạn Phúc"):
    doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title=title, summary="",
                                body_html="<p>Tiếng khung cửi vẫn vang lên mỗi sáng.</p>")
    approve_directly(desk, editor, doc.id)
    return doc


def signed_in(web_app: Flask, name: str):
    return signed_in_client(web_app, name, "en")


def html_of(resp) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(resp.get_data(as_text=True))


def link(page, text: str) -> str:
    found = [a.get("href") for a in page.xpath("//a") if a.text_content().strip() == text]
    assert found, f"no link {text!r}"
    return found[0]


def test_publish_view_on_site_and_unpublish_from_the_article_page(web_app, desk, people):
    doc = approved(desk, people["editor"])
    with desk.db.transaction() as s:  # a blocking check: publishing needs a written reason
        s.get(Segment, desk.documents.get(people["editor"], doc.id).segments[-1].id).flags = [
            {"check": "forbidden_term", "severity": "error", "message": "forbidden term"}]
    client = signed_in(web_app, "bich")
    page = html_of(client.get(f"/articles/{doc.id}"))
    assert not page.xpath("//a[normalize-space()='View on site (Vietnamese)']")
    token = form_csrf(client, f"/articles/{doc.id}")
    resp = client.post(f"/articles/{doc.id}/publish", data={"csrf_token": token, "override_reason": ""})
    assert resp.status_code == 409 and not desk.publishing.site_dir.exists()
    reason = "Tên làng giữ nguyên <script>alert(1)</script>"
    resp = client.post(f"/articles/{doc.id}/publish", data={"csrf_token": token, "override_reason": reason},
                       follow_redirects=True)
    page = html_of(resp)
    assert "Article published." in page.text_content()
    vi, en = link(page, "View on site (Vietnamese)"), link(page, "View on site (English)")
    assert vi == "/site/vi/nghe-thu-cong/lang-lua-van-phuc.html"
    assert en == "/site/en/handicrafts/en-lang-lua-van-phuc.html"  # from the English title, "[EN] Làng lụa…"
    for href, lang in ((vi, "vi"), (en, "en")):
        site_page = client.get(href)
        assert site_page.status_code == 200 and html_of(site_page).get("lang") == lang
    assert client.get("/site/").status_code == 200 and client.get("/site/sitemap.xml").status_code == 200
    log = page.get_element_by_id("publication-log")
    assert log.xpath(".//h2")[0].text_content() == "Publication log"
    row = log.xpath(".//tbody/tr")[0].text_content()
    assert "bich" in row and "Published" in row and reason in row and "1 blocking check overridden" in row
    assert "<script>alert(1)" not in resp.get_data(as_text=True)

    resp = client.post(f"/articles/{doc.id}/unpublish", data={"csrf_token": token, "reason": "Sai địa chỉ"},
                       follow_redirects=True)
    page = html_of(resp)
    assert "Article taken off the site." in page.text_content()
    assert not page.xpath("//a[normalize-space()='View on site (English)']")
    first = page.get_element_by_id("publication-log").xpath(".//tbody/tr")[0].text_content()
    assert "Withdrawn" in first and "Sai địa chỉ" in first
    assert client.get(vi).status_code == 404 and client.get(en).status_code == 404


def test_translators_see_the_site_links_but_cannot_unpublish(web_app, desk, people):
    doc = approved(desk, people["editor"])
    desk.publishing.publish(people["editor"], doc.id)
    client = signed_in(web_app, "lan")
    page = html_of(client.get(f"/articles/{doc.id}"))
    assert link(page, "View on site (English)").startswith("/site/en/handicrafts/")
    assert not page.xpath("//button[normalize-space()='Unpublish']")
    token = form_csrf(client, f"/articles/{doc.id}")
    resp = client.post(f"/articles/{doc.id}/unpublish", data={"csrf_token": token}, follow_redirects=True)
    assert "Not done" in resp.get_data(as_text=True)
    assert desk.publishing.links(people["editor"], doc.id) is not None


def test_the_site_preview_needs_sign_in_and_stays_inside_the_site(web_app, desk, people):
    desk.publishing.publish(people["editor"], approved(desk, people["editor"]).id)
    anonymous = web_app.test_client()
    assert anonymous.get("/site/vi/").status_code in (302, 401)
    client = signed_in(web_app, "lan")
    assert client.get("/site/../songngu.db").status_code == 404
    assert client.get("/site/%2e%2e/songngu.db").status_code == 404


def test_rest_api_publish_links_log_unpublish_and_build(web_app, desk, people):
    doc = approved(desk, people["editor"])
    client = web_app.test_client()
    auth = {"Authorization": f"Bearer {desk.accounts.create_token('bich', label='cms')}"}
    assert client.get(f"/api/v1/documents/{doc.id}/site-links", headers=auth).get_json() == {
        "live": False, "vi": None, "en": None}
    resp = client.post(f"/api/v1/documents/{doc.id}/publish", json={}, headers=auth)
    assert resp.status_code == 200 and resp.get_json()["state"] == "published"
    links = client.get(f"/api/v1/documents/{doc.id}/site-links", headers=auth).get_json()
    assert links["live"] and links["vi"].endswith("/vi/nghe-thu-cong/lang-lua-van-phuc.html")
    entries = client.get(f"/api/v1/documents/{doc.id}/publications", headers=auth).get_json()["entries"]
    assert entries[0]["action"] == "published" and entries[0]["texts"]["vi"]["title"] == "Làng lụa Vạn Phúc"
    built = client.post("/api/v1/site/build", headers=auth).get_json()
    assert built["articles"] == 1
    resp = client.post(f"/api/v1/documents/{doc.id}/unpublish", json={"reason": "duplicate"}, headers=auth)
    assert resp.status_code == 200 and resp.get_json()["state"] == "approved"
    again = client.post(f"/api/v1/documents/{doc.id}/unpublish", json={}, headers=auth)
    assert again.status_code == 409 and again.get_json()["error"]["code"] == "invalid_state"
    translator = {"Authorization": f"Bearer {desk.accounts.create_token('lan', label='t')}"}
    assert client.post("/api/v1/site/build", headers=translator).status_code == 403
    spec = client.get("/api/v1/openapi.json").get_json()
    for path in ("/api/v1/documents/{doc_id}/unpublish", "/api/v1/documents/{doc_id}/publications",
                 "/api/v1/documents/{doc_id}/site-links", "/api/v1/site/build"):
        assert path in spec["paths"], path
