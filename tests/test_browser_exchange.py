"""The memory page, an XLIFF round trip through the article page, and the webhook log, in a real browser.

English accessible names drive the pages; any console error, CSP violation or failed
sub-resource fails a test (``new_page`` in conftest), and each test listens for dialogs:
an XSS payload that ran would open one.
"""

from __future__ import annotations

import re
import time

import pytest
from conftest import screenshot, sign_in
from lxml import etree
from test_webhooks import SECRET, Receiver

from translate.desk.exchange.xliff import XLIFF2_NS

pytestmark = pytest.mark.browser

XSS = "<script>alert(1)</script><img src=x onerror=alert(2)>"
BODY = ("<p>Làng nghề gốm Bát Tràng đón 120 khách mỗi ngày.</p>"
        "<p>Nghệ nhân làm việc cả ngày bên lò gốm.</p>")


@pytest.fixture(autouse=True)
def cms(monkeypatch):
    """A CMS receiving the webhook on loopback; set before the live server's Desk reads its settings."""
    r = Receiver()
    monkeypatch.setenv("SONGNGU_WEBHOOK_URL", r.url)
    monkeypatch.setenv("SONGNGU_WEBHOOK_SECRET", SECRET)
    yield r
    r.close()


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def article(live_server, confirm: bool):
    desk = live_server.desk
    editor = live_server.create_user("mai", "editor")
    translator = live_server.create_user("lan", "translator")
    doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Làng gốm Bát Tràng",
                                summary="", body_html=BODY)
    texts = ["Bat Trang pottery village", "The craft village of Bat Trang welcomes 120 visitors a day.",
             "Artisans work all day by the kiln " + XSS]
    for seg, text in zip(doc.segments, texts, strict=True):
        desk.segments.save(translator, seg.id, text, seg.version)
        if confirm:
            desk.segments.confirm(translator, seg.id)
    return desk.documents.get(translator, doc.id), editor


def test_the_memory_page_finds_how_a_phrase_was_translated(live_server, new_page) -> None:
    article(live_server, confirm=True)
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "mai")
    page.get_by_role("link", name="Memory", exact=True).click()
    page.wait_for_url(re.compile(r"/memory$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Translation memory"
    page.get_by_label("Phrase", exact=True).fill("LÀNG NGHỀ")
    page.get_by_label("Direction", exact=True).select_option("vi-en")
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()
    results = page.get_by_role("table", name="Search results")
    rows = results.locator("tbody tr")
    assert rows.count() == 1
    assert rows.first.locator("td").nth(1).inner_text() == "The craft village of Bat Trang welcomes 120 visitors a day."
    page.get_by_label("Phrase", exact=True).fill("kiln")  # found in the translations too; hostile text stays text
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_load_state()
    assert "Artisans work all day by the kiln" in results.locator("tbody tr").first.inner_text()
    assert results.locator("script, img").count() == 0
    assert page.get_by_role("link", name="Download TMX").is_visible()
    assert page.get_by_role("button", name="Upload TMX").is_visible()
    screenshot(page, "memory-en")
    vi = new_page("vi-VN")
    sign_in(vi, "mai")
    vi.goto("/memory?q=ngh%E1%BB%87+nh%C3%A2n")
    screenshot(vi, "memory-vi")
    assert dialogs == []


def test_an_xliff_downloaded_edited_and_uploaded_through_the_article_page(live_server, new_page, tmp_path) -> None:
    doc, editor = article(live_server, confirm=False)
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "lan")
    page.goto(f"/articles/{doc.id}")
    screenshot(page, "article-exchange-en")
    page.get_by_label("XLIFF version", exact=True).select_option("2.1")
    with page.expect_download() as info:
        page.get_by_role("button", name="Download XLIFF").click()
    download = info.value
    assert download.suggested_filename == f"songngu-article-{doc.id}.xliff"
    root = etree.parse(download.path()).getroot()
    unit = root.find(f".//{{{XLIFF2_NS}}}unit[@id='s{doc.segments[2].id}']")
    target = unit.find(f"{{{XLIFF2_NS}}}segment/{{{XLIFF2_NS}}}target")
    for child in list(target):
        target.remove(child)
    target.text = "Artisans work by the kiln all day long."
    edited = tmp_path / "edited.xliff"
    edited.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))

    page.get_by_label("XLIFF file", exact=True).set_input_files(str(edited))
    page.get_by_role("button", name="Upload XLIFF").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "XLIFF import"
    assert page.get_by_role("status").filter(has_text="1 segment updated.").count() == 1
    assert page.locator("dd[data-count=updated]").inner_text() == "1"
    assert page.locator("dd[data-count=stale]").inner_text() == "0"
    screenshot(page, "xliff-import-en")
    assert live_server.desk.documents.get(editor, doc.id).segments[2].target == "Artisans work by the kiln all day long."
    # The same file again, for another article: refused whole, with the reason.
    other = live_server.desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Bài khác",
                                              summary="", body_html="<p>Câu.</p>")
    page.goto(f"/articles/{other.id}")
    page.get_by_label("XLIFF file", exact=True).set_input_files(str(edited))
    page.get_by_role("button", name="Upload XLIFF").click()
    page.wait_for_load_state()
    alert = page.get_by_role("alert").filter(has_text="nothing was imported")
    assert f"the file is for article {doc.id}, not article {other.id}" in alert.inner_text()
    assert dialogs == []


def test_the_webhook_log_shows_failures_and_retries_now(live_server, new_page, cms) -> None:
    desk = live_server.desk
    admin = live_server.create_user("quan", "admin")
    doc, _editor = article(live_server, confirm=False)
    cms.answers = [500]
    first = desk.webhooks.notify("published", {"document_id": doc.id, "vi": {"title": XSS}})
    second = desk.webhooks.notify("unpublished", {"document_id": doc.id})
    deadline = time.monotonic() + 30
    while len(cms.received) < 2:  # the embedded worker delivers both
        assert time.monotonic() < deadline, "the worker did not attempt the deliveries"
        time.sleep(0.1)
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "quan")
    page.get_by_role("link", name="Webhooks", exact=True).click()
    page.wait_for_url(re.compile(r"/admin/webhooks$"))
    table = page.get_by_role("table", name="Webhook deliveries, newest first")
    failing = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=f"#{first}"))
    assert "Waiting to retry" in failing.inner_text() and "HTTP 500" in failing.inner_text()
    done = table.get_by_role("row").filter(has=page.get_by_role("rowheader", name=f"#{second}"))
    assert "Delivered" in done.inner_text()
    screenshot(page, "webhooks-en")
    failing.get_by_role("button", name=f"Retry delivery {first} now").click()
    page.wait_for_load_state()
    assert f"Delivery {first} is queued to be sent now." in page.get_by_role("status").first.inner_text()
    deadline = time.monotonic() + 30
    while desk.webhooks.get(admin, first).state != "delivered":
        assert time.monotonic() < deadline, "the retry was not delivered"
        time.sleep(0.1)
    vi = new_page("vi-VN")
    sign_in(vi, "quan")
    vi.goto("/admin/webhooks")
    screenshot(vi, "webhooks-vi")
    assert dialogs == []
