"""Post-edit analytics in a real browser: post-edit in the workspace, then find the figures on the dashboard."""

from __future__ import annotations

import time

import pytest
from conftest import screenshot, sign_in
from playwright.sync_api import expect
from sacrebleu.metrics import TER
from sqlalchemy import select

from translate.desk.postedit.records import PostEditRecord
from translate.desk.rules import plain
from webui.analytics_pages import edit_time

pytestmark = pytest.mark.browser

BODY = "<p>Sản phẩm gốm sứ được bán tại chợ.</p><p>Năm 2024, làng nghề đón 120 khách.</p>"
FINAL = "Ceramic wares are sold at the market."


def test_post_edit_then_find_hter_and_time_on_the_dashboard(live_server, new_page) -> None:
    desk = live_server.desk
    ed = live_server.create_user("ed", "editor")
    live_server.create_user("tran", "translator")
    doc = desk.documents.create(ed, source_lang="vi", category="handicrafts", title="Làng gốm <img src=x onerror=alert(1)>",
                                summary="", body_html=BODY)
    job = desk.jobs.request(ed, doc.id)
    deadline = time.monotonic() + 60
    while desk.jobs.get(ed, job.id).state not in ("done", "failed"):
        assert time.monotonic() < deadline, "the translation job did not finish"
        time.sleep(0.1)
    seg = desk.documents.get(ed, doc.id).segments[1]
    draft = plain(seg.target)

    page = new_page("en-US")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, "tran")
    page.goto(f"/articles/{doc.id}/workspace")
    page.wait_for_selector(".ws[data-ready]")
    box = page.get_by_role("textbox", name="Translation of segment 2", exact=True)
    box.focus()
    page.keyboard.press("Control+a")
    page.keyboard.type(FINAL, delay=40)  # about 1.5 s of typing: measured as active time
    page.keyboard.press("Control+Enter")
    row = page.get_by_role("group", name="Segment 2", exact=True)
    expect(row).to_have_attribute("data-state", "confirmed")
    expect(page.get_by_role("textbox", name="Translation of segment 3", exact=True)).to_be_focused()
    page.keyboard.press("Control+Enter")  # segment 3 accepted as drafted
    expect(page.get_by_role("group", name="Segment 3", exact=True)).to_have_attribute("data-state", "confirmed")

    with desk.db.session() as s:
        rec = s.scalar(select(PostEditRecord).where(PostEditRecord.segment_id == seg.id))
    assert rec is not None and rec.final == FINAL
    assert 1_000 <= rec.active_ms < 60_000 and rec.keystrokes >= len(FINAL)
    expected = TER(case_sensitive=True).sentence_score(draft, [FINAL]).score
    assert rec.hter == pytest.approx(expected)

    editor = new_page("en-US")
    editor.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(editor, "ed")
    editor.get_by_role("link", name="Analytics").click()
    expect(editor.get_by_role("heading", name="Post-edit analytics", level=1)).to_be_visible()
    heaviest = editor.get_by_role("table", name="The segments translators changed most, highest HTER first")
    line = heaviest.get_by_role("row").filter(has_text=FINAL)
    expect(line).to_contain_text(f"{expected:.1f}")
    seconds = round(rec.active_ms / 1000)
    expect(line).to_contain_text(f"0:00:{seconds:02d}")
    expect(editor.locator("#unchanged-share")).to_have_text("50%")  # segment 3 kept its draft
    chart = editor.get_by_role("img", name="HTER distribution")
    expect(chart).to_be_visible()
    assert chart.locator("rect[data-mark]").count() == 12
    heights = [float(h) for h in chart.locator("rect[data-mark]").evaluate_all("els => els.map(e => e.getAttribute('height'))")]
    assert sum(h > 0 for h in heights) == 2  # not an empty chart: the 0 bar and the edited one
    assert editor.get_by_role("img", name="HTER by model").locator("[data-mark]").count() == 1
    screenshot(editor, "analytics-dashboard-en")

    line.get_by_role("link").click()  # through to the segment
    expect(editor).to_have_url(f"{live_server.url}/articles/{doc.id}/review#seg-2")

    editor.goto(f"/articles/{doc.id}")
    editor.get_by_role("link", name="Post-edit report").click()
    expect(editor.get_by_role("heading", name="Post-edit report", level=1)).to_be_visible()
    with desk.db.session() as s:
        total_ms = sum(s.scalars(select(PostEditRecord.active_ms).where(PostEditRecord.document_id == doc.id)))
    expect(editor.locator("#report-time")).to_have_text(edit_time(total_ms))  # both confirms' time
    expect(editor.get_by_role("img", name="HTER per segment")).to_be_visible()
    screenshot(editor, "analytics-report-en")

    vi = new_page()
    sign_in(vi, "ed")
    vi.goto("/analytics")
    expect(vi.locator("svg[data-chart=chart-histogram]")).to_be_visible()
    screenshot(vi, "analytics-dashboard-vi")
    vi.goto(f"/articles/{doc.id}/post-edit-report")
    screenshot(vi, "analytics-report-vi")
    assert dialogs == []
