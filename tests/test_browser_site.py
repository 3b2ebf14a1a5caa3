"""The published site in Chromium: served by `songngu site serve`'s server on loopback, switch language, land on the counterpart."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from conftest import screenshot

from cli.site import make_server
from translate.desk import Desk
from translate.desk.publishing.site_bench import approve_directly

pytestmark = pytest.mark.browser
ARTICLES = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "articles"


@pytest.fixture
def site(models_env):
    """Three published pairs (the shared sample articles with their reference translations) on a served site."""
    if not ARTICLES.is_dir():
        pytest.skip("../shared is not beside this checkout")
    desk = Desk()
    try:
        ed = desk.accounts.create_user("ed", "editor", "correct horse battery")
        ids = []
        for name in ("vi-03-kien-truc-do-thi.json", "vi-04-nghe-thu-cong.json", "vi-01-am-thuc.json"):
            art = json.loads((ARTICLES / name).read_text(encoding="utf-8"))
            doc = desk.documents.create(ed, **{k: art[k] for k in ("source_lang", "category", "title", "summary",
                                                                      "body_html")})
            approve_directly(desk, ed, doc.id, art.get("reference"))
            desk.publishing.publish(ed, doc.id)
            ids.append(doc.id)
        server = make_server(desk.publishing.site_dir, "127.0.0.1", 0)
        thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
        thread.start()
        try:
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            yield base, {doc_id: desk.publishing.site_paths(ed, doc_id) for doc_id in ids}
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=10)
    finally:
        desk.close()


def test_the_language_switcher_lands_on_the_counterpart_article(chromium, site):
    base, paths = site
    problems: list[str] = []
    context = chromium.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.on("console", lambda msg: msg.type == "error" and problems.append(msg.text))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status} {r.url}"))
    try:
        page.goto(base)  # the root sends readers to the Vietnamese home
        page.wait_for_url(base + "vi/")
        assert page.locator("html").get_attribute("lang") == "vi"
        screenshot(page, "site-home-vi")
        food = paths[max(paths)]
        page.get_by_role("link", name="Ra mắt bản đồ ẩm thực đường phố tương tác cho khu phố cổ Hà Nội").first.click()
        page.wait_for_url(base + food["vi"])
        screenshot(page, "site-article-vi")
        page.get_by_role("link", name="English version").click()
        page.wait_for_url(base + food["en"])
        assert page.locator("html").get_attribute("lang") == "en"
        assert page.get_by_role("heading", level=1).inner_text() == (
            "Interactive street food map launched for the Hanoi Old Quarter")
        screenshot(page, "site-article-en")
        page.get_by_role("link", name="Phiên bản tiếng Việt").click()  # and back
        page.wait_for_url(base + food["vi"])
        page.get_by_role("navigation", name="Đường dẫn").get_by_role("link", name="Trang chủ").click()
        page.get_by_role("link", name="English version").click()
        page.wait_for_url(base + "en/")
        screenshot(page, "site-home-en")
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto(base + food["vi"])
        screenshot(page, "site-article-vi-mobile")
    finally:
        context.close()
    assert not problems, problems


def test_publish_from_the_article_page_and_view_both_pages_on_the_site(live_server, new_page):
    from conftest import sign_in

    desk = live_server.desk
    ed = live_server.create_user("bich", "editor")
    doc = desk.documents.create(ed, source_lang="vi", category="arts", title="Đêm ca trù ở phố cổ",
                                summary="Một đêm nghe hát ca trù.", body_html="<p>Tiếng phách vang lên.</p>")
    approve_directly(desk, ed, doc.id)
    page = new_page("en-US")
    sign_in(page, "bich")
    page.goto(f"/articles/{doc.id}")
    page.get_by_role("button", name="Publish", exact=True).click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Publication log").is_visible()
    screenshot(page, "desk-article-published-en")
    with page.expect_popup() as popup:
        page.get_by_role("link", name="View on site (English)").click()
    site_page = popup.value
    site_page.wait_for_load_state()
    assert site_page.locator("html").get_attribute("lang") == "en"
    assert site_page.url.endswith("/site/en/arts/en-dem-ca-tru-o-pho-co.html")
    site_page.get_by_role("link", name="Phiên bản tiếng Việt").click()
    site_page.wait_for_url("**/site/vi/nghe-thuat/dem-ca-tru-o-pho-co.html")
    site_page.close()
    page.once("dialog", lambda dialog: dialog.accept())  # "Take both languages … off the site?"
    page.get_by_label("Reason for withdrawal (optional)").fill("Sai ngày diễn")
    page.get_by_role("button", name="Unpublish").click()
    page.wait_for_load_state()
    assert page.get_by_role("link", name="View on site (English)").count() == 0
    assert "Sai ngày diễn" in page.locator("#publication-log").inner_text()
