"""The REST API as a CMS or script sees it: paths, status codes, JSON shapes.

Everything goes through the Flask test client against a real Desk on a
temporary SQLite instance with the tiny random-weight test models, so the
translations are nonsense but every code path (memory, MT, checks, locking,
roles) is the real one.
"""

from __future__ import annotations

import io
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from translate.desk import Desk
from webui.app import create_app

PASSWORD = "correct horse battery staple"
JOB_TIMEOUT_S = 180


@pytest.fixture
def desk(models_env: Path) -> Iterator[Desk]:
    d = Desk(start_worker=True)
    try:
        yield d
    finally:
        d.close()


@pytest.fixture
def app(desk: Desk) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def tokens(desk: Desk) -> dict[str, dict[str, str]]:
    """Authorization headers per role, as a CMS would send them."""
    headers = {}
    for name, role in (("edith", "editor"), ("tran", "translator"), ("ada", "admin"), ("tu", "translator")):
        desk.accounts.create_user(name, role, PASSWORD)
        headers[name] = {"Authorization": f"Bearer {desk.accounts.create_token(name, label='tests')}"}
    return headers


def _error(resp: Any) -> dict[str, Any]:
    assert resp.is_json, f"expected JSON, got {resp.status_code} {resp.content_type}: {resp.get_data(as_text=True)[:200]}"
    body = resp.get_json()
    assert set(body["error"]) >= {"code", "message"}, body
    assert body["error"]["message"], body
    return body


def _article(shared_dir: Path, name: str = "vi-01-am-thuc.json") -> dict[str, Any]:
    data = json.loads((shared_dir / "data" / "articles" / name).read_text(encoding="utf-8"))
    return {k: data[k] for k in ("source_lang", "category", "title", "summary", "body_html")}


SMALL_VI = {
    "source_lang": "vi",
    "category": "Nghề thủ công",
    "title": "Làng gốm Bát Tràng đón khách quốc tế",
    "summary": "Làng nghề gốm Bát Tràng mở thêm xưởng trải nghiệm.",
    "body_html": "<p>Làng gốm Bát Tràng có lịch sử hơn 700 năm. Du khách có thể tự làm gốm.</p>",
}


def _create(client: FlaskClient, headers: dict[str, str], article: dict[str, Any]) -> dict[str, Any]:
    resp = client.post("/api/v1/documents", json=article, headers=headers)
    assert resp.status_code == 201, resp.get_data(as_text=True)
    return resp.get_json()


def _translate_and_wait(client: FlaskClient, headers: dict[str, str], doc_id: int) -> dict[str, Any]:
    resp = client.post(f"/api/v1/documents/{doc_id}/translate", headers=headers)
    assert resp.status_code == 202, resp.get_data(as_text=True)
    job_id = resp.get_json()["job_id"]
    deadline = time.monotonic() + JOB_TIMEOUT_S
    while True:
        job = client.get(f"/api/v1/jobs/{job_id}", headers=headers)
        assert job.status_code == 200, job.get_data(as_text=True)
        body = job.get_json()
        assert 0 <= body["done"] <= body["total"]
        if body["state"] in ("done", "finished", "complete", "completed", "failed", "error"):
            break
        assert time.monotonic() < deadline, f"job still {body} after {JOB_TIMEOUT_S}s"
        time.sleep(0.2)
    assert body["state"] not in ("failed", "error"), body
    assert body["done"] == body["total"] > 0
    doc = client.get(f"/api/v1/documents/{doc_id}", headers=headers)
    assert doc.status_code == 200
    return doc.get_json()


# ------------------------------------------------------------------ authentication


ANONYMOUS_REQUESTS = [
    ("post", "/api/v1/translate", {"src": "vi", "tgt": "en", "text": "Xin chào"}),
    ("get", "/api/v1/documents", None),
    ("post", "/api/v1/documents", SMALL_VI),
    ("get", "/api/v1/documents/1", None),
    ("post", "/api/v1/documents/1/translate", None),
    ("get", "/api/v1/jobs/1", None),
    ("put", "/api/v1/segments/1", {"target": "x", "version": 1}),
    ("post", "/api/v1/segments/1/approve", None),
    ("get", "/api/v1/documents/1/pair", None),
    ("get", "/api/v1/memory?src=vi&tgt=en&q=x", None),
]


@pytest.mark.parametrize(("method", "path", "body"), ANONYMOUS_REQUESTS)
def test_anonymous_request_is_refused_with_401(client: FlaskClient, method: str, path: str, body: Any) -> None:
    resp = getattr(client, method)(path, json=body)
    assert resp.status_code == 401
    assert _error(resp)["error"]["code"] == "unauthorized"
    assert resp.headers["WWW-Authenticate"].startswith("Bearer")


@pytest.mark.parametrize("header", ["Bearer not-a-real-token", "Basic dXNlcjpwYXNz", "Bearer ", "token"])
def test_invalid_token_is_refused_with_401(client: FlaskClient, tokens: dict, header: str) -> None:
    resp = client.get("/api/v1/documents", headers={"Authorization": header})
    assert resp.status_code == 401
    assert _error(resp)["error"]["code"] == "unauthorized"


def test_health_and_openapi_need_no_token(client: FlaskClient) -> None:
    assert client.get("/api/v1/health").get_json()["status"] == "ok"
    assert client.get("/api/v1/openapi.json").status_code == 200


def test_openapi_describes_the_contract(client: FlaskClient) -> None:
    spec = client.get("/api/v1/openapi.json").get_json()
    paths = spec["paths"]
    expected = {
        "/api/v1/translate": {"post"},
        "/api/v1/documents": {"get", "post"},
        "/api/v1/documents/import": {"post"},
        "/api/v1/documents/{doc_id}": {"get"},
        "/api/v1/documents/{doc_id}/translate": {"post"},
        "/api/v1/documents/{doc_id}/approve": {"post"},
        "/api/v1/documents/{doc_id}/publish": {"post"},
        "/api/v1/documents/{doc_id}/pair": {"get"},
        "/api/v1/jobs/{job_id}": {"get"},
        "/api/v1/segments/{segment_id}": {"put"},
        "/api/v1/segments/{segment_id}/confirm": {"post"},
        "/api/v1/segments/{segment_id}/approve": {"post"},
        "/api/v1/memory": {"get"},
        "/api/v1/health": {"get"},
    }
    for path, methods in expected.items():
        assert path in paths, f"{path} missing from the OpenAPI description"
        assert methods <= set(paths[path]), (path, set(paths[path]))
    # Browser pages are not part of the API description.
    assert "/login" not in paths
    # Clients learn how to authenticate and what a conflict looks like.
    assert spec["components"]["securitySchemes"]["BearerAuth"]["scheme"] == "bearer"
    put = paths["/api/v1/segments/{segment_id}"]["put"]
    assert "409" in put["responses"]
    assert {"target", "version"} <= set(spec["components"]["schemas"]["SegmentSaveIn"]["properties"])
    assert put["security"] == [{"BearerAuth": []}]
    translate_in = spec["components"]["schemas"]["TranslateIn"]["properties"]
    assert {"src", "tgt", "text", "html"} <= set(translate_in)


# ------------------------------------------------------------------ bad input


def test_unknown_route_and_method_under_api_answer_json(client: FlaskClient, tokens: dict) -> None:
    resp = client.get("/api/v1/no-such-thing", headers=tokens["edith"])
    assert resp.status_code == 404
    assert _error(resp)["error"]["code"] == "not_found"
    resp = client.delete("/api/v1/translate", headers=tokens["edith"])
    assert resp.status_code == 405
    assert _error(resp)["error"]["code"] == "method_not_allowed"


BAD_TRANSLATE_BODIES = [
    pytest.param({"src": "fr", "tgt": "en", "text": "Bonjour"}, "bad_input", id="unsupported-language"),
    pytest.param({"src": "vi", "tgt": "vi", "text": "Xin chào"}, "unknown_pair", id="same-language"),
    pytest.param({"src": "vi", "tgt": "en", "text": ""}, "bad_input", id="empty-text"),
    pytest.param({"src": "vi", "tgt": "en", "text": "   \n "}, "bad_input", id="blank-text"),
    pytest.param({"src": "vi", "tgt": "en"}, "bad_input", id="neither-text-nor-html"),
    pytest.param({"src": "vi", "tgt": "en", "text": "a", "html": "<p>a</p>"}, "bad_input", id="both"),
    pytest.param({"tgt": "en", "text": "Xin chào"}, "bad_input", id="missing-src"),
    pytest.param({"src": "vi", "tgt": "en", "text": 42}, "bad_input", id="text-not-string"),
    pytest.param(["vi", "en", "Xin chào"], "bad_input", id="array-body"),
]


@pytest.mark.parametrize(("body", "code"), BAD_TRANSLATE_BODIES)
def test_bad_translate_request_is_400_with_code(client: FlaskClient, tokens: dict, body: Any, code: str) -> None:
    resp = client.post("/api/v1/translate", json=body, headers=tokens["tran"])
    assert resp.status_code == 400, resp.get_data(as_text=True)
    assert _error(resp)["error"]["code"] == code


@pytest.mark.parametrize("raw", ['{"src": "vi", "tgt": "en", "text": "x"', "not json at all", "\xff\xfe"])
def test_malformed_json_is_400_not_500(client: FlaskClient, tokens: dict, raw: str) -> None:
    resp = client.post("/api/v1/translate", data=raw.encode("latin-1"), content_type="application/json",
                       headers=tokens["tran"])
    assert resp.status_code == 400
    assert _error(resp)["error"]["code"] == "bad_input"


def test_bad_document_bodies_are_400(client: FlaskClient, tokens: dict) -> None:
    for body in (
        {**SMALL_VI, "source_lang": "fr"},
        {k: v for k, v in SMALL_VI.items() if k != "body_html"},
        {**SMALL_VI, "title": ""},
        {**SMALL_VI, "unexpected": 1},
    ):
        resp = client.post("/api/v1/documents", json=body, headers=tokens["edith"])
        assert resp.status_code == 400, (body, resp.get_data(as_text=True))
        assert _error(resp)["error"]["code"] == "bad_input"
    resp = client.put("/api/v1/segments/1", json={"target": "x", "version": "one"}, headers=tokens["tran"])
    assert resp.status_code == 400
    assert "version" in _error(resp)["error"]["message"]
    resp = client.get("/api/v1/memory?src=vi&tgt=en", headers=tokens["tran"])
    assert resp.status_code == 400
    resp = client.get("/api/v1/documents?state=lost", headers=tokens["tran"])
    assert resp.status_code == 400
    assert _error(resp)["error"]["code"] == "bad_input"


def test_missing_things_are_404(client: FlaskClient, tokens: dict) -> None:
    for path in ("/api/v1/documents/999999", "/api/v1/jobs/999999", "/api/v1/documents/999999/pair"):
        resp = client.get(path, headers=tokens["edith"])
        assert resp.status_code == 404, path
        assert _error(resp)["error"]["code"] == "not_found"
    resp = client.put("/api/v1/segments/999999", json={"target": "x", "version": 1}, headers=tokens["tran"])
    assert resp.status_code == 404


def test_oversized_body_is_413_json(app: Flask, client: FlaskClient, tokens: dict) -> None:
    app.config["MAX_CONTENT_LENGTH"] = 1024
    resp = client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": "Hà Nội " * 500},
                       headers=tokens["tran"])
    assert resp.status_code == 413
    assert _error(resp)["error"]["code"] == "too_large"



def test_text_over_the_synchronous_limit_is_413_naming_the_limit(client: FlaskClient, tokens: dict) -> None:
    """Under the upload cap but over what a synchronous call takes: too large, not a generic bad input."""
    from translate.desk.translation_service import SYNC_LIMIT

    resp = client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": "a" * (SYNC_LIMIT + 1)},
                       headers=tokens["tran"])
    assert resp.status_code == 413, resp.get_data(as_text=True)[:300]
    body = _error(resp)
    assert body["error"]["code"] == "too_large"
    assert f"{SYNC_LIMIT:,}" in body["error"]["message"]

# ------------------------------------------------------------------ synchronous translation


def test_translate_text_returns_segments_with_terms_flags_and_signature(client: FlaskClient, tokens: dict) -> None:
    text = "Hà Nội là Thành phố Sáng tạo của UNESCO. Làng gốm Bát Tràng có 700 năm lịch sử."
    resp = client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": text}, headers=tokens["tran"])
    assert resp.status_code == 200, resp.get_data(as_text=True)
    body = resp.get_json()
    assert "html" not in body
    assert len(body["segments"]) == 2
    for seg in body["segments"]:
        assert {"source", "target", "terms", "flags", "signature"} <= set(seg)
        assert isinstance(seg["terms"], list) and isinstance(seg["flags"], list)
        assert seg["signature"]
    assert body["segments"][0]["source"].startswith("Hà Nội")


def test_translate_html_keeps_markup_and_returns_html(client: FlaskClient, tokens: dict) -> None:
    html = "<p>Trung tâm <strong>Thiết kế Sáng tạo</strong> mở cửa.</p><ul><li>Phở bò.</li></ul>"
    resp = client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "html": html}, headers=tokens["edith"])
    assert resp.status_code == 200, resp.get_data(as_text=True)
    body = resp.get_json()
    assert body["html"].count("<p>") == 1 and "<li>" in body["html"]
    assert len(body["segments"]) == 2


# ------------------------------------------------------------------ roles


def test_translator_token_cannot_approve_or_publish(client: FlaskClient, tokens: dict) -> None:
    doc = _create(client, tokens["edith"], SMALL_VI)
    doc = _translate_and_wait(client, tokens["edith"], doc["id"])
    seg = doc["segments"][0]
    for path in (f"/api/v1/segments/{seg['id']}/approve",
                 f"/api/v1/documents/{doc['id']}/approve",
                 f"/api/v1/documents/{doc['id']}/publish"):
        resp = client.post(path, json={}, headers=tokens["tran"])
        assert resp.status_code == 403, (path, resp.get_data(as_text=True))
        assert _error(resp)["error"]["code"] == "forbidden"
    # Nothing changed behind the refusal.
    again = client.get(f"/api/v1/documents/{doc['id']}", headers=tokens["tran"]).get_json()
    assert again["segments"][0]["state"] == seg["state"]
    assert again["state"] == doc["state"]


def test_translator_token_cannot_create_documents(client: FlaskClient, tokens: dict) -> None:
    resp = client.post("/api/v1/documents", json=SMALL_VI, headers=tokens["tran"])
    assert resp.status_code == 403
    assert _error(resp)["error"]["code"] == "forbidden"


# ------------------------------------------------------------------ optimistic locking


def test_concurrent_saves_give_one_success_and_one_conflict_with_both_texts(
    app: Flask, client: FlaskClient, tokens: dict
) -> None:
    doc = _create(client, tokens["edith"], SMALL_VI)
    doc = _translate_and_wait(client, tokens["edith"], doc["id"])
    seg = doc["segments"][1]
    texts = {"tran": "Bat Trang pottery village welcomes visitors.",
             "tu": "Bat Trang ceramics village opens its doors."}
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def save(who: str) -> None:
        c = app.test_client()
        barrier.wait()
        resp = c.put(f"/api/v1/segments/{seg['id']}", json={"target": texts[who], "version": seg["version"]},
                     headers=tokens[who])
        results[who] = (resp.status_code, resp.get_json())

    threads = [threading.Thread(target=save, args=(who,)) for who in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    statuses = sorted(code for code, _ in results.values())
    assert statuses == [200, 409], results
    winner = next(w for w, (code, _) in results.items() if code == 200)
    loser = next(w for w, (code, _) in results.items() if code == 409)
    ok_body, conflict = results[winner][1], results[loser][1]
    assert ok_body["version"] > seg["version"]
    assert conflict["error"]["code"] == "conflict"
    assert conflict["current_target"] == texts[winner]
    assert conflict["current_version"] == ok_body["version"]
    assert conflict["your_target"] == texts[loser]
    # Nothing was overwritten silently; the loser can retry on the new version.
    now = client.get(f"/api/v1/documents/{doc['id']}", headers=tokens["tran"]).get_json()
    assert next(s for s in now["segments"] if s["id"] == seg["id"])["target"] == texts[winner]
    retry = client.put(f"/api/v1/segments/{seg['id']}",
                       json={"target": texts[loser], "version": conflict["current_version"]}, headers=tokens[loser])
    assert retry.status_code == 200
    assert retry.get_json()["version"] > conflict["current_version"]


# ------------------------------------------------------------------ the whole flow


@pytest.mark.slow
def test_full_flow_through_the_api_and_memory_reuse(client: FlaskClient, tokens: dict, shared_dir: Path) -> None:
    editor, translator = tokens["edith"], tokens["tran"]
    article = _article(shared_dir)

    created = _create(client, editor, article)
    assert {"id", "state"} <= set(created)
    doc_id = created["id"]
    listed = client.get("/api/v1/documents", headers=editor).get_json()["documents"]
    assert doc_id in [d["id"] for d in listed]

    # The pair is not available before approval.
    early = client.get(f"/api/v1/documents/{doc_id}/pair", headers=editor)
    assert early.status_code == 409
    assert _error(early)["error"]["code"] == "invalid_state"

    doc = _translate_and_wait(client, editor, doc_id)
    assert doc["source_lang"] == "vi" and doc["target_lang"] == "en"
    segments = doc["segments"]
    assert len(segments) >= 10
    for seg in segments:
        assert {"id", "source", "target", "state", "origin", "version", "flags"} <= set(seg)
        assert seg["target"], seg
        assert isinstance(seg["flags"], list)
        assert seg["state"] in ("machine", "memory")
        if seg["origin"] == "mt":
            assert seg["signature"]
    # Test models produce nonsense, so the glossary checks must say so somewhere.
    assert any(seg["flags"] for seg in segments)

    # The translator fixes the title by hand, then confirms everything.
    title = next(s for s in segments if s.get("field") == "title")
    fixed = "Interactive street food map launched for the Hanoi Old Quarter"
    saved = client.put(f"/api/v1/segments/{title['id']}", json={"target": fixed, "version": title["version"]},
                       headers=translator)
    assert saved.status_code == 200, saved.get_data(as_text=True)
    for seg in segments:
        resp = client.post(f"/api/v1/segments/{seg['id']}/confirm", headers=translator)
        assert resp.status_code == 200, resp.get_data(as_text=True)
        assert resp.get_json()["state"] == "confirmed"
    for seg in segments:
        resp = client.post(f"/api/v1/segments/{seg['id']}/approve", headers=editor)
        assert resp.status_code == 200, resp.get_data(as_text=True)
        assert resp.get_json()["state"] == "approved"

    approved = client.post(f"/api/v1/documents/{doc_id}/approve", headers=editor)
    assert approved.status_code == 200, approved.get_data(as_text=True)
    assert approved.get_json()["state"] == "approved"

    pair = client.get(f"/api/v1/documents/{doc_id}/pair", headers=editor)
    assert pair.status_code == 200, pair.get_data(as_text=True)
    pair = pair.get_json()
    assert pair["vi"]["title"] == article["title"]
    assert pair["en"]["title"] == fixed
    for lang in ("vi", "en"):
        assert pair[lang]["summary"] and "<p>" in pair[lang]["body_html"]

    # The confirmed edit is in the translation memory.
    hits = client.get("/api/v1/memory", query_string={"src": "vi", "tgt": "en", "q": article["title"]},
                      headers=translator)
    assert hits.status_code == 200
    assert fixed in json.dumps(hits.get_json()["matches"], ensure_ascii=False)

    # A second article sharing the title and a paragraph gets them from memory.
    first_paragraph = article["body_html"].split("</p>")[0] + "</p>"
    second = _create(client, editor, {
        **SMALL_VI,
        "title": article["title"],
        "body_html": first_paragraph + SMALL_VI["body_html"],
    })
    doc2 = _translate_and_wait(client, editor, second["id"])
    reused = [s for s in doc2["segments"] if s["origin"] == "memory"]
    assert reused, [(s["source"], s["origin"]) for s in doc2["segments"]]
    title2 = next(s for s in doc2["segments"] if s.get("field") == "title")
    assert title2["origin"] == "memory"
    assert title2["target"] == fixed
    fresh = [s for s in doc2["segments"] if s["source"] in SMALL_VI["body_html"]]
    assert fresh and all(s["origin"] != "memory" for s in fresh)

    published = client.post(f"/api/v1/documents/{doc_id}/publish", json={}, headers=editor)
    assert published.status_code == 200, published.get_data(as_text=True)
    assert published.get_json()["state"] == "published"


def test_import_html_file_creates_a_document(client: FlaskClient, tokens: dict) -> None:
    html = ("<html><head><title>Phố sách Hà Nội</title></head><body><h1>Phố sách Hà Nội</h1>"
            "<p>Phố sách Đinh Lễ mở cửa cuối tuần. Nhiều gia đình đưa trẻ đến đọc sách.</p></body></html>")
    resp = client.post("/api/v1/documents/import", headers=tokens["edith"], data={
        "file": (io.BytesIO(html.encode("utf-8")), "pho-sach.html"),
        "source_lang": "vi",
        "category": "Không gian sáng tạo",
    }, content_type="multipart/form-data")
    assert resp.status_code == 201, resp.get_data(as_text=True)
    doc = resp.get_json()
    assert doc["title"] == "Phố sách Hà Nội"
    assert any("Đinh Lễ" in s["source"] for s in doc["segments"])


def test_import_word_document(client: FlaskClient, tokens: dict) -> None:
    import docx

    word = docx.Document()
    word.add_heading("Hội chợ thiết kế Hà Nội", level=1)
    word.add_paragraph("Hội chợ diễn ra trong ba ngày. Hơn 50 nhà thiết kế trẻ tham gia.")
    buf = io.BytesIO()
    word.save(buf)
    resp = client.post("/api/v1/documents/import", headers=tokens["edith"], data={
        "file": (io.BytesIO(buf.getvalue()), "hoi-cho.docx"),
        "source_lang": "vi",
        "category": "Sự kiện",
    }, content_type="multipart/form-data")
    assert resp.status_code == 201, resp.get_data(as_text=True)
    doc = resp.get_json()
    assert doc["title"] == "Hội chợ thiết kế Hà Nội"
    assert any("50 nhà thiết kế" in s["source"] for s in doc["segments"])


def test_import_rejects_missing_or_unsupported_file(client: FlaskClient, tokens: dict) -> None:
    resp = client.post("/api/v1/documents/import", headers=tokens["edith"],
                       data={"source_lang": "vi", "category": "Sự kiện"}, content_type="multipart/form-data")
    assert resp.status_code == 400
    assert _error(resp)["error"]["code"] == "bad_input"
    resp = client.post("/api/v1/documents/import", headers=tokens["edith"], data={
        "file": (io.BytesIO(b"\x00\x01binary"), "photo.png"), "source_lang": "vi", "category": "Sự kiện",
    }, content_type="multipart/form-data")
    assert resp.status_code == 400
    assert _error(resp)["error"]["code"] == "bad_input"
