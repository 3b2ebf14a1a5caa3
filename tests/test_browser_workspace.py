"""The post-editing workspace and the review in a real browser, driven by accessible names.

Rows are groups named "Segment N", editors textboxes named "Translation of segment N"; every
test listens for dialogs so that no payload typed or stored anywhere ever runs.
"""

from __future__ import annotations

import time

import pytest
from conftest import screenshot, sign_in, ui_text
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BODY = ('<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
        '<p>Sản phẩm gốm sứ được bán tại <a href="https://example.org/cho">chợ</a>.</p>')
GOOD = ["Pottery village welcomes visitors",
        'In 2024, the <strong>craft village</strong> welcomed 120 visitors.',
        'Ceramics are sold at the <a href="https://example.org/cho">market</a>.']


def article(live_server, ed, *, title="Làng gốm đón khách", body=BODY, translate=True):
    """An article by editor ``ed``, pre-translated by the TEST model when asked (waits for the job)."""
    desk = live_server.desk
    doc = desk.documents.create(ed, source_lang="vi", category="handicrafts", title=title, summary="", body_html=body)
    if translate:
        job = desk.jobs.request(ed, doc.id)
        deadline = time.monotonic() + 60
        while desk.jobs.get(ed, job.id).state not in ("done", "failed"):
            assert time.monotonic() < deadline, "the translation job did not finish"
            time.sleep(0.1)
    return desk.documents.get(ed, doc.id)


def open_workspace(page, doc_id: int, what: str = "workspace") -> None:
    page.goto(f"/articles/{doc_id}/{what}")
    page.wait_for_selector(".ws[data-ready]")


def row(page, n: int):
    return page.get_by_role("group", name=f"Segment {n}", exact=True)


def editor(page, n: int):
    return page.get_by_role("textbox", name=f"Translation of segment {n}", exact=True)


def focused_label(page) -> str | None:
    return page.evaluate("document.activeElement.getAttribute('aria-label')")


def saved(page) -> None:
    expect(page.locator("[data-save-summary]")).to_have_text("All changes saved")


def watch_dialogs(*pages) -> list[str]:
    seen: list[str] = []
    for p in pages:
        p.on("dialog", lambda d: (seen.append(d.message), d.dismiss()))
    return seen


def test_a_translator_post_edits_with_the_keyboard_only(live_server, new_page) -> None:
    ed = live_server.create_user("ed", "editor")
    doc = article(live_server, ed)
    live_server.create_user("tran", "translator")
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "tran")
    open_workspace(page, doc.id)
    assert editor(page, 2).input_value() != ""  # the machine draft, with its tag as tokens
    draft = editor(page, 2).input_value()
    assert "{1}" in draft and "{/1}" in draft and "<" not in draft

    editor(page, 1).focus()  # from here on, the keyboard only
    kb = page.keyboard
    kb.press("Control+a")
    kb.type("Pottery village welcomes visitors")
    kb.press("Control+Enter")
    expect(editor(page, 2)).to_be_focused()
    expect(row(page, 1).locator("[data-state-label]")).to_have_text("Confirmed")

    kb.press("Control+Shift+S")  # copy the source, tags as tokens
    assert editor(page, 2).input_value() == "Năm 2024, {1}làng nghề{/1} đón 120 khách."
    kb.press("Control+a")
    kb.type("In 2024, the {1}craft village{/1} welcomed visitors.")
    warning = row(page, 2).locator(".qa__item", has_text="Numbers")
    warning.wait_for()  # the QA warning appears as the text is saved
    assert "120" in warning.inner_text()
    kb.press("Control+a")
    kb.type("In 2024, the {1}craft village{/1} welcomed 120 visitors.")
    warning.wait_for(state="detached")  # and clears
    kb.press("Control+Shift+R")  # the machine draft comes back...
    assert editor(page, 2).input_value() == draft
    kb.press("Control+z")  # ...and the edit with undo
    assert editor(page, 2).input_value() == "In 2024, the {1}craft village{/1} welcomed 120 visitors."
    kb.press("Control+Enter")
    expect(editor(page, 3)).to_be_focused()

    kb.press("Control+ArrowUp")
    assert focused_label(page) == "Translation of segment 2"
    kb.press("Control+ArrowDown")
    assert focused_label(page) == "Translation of segment 3"
    kb.press("Control+a")
    kb.type("Ceramics are sold at the {1}market{/1}.{2}")
    kb.press("Backspace")  # a token goes whole, never half
    assert editor(page, 3).input_value() == "Ceramics are sold at the {1}market{/1}."
    kb.press("ArrowLeft")
    kb.press("ArrowLeft")  # steps over "{/1}" in one press
    kb.type("s")
    assert editor(page, 3).input_value() == "Ceramics are sold at the {1}markets{/1}."
    kb.press("Backspace")
    kb.press("Control+Enter")
    page.get_by_text("Every segment is confirmed.").wait_for()

    kb.press("Shift+Tab")  # out of the text field, "?" opens the help
    kb.press("?")
    help_dialog = page.get_by_role("dialog", name="Keyboard shortcuts")
    assert help_dialog.is_visible() and "Restore the machine draft" in help_dialog.inner_text()
    kb.press("Escape")
    assert not help_dialog.is_visible()

    segments = live_server.desk.documents.get(ed, doc.id).segments
    assert [s.state for s in segments] == ["confirmed"] * 3
    assert [s.target for s in segments] == [
        GOOD[0], GOOD[1], 'Ceramics are sold at the <a href="https://example.org/cho" rel="noopener noreferrer">'
        'market</a>.']
    assert dialogs == []



def test_an_editor_sends_back_the_translator_fixes_and_the_editor_approves_and_publishes(live_server, new_page):
    desk = live_server.desk
    ed = live_server.create_user("ed", "editor")
    doc = article(live_server, ed, translate=False)
    tr = live_server.create_user("tran", "translator")
    texts = [*GOOD[:2], "Ceramics are sold at the market."]  # the link is missing: a blocking tag check
    for seg, text in zip(doc.segments, texts, strict=True):
        desk.segments.confirm(tr, desk.segments.save(tr, seg.id, text, seg.version).id)
    reviewer, translator = new_page("en-US"), new_page("en-US")
    dialogs = watch_dialogs(reviewer, translator)

    sign_in(reviewer, "ed")
    open_workspace(reviewer, doc.id, "review")
    assert reviewer.get_by_role("textbox", name="Translation of segment 2").count() == 0  # read-only here
    second = row(reviewer, 2)
    second.get_by_text("Send back", exact=True).click()
    second.get_by_label("Why, for the translator (segment 2)").fill(
        "Say 'guests', not 'visitors' <img src=x onerror=alert(1)>")
    second.get_by_role("button", name="Send back segment 2").click()
    expect(second.locator("[data-state-label]")).to_have_text("Sent back")

    sign_in(translator, "tran")
    open_workspace(translator, doc.id)
    mine = row(translator, 2)
    expect(mine.locator("[data-state-label]")).to_have_text("Sent back")
    assert "Say 'guests', not 'visitors' <img src=x onerror=alert(1)>" in mine.locator(".thread").inner_text()
    editor(translator, 2).focus()
    translator.keyboard.press("Control+a")
    translator.keyboard.type("In 2024, the {1}craft village{/1} welcomed 120 guests.")
    translator.keyboard.press("Control+Enter")
    expect(mine.locator("[data-state-label]")).to_have_text("Confirmed")
    mine.get_by_label("Reply to ed").fill("Done: 'guests' it is.")
    mine.get_by_role("button", name="Reply").click()
    expect(mine.locator(".comment__body", has_text="Done: 'guests' it is.")).to_be_visible()

    open_workspace(reviewer, doc.id, "review")
    expect(row(reviewer, 2).locator(".thread")).to_contain_text("Done: 'guests' it is.")
    for n in (1, 2, 3):
        row(reviewer, n).get_by_role("button", name="Approve").click()
        expect(row(reviewer, n).locator("[data-state-label]")).to_have_text("Approved")
    reviewer.get_by_label("Reason for publishing with blocking checks").fill("The CMS adds the market link.")
    reviewer.get_by_role("button", name="Publish", exact=True).click()
    expect(reviewer.locator(".flash", has_text="Article published.")).to_be_visible()

    assert desk.documents.get(ed, doc.id).state == "published"
    assert desk.documents.publish_log(ed, doc.id)[-1]["override_reason"] == "The CMS adds the market link."
    assert desk.documents.get(ed, doc.id).segments[1].target.endswith("welcomed 120 guests.")
    assert all(t["resolved_at"] for t in desk.review.comments(ed, doc.id))  # approval settled the thread
    assert dialogs == []


def test_payloads_in_a_segment_never_run(live_server, new_page) -> None:
    desk = live_server.desk
    ed = live_server.create_user("ed", "editor")
    doc = article(live_server, ed, translate=False, title="<script>alert('title')</script> Làng gốm",
                  body="<p>Khách &lt;img src=x onerror=alert(1)&gt; đến <b onclick='alert(2)'>làng</b>.</p>"
                       "<p>Hai <em>&lt;svg onload=alert(3)&gt;</em> ba.</p>")
    tr = live_server.create_user("tran", "translator")
    first = doc.segments[1]
    stored = desk.segments.save(tr, first.id, '<img src=x onerror=alert(4)>"><script>alert(5)</script>'
                                               '<strong onmouseover="alert(6)">guests</strong>', first.version)
    assert "onerror" not in stored.target and "<script" not in stored.target
    desk.review.comment(ed, doc.id, "<script>alert(7)</script><img src=x onerror=alert(8)>", segment_id=first.id)
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    sign_in(page, "tran")
    open_workspace(page, doc.id)
    assert "<script>alert('title')</script>" in page.get_by_role("heading", level=1).inner_text()
    assert "<img src=x onerror=alert(1)>" in row(page, 2).inner_text()
    editor(page, 3).focus()
    page.keyboard.press("Control+a")
    typed = "<img src=x onerror=alert(9)> {1}<svg onload=alert(10)>{/1}"
    page.keyboard.type(typed)
    saved(page)
    row(page, 2).locator(".thread").wait_for()
    page.locator("[data-history-box] summary").click()
    page.locator(".hist").first.wait_for()
    page.reload()
    page.wait_for_selector(".ws[data-ready]")
    assert editor(page, 3).input_value() == typed  # shown as typed, stored as text
    assert desk.documents.get(ed, doc.id).segments[2].target == \
        "&lt;img src=x onerror=alert(9)&gt; <em>&lt;svg onload=alert(10)&gt;</em>"
    open_workspace(page, doc.id, "review")
    assert page.locator("[data-grid] :is(img, svg, script), .ws-panel :is(img, svg, script)").count() == 0
    assert dialogs == []


@pytest.fixture
def expecting_a_conflict(chromium, live_server):
    """A browser whose one expected refusal -- the 409 answering a stale save -- is not a failure; any
    other console error, page error or failed request still is."""
    problems: list[str] = []
    context = chromium.new_context(locale="en-US", base_url=live_server.url, viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.on("console", lambda m: problems.append(m.text) if m.type == "error"
            and not m.text.startswith("Failed to load resource") else None)
    page.on("pageerror", lambda exc: problems.append(str(exc)))
    page.on("response", lambda r: problems.append(f"{r.status} {r.url}") if r.status >= 400
            and r.request.resource_type != "document" and not (r.status == 409 and r.url.endswith("/save"))
            else None)
    yield page
    context.close()
    assert problems == []


def test_two_people_edit_the_same_segment_and_the_second_chooses(live_server, new_page, expecting_a_conflict):
    desk = live_server.desk
    ed = live_server.create_user("ed", "editor")
    doc = article(live_server, ed, translate=False)
    live_server.create_user("an", "translator")
    live_server.create_user("binh", "translator")
    first, second = new_page("en-US"), expecting_a_conflict
    dialogs = watch_dialogs(first, second)
    for page, name in ((first, "an"), (second, "binh")):
        sign_in(page, name)
        open_workspace(page, doc.id)  # both read version 1

    editor(first, 1).fill("Village of potters")
    saved(first)
    editor(second, 1).fill("Pottery village greets visitors")
    conflict = row(second, 1).get_by_role("alert")
    expect(conflict).to_contain_text("Someone else saved this segment first")
    expect(conflict.locator(".conflict__side--theirs")).to_contain_text("Village of potters")
    expect(conflict.locator(".conflict__side--mine")).to_contain_text("Pottery village greets visitors")
    expect(second.locator("[data-save-summary]")).to_have_text("Not saved yet")
    conflict.get_by_role("button", name="Keep mine").click()
    saved(second)

    seg = desk.documents.get(ed, doc.id).segments[0]
    assert seg.target == "Pottery village greets visitors"
    actions = [(h["action"], h["user"], h["target"]) for h in desk.segments.history(ed, seg.id)]
    assert ("conflict", "binh", "Pottery village greets visitors") in actions  # the refused save was kept
    assert actions[-1] == ("save", "binh", "Pottery village greets visitors")
    assert dialogs == []


def test_screenshots_of_the_workspace_and_the_review(live_server, new_page) -> None:
    """An administrator both post-edits and reviews: one sign-in per language for every picture."""
    desk = live_server.desk
    boss = live_server.create_user("ngoc-anh", "admin")
    first = article(live_server, boss, translate=False)
    for seg, text in zip(first.segments, GOOD, strict=True):
        desk.segments.confirm(boss, desk.segments.save(boss, seg.id, text, seg.version).id)
    desk.review.send_back(boss, first.segments[2].id,
                          "“market” reads oddly here: the source means the village’s craft fair.")
    second = article(live_server, boss, title="Làng gốm Bát Tràng đón khách quốc tế",
                     body=BODY.replace("120 khách", "200 khách quốc tế") + "<p>Nghệ nhân giới thiệu men rạn.</p>")
    for locale in ("vi", "en"):
        page = new_page({"vi": "vi-VN", "en": "en-GB"}[locale])
        dialogs = watch_dialogs(page)
        sign_in(page, "ngoc-anh")
        open_workspace(page, second.id)
        editor_box = page.locator(".seg").nth(1).locator("textarea")
        editor_box.click()
        page.keyboard.press("Control+a")
        page.keyboard.type("In 2024, the {1}craft village{/1} welcomed international visitors.")
        page.locator(".qa__item").first.wait_for()
        page.locator(".tm").first.wait_for()  # the side panel found the first article's sentence
        saved_text = {"vi": ui_text("vi", "All changes saved"), "en": "All changes saved"}[locale]
        expect(page.locator("[data-save-summary]")).to_have_text(saved_text)
        page.locator(".seg .term").first.hover()
        assert screenshot(page, f"workspace-{locale}").stat().st_size > 20000
        page.locator("[data-history-box] summary").click()
        page.locator(".hist").first.wait_for()
        page.locator("[data-help-open]").click()
        page.get_by_role("dialog").wait_for()
        assert screenshot(page, f"workspace-help-{locale}").stat().st_size > 20000
        page.keyboard.press("Escape")
        # A phrase selected in the source fills the concordance search and the term proposal.
        page.locator(".seg").nth(1).locator("mark.term").select_text()
        page.locator("[data-cc-box] summary").click()
        assert page.locator("#cc-q").input_value() == "làng nghề"
        page.locator("#cc-q").press("Enter")
        expect(page.locator(".cc mark").first).to_have_text("làng nghề")  # found in the first article
        page.locator(".seg").nth(3).locator("[data-source-text]").select_text()
        page.locator("[data-propose-box] summary").click()
        assert page.locator("#prop-vi").input_value() == "Nghệ nhân giới thiệu men rạn."
        if locale == "vi":  # proposed once: the second time it would (rightly) be a duplicate
            page.locator("#prop-en").fill("Artisans present crackle glaze.")
            page.locator("[data-propose] button[type=submit]").click()
            expect(page.locator("[data-propose-msg]")).to_have_text(
                ui_text(locale, "Term proposed; an administrator will review it."))
        open_workspace(page, first.id, "review")
        page.locator(".seg").nth(1).locator("[data-readonly]").focus()
        page.locator(".gl").first.wait_for()
        assert screenshot(page, f"review-{locale}").stat().st_size > 20000
        assert dialogs == []
