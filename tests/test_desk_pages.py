"""The desk, the article form and the article page through the Flask test client."""

from __future__ import annotations

import io
import re

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, form_csrf, signed_in_client
from flask import Flask
from flask.testing import FlaskClient
from test_webui_pages import inline_code

from translate.desk.documents import Segment

XSS_TITLE = '<script>alert(1)</script> Phở <img src=x onerror=alert(1)>'


@pytest.fixture
def desk(web_app: Flask):
    return web_app.extensions["songngu.desk"]


@pytest.fixture
def people(desk):
    return {role: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
            for name, role in (("bich", "editor"), ("lan", "translator"), ("quan", "admin"))}


def client_for(web_app: Flask, name: str, locale: str = "vi") -> FlaskClient:
    return signed_in_client(web_app, name, locale)


def doc_of(resp) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(resp.get_data(as_text=True))


def add(desk, actor, title, **over):
    fields = {"source_lang": "vi", "category": "cuisine", "title": title, "summary": "",
              "body_html": "<p>Câu một. Câu hai.</p>"}
    fields.update(over)
    return desk.documents.create(actor, **fields)


def rows(page) -> list[str]:
    return [th.text_content().strip() for th in page.xpath("//table[contains(@class,'desk-table')]//tbody//th")]


def label_texts(page) -> dict[str, str]:
    """Label text -> the id of the control it names."""
    return {lab.text_content().strip(): lab.get("for") for lab in page.xpath("//label[@for]")}


def test_the_desk_lists_articles_with_state_direction_section_assignee_and_progress(web_app, desk, people):
    ed = people["editor"]
    a = add(desk, ed, XSS_TITLE)
    add(desk, ed, "Lacquer in Hà Tây", source_lang="en", category="handicrafts")
    desk.documents.assign(ed, a.id, "lan")
    desk.jobs.request(ed, a.id)
    desk.jobs.run_queued()
    seg = desk.documents.get(ed, a.id).segments[0]
    desk.segments.approve(ed, seg.id)

    resp = client_for(web_app, "bich").get("/desk")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and inline_code(html) == []
    page = doc_of(resp)
    assert rows(page) == ["Lacquer in Hà Tây", XSS_TITLE]  # newest first, the title shown as text
    first, second = page.xpath("//table[contains(@class,'desk-table')]//tbody/tr")
    cells = [c.text_content().strip() for c in second.xpath("./td")]
    assert cells[0] == "Đang hiệu đính" and cells[2] == "Ẩm thực" and cells[3] == "lan"
    assert "vi → en" in cells[1] and "Từ tiếng Việt sang tiếng Anh" in cells[1]
    assert [c.text_content().strip() for c in first.xpath("./td")][:4] == [
        "Bản nháp", "en → viTừ tiếng Anh sang tiếng Việt", "Nghề thủ công", "Chưa giao"]
    bar = second.xpath(".//*[@role='progressbar']")[0]
    total = len(desk.documents.get(ed, a.id).segments)
    assert bar.get("aria-valuenow") == str(round(100 / total))
    assert (bar.get("aria-valuemin"), bar.get("aria-valuemax")) == ("0", "100")
    assert bar.get("aria-valuetext") == f"1 đã duyệt, 0 đã xác nhận / {total}"
    assert page.xpath("//a[@href='/desk/new']")[0].text_content() == "Bài mới"


def test_translators_start_on_their_own_articles_and_can_see_all(web_app, desk, people):
    ed = people["editor"]
    add(desk, ed, "Không giao")
    mine = add(desk, ed, "Bài của Lan")
    desk.documents.assign(ed, mine.id, "lan")
    client = client_for(web_app, "lan")
    page = doc_of(client.get("/desk"))
    assert rows(page) == ["Bài của Lan"]
    assert page.xpath("//select[@name='assignee']/option[@selected]")[0].get("value") == "me"
    assert page.xpath("//a[@href='/desk/new']") == []  # translators do not create articles
    assert rows(doc_of(client.get("/desk?assignee="))) == ["Bài của Lan", "Không giao"]
    assert client.get("/desk/new").status_code == 403
    desk.documents.assign(ed, mine.id, None)
    page = doc_of(client.get("/desk"))
    assert "Chưa có bài nào được giao cho bạn." in page.text_content()


def test_filters_and_pages_work_without_javascript(web_app, desk, people):
    ed = people["editor"]
    for i in range(27):
        add(desk, ed, f"Phở số {i}", category="cuisine" if i % 3 else "arts")
    add(desk, ed, "Hanoi by night", source_lang="en", category="events")
    client = client_for(web_app, "bich")
    page = doc_of(client.get("/desk"))
    assert len(rows(page)) == 25 and rows(page)[0] == "Hanoi by night"
    assert "Bài 1–25 trên tổng số 28" in page.text_content()
    nxt = page.xpath("//nav[@class='pager']//a[@rel='next']")[0].get("href")
    page2 = doc_of(client.get(nxt))
    assert rows(page2) == ["Phở số 2", "Phở số 1", "Phở số 0"]
    assert "Trang 2/2" in page2.text_content()
    assert rows(doc_of(client.get("/desk?q=pho+so+26"))) == ["Phở số 26"]
    assert rows(doc_of(client.get("/desk?q=S%E1%BB%90+1&section=arts"))) == [
        "Phở số 21", "Phở số 18", "Phở số 15", "Phở số 12"]
    assert rows(doc_of(client.get("/desk?lang=en"))) == ["Hanoi by night"]
    assert len(rows(doc_of(client.get("/desk?section=arts")))) == 9
    assert rows(doc_of(client.get("/desk?state=published"))) == []
    assert "Không có bài nào khớp với bộ lọc." in doc_of(client.get("/desk?state=published")).text_content()
    assert len(rows(doc_of(client.get("/desk?assignee=unassigned&page=2")))) == 3
    filtered = doc_of(client.get("/desk?section=arts&q=pho"))
    assert filtered.xpath("//select[@name='section']/option[@selected]")[0].get("value") == "arts"
    assert filtered.xpath("//input[@name='q']")[0].get("value") == "pho"
    assert client.get("/desk?state=lost").status_code == 400
    assert client.get("/desk?assignee=someone").status_code == 400


def test_the_article_form_has_its_english_labels_and_creates_from_plain_text(web_app, desk, people):
    client = client_for(web_app, "bich", "en")
    form = doc_of(client.get("/desk/new"))
    labels = label_texts(form)
    for name in ("Title", "Summary", "Body", "Source language", "Section"):
        assert form.get_element_by_id(labels[name]) is not None, name
    assert [o.text for o in form.get_element_by_id(labels["Section"]).xpath("option")] == [
        "Cuisine", "Creative Spaces", "Urban Architecture", "Handicrafts", "Arts", "Events", "UNESCO Network News"]
    assert form.xpath("//input[@type='submit']")[0].get("value") == "Create"
    resp = client.post("/desk/new", data={
        "csrf_token": form_csrf(client, "/desk/new"), "title": "Hội An by lantern light", "summary": "A walk.",
        "body": "First paragraph. Still first.\n\nSecond <paragraph> & more.", "source_lang": "en",
        "section": "unesco-network"})
    assert resp.status_code == 302
    doc_id = int(resp.headers["Location"].rsplit("/", 1)[1])
    doc = desk.documents.get(people["editor"], doc_id)
    assert doc.body_html == "<p>First paragraph. Still first.</p>\n<p>Second &lt;paragraph&gt; &amp; more.</p>"
    assert (doc.source_lang, doc.target_lang, doc.category) == ("en", "vi", "unesco-network")


def test_a_refused_article_keeps_what_was_typed(web_app, desk, people):
    client = client_for(web_app, "bich")
    body = "Một đoạn dài đã gõ <b>cẩn thận</b>.\n\nĐoạn hai."
    resp = client.post("/desk/new", data={"csrf_token": form_csrf(client, "/desk/new"), "title": "  ",
                                          "summary": "Tóm tắt đã gõ", "body": body, "source_lang": "vi",
                                          "section": "arts"})
    assert resp.status_code == 400
    page = doc_of(resp)
    assert "title is required" in page.get_element_by_id("form-error").text_content()
    assert page.xpath("//textarea[@name='body']")[0].text_content().removeprefix("\n") == body
    assert page.xpath("//textarea[@name='summary']")[0].text_content().strip() == "Tóm tắt đã gõ"
    assert page.xpath("//select[@name='section']/option[@selected]")[0].get("value") == "arts"
    assert desk.documents.listing(people["editor"]).total == 0
    # A file and a typed body at once: refused, nothing created.
    resp = client.post("/desk/new", data={
        "csrf_token": form_csrf(client, "/desk/new"), "title": "", "summary": "", "body": "Gõ tay.",
        "source_lang": "vi", "section": "arts", "upload": (io.BytesIO(b"<h1>T</h1><p>x.</p>"), "a.html")},
        content_type="multipart/form-data")
    assert resp.status_code == 400 and "để trống Tóm tắt và Nội dung" in resp.get_data(as_text=True)
    assert desk.documents.listing(people["editor"]).total == 0


def test_an_uploaded_html_file_becomes_an_article(web_app, desk, people):
    client = client_for(web_app, "bich")
    html = ("<html><head><title>Làng nghề</title></head><body><h1>Làng gốm Bát Tràng</h1>"
            "<p>Gốm ở đây rất đẹp. Làng có từ lâu đời.</p></body></html>").encode()
    resp = client.post("/desk/new", data={
        "csrf_token": form_csrf(client, "/desk/new"), "title": "", "summary": "", "body": "",
        "source_lang": "vi", "section": "handicrafts", "upload": (io.BytesIO(html), "bat-trang.html")},
        content_type="multipart/form-data")
    assert resp.status_code == 302
    doc = desk.documents.get(people["editor"], int(resp.headers["Location"].rsplit("/", 1)[1]))
    assert doc.title == "Làng gốm Bát Tràng" and doc.category == "handicrafts"
    resp = client.post("/desk/new", data={
        "csrf_token": form_csrf(client, "/desk/new"), "title": "", "summary": "", "body": "",
        "source_lang": "vi", "section": "arts", "upload": (io.BytesIO(b"not a document"), "notes.txt")},
        content_type="multipart/form-data")
    assert resp.status_code == 400 and "notes.txt" in doc_of(resp).get_element_by_id("form-error").text_content()


def test_article_page_requests_translation_and_reports_progress(web_app, desk, people):
    ed = people["editor"]
    doc = add(desk, ed, XSS_TITLE, summary="Tóm tắt <script>alert(2)</script>",
              body_html='<p>Câu một <img src="https://site.example/a.jpg" alt="Ảnh"> hết. Câu hai.</p>')
    client = client_for(web_app, "bich", "en")
    resp = client.get(f"/articles/{doc.id}")
    html = resp.get_data(as_text=True)
    assert resp.status_code == 200 and inline_code(html) == []
    assert "<script>alert" not in html and "<img" not in html.split('id="main"')[1]
    page = doc_of(resp)
    assert page.xpath("//h1")[0].text_content() == XSS_TITLE
    assert page.xpath("//a[normalize-space()='Open workspace']")[0].get("href") == f"/articles/{doc.id}/workspace"
    assert page.xpath("//a[normalize-space()='Open review']")[0].get("href") == f"/articles/{doc.id}/review"
    assert page.xpath("//span[@class='preview-image']")[0].text == "Ảnh"
    token = form_csrf(client, f"/articles/{doc.id}")
    assert client.post(f"/articles/{doc.id}/translate").status_code == 400  # no CSRF token
    resp = client.post(f"/articles/{doc.id}/translate", data={"csrf_token": token})
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"/articles/{doc.id}#translation")
    running = client.get(f"/articles/{doc.id}/progress").get_json()
    assert running["job_active"] is True and running["percent"] == 0 and running["state_label"] == "Translating"
    page = doc_of(client.get(f"/articles/{doc.id}"))
    job = page.xpath("//*[@data-enhance='job-progress']")[0]
    assert job.get("data-active") == "true" and job.get("data-url") == f"/articles/{doc.id}/progress"
    assert job.xpath(".//*[@role='progressbar']")[0].get("aria-valuenow") == "0"
    assert page.xpath("//button[normalize-space()='Request translation']") == []  # not twice at once
    desk.jobs.run_queued()
    done = client.get(f"/articles/{doc.id}/progress").get_json()
    total = len(desk.documents.get(ed, doc.id).segments)
    assert done["job_active"] is False and done["percent"] == 100 and done["state"] == "post-editing"
    assert done["label"] == f"{total} of {total} segments" and done["job"]["state"] == "done"
    page = doc_of(client.get(f"/articles/{doc.id}"))
    assert page.xpath("//*[@id='job-meter']")[0].get("aria-valuenow") == "100"
    assert "Machine drafts are ready for post-editing." in page.text_content()


def test_assign_approve_and_publish_with_an_override_reason(web_app, desk, people):
    ed = people["editor"]
    doc = add(desk, ed, "Nghệ thuật sơn mài")
    desk.jobs.request(ed, doc.id)
    desk.jobs.run_queued()
    client = client_for(web_app, "bich", "en")
    page = doc_of(client.get(f"/articles/{doc.id}"))
    select_id = label_texts(page)["Translator"]
    assert [o.text_content() for o in page.get_element_by_id(select_id).xpath("option")] == [
        "Nobody", "lan", "quan (administrator)"]
    token = form_csrf(client, f"/articles/{doc.id}")
    resp = client.post(f"/articles/{doc.id}/assign", data={"csrf_token": token, "translator": "lan"},
                       follow_redirects=True)
    assert "Assigned to lan." in resp.get_data(as_text=True)
    assert desk.documents.get(ed, doc.id).assigned_to == people["translator"].id
    resp = client.post(f"/articles/{doc.id}/assign", data={"csrf_token": token, "translator": "bich"},
                       follow_redirects=True)
    assert "Not done: bich is a editor, not a translator" in resp.get_data(as_text=True)

    with desk.db.transaction() as s:  # a blocking check left on one segment
        seg = s.get(Segment, desk.documents.get(ed, doc.id).segments[1].id)
        seg.flags = [{"check": "forbidden_term", "severity": "error", "message": "forbidden term"}]
    resp = client.post(f"/articles/{doc.id}/approve", data={"csrf_token": token}, follow_redirects=True)
    assert "Article approved." in resp.get_data(as_text=True)
    page = doc_of(resp)
    assert "1 blocking check remains" in page.text_content()
    assert page.xpath("//textarea[@name='override_reason']")  # shown because a blocking check remains

    resp = client.post(f"/articles/{doc.id}/publish", data={"csrf_token": token, "override_reason": ""})
    assert resp.status_code == 409
    assert "publish with a written reason" in doc_of(resp).get_element_by_id("publish-error").text_content()
    reason = "Tác giả đã xác nhận thuật ngữ <script>alert(3)</script>"
    resp = client.post(f"/articles/{doc.id}/publish", data={"csrf_token": token, "override_reason": "x" * 2001})
    assert resp.status_code == 400
    assert doc_of(resp).xpath("//textarea[@name='override_reason']")[0].text_content().strip() == "x" * 2001
    resp = client.post(f"/articles/{doc.id}/publish", data={"csrf_token": token, "override_reason": reason},
                       follow_redirects=True)
    html = resp.get_data(as_text=True)
    assert "Article published." in html and "<script>alert(3)" not in html
    log = doc_of(resp).xpath("//table[not(contains(@class,'desk-table'))]//tbody/tr")
    assert len(log) == 1 and "bich" in log[0].text_content() and reason in log[0].text_content()
    assert "1 blocking check overridden" in log[0].text_content()
    assert desk.documents.get(ed, doc.id).state == "published"


def test_translators_see_the_article_without_editor_controls(web_app, desk, people):
    doc = add(desk, people["editor"], "Một bài")
    client = client_for(web_app, "lan", "en")
    page = doc_of(client.get(f"/articles/{doc.id}"))
    buttons = {b.text_content().strip() for b in page.xpath("//main//button")}
    assert not buttons & {"Request translation", "Assign", "Approve article", "Publish"}
    assert page.xpath("//a[normalize-space()='Open workspace']")
    token = form_csrf(client, "/")
    resp = client.post(f"/articles/{doc.id}/approve", data={"csrf_token": token}, follow_redirects=True)
    assert "a translator cannot approve documents" in resp.get_data(as_text=True)  # the service refuses
    assert client.get("/articles/999999").status_code == 404
    assert client.get("/articles/999999/progress").status_code == 404


def test_pages_need_a_signed_in_user(web_app, desk, people):
    client = web_app.test_client()
    for path in ("/desk", "/desk/new", "/articles/1", "/articles/1/progress"):
        resp = client.get(path)
        assert resp.status_code == 302 and "/login" in resp.headers["Location"], path
    assert re.search(r"Bàn biên tập", client_for(web_app, "quan").get("/desk").get_data(as_text=True))


def test_a_refusal_is_explained_in_the_interface_language_with_the_exact_detail(web_app, desk, people):
    """The service speaks English (no Babel below the web layer); the page leads with the reader's language."""
    doc = add(desk, people["editor"], "Phố nghề Hàng Mã")
    for locale, kind, detail_label in (("vi", "Dữ liệu nhập vào không hợp lệ.", "Chi tiết:"),
                                       ("en", None, None)):
        client = client_for(web_app, "bich", locale)
        token = form_csrf(client, f"/articles/{doc.id}")
        text = client.post(f"/articles/{doc.id}/assign", data={"csrf_token": token, "translator": "bich"},
                           follow_redirects=True).get_data(as_text=True)
        assert "bich is a editor, not a translator" in text  # the detail names what was wrong, in both
        if kind:
            assert f"{kind} {detail_label} bich is a editor" in text
        else:
            assert "Not done: bich is a editor, not a translator" in text
