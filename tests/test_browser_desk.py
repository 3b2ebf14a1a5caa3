"""The desk and the article page in a real browser: create, translate live, assign; hostile text stays text.

Driven through the English accessible names (labels, roles). Any console error, CSP
violation or failed sub-resource fails a test (see ``new_page`` in conftest), and every
test listens for dialogs: an XSS payload that ran would open one.
"""

from __future__ import annotations

import re
import time

import pytest
from conftest import screenshot, sign_in

pytestmark = pytest.mark.browser

XSS_TITLE = "<script>alert(1)</script> Phở <img src=x onerror=alert(1)>"
XSS_BODY = ("Phở là món ăn nổi tiếng của Hà Nội. <script>alert(2)</script>\n\n"
            "Nước dùng được ninh từ xương bò <img src=x onerror=alert(3)> trong nhiều giờ.")


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def wait_for_job(desk, actor, job_id: int, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while desk.jobs.get(actor, job_id).state in ("queued", "running"):
        assert time.monotonic() < deadline, "the worker did not finish the job"
        time.sleep(0.1)


def test_editor_creates_an_article_watches_translation_and_assigns(live_server, new_page) -> None:
    live_server.create_user("mai", "editor")
    live_server.create_user("lan", "translator")
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "mai")
    page.goto("/desk")
    page.get_by_role("link", name="New article").click()
    page.get_by_label("Title", exact=True).fill(XSS_TITLE)
    page.get_by_label("Summary", exact=True).fill("Một bát phở <img src=x onerror=alert(4)> buổi sáng.")
    page.get_by_label("Body", exact=True).fill(XSS_BODY)
    page.get_by_label("Source language", exact=True).select_option("vi")
    page.get_by_label("Section", exact=True).select_option(label="Cuisine")
    page.get_by_role("button", name="Create", exact=True).click()

    page.wait_for_url(re.compile(r"/articles/\d+$"))
    assert page.get_by_role("heading", level=1).inner_text() == XSS_TITLE
    assert page.get_by_role("status").first.inner_text().startswith("Article created.")

    page.get_by_role("button", name="Request translation").click()
    meter = page.get_by_role("progressbar", name="Machine translation")
    meter.wait_for()
    # Followed live by desk_pages.js (no reload): the bar reaches 100% and says so in words.
    page.wait_for_function(
        "() => document.getElementById('job-meter').getAttribute('aria-valuenow') === '100'", timeout=60_000)
    done, total = re.fullmatch(r"(\d+) of (\d+) segments", meter.get_attribute("aria-valuetext")).groups()
    assert done == total and int(total) >= 4 and meter.inner_text().strip() == f"{done} of {total} segments"
    assert page.locator("[data-progress-done]").is_visible()  # the notice, and said in the status region
    assert page.get_by_role("status").filter(has_text="Machine translation finished.").count() == 1
    assert page.locator("[data-state-badge]").first.inner_text() == "Post-editing"

    page.get_by_label("Translator", exact=True).select_option("lan")
    page.get_by_role("button", name="Assign", exact=True).click()
    page.wait_for_load_state()
    assert "Assigned to lan." in page.get_by_role("status").first.inner_text()
    assert page.locator(".meta").get_by_text("lan", exact=True).is_visible()
    preview = page.locator(".preview")
    assert preview.get_by_text(XSS_TITLE, exact=True).count() == 1  # the title as text, twice escaped nowhere
    assert preview.locator("script, img").count() == 0
    assert preview.locator(".preview__side").nth(1).locator(".preview__body p").count() == 2
    screenshot(page, "desk-article-en")

    page.goto("/desk")
    row = page.get_by_role("row").filter(has_text="Phở")
    assert row.get_by_role("link").inner_text() == XSS_TITLE
    assert "lan" in row.inner_text() and "Post-editing" in row.inner_text()
    assert page.locator("main img, main script").count() == 0
    assert dialogs == []


def seed_desk(live_server) -> int:
    """Articles in every state, as a desk has them mid-week; returns the id of a half-reviewed one."""
    desk = live_server.desk
    ed = live_server.create_user("thu", "editor")
    live_server.create_user("lan", "translator")
    live_server.create_user("khoa", "translator")
    body = ("<p>Phố cổ Hội An về đêm lung linh ánh đèn lồng. Du khách dạo bước bên sông Hoài.</p>"
            "<p>Những ngôi nhà cổ hàng trăm năm tuổi vẫn được gìn giữ. <strong>Ẩm thực</strong> nơi đây "
            "cũng rất phong phú.</p>")
    specs = [
        ("Bát Tràng: làng gốm năm trăm năm", "vi", "handicrafts", None, "draft"),
        ("Hanoi named a UNESCO Creative City of Design", "en", "unesco-network", "khoa", "post-editing"),
        ("Không gian sáng tạo mới bên hồ Tây", "vi", "creative-spaces", "lan", "half"),
        ("Kiến trúc Đông Dương ở phố Tràng Tiền", "vi", "urban-architecture", "lan", "approved"),
        ("Lễ hội Áo dài Hà Nội 2026", "vi", "events", "khoa", "published"),
        ("Nghề làm nón lá ở làng Chuông", "vi", "handicrafts", "khoa", "review"),
        ("Phở bò Nam Định và phở Hà Nội", "vi", "cuisine", "lan", "post-editing"),
    ]
    half = 0
    for title, lang, section, who, goal in specs:
        doc = desk.documents.create(ed, source_lang=lang, category=section, title=title,
                                    summary="Một bài viết cho trang tin.", body_html=body)
        if who:
            desk.documents.assign(ed, doc.id, who)
        if goal == "draft":
            continue
        wait_for_job(desk, ed, desk.jobs.request(ed, doc.id).id)
        segs = desk.documents.get(ed, doc.id).segments
        translator = next(u for u in desk.accounts.list_users() if u.name == who)
        if goal == "review":
            for seg in segs:
                desk.segments.confirm(translator, seg.id)
        if goal == "half":
            for seg in segs[:3]:
                desk.segments.confirm(translator, seg.id)
            desk.segments.approve(ed, segs[3].id)
            half = doc.id
        if goal in ("approved", "published"):
            desk.documents.approve(ed, doc.id)
        if goal == "published":
            desk.documents.publish(ed, doc.id, "Đã kiểm tra với tác giả.")
    return half


def test_desk_and_article_pages_for_editors_and_translators(live_server, new_page) -> None:
    half = seed_desk(live_server)
    for locale, lang in (("vi-VN", "vi"), ("en-GB", "en")):
        page = new_page(locale)
        dialogs = watch_dialogs(page)
        sign_in(page, "thu")
        page.goto("/desk")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("table.desk-table tbody tr").count() == 7
        bars = page.get_by_role("progressbar")
        assert bars.count() == 7
        assert {b.get_attribute("aria-valuenow") for b in bars.all()} >= {"0", "100"}
        assert screenshot(page, f"desk-list-{lang}").stat().st_size > 20_000
        page.goto(f"/articles/{half}")
        assert screenshot(page, f"desk-article-{lang}-review").stat().st_size > 20_000
        page.set_viewport_size({"width": 390, "height": 844})
        page.goto("/desk")
        assert screenshot(page, f"desk-list-{lang}-phone").stat().st_size > 10_000
        assert dialogs == []

    # The filters work from the keyboard alone and without the script's help.
    page = new_page("en-GB")
    sign_in(page, "thu")
    page.goto("/desk")
    page.get_by_label("Search titles").fill("pho ha noi")
    page.get_by_label("Search titles").press("Enter")
    page.wait_for_load_state()
    assert page.locator("table.desk-table tbody th").all_inner_texts() == ["Phở bò Nam Định và phở Hà Nội"]
    page.get_by_role("link", name="Clear filters").first.click()
    page.get_by_label("State").select_option(label="Published")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert page.locator("table.desk-table tbody th").all_inner_texts() == ["Lễ hội Áo dài Hà Nội 2026"]

    # A translator lands on the articles assigned to them; "Anyone" shows the rest.
    page = new_page("en-GB")
    sign_in(page, "lan")
    page.goto("/desk")
    assert page.get_by_label("Assignee").input_value() == "me"
    titles = page.locator("table.desk-table tbody th").all_inner_texts()
    assert len(titles) == 3 and "Bát Tràng: làng gốm năm trăm năm" not in titles
    assert page.get_by_role("link", name="New article").count() == 0
    page.get_by_label("Assignee").select_option(label="Anyone")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert page.locator("table.desk-table tbody tr").count() == 7
