"""The workspace and review pages and their JSON endpoints, through the Flask test client."""

from __future__ import annotations

import re

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, client_sign_in
from flask import Flask
from test_webui_pages import inline_code

BODY = ('<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
        '<p>Sản phẩm gốm sứ được bán tại <a href="https://example.org/cho">chợ</a>.</p>')


@pytest.fixture
def site(web_app: Flask):
    desk = web_app.extensions["songngu.desk"]
    people = {name: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
              for name, role in (("ed", "editor"), ("tran", "translator"), ("khac", "translator"))}
    doc = desk.documents.create(people["ed"], source_lang="vi", category="handicrafts",
                                title="Làng gốm <script>alert(1)</script>", summary="", body_html=BODY)
    return web_app, desk, people, doc


def client_for(app: Flask, name: str, lang: str = "en"):
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = lang
    client_sign_in(client, name)
    return client


def csrf_of(html: str) -> str:
    return re.search(r'<meta name="csrf-token" content="([^"]+)"', html).group(1)


def api(client, path: str, body=None, token: str | None = None, method: str = "POST"):
    headers = {"X-CSRFToken": token} if token else {}
    return client.open(f"/workspace/api{path}", method=method, json=body, headers=headers)


def test_the_workspace_renders_a_row_per_segment_with_named_editors(site) -> None:
    app, desk, people, doc = site
    client = client_for(app, "tran")
    resp = client.get(f"/articles/{doc.id}/workspace")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    assert inline_code(html) == []
    page = lxml.html.document_fromstring(html)
    editors = page.xpath("//textarea[@data-editor]")
    assert [e.get("aria-label") for e in editors] == [f"Translation of segment {n}" for n in (1, 2, 3)]
    assert [g.get("aria-label") for g in page.xpath("//div[@role='group']")] == ["Segment 1", "Segment 2",
                                                                                  "Segment 3"]
    assert len(page.xpath("//button[normalize-space()='Confirm']")) == 3
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The source shows its inline tag as tokens and the glossary term with its entry.
    source = page.xpath("//div[@id='seg-2']//div[@data-source-text]")[0]
    assert source.text_content() == "Năm 2024, {1}làng nghề{/1} đón 120 khách."
    term = source.xpath(".//mark[@class='term']")[0]
    note = page.get_element_by_id(term.get("aria-describedby")).text_content()
    assert "craft village" in note and "trade village" in note and "Preferred English" in note
    assert page.xpath("//meta[@name='csrf-token']/@content")
    # Vietnamese by default.
    vi = client_for(app, "tran", "vi").get(f"/articles/{doc.id}/workspace").get_data(as_text=True)
    assert 'aria-label="Bản dịch đoạn 1"' in vi and ">Xác nhận<" in vi


def test_editors_review_and_translators_cannot_approve(site) -> None:
    app, desk, people, doc = site
    editor = client_for(app, "ed")
    resp = editor.get(f"/articles/{doc.id}/workspace")
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"/articles/{doc.id}/review")
    for seg in doc.segments:
        desk.segments.confirm(people["tran"], desk.segments.save(people["tran"], seg.id, "Text 120.", 1).id)
    page = lxml.html.document_fromstring(editor.get(f"/articles/{doc.id}/review").get_data(as_text=True))
    assert page.xpath("//textarea[@data-editor]") == []
    assert len(page.xpath("//button[normalize-space()='Approve']")) == 3
    assert page.xpath("//label[normalize-space()='Why, for the translator (segment 2)']")
    translator = client_for(app, "tran")
    page = lxml.html.document_fromstring(translator.get(f"/articles/{doc.id}/review").get_data(as_text=True))
    assert page.xpath("//button[normalize-space()='Approve']") == []  # hidden; the service refuses anyway
    html = translator.get(f"/articles/{doc.id}/review").get_data(as_text=True)
    resp = api(translator, f"/segments/{doc.segments[0].id}/approve", {}, csrf_of(html))
    assert resp.status_code == 403 and resp.get_json()["error"]["code"] == "forbidden"
    assert client_for(app, "ed").get("/articles/999/review").status_code == 404


def test_autosave_check_conflict_and_history_through_the_json_endpoints(site) -> None:
    app, desk, people, doc = site
    client = client_for(app, "tran")
    token = csrf_of(client.get(f"/articles/{doc.id}/workspace").get_data(as_text=True))
    seg = doc.segments[1]
    assert api(client, f"/segments/{seg.id}/save", {"target": "x", "version": 1}).get_json()["error"]["code"] \
        == "bad_input"  # no CSRF header
    assert app.test_client().post(f"/workspace/api/segments/{seg.id}/save", json={}).status_code == 401

    checked = api(client, f"/segments/{seg.id}/check", {"target": "In 2024 the craft village"}, token)
    assert {f["check"] for f in checked.get_json()["flags"]} >= {"numbers", "tags"}
    typed = "In 2024, the <strong>craft village welcomed 120 visitors."
    saved = api(client, f"/segments/{seg.id}/save", {"target": typed, "version": 1}, token).get_json()["segment"]
    assert saved["version"] == 2 and saved["state"] == "edited"
    assert saved["flags"][0]["message"] == "inline tag <strong> is opened but never closed"

    other = client_for(app, "khac")
    other_token = csrf_of(other.get(f"/articles/{doc.id}/workspace").get_data(as_text=True))
    api(other, f"/segments/{seg.id}/save", {"target": "Their text 2024 120.", "version": 2}, other_token)
    refused = api(client, f"/segments/{seg.id}/save", {"target": "My text 2024 120.", "version": 2}, token)
    body = refused.get_json()
    assert refused.status_code == 409 and body["error"]["code"] == "conflict"
    assert (body["current_target"], body["your_target"], body["current_version"]) == (
        "Their text 2024 120.", "My text 2024 120.", 3)
    history = api(client, f"/segments/{seg.id}/history", method="GET").get_json()
    assert [(e["action"], e["user"]) for e in history["entries"][:2]] == [("conflict", "tran"), ("save", "khac")]
    assert api(client, f"/segments/{seg.id}/save", "not an object", token).status_code == 400
    assert api(client, f"/segments/{seg.id}/save", {"target": "x", "version": "2"}, token).status_code == 400
    assert api(client, "/segments/999999/check", {"target": "x"}, token).status_code == 404
    confirmed = api(client, f"/segments/{seg.id}/confirm", {}, token).get_json()["segment"]
    assert confirmed["state"] == "confirmed" and confirmed["target"] == "Their text 2024 120."


def test_panel_concordance_comments_and_proposals(site) -> None:
    app, desk, people, doc = site
    for seg, text in zip(doc.segments, ["Pottery village", "In 2024, the <strong>craft village</strong> "
                                        "welcomed 120 visitors.", "Sold at the market."], strict=True):
        desk.segments.confirm(people["tran"], desk.segments.save(people["tran"], seg.id, text, 1).id)
    other = desk.documents.create(people["ed"], source_lang="vi", category="handicrafts", title="Khác",
                                  summary="", body_html="<p>Năm 2024, <strong>làng nghề</strong> đón 12 khách.</p>")
    client = client_for(app, "tran")
    token = csrf_of(client.get(f"/articles/{other.id}/workspace").get_data(as_text=True))
    panel = api(client, f"/segments/{other.segments[1].id}/panel", method="GET").get_json()
    assert panel["memory"][0]["target"].startswith("In 2024, the <strong>craft village</strong>")
    assert [g["target"] for g in panel["glossary"]] == ["craft village"]
    hits = api(client, f"/documents/{other.id}/concordance?q=craft%20village", method="GET").get_json()["hits"]
    assert hits and hits[0]["side"] == "target"
    short = api(client, f"/documents/{other.id}/concordance?q=a", method="GET")
    assert short.status_code == 400 and "at least" in short.get_json()["error"]["message"]

    made = api(client, f"/documents/{doc.id}/comments",
               {"body": "<b>why?</b>", "segment_id": doc.segments[0].id}, token).get_json()["comment"]
    assert (made["body"], made["segment"], made["user"]) == ("<b>why?</b>", 1, "tran")
    reply = api(client, f"/documents/{doc.id}/comments", {"body": "ok", "parent_id": made["id"]}, token)
    assert reply.get_json()["comment"]["parent_id"] == made["id"]
    assert api(client, f"/documents/{doc.id}/comments", {"body": "x", "segment_id": "1"}, token).status_code == 400
    assert api(client, f"/comments/{made['id']}/resolve", {}, token).get_json()["comment"]["resolved_by"] == "tran"
    html = client.get(f"/articles/{doc.id}/workspace").get_data(as_text=True)
    assert "&lt;b&gt;why?&lt;/b&gt;" in html and "<b>why?</b>" not in html

    entry = api(client, "/glossary/propose", {"vi": "bản đồ số", "en": "digital map", "domain": "place",
                                              "note": "from the workspace"}, token).get_json()["entry"]
    assert (entry["status"], entry["en"]) == ("proposed", "digital map")
    bad = api(client, "/glossary/propose", {"vi": "x", "en": "y", "domain": "nowhere"}, token)
    assert bad.status_code == 400 and "domain" in bad.get_json()["error"]["message"]


def form_token(client, path: str) -> str:
    return csrf_of(client.get(path).get_data(as_text=True))


def test_every_action_works_as_a_plain_form(site) -> None:
    app, desk, people, doc = site
    tr, ed = client_for(app, "tran"), client_for(app, "ed")
    ws = f"/articles/{doc.id}/workspace"
    token = form_token(tr, ws)
    seg = doc.segments[0]
    resp = tr.post(f"{ws}/segments/{seg.id}", data={"csrf_token": token, "version": "1", "number": "1",
                                                   "loaded": "", "target": "Pottery village", "action": "confirm"})
    assert resp.status_code == 302 and resp.headers["Location"].endswith(f"{ws}#seg-1")
    assert desk.documents.get(people["ed"], doc.id).segments[0].state == "confirmed"
    stale = tr.post(f"{ws}/segments/{seg.id}", data={"csrf_token": token, "version": "1", "number": "1",
                                                    "loaded": "", "target": "Late text", "action": "save"})
    assert stale.status_code == 302
    flashed = tr.get(ws).get_data(as_text=True)
    assert "Someone else saved segment 1 first" in flashed and "Their text: Pottery village" in flashed
    assert tr.post(f"{ws}/segments/{seg.id}", data={"target": "x"}).status_code == 400  # no CSRF token

    review = f"/articles/{doc.id}/review"
    token = form_token(ed, review)
    ed.post(f"{review}/segments/{seg.id}/send-back", data={"csrf_token": token, "number": "1", "comment": ""})
    assert "comment is required" in ed.get(review).get_data(as_text=True)
    assert desk.documents.get(people["ed"], doc.id).segments[0].state == "confirmed"
    ed.post(f"{review}/segments/{seg.id}/send-back", data={"csrf_token": token, "number": "1",
                                                          "comment": "Say 'pottery village of Bát Tràng'"})
    assert desk.documents.get(people["ed"], doc.id).segments[0].state == "rejected"
    ed.post(f"{review}/segments/{seg.id}/approve", data={"csrf_token": token, "number": "1"})
    assert desk.documents.get(people["ed"], doc.id).segments[0].state == "approved"
    ed.post(f"/articles/{doc.id}/comments", data={"csrf_token": token, "body": "Looks good",
                                                  "segment_id": str(seg.id), "mode": "review"})
    assert [t["body"] for t in desk.review.comments(people["ed"], doc.id)][-1] == "Looks good"
    resp = ed.post(f"{review}/publish", data={"csrf_token": token, "mode": "review"})
    assert resp.headers["Location"].endswith(review)
    assert "not yet approved" in ed.get(review).get_data(as_text=True)
    tr.post(f"/articles/{doc.id}/propose-term", data={"csrf_token": form_token(tr, ws), "vi": "làng gốm",
                                                      "en": "pottery village", "domain": "craft"})
    assert "Term proposed" in tr.get(ws).get_data(as_text=True)


def test_the_render_benchmark_reports_server_time(models_env, tmp_path) -> None:
    """The measurement `make bench` runs, on a small article and without a browser (the real run uses 300)."""
    from webui.workspace_bench import TARGETS, article_body, workspace_bench

    assert article_body(7).count("<p>") == 7
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "testmodels").symlink_to(models_env)  # the models this run built already
    result = workspace_bench(quick=True, cache=tmp_path / "cache", segments=8, browser=False)
    assert result["segments"] == 8 and 0 < result["render_p50_ms"] <= result["render_p95_ms"]
    assert result["meets_targets"] == (result["render_p95_ms"] < TARGETS["render_p95_ms"])
