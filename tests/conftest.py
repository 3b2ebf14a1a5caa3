"""Shared fixtures. Tests never touch the network: the Hub is forced offline."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

import pytest

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"


@pytest.fixture(scope="session", autouse=True)
def cheap_password_hashing():
    """argon2id at its lowest cost in this process: the suite creates and signs in thousands of users.

    The algorithm and the hash format stay the same (a test checks both); servers the
    tests start as subprocesses keep the real cost.
    """
    from argon2 import PasswordHasher

    from translate.desk import accounts

    patch = pytest.MonkeyPatch()
    patch.setattr(accounts, "PASSWORD_HASHER", PasswordHasher(time_cost=1, memory_cost=64, parallelism=1))
    yield
    patch.undo()


@pytest.fixture(scope="session")
def test_models_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Tiny random-weight Marian models for both directions (HF + CTranslate2), built once per run."""
    from models.testmodels import make_test_models

    root = tmp_path_factory.mktemp("models")
    make_test_models(root)
    return root


@pytest.fixture
def models_env(test_models_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Point SONGNGU_MODELS_DIR at the test models and SONGNGU_INSTANCE at a fresh folder."""
    monkeypatch.setenv("SONGNGU_MODELS_DIR", str(test_models_dir))
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    return test_models_dir


@pytest.fixture
def desk(models_env: Path):
    """A Desk on a fresh instance with the test models and no worker; a test file may define its own."""
    from translate.desk import Desk

    d = Desk()
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside this checkout")
    return SHARED


# --- Web UI: compiled catalogs, a live server and a headless Chromium -------------------------

ROOT = Path(__file__).resolve().parent.parent
UI_TRANSLATIONS = ROOT / "webui" / "translations"
ARTIFACTS = ROOT / "test-artifacts"
BROWSER_PASSWORD = "correct horse battery staple"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]
# Reported by the page itself, so a blocked inline script or style fails the test even if the
# browser's own console message changes.
_REPORT_CSP = """document.addEventListener("securitypolicyviolation", (e) =>
  console.error("CSP violation: " + e.violatedDirective + " blocked " + (e.blockedURI || "inline")));"""


@pytest.fixture(scope="session", autouse=True)
def compiled_ui_catalogs() -> None:
    """Compile the UI catalogs when a checkout has only the .po files (make install compiles them).

    Also recompiles a stale .mo, so an edited .po is what the tests see. Written to a
    temporary name and renamed, so concurrent test runs never read half a file.
    """
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    for po in UI_TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as fh:
            catalog = read_po(fh, locale=po.parent.parent.name)
        tmp = mo.with_name(f"messages.{os.getpid()}.mo.tmp")
        with tmp.open("wb") as fh:
            write_mo(fh, catalog)
        os.replace(tmp, mo)


def ui_text(locale: str, msgid: str, **variables: object) -> str:
    """The UI text for ``msgid`` in ``locale``, as the pages show it: tests name what users read."""
    from babel.support import Translations

    text = Translations.load(str(UI_TRANSLATIONS), [locale]).gettext(msgid)
    return text % variables if variables else text


class LiveServer:
    """The real app on a loopback port, with its own Desk (database, embedded worker, TEST models)."""

    def __init__(self, url: str, desk) -> None:
        self.url = url
        self.desk = desk

    def create_user(self, name: str, role: str = "editor", password: str = BROWSER_PASSWORD):
        return self.desk.accounts.create_user(name, role, password)


@pytest.fixture
def live_server(models_env: Path):
    import threading

    from werkzeug.serving import make_server

    from translate.desk import Desk
    from webui.app import create_app

    desk = Desk(start_worker=True)
    app = create_app({"SECRET_KEY": "browser-tests-only"}, desk=desk)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(f"http://127.0.0.1:{server.server_port}", desk)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        desk.close()


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium driven by Playwright; tests skip where it is not installed (.ci/run installs it)."""
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def _console_problem(msg, problems: list[str]) -> None:
    # A page answered 4xx on purpose (a wrong password, a 404 page) is logged by Chromium as a
    # failed load; resources are judged by their responses below instead.
    if msg.type == "error" and not msg.text.startswith("Failed to load resource"):
        problems.append(f"console: {msg.text}")


def _response_problem(response, problems: list[str]) -> None:
    if response.status >= 400 and response.request.resource_type != "document":
        problems.append(f"{response.status} for {response.request.resource_type} {response.url}")


@pytest.fixture
def new_page(chromium, live_server: LiveServer):
    """Open a fresh browser context (own cookies) with ``locale``; any console error or CSP
    violation on any page fails the test. ``page.goto("/path")`` is relative to the live server."""
    contexts = []
    problems: list[str] = []

    def open_page(locale: str = "vi-VN"):
        context = chromium.new_context(locale=locale, base_url=live_server.url,
                                       viewport={"width": 1280, "height": 800})
        context.set_default_timeout(10_000)
        context.add_init_script(_REPORT_CSP)
        contexts.append(context)
        page = context.new_page()
        page.on("console", lambda msg: _console_problem(msg, problems))
        page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
        page.on("response", lambda resp: _response_problem(resp, problems))
        return page

    yield open_page
    for context in contexts:
        context.close()
    if problems:
        pytest.fail("the browser reported errors:\n" + "\n".join(problems))


@pytest.fixture
def page(new_page):
    """A Vietnamese-speaking browser (Accept-Language vi-VN), like the desk's users."""
    return new_page("vi-VN")


def sign_in(page, name: str, password: str = BROWSER_PASSWORD) -> None:
    """Sign in through the login form as a user would, in whatever language the page shows."""
    page.goto("/login")
    lang = page.locator("html").get_attribute("lang") or "vi"
    page.get_by_label(ui_text(lang, "Name"), exact=True).fill(name)
    page.get_by_label(ui_text(lang, "Password"), exact=True).fill(password)
    page.get_by_role("button", name=ui_text(lang, "Sign in"), exact=True).click()
    page.wait_for_load_state()


def screenshot(page, name: str) -> Path:
    """Save a full-page PNG under test-artifacts/screenshots/ (git-ignored) and return its path."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def web_app(models_env: Path):
    """The real app over a fresh Desk (no worker), for Flask test-client tests of the pages."""
    from translate.desk import Desk
    from webui.app import create_app

    desk = Desk()
    try:
        yield create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)
    finally:
        desk.close()


def form_csrf(client, path: str) -> str:
    """The CSRF token of the first form on ``path``, as a browser would send it back."""
    import re

    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html)
    assert match, f"{path} has no form with a CSRF token"
    return match.group(1)


def client_sign_in(client, name: str, password: str = BROWSER_PASSWORD) -> None:
    """Sign the test client in through the login form (with its CSRF token)."""
    resp = client.post("/login", data={"name": name, "password": password,
                                       "csrf_token": form_csrf(client, "/login")})
    assert resp.status_code == 302, f"sign-in as {name} failed with {resp.status_code}"


def signed_in_client(app, name: str, locale: str = "vi"):
    """A test client signed in as ``name``, with ``locale`` chosen in the language switcher (vi is the default)."""
    client = app.test_client()
    client_sign_in(client, name)
    if locale != "vi":
        client.post("/locale", data={"locale": locale, "next": "/", "csrf_token": form_csrf(client, "/")})
    return client


@contextmanager
def module_desk(test_models_dir: Path, tmp_path_factory: pytest.TempPathFactory, name: str):
    """A Desk on its own instance folder, for module-scoped fixtures (monkeypatch is function-scoped)."""
    from translate.desk import Desk

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SONGNGU_MODELS_DIR", str(test_models_dir))
        mp.setenv("SONGNGU_INSTANCE", str(tmp_path_factory.mktemp(name)))
        desk = Desk()
        try:
            yield desk
        finally:
            desk.close()
