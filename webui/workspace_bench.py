"""How fast the post-editing workspace is on a long article: server render time, and time to usable.

A fresh instance in a temporary folder gets one article of 300 segments drafted by
the TEST models (built once under ``bench/cache``, like the load bench). Then:

* **render** -- the server's time for ``GET /articles/<id>/workspace`` (the view,
  the service's one-call grid, the template), measured with the app's test client
  so that no network or browser time is counted; p50/p95 over repeats.
* **usable** -- when Chromium and Playwright are installed, a headless browser opens
  the page from a loopback server and reports the time from navigation start to the
  moment ``workspace.js`` has tokenised every row and marked the grid ready (the
  ``songngu-workspace-ready`` performance mark), plus the round trip of the
  autosaves it makes while a translator types, as the page's own resource timings
  see them (one editor; the 20-editor load is ``webui/loadbench.py``).

``workspace_bench()`` returns the figures with ``meets_targets``; the lead wires it
into ``songngu bench``.
"""

from __future__ import annotations

import os
import secrets
import statistics
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

TARGETS = {"render_p95_ms": 1000.0, "usable_ms": 2000.0}
SEGMENTS = 300
CHROMIUM = "/usr/bin/chromium"


def _pct(values: list[float], q: int) -> float:
    if len(values) == 1:
        return round(values[0], 1)
    return round(statistics.quantiles(values, n=100, method="inclusive")[q - 1], 1)


def article_body(segments: int) -> str:
    """A body of ``segments`` sentences, one paragraph each, every fourth opening in bold (an inline tag)."""
    from translate.bench import corpus_lines
    from translate.text import markup

    lines = corpus_lines("vi")
    paras = []
    for i in range(segments):
        words = lines[i % len(lines)].split(" ")
        text = f"<strong>{' '.join(words[:2])}</strong> {' '.join(words[2:])}" if i % 4 == 0 else " ".join(words)
        paras.append(f"<p>{text}</p>")
    body = "\n".join(paras)
    while len(markup.parse_html(body, "vi").segments) > segments:  # a line of two sentences
        paras.pop()
        body = "\n".join(paras)
    return body


def _article(desk: Any, editor: Any, segments: int) -> int:
    body = article_body(segments - 1)  # and the title makes one more
    doc = desk.documents.create(editor, source_lang="vi", category="handicrafts", title="Bài đo tốc độ",
                                summary="", body_html=body)
    desk.jobs.request(editor, doc.id)
    desk.jobs.run_queued()
    return doc.id


def _render_times(app: Any, doc_id: int, name: str, password: str, repeats: int) -> tuple[list[float], int]:
    import re

    client = app.test_client()
    page = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    client.post("/login", data={"name": name, "password": password, "csrf_token": token})
    url = f"/articles/{doc_id}/workspace"
    first = client.get(url)  # warm-up: templates compiled, matcher built
    if first.status_code != 200:
        raise RuntimeError(f"GET {url} answered {first.status_code}")
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        resp = client.get(url)
        times.append((time.perf_counter() - t0) * 1000.0)
        assert resp.status_code == 200
    return times, len(first.get_data())


def _browser(app: Any, doc_id: int, name: str, password: str, edits: int) -> dict[str, Any]:
    """Time to usable and autosave round trips in headless Chromium, or why they were not measured."""
    if not os.path.exists(CHROMIUM):
        return {"browser": f"skipped: {CHROMIUM} is not installed"}
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return {"browser": "skipped: playwright is not installed"}
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True,
                                         args=["--headless", "--no-sandbox", "--disable-gpu"])
            try:
                page = browser.new_context(base_url=base, viewport={"width": 1280, "height": 800}).new_page()
                page.goto("/login")
                page.fill("input[name=name]", name)
                page.fill("input[name=password]", password)
                page.press("input[name=password]", "Enter")
                page.wait_for_load_state()
                usable = []
                for _ in range(3):
                    page.goto(f"/articles/{doc_id}/workspace")
                    page.wait_for_selector(".ws[data-ready]")
                    usable.append(page.evaluate(
                        "performance.getEntriesByName('songngu-workspace-ready')[0].startTime"))
                box = page.locator("textarea[data-editor]").nth(5)
                done = page.locator("[data-save-summary]", has_text="All changes saved")
                for i in range(edits):
                    box.fill(f"Bản dịch thử số {i} cho đoạn này.")  # the English UI: Playwright's default
                    done.wait_for()
                saves = page.evaluate("performance.getEntriesByType('resource')"
                                      ".filter(e => e.name.endsWith('/save')).map(e => e.duration)")
            finally:
                browser.close()
    finally:
        server.shutdown()
        thread.join(timeout=10)
    out: dict[str, Any] = {"browser": "chromium", "usable_ms": round(min(usable), 1),
                           "usable_runs_ms": [round(u, 1) for u in usable]}
    if saves:
        out.update(autosave_requests=len(saves), autosave_p50_ms=_pct(saves, 50), autosave_p95_ms=_pct(saves, 95))
    return out


def workspace_bench(quick: bool = False, cache: Path = Path("bench/cache"), segments: int = SEGMENTS,
                    browser: bool = True) -> dict[str, Any]:
    """Render and usable times of the workspace of a ``segments``-long article (see the module docstring)."""
    from translate.config import load_settings
    from translate.desk import Desk
    from webui.app import create_app
    from webui.loadbench import cached_test_models

    models_dir = cached_test_models(cache)
    with tempfile.TemporaryDirectory(prefix="songngu-wsbench-") as tmp:
        instance = Path(tmp) / "instance"
        settings = replace(load_settings(), instance=instance, models_dir=models_dir, redis_url=None,
                           database_url=f"sqlite:///{instance / 'songngu.db'}")
        desk = Desk(settings)
        try:
            password = secrets.token_urlsafe(16)
            editor = desk.accounts.create_user("bench-editor", "editor", password)
            desk.accounts.create_user("bench-translator", "translator", password)
            t0 = time.perf_counter()
            doc_id = _article(desk, editor, segments)
            draft_s = time.perf_counter() - t0
            app = create_app({"SECRET_KEY": secrets.token_hex(16)}, desk=desk)
            times, size = _render_times(app, doc_id, "bench-translator", password, 5 if quick else 20)
            result: dict[str, Any] = {
                "segments": len(desk.documents.get(editor, doc_id).segments), "drafting_s": round(draft_s, 1),
                "render_p50_ms": _pct(times, 50), "render_p95_ms": _pct(times, 95), "html_kb": round(size / 1024),
            }
            if browser:
                result.update(_browser(app, doc_id, "bench-translator", password, 5 if quick else 20))
        finally:
            desk.close()
    result["meets_targets"] = result["render_p95_ms"] < TARGETS["render_p95_ms"] and (
        "usable_ms" not in result or result["usable_ms"] < TARGETS["usable_ms"])
    return result


if __name__ == "__main__":  # python -m webui.workspace_bench [--quick]
    import json
    import sys

    print(json.dumps(workspace_bench(quick="--quick" in sys.argv), indent=2))
