"""The review UI in a real browser: signing in, the language switch, hostile names, the keyboard.

Driven through accessible names (labels, roles), so what is tested is what a screen
reader announces. Any console error or CSP violation fails a test (see ``new_page``).
"""

from __future__ import annotations

import pytest
from conftest import BROWSER_PASSWORD, screenshot, sign_in

pytestmark = pytest.mark.browser

NAV = {"Desk": "/desk", "Glossary": "/glossary", "Memory": "/memory", "Analytics": "/analytics",
       "Users": "/admin/users", "Models": "/admin/models", "Webhooks": "/admin/webhooks"}
# Who sees which link (everyone sees the rest): the pages themselves refuse the others.
SHOWN_TO = {"Memory": ("editor", "admin"), "Analytics": ("editor", "admin"), "Users": ("admin",),
            "Models": ("admin",), "Webhooks": ("admin",)}


def nav_links(page) -> dict[str, str]:
    nav = page.get_by_role("navigation")  # the only one; named "Main" / "Điều hướng chính"
    return {a.inner_text(): a.get_attribute("href") for a in nav.get_by_role("link").all()}


@pytest.mark.parametrize("role", ["translator", "editor", "admin"])
def test_sign_in_and_out_with_the_english_ui(live_server, new_page, role: str) -> None:
    live_server.create_user(f"mai-{role}", role)
    page = new_page("en-US")
    page.goto("/")
    assert page.url.endswith("/login?next=%2F")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("status").inner_text().startswith("Please sign in to continue.")
    page.get_by_label("Name", exact=True).fill(f"mai-{role}")
    page.get_by_label("Password", exact=True).fill(BROWSER_PASSWORD)
    page.get_by_role("button", name="Sign in", exact=True).click()

    assert page.get_by_role("heading", level=1).inner_text() == f"Welcome, mai-{role}"
    assert page.get_by_role("status").inner_text().startswith(f"Signed in as mai-{role}.")
    shown_role = {"translator": "translator", "editor": "editor", "admin": "administrator"}[role]
    assert page.locator(".user-box__role").inner_text() == shown_role
    expected = {k: v for k, v in NAV.items() if role in SHOWN_TO.get(k, (role,))}
    assert nav_links(page) == expected

    page.get_by_role("button", name="Sign out", exact=True).click()
    page.wait_for_url("**/login")
    assert page.get_by_role("status").inner_text().startswith("Signed out.")
    assert page.get_by_role("navigation", name="Main").count() == 0


def test_wrong_password_is_said_in_vietnamese(live_server, page) -> None:
    live_server.create_user("hoa", "translator")
    page.goto("/login")
    page.get_by_label("Tên đăng nhập", exact=True).fill("hoa")
    page.get_by_label("Mật khẩu", exact=True).fill("not the password")
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    assert page.get_by_role("alert").inner_text() == "Sai tên đăng nhập hoặc mật khẩu."
    assert page.get_by_label("Tên đăng nhập", exact=True).input_value() == "hoa"


def test_language_switch_is_remembered_across_pages(live_server, page) -> None:
    live_server.create_user("thu", "editor")
    sign_in(page, "thu")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, thu"
    switcher = page.get_by_role("group", name="Ngôn ngữ")
    assert switcher.get_by_role("button", name="Tiếng Việt").get_attribute("aria-pressed") == "true"

    page.goto("/no-such-page?x=1")
    switcher.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.url.endswith("/no-such-page?x=1")  # back on the same page
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.get_by_role("heading", level=1).inner_text() == "Page not found"

    page.get_by_role("link", name="Back to the start page").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Welcome, thu"  # remembered
    assert nav_links(page) == {"Desk": "/desk", "Glossary": "/glossary", "Memory": "/memory", "Analytics": "/analytics"}

    page.get_by_role("group", name="Language").get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
    assert nav_links(page) == {"Bàn biên tập": "/desk", "Thuật ngữ": "/glossary", "Bộ nhớ dịch": "/memory",
                               "Thống kê": "/analytics"}


def test_hostile_names_and_links_never_run_script(live_server, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for name in ("<script>alert(1)</script>", "<svg/onload=alert(2)>"):
        live_server.create_user(name, "translator")
        sign_in(page, name)
        assert page.locator(".user-box__name").inner_text() == name
        assert f"Đã đăng nhập với tên {name}." in page.get_by_role("status").inner_text()
        page.get_by_role("button", name="Đăng xuất").click()
        page.wait_for_url("**/login")
    page.goto("/login?next=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(3)%3E")
    page.get_by_label("Tên đăng nhập", exact=True).fill("<img src=x onerror=alert(4)>")
    page.get_by_label("Mật khẩu", exact=True).fill("wrong")
    page.get_by_role("button", name="Đăng nhập", exact=True).click()
    page.get_by_role("button", name="English").click()
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("main img, main svg").count() == 0
    assert dialogs == []


def test_keyboard_only_sign_in_and_skip_link(live_server, page) -> None:
    live_server.create_user("khoa", "editor")
    page.goto("/login")
    focused = "document.activeElement.getAttribute('name') || document.activeElement.tagName"
    assert page.evaluate(focused) == "name"  # the name field has focus on arrival
    page.keyboard.type("khoa")
    page.keyboard.press("Tab")
    assert page.evaluate(focused) == "password"
    page.keyboard.type(BROWSER_PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == "Xin chào, khoa"

    page.keyboard.press("Tab")  # the first stop on every page is the skip link, shown on focus
    skip = page.get_by_role("link", name="Chuyển đến nội dung chính")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert skip.bounding_box()["y"] >= 0
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_flash_messages_can_be_dismissed_with_the_script(live_server, page) -> None:
    live_server.create_user("linh", "translator")
    sign_in(page, "linh")
    status = page.get_by_role("status")
    status.get_by_role("button", name="Đóng").click()  # added by desk.js: it loaded under the CSP
    assert page.get_by_role("status").count() == 0


def test_screenshots_of_login_and_home(live_server, new_page) -> None:
    live_server.create_user("ngoc-anh", "admin")
    for locale in ("vi", "en"):
        page = new_page({"vi": "vi-VN", "en": "en-GB"}[locale])
        page.goto("/login")
        assert page.locator("html").get_attribute("lang") == locale
        assert screenshot(page, f"login-{locale}").stat().st_size > 5000
        sign_in(page, "ngoc-anh")
        assert screenshot(page, f"home-{locale}").stat().st_size > 5000
        page.set_viewport_size({"width": 390, "height": 844})
        assert screenshot(page, f"home-{locale}-phone").stat().st_size > 5000
