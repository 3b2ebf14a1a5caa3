"""Hostile and odd requests to the REST API: each gets a clear 4xx, never a 500, and nothing is lost.

One app over one Desk (temporary SQLite, tiny test models, no worker) serves the
module; every test makes the documents and terms it needs.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import module_desk
from translate.desk import Desk, EditConflict, NotFound
from translate.errors import InputError
from webui.app import create_app

PASSWORD = "correct horse battery staple"
HUGE = 2**63  # one past the largest 64-bit signed integer
G = "/api/v1/glossary"


@pytest.fixture(scope="module")
def desk(test_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    with module_desk(test_models_dir, tmp_path_factory, "hardening") as d:
        yield d


@pytest.fixture(scope="module")
def app(desk: Desk) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def users(desk: Desk) -> dict[str, Any]:
    return {name: desk.accounts.create_user(name, role, PASSWORD)
            for name, role in (("ada", "admin"), ("edith", "editor"), ("tran", "translator"), ("tu", "translator"))}


@pytest.fixture(scope="module")
def tokens(desk: Desk, users: dict[str, Any]) -> dict[str, dict[str, str]]:
    return {name: {"Authorization": f"Bearer {desk.accounts.create_token(name, label='tests')}"} for name in users}


def _error(resp: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert resp.status_code == status, resp.get_data(as_text=True)[:500]
    assert resp.is_json, resp.get_data(as_text=True)[:200]
    body = resp.get_json()
    assert body["error"]["message"], body
    if code is not None:
        assert body["error"]["code"] == code, body
    return body


def _raw(client: FlaskClient, method: str, path: str, raw: str, headers: dict[str, str]) -> Any:
    return client.open(path, method=method.upper(), data=raw.encode("utf-8"), content_type="application/json",
                       headers=headers)


ARTICLE = {
    "source_lang": "vi",
    "category": "handicrafts",
    "title": "Làng gốm Bát Tràng",
    "summary": "Làng nghề mở thêm xưởng.",
    "body_html": "<p>Làng gốm có lịch sử hơn 700 năm. Du khách có thể tự làm gốm.</p>",
}


def _create(client: FlaskClient, tokens: dict, **over: Any) -> dict[str, Any]:
    resp = client.post("/api/v1/documents", json={**ARTICLE, **over}, headers=tokens["edith"])
    assert resp.status_code == 201, resp.get_data(as_text=True)
    return resp.get_json()


def _save(client: FlaskClient, tokens: dict, seg: dict[str, Any], target: str, who: str = "tran") -> Any:
    return client.put(f"/api/v1/segments/{seg['id']}", json={"target": target, "version": seg["version"]},
                      headers=tokens[who])


# ------------------------------------------------------------------ one encoding for titles and summaries


def _approved_pair(client: FlaskClient, tokens: dict, doc: dict[str, Any], targets: dict[str, str]) -> dict:
    """Every segment saved (title and summary by the given text, body as its source), approved, then the pair."""
    for seg in doc["segments"]:
        target = targets.get(seg["field"], seg["source_html"])
        assert _save(client, tokens, seg, target).status_code == 200
    assert client.post(f"/api/v1/documents/{doc['id']}/approve", headers=tokens["edith"]).status_code == 200
    resp = client.get(f"/api/v1/documents/{doc['id']}/pair", headers=tokens["edith"])
    assert resp.status_code == 200, resp.get_data(as_text=True)
    return resp.get_json()


def test_pair_title_and_summary_are_plain_text_on_both_sides(client: FlaskClient, tokens: dict) -> None:
    doc = _create(client, tokens, title="Tom & Jerry <3", summary="Mèo & chuột <b>đuổi</b> nhau.")
    assert doc["title"] == "Tom & Jerry <3"  # stored and returned as typed: plain text
    assert doc["segments"][0]["source"] == "Tom & Jerry <3"
    assert doc["segments"][0]["source_html"] == "Tom &amp; Jerry &lt;3"  # HTML fields are HTML
    # The translator types the title as text and the summary with an inline tag.
    pair = _approved_pair(client, tokens, doc, {"title": "Tom & Jerry <3",
                                                "summary": "Cat &amp; mouse <b>chase</b> each other."})
    assert pair["vi"]["title"] == "Tom & Jerry <3"
    assert pair["en"]["title"] == "Tom & Jerry <3"
    assert pair["vi"]["summary"] == "Mèo & chuột <b>đuổi</b> nhau."
    assert pair["en"]["summary"] == "Cat & mouse chase each other."
    assert pair["en"]["body_html"].startswith("<p>")  # the body stays HTML


def test_markup_in_a_source_title_is_text_not_markup(client: FlaskClient, tokens: dict) -> None:
    title = "<script>alert(1)</script> Hội An"
    doc = _create(client, tokens, title=title)
    assert client.get(f"/api/v1/documents/{doc['id']}", headers=tokens["edith"]).get_json()["title"] == title
    assert "<script>" not in doc["segments"][0]["source_html"]
    pair = _approved_pair(client, tokens, doc, {"title": "<script>alert(1)</script>Hoi An"})
    assert pair["vi"]["title"] == title  # the text as written, for the client to escape
    assert pair["en"]["title"] == "Hoi An"  # a target is sanitised HTML: the script never got in


# ------------------------------------------------------------------ control characters


def test_nul_in_a_proposed_term_is_refused_and_export_keeps_working(client: FlaskClient, tokens: dict) -> None:
    resp = client.post(G, json={"vi": "gốm\x00 men lam", "en": "blue glaze", "domain": "craft"},
                       headers=tokens["tran"])
    body = _error(resp, 400)
    assert "vi term" in body["error"]["message"] and "U+0000" in body["error"]["message"]
    assert client.get(G, query_string={"q": "blue glaze"}, headers=tokens["ada"]).get_json()["total"] == 0
    for fmt in ("tbx", "csv"):
        assert client.get(f"{G}/export", query_string={"format": fmt}, headers=tokens["tran"]).status_code == 200


@pytest.mark.parametrize(("field", "value", "named"), [
    ("en", "blue\x1bglaze", "en term"),
    ("note", "see \x07 here", "note"),
    ("en_variants", ["ok", "bad\x7f"], "en variant"),
    ("vi_forbidden", ["\x85sai"], "vi forbidden"),
])
def test_control_characters_in_any_glossary_field_are_refused(client: FlaskClient, tokens: dict, field: str,
                                                              value: Any, named: str) -> None:
    entry = {"vi": f"men rạn {named}", "en": f"crackle glaze {named}", "domain": "craft", field: value}
    body = _error(client.post(G, json=entry, headers=tokens["tran"]), 400)
    assert named in body["error"]["message"]


def test_a_note_may_hold_newlines_and_tabs(client: FlaskClient, tokens: dict) -> None:
    resp = client.post(G, json={"vi": "men ngọc", "en": "celadon glaze", "domain": "craft",
                                "note": "first line\n\tsecond line"}, headers=tokens["tran"])
    assert resp.status_code == 201, resp.get_data(as_text=True)
    assert resp.get_json()["note"] == "first line second line"


def test_control_characters_in_document_and_segment_fields_are_refused(client: FlaskClient, tokens: dict) -> None:
    for field in ("title", "summary", "body_html"):
        bad = {**ARTICLE, field: ARTICLE[field][:5] + "\x00" + ARTICLE[field][5:]}
        body = _error(client.post("/api/v1/documents", json=bad, headers=tokens["edith"]), 400, "bad_input")
        assert field in body["error"]["message"]
    # Newlines and tabs are fine where text runs over lines.
    doc = _create(client, tokens, summary="Dòng một.\nDòng\thai.")
    seg = doc["segments"][1]
    body = _error(_save(client, tokens, seg, "Line\x00one."), 400, "bad_input")
    assert "target" in body["error"]["message"]
    body = _error(client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": "Xin\x00 chào"},
                              headers=tokens["tran"]), 400, "bad_input")
    assert "text" in body["error"]["message"]
    entry = client.post(G, json={"vi": "gốm men", "en": "glazed ware", "domain": "craft"}, headers=tokens["tran"])
    assert entry.status_code == 201
    resp = client.post(f"{G}/{entry.get_json()['id']}/approve", json={"comment": "ok\x00"}, headers=tokens["ada"])
    assert "comment" in _error(resp, 400)["error"]["message"]


# ------------------------------------------------------------------ integers beyond what the database holds


def _huge_requests(doc_id: int, seg_id: int, entry_id: int) -> list[tuple[str, str, Any]]:
    return [
        ("get", f"/api/v1/documents/{HUGE}", None),
        ("post", f"/api/v1/documents/{HUGE}/translate", None),
        ("get", f"/api/v1/jobs/{HUGE}", None),
        ("put", f"/api/v1/segments/{HUGE}", {"target": "x", "version": 1}),
        ("post", f"/api/v1/segments/{HUGE}/confirm", None),
        ("post", f"/api/v1/segments/{HUGE}/approve", None),
        ("post", f"/api/v1/documents/{HUGE}/approve", None),
        ("post", f"/api/v1/documents/{HUGE}/publish", {}),
        ("get", f"/api/v1/documents/{HUGE}/pair", None),
        ("get", f"{G}/{HUGE}", None),
        ("patch", f"{G}/{HUGE}", {"revision": 1, "note": "x"}),
        ("post", f"{G}/{HUGE}/approve", {}),
        ("post", f"{G}/{HUGE}/deprecate", {}),
        ("post", f"{G}/{HUGE}/revert", {"revision": 1}),
        ("get", f"{G}?offset={HUGE}", None),
        ("get", f"{G}?limit={HUGE}", None),
        ("get", f"/api/v1/memory?src=vi&tgt=en&q=x&limit={HUGE}", None),
        ("put", f"/api/v1/segments/{seg_id}", {"target": "x", "version": 99999999999999999999}),
        ("put", f"/api/v1/segments/{seg_id}", {"target": "x", "version": -1}),
        ("patch", f"{G}/{entry_id}", {"revision": 99999999999999999999, "note": "x"}),
        ("post", f"{G}/{entry_id}/revert", {"revision": HUGE}),
    ]


def test_integers_past_the_database_range_are_400(client: FlaskClient, tokens: dict) -> None:
    doc = _create(client, tokens)
    entry = client.post(G, json={"vi": "gốm thô", "en": "raw pottery", "domain": "craft"}, headers=tokens["tran"])
    failures = []
    for method, path, body in _huge_requests(doc["id"], doc["segments"][0]["id"], entry.get_json()["id"]):
        resp = client.open(path, method=method.upper(), json=body, headers=tokens["ada"])
        if resp.status_code != 400 or not resp.is_json or resp.get_json()["error"]["code"] != "bad_input":
            failures.append((method, path, resp.status_code))
    assert failures == []
    # Nothing changed: the segment is still at version 1.
    fresh = client.get(f"/api/v1/documents/{doc['id']}", headers=tokens["ada"]).get_json()
    assert fresh["segments"][0]["version"] == 1


def test_a_huge_number_as_a_glossary_query_finds_nothing(client: FlaskClient, tokens: dict) -> None:
    for q in ("99999999999999999999", str(HUGE), "²"):
        resp = client.get(G, query_string={"q": q}, headers=tokens["tran"])
        assert resp.status_code == 200, (q, resp.get_data(as_text=True))
        assert resp.get_json()["total"] == 0


def test_the_services_bound_ids_and_versions_too(desk: Desk, users: dict, client: FlaskClient,
                                                 tokens: dict) -> None:
    from glossary.errors import EntryNotFoundError

    doc = _create(client, tokens)
    with pytest.raises(NotFound):
        desk.documents.get(users["edith"], HUGE)
    with pytest.raises(NotFound):
        desk.segments.history(users["edith"], HUGE)
    with pytest.raises(InputError, match="version"):
        desk.segments.save(users["tran"], doc["segments"][0]["id"], "x", HUGE)
    with pytest.raises(EntryNotFoundError):
        desk.glossary.get(users["ada"], HUGE)
    with pytest.raises(InputError, match="offset"):
        desk.glossary.search(users["ada"], offset=HUGE)


# ------------------------------------------------------------------ text that is not text, JSON too deep


SURROGATE = "\\ud800"  # as it appears in a JSON body: half a character


def test_a_lone_surrogate_is_refused_naming_the_field(client: FlaskClient, tokens: dict) -> None:
    doc = _create(client, tokens)
    seg = doc["segments"][0]
    article = json.dumps({**ARTICLE, "title": "X"})
    cases = [
        ("post", "/api/v1/documents", article.replace('"X"', f'"Tiêu đề {SURROGATE}"'), "edith", "title"),
        ("post", "/api/v1/translate", f'{{"src": "vi", "tgt": "en", "text": "Xin {SURROGATE}"}}', "tran", "text"),
        ("post", G, f'{{"vi": "gốm {SURROGATE}", "en": "ware", "domain": "craft"}}', "tran", "vi term"),
        ("put", f"/api/v1/segments/{seg['id']}", f'{{"target": "a{SURROGATE}", "version": 1}}', "tran", "target"),
    ]
    for method, path, raw, who, field in cases:
        body = _error(_raw(client, method, path, raw, tokens[who]), 400)
        assert field in body["error"]["message"], (path, body)
        assert "surrogate" in body["error"]["message"], (path, body)


def test_a_lone_surrogate_in_a_field_name_is_a_400_not_500(client: FlaskClient, tokens: dict) -> None:
    raw = json.dumps(ARTICLE)[:-1] + f', "{SURROGATE}": 1}}'
    _error(_raw(client, "post", "/api/v1/documents", raw, tokens["edith"]), 400, "bad_input")


@pytest.mark.parametrize("raw", ["[" * 100_000 + "]" * 100_000, '{"a": ' * 100_000 + "1" + "}" * 100_000])
def test_json_nested_100000_deep_is_400(client: FlaskClient, tokens: dict, raw: str) -> None:
    for path in ("/api/v1/translate", "/api/v1/documents", G):
        body = _error(_raw(client, "post", path, raw, tokens["ada"]), 400, "bad_input")
        assert "nested" in body["error"]["message"]


# ------------------------------------------------------------------ a refused save loses nothing


def test_a_save_refused_as_a_conflict_is_kept_in_the_history(client: FlaskClient, tokens: dict, desk: Desk,
                                                             users: dict) -> None:
    doc = _create(client, tokens)
    seg = doc["segments"][2]
    assert _save(client, tokens, seg, "First translator's text.").status_code == 200
    resp = _save(client, tokens, seg, "Second translator's <b>careful</b> text.", who="tu")
    assert _error(resp, 409, "conflict")["your_target"] == "Second translator's <b>careful</b> text."
    history = desk.segments.history(users["edith"], seg["id"])
    assert [h["action"] for h in history] == ["save", "conflict"]
    kept = history[-1]
    assert kept["user"] == "tu"
    assert kept["target"] == "Second translator's <b>careful</b> text."
    assert kept["version"] == 1  # the version the refused save was based on
    # The segment itself holds the first text, untouched.
    fresh = client.get(f"/api/v1/documents/{doc['id']}", headers=tokens["edith"]).get_json()["segments"][2]
    assert (fresh["target"], fresh["version"]) == ("First translator's text.", 2)


def test_a_conflict_through_the_service_is_kept_too(desk: Desk, users: dict, client: FlaskClient,
                                                    tokens: dict) -> None:
    doc = _create(client, tokens)
    seg_id = doc["segments"][0]["id"]
    desk.segments.save(users["tu"], seg_id, "One", 1)
    with pytest.raises(EditConflict):
        desk.segments.save(users["tran"], seg_id, "Two", 1)
    assert desk.segments.history(users["ada"], seg_id)[-1] | {"at": None} == {
        "action": "conflict", "user": "tran", "target": "Two", "version": 1, "distance": None, "at": None}
