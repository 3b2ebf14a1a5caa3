"""First run, users and the glossary in a real browser: the set-up link, a translator's proposal, hostile text.

Driven by accessible names with the English UI; screenshots of each page in both
languages go to test-artifacts/screenshots/. A dialog opening would mean a payload ran.
"""

from __future__ import annotations

import pytest
from conftest import BROWSER_PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.browser

XSS_NOTE = '<img src=x onerror=alert("note")><script>alert("note2")</script>'
XSS_NAME = "<svg/onload=alert(1)>"


def watch_dialogs(page) -> list[str]:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    return dialogs


def switch_language(page, to: str) -> None:
    page.get_by_role("button", name=to, exact=True).click()
    page.wait_for_load_state()


def test_first_admin_sets_up_the_desk_and_adds_a_translator(live_server, new_page) -> None:
    from cli.serve import first_admin_link

    link = first_admin_link(live_server.desk, live_server.url)  # what `songngu serve` prints
    page = new_page("en-US")
    dialogs = watch_dialogs(page)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "Set up the desk"
    page.get_by_label("User name").fill("quan")
    page.get_by_label("Password", exact=True).fill(BROWSER_PASSWORD)
    page.get_by_label("Repeat the password").fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Create the administrator").click()
    page.wait_for_url("**/admin/users")
    assert "first administrator" in page.get_by_role("status").inner_text()
    assert page.locator(".user-box__name").inner_text() == "quan"

    add = page.get_by_role("region", name="Add a user")
    add.get_by_label("User name").fill("mai")
    add.get_by_label("Role").select_option("translator")
    add.get_by_label("I choose a password for them now").check()
    add.get_by_label("Password", exact=True).fill(BROWSER_PASSWORD)
    add.get_by_label("Repeat the password").fill(BROWSER_PASSWORD)
    add.get_by_role("button", name="Add the user").click()
    assert "mai can now sign in as translator." in page.get_by_role("status").inner_text()

    tokens = page.get_by_role("region", name="Create an API token")
    tokens.get_by_label("For user").select_option(label="mai")
    tokens.get_by_label("Label (what the token is for)").fill("CMS of the Department of Culture")
    tokens.get_by_role("button", name="Create the token").click()
    assert page.get_by_label("API token for mai", exact=True).input_value().startswith("sn_")
    page.get_by_role("link", name="Done").click()
    screenshot(page, "users-en")
    switch_language(page, "Tiếng Việt")
    screenshot(page, "users-vi")
    switch_language(page, "English")

    add = page.get_by_role("region", name="Add a user")
    add.get_by_label("User name").fill(XSS_NAME)
    assert add.get_by_label("Password", exact=True).is_hidden()  # the one-time link is the default
    add.get_by_role("button", name="Add the user").click()
    assert page.get_by_label(f"Set-password link for {XSS_NAME}", exact=True).input_value().startswith(
        live_server.url + "/reset/")
    page.get_by_role("link", name="Done").click()
    assert page.get_by_role("row", name=XSS_NAME).count() == 1

    used = new_page("en-US")
    used.goto(link)
    assert used.get_by_role("heading", level=1).inner_text() == "This link cannot be used"

    translator = new_page("en-US")
    sign_in(translator, "mai")
    assert translator.get_by_role("heading", level=1).inner_text() == "Welcome, mai"
    assert dialogs == []


def test_an_admin_approves_a_translators_proposal(live_server, new_page) -> None:
    live_server.create_user("quan", "admin")
    live_server.create_user("mai", "translator")
    translator = new_page("en-US")
    dialogs = watch_dialogs(translator)
    sign_in(translator, "mai")
    translator.goto("/glossary")
    translator.get_by_role("link", name="Propose a term").click()
    translator.get_by_label("Vietnamese", exact=True).fill("hát xẩm")
    translator.get_by_label("English", exact=True).fill("xam singing")
    translator.get_by_label("Domain").select_option("heritage")
    translator.get_by_label("Note").fill("Northern folk songs of blind street singers; keep the Vietnamese name.")
    translator.get_by_role("button", name="Send the proposal").click()
    assert "An administrator will review it." in translator.get_by_role("status").inner_text()
    translator.goto("/glossary/propose")
    translator.get_by_label("Vietnamese", exact=True).fill("chèo")
    translator.get_by_label("English", exact=True).fill("cheo opera")
    translator.get_by_label("Domain").select_option("heritage")
    translator.get_by_label("Note").fill(XSS_NOTE)
    translator.get_by_role("button", name="Send the proposal").click()
    assert translator.locator(".note").first.inner_text() == XSS_NOTE

    admin = new_page("en-US")
    dialogs += watch_dialogs(admin)
    sign_in(admin, "quan")
    admin.goto("/glossary")
    admin.get_by_role("link", name="2 proposals wait for review").click()
    admin.get_by_role("link", name="chèo").click()
    assert admin.locator(".note").first.inner_text() == XSS_NOTE
    admin.get_by_label("Comment").fill("we write “chèo” as a name")
    admin.get_by_role("button", name="Reject").click()
    assert admin.get_by_role("status").inner_text().startswith("Proposal rejected.")
    admin.goto("/glossary?status=proposed")
    admin.get_by_role("link", name="hát xẩm").click()
    admin.get_by_label("Comment").fill("checked with the heritage office")
    admin.get_by_role("button", name="Approve").click()
    assert admin.get_by_role("status").inner_text().startswith("Approved.")
    history = admin.get_by_role("table", name="Every revision of this entry, newest first")
    assert "checked with the heritage office" in history.inner_text()
    assert history.get_by_role("row").nth(1).get_by_role("cell").nth(3).inner_text() == "approved"
    assert admin.locator("main img, main script").count() == 0
    screenshot(admin, "glossary-entry-en")
    switch_language(admin, "Tiếng Việt")
    screenshot(admin, "glossary-entry-vi")

    admin.goto("/glossary?q=hoa&tones=ignore")
    assert admin.get_by_label("Bỏ qua dấu thanh").is_checked()
    screenshot(admin, "glossary-list-vi")
    switch_language(admin, "English")
    screenshot(admin, "glossary-list-en")
    assert dialogs == []


def test_an_import_is_previewed_before_it_is_written(live_server, new_page, tmp_path) -> None:
    live_server.create_user("quan", "admin")
    seed = live_server.desk.glossary.search(live_server.desk.accounts.authenticate("quan", BROWSER_PASSWORD),
                                            query="nón lá")["entries"][0]
    csv = tmp_path / "terms.csv"
    csv.write_text(
        "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"
        "t-1,craft,term,quạt giấy,paper fan,,paper fans,,\n"
        "t-2,craft,term,gỗ sơn son,red-lacquered wood,,,,\n"
        f"{seed['external_id']},craft,term,nón lá,conical hat,,conical hats|palm-leaf hat,,Worn across the "
        "country\n", encoding="utf-8")
    vi_page = new_page("vi-VN")
    sign_in(vi_page, "quan")
    vi_page.goto("/glossary/import")
    vi_page.get_by_label("Tệp thuật ngữ (CSV hoặc TBX)").set_input_files(str(csv))
    vi_page.get_by_role("button", name="Xem trước khi nhập").click()
    assert vi_page.get_by_role("heading", level=1).inner_text() == "Xem trước khi nhập: terms.csv"
    screenshot(vi_page, "glossary-import-preview-vi")

    page = new_page("en-US")
    sign_in(page, "quan")
    page.goto("/glossary/import")
    page.get_by_label("Glossary file (CSV or TBX)").set_input_files(str(csv))
    page.get_by_role("button", name="Preview the import").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Import preview: terms.csv"
    assert page.get_by_role("heading", name="New entries").is_visible()
    assert page.get_by_role("heading", name="Changed entries").is_visible()
    screenshot(page, "glossary-import-preview-en")
    page.get_by_role("button", name="Import", exact=True).click()
    assert "2 new, 1 changed" in page.get_by_role("status").inner_text()
    assert live_server.desk.glossary.search(
        live_server.desk.accounts.authenticate("quan", BROWSER_PASSWORD), query="quạt giấy")["total"] == 1
