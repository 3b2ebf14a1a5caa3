"""An admin finds what the glossary learned from translators and accepts a new entry, in a real browser.

English UI, driven by accessible names; a dialog opening would mean a payload in the
evidence ran. Screenshots of the proposals page in both languages.
"""

from __future__ import annotations

import pytest
from conftest import screenshot, sign_in
from test_term_learning import post_edit

pytestmark = pytest.mark.browser

XSS = "&lt;img src=x onerror=alert(1)&gt;"
TERRACES = {
    f"Ruộng bậc thang Mù Cang Chải rất đẹp {XSS}.": "The terraced fields of Mu Cang Chai are beautiful.",
    "Du khách chụp ảnh ruộng bậc thang vào mùa lúa chín.": "Visitors photograph the terraced fields in the "
                                                           "ripe rice season.",
    "Người Hmông làm ruộng bậc thang từ lâu.": "The Hmong have built terraced fields for a long time.",
}


def test_an_admin_accepts_a_learned_entry_with_its_domain_changed(live_server, new_page) -> None:
    desk = live_server.desk
    people = {key: live_server.create_user(name, role) for key, name, role in (
        ("admin", "quan", "admin"), ("editor", "ed", "editor"), ("translator", "mai", "translator"),
        ("other", "lan", "translator"))}
    finals = {s.replace("&lt;", "<").replace("&gt;", ">"): f for s, f in TERRACES.items()}
    post_edit(desk, people, list(TERRACES), finals, worker=True)  # the TEST models' drafts never say it

    page = new_page("en-US")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(page, "quan")
    page.goto("/glossary")
    page.get_by_role("link", name="Learned proposals").click()
    page.get_by_role("button", name="Find proposals").click()
    page.wait_for_load_state()
    assert "New proposals: 1;" in page.get_by_role("status").inner_text()
    card = page.get_by_role("region", name="New entry “ruộng bậc thang” = “terraced fields”")
    evidence = card.get_by_role("table", name="Evidence for proposal 1")
    assert "<img src=x onerror=alert(1)>" in evidence.inner_text()  # shown as text, never run
    assert "mai" in card.inner_text() and "lan" in card.inner_text()
    screenshot(page, "term-proposals-en")
    card.get_by_label("Domain").select_option("heritage")
    card.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()
    assert "Proposal 1 accepted" in page.get_by_role("status").inner_text()
    [entry] = [e for e in desk.glossary.search(people["admin"], query="ruộng bậc thang")["entries"]]
    assert (entry["en"], entry["domain"], entry["status"]) == ("terraced fields", "heritage", "approved")
    assert entry["note"] == "Learned from 3 confirmed segments (proposal 1)"
    page.get_by_role("link", name="Accepted").click()
    assert page.get_by_role("region", name="New entry “ruộng bậc thang” = “terraced fields”").is_visible()

    vi = new_page("vi-VN")
    vi.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    sign_in(vi, "quan")
    vi.goto("/glossary/proposals?state=accepted")
    assert vi.get_by_role("heading", level=1).inner_text() == "Đề xuất cho bảng thuật ngữ"
    screenshot(vi, "term-proposals-vi")
    vi.goto("/glossary/most-missed")
    assert vi.get_by_role("heading", level=1).inner_text() == "Máy dịch hay bỏ sót nhất"
    assert dialogs == []
