"""The glossary through the REST API, as a CMS, a translator and an admin see it.

One app over one Desk (temporary SQLite, tiny test models, the seed glossary)
serves the whole module; each test adds entries with terms of its own, so the
tests do not depend on each other's order.
"""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import module_desk
from translate.config import load_settings
from translate.desk import Desk
from webui.app import create_app

PASSWORD = "correct horse battery staple"
G = "/api/v1/glossary"
BOOKKEEPING = {"id", "revision", "created_by", "created_at", "updated_by", "updated_at"}


@pytest.fixture(scope="module")
def desk(test_models_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desk]:
    with module_desk(test_models_dir, tmp_path_factory, "glossary-api") as d:
        yield d


@pytest.fixture(scope="module")
def app(desk: Desk) -> Flask:
    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk)


@pytest.fixture(scope="module")
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture(scope="module")
def tokens(desk: Desk) -> dict[str, dict[str, str]]:
    headers = {}
    for name, role in (("ada", "admin"), ("tran", "translator"), ("edith", "editor")):
        desk.accounts.create_user(name, role, PASSWORD)
        headers[name] = {"Authorization": f"Bearer {desk.accounts.create_token(name, label='tests')}"}
    return headers


def _ok(resp: Any, status: int = 200) -> Any:
    assert resp.status_code == status, resp.get_data(as_text=True)
    return resp.get_json()


def _error(resp: Any, status: int, code: str) -> dict[str, Any]:
    assert resp.status_code == status, resp.get_data(as_text=True)
    body = resp.get_json()
    assert body["error"]["code"] == code, body
    assert body["error"]["message"]
    return body


def _version(client: FlaskClient, headers: dict[str, str]) -> int:
    return _ok(client.get(G, query_string={"limit": 1}, headers=headers))["version"]


def _propose(client: FlaskClient, headers: dict[str, str], **fields: Any) -> dict[str, Any]:
    return _ok(client.post(G, json=fields, headers=headers), 201)


def _approved(client: FlaskClient, headers: dict[str, str]) -> list[dict[str, Any]]:
    """Every approved entry's content, status and file id, without who/when (which a re-import changes).

    An entry without an external id travels in a file under its own number, which
    the importing desk then keeps as the external id.
    """
    body = _ok(client.get(G, query_string={"status": "approved", "limit": 500}, headers=headers))
    assert body["total"] == len(body["entries"])
    return sorted(({**{k: v for k, v in e.items() if k not in BOOKKEEPING},
                    "external_id": e["external_id"] or str(e["id"])} for e in body["entries"]),
                  key=lambda e: (e["vi"], e["en"]))


# ------------------------------------------------------------------ authentication and description


def test_anonymous_requests_get_401_on_every_glossary_route(client: FlaskClient) -> None:
    requests = [
        ("get", G, None), ("get", f"{G}/1", None), ("post", G, {"vi": "a", "en": "b", "domain": "craft"}),
        ("patch", f"{G}/1", {"revision": 1, "note": "x"}), ("post", f"{G}/1/approve", {}),
        ("post", f"{G}/1/deprecate", {}), ("post", f"{G}/1/revert", {"revision": 1}),
        ("post", f"{G}/import", None), ("get", f"{G}/export?format=csv", None),
        ("post", f"{G}/match", {"src": "vi", "tgt": "en", "text": "Hà Nội"}),
    ]
    for method, path, body in requests:
        resp = getattr(client, method)(path, json=body)
        _error(resp, 401, "unauthorized")
        assert resp.headers["WWW-Authenticate"].startswith("Bearer"), path
    resp = client.get(G, headers={"Authorization": "Bearer not-a-real-token"})
    _error(resp, 401, "unauthorized")


def test_openapi_describes_the_glossary_routes(client: FlaskClient) -> None:
    spec = _ok(client.get("/api/v1/openapi.json"))
    expected = {
        G: {"get", "post"}, f"{G}/{{entry_id}}": {"get", "patch"}, f"{G}/{{entry_id}}/approve": {"post"},
        f"{G}/{{entry_id}}/deprecate": {"post"}, f"{G}/{{entry_id}}/revert": {"post"},
        f"{G}/import": {"post"}, f"{G}/export": {"get"}, f"{G}/match": {"post"},
    }
    for path, methods in expected.items():
        assert methods <= set(spec["paths"].get(path, {})), path
    refused = spec["paths"][f"{G}/import"]["post"]["responses"]["400"]["content"]["application/json"]
    assert "problems" in str(spec["components"]["schemas"]) and refused["schema"]
    assert {"vi", "en", "domain"} <= set(spec["components"]["schemas"]["GlossaryProposeIn"]["required"])


# ------------------------------------------------------------------ roles


def test_translator_reads_matches_and_proposes_but_cannot_curate(client: FlaskClient, tokens: dict) -> None:
    tran, admin = tokens["tran"], tokens["ada"]
    listing = _ok(client.get(G, query_string={"q": "THÀNH PHỐ sáng tạo", "status": "approved"}, headers=tran))
    assert listing["total"] >= 1 and listing["version"] >= 1
    assert any(e["vi"] == "Thành phố Sáng tạo" for e in listing["entries"])

    # Offsets point into the text as sent, here in NFD with the other tone-mark placement.
    import unicodedata
    text = unicodedata.normalize("NFD", "Làng gốm Bát Tràng góp phần vào Thành phố Sáng tạo. Hoà bình.")
    matches = _ok(client.post(f"{G}/match", json={"src": "vi", "tgt": "en", "text": text}, headers=tran))["matches"]
    assert matches, text
    for m in matches:
        assert text[m["start"]:m["end"]] == m["source"]
    assert "Creative City" in [t for m in matches for t in m["targets"]]

    proposed = _propose(client, tran, vi="đèn kéo quân", en="trotting horse lantern", domain="craft",
                        en_variants=["trotting-horse lantern"], note="Mid-Autumn lantern")
    assert proposed["status"] == "proposed" and proposed["created_by"] == "tran"
    editor_proposal = _propose(client, tokens["edith"], vi="diều sáo Bá Giang", en="Ba Giang flute kite",
                               domain="craft", kind="name")
    assert editor_proposal["status"] == "proposed" and editor_proposal["created_by"] == "edith"
    # A proposal is not binding yet: matching ignores it.
    found = _ok(client.post(f"{G}/match", json={"src": "vi", "tgt": "en", "text": "Đèn kéo quân rực rỡ."},
                            headers=tran))["matches"]
    assert proposed["id"] not in [m["entry"] for m in found]
    assert client.get(f"{G}/export?format=tbx", headers=tran).status_code == 200

    eid = proposed["id"]
    before_version = _version(client, admin)
    before_entry = _ok(client.get(f"{G}/{eid}", headers=admin))
    before_total = _ok(client.get(G, headers=admin))["total"]
    csv = "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\nx1,craft,term,quạt giấy,paper fan,,,,\n"
    for who in ("tran", "edith"):
        for method, path, kwargs in (
            ("post", f"{G}/{eid}/approve", {"json": {}}),
            ("patch", f"{G}/{eid}", {"json": {"revision": proposed["revision"], "en": "horse lantern"}}),
            ("post", f"{G}/{eid}/deprecate", {"json": {"comment": "no"}}),
            ("post", f"{G}/{eid}/revert", {"json": {"revision": 1}}),
            ("post", f"{G}/1/deprecate", {"json": {}}),
            ("post", f"{G}/import", {"data": {"file": (io.BytesIO(csv.encode()), "fans.csv")},
                                     "content_type": "multipart/form-data"}),
        ):
            resp = getattr(client, method)(path, headers=tokens[who], **kwargs)
            assert resp.status_code == 403, (who, path, resp.get_data(as_text=True))
            assert resp.get_json()["error"]["code"] == "forbidden"
    assert _version(client, admin) == before_version
    assert _ok(client.get(f"{G}/{eid}", headers=admin)) == before_entry
    assert _ok(client.get(G, headers=admin))["total"] == before_total
    assert _ok(client.get(G, query_string={"q": "paper fan"}, headers=admin))["total"] == 0


# ------------------------------------------------------------------ curation


def test_admin_approval_is_held_by_translation_and_signed_with_the_new_version(
    client: FlaskClient, tokens: dict
) -> None:
    tran, admin = tokens["tran"], tokens["ada"]
    text = "Phố bích họa Phùng Hưng thu hút nhiều du khách."
    proposed = _propose(client, tran, vi="phố bích họa Phùng Hưng", en="Phung Hung mural street",
                        domain="place", kind="name")
    before = _ok(client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": text}, headers=tran))
    assert proposed["id"] not in [t["entry"] for s in before["segments"] for t in s["terms"]]
    old_version = _version(client, tran)

    approved = _ok(client.post(f"{G}/{proposed['id']}/approve", json={"comment": "official name"}, headers=admin))
    assert approved["status"] == "approved" and approved["revision"] == proposed["revision"] + 1
    new_version = _version(client, tran)
    assert new_version > old_version

    after = _ok(client.post("/api/v1/translate", json={"src": "vi", "tgt": "en", "text": text}, headers=tran))
    seg = after["segments"][0]
    held = [t for t in seg["terms"] if t["entry"] == proposed["id"]]
    assert held and "Phung Hung mural street" in held[0]["targets"]
    flagged = [f for f in seg["flags"] if f.get("entry") == proposed["id"]]
    assert "Phung Hung mural street" in seg["target"] or flagged, seg
    assert f"glossary:v{new_version}" in seg["signature"]
    assert f"glossary:v{old_version}" in before["segments"][0]["signature"]

    history = _ok(client.get(f"{G}/{proposed['id']}", headers=tran))["history"]
    assert [(h["action"], h["changed_by"]) for h in history] == [("created", "tran"), ("approved", "ada")]
    assert history[-1]["comment"] == "official name" and history[-1]["glossary_version"] == new_version


def test_admin_edit_conflict_deprecate_and_revert(client: FlaskClient, tokens: dict) -> None:
    admin = tokens["ada"]
    entry = _propose(client, admin, vi="nón quai thao", en="quai thao hat", domain="craft")
    entry = _ok(client.post(f"{G}/{entry['id']}/approve", json={}, headers=admin))
    eid, loaded = entry["id"], entry["revision"]

    edited = _ok(client.patch(f"{G}/{eid}", json={"revision": loaded, "en_forbidden": ["conical hat"],
                                                  "comment": "common mistranslation"}, headers=admin))
    assert edited["en_forbidden"] == ["conical hat"] and edited["revision"] == loaded + 1
    # A second admin still holding the old revision is refused, and the first edit survives.
    stale = client.patch(f"{G}/{eid}", json={"revision": loaded, "note": "overwrite?"}, headers=admin)
    _error(stale, 409, "stale_revision")
    current = _ok(client.get(f"{G}/{eid}", headers=admin))["entry"]
    assert current["revision"] == edited["revision"] and current["note"] == "" and current["en_forbidden"]

    def matched() -> bool:
        body = {"src": "vi", "tgt": "en", "text": "Chiếc nón quai thao của Kinh Bắc."}
        return eid in [m["entry"] for m in _ok(client.post(f"{G}/match", json=body, headers=admin))["matches"]]

    assert matched()
    assert _ok(client.post(f"{G}/{eid}/deprecate", json={}, headers=admin))["status"] == "deprecated"
    assert not matched()
    reverted = _ok(client.post(f"{G}/{eid}/revert", json={"revision": edited["revision"]}, headers=admin))
    assert reverted["status"] == "approved" and reverted["en_forbidden"] == ["conical hat"]
    assert matched()
    actions = [h["action"] for h in _ok(client.get(f"{G}/{eid}", headers=admin))["history"]]
    assert actions == ["created", "approved", "updated", "deprecated", "reverted"]
    _error(client.post(f"{G}/{eid}/revert", json={"revision": 99}, headers=admin), 404, "entry_not_found")
    _error(client.get(f"{G}/999999", headers=admin), 404, "entry_not_found")


def test_bad_glossary_requests_are_400_or_409_never_500(client: FlaskClient, tokens: dict) -> None:
    admin = tokens["ada"]
    _error(client.get(G, query_string={"status": "lost"}, headers=admin), 400, "bad_input")
    _error(client.patch(f"{G}/1", json={"revision": 1}, headers=admin), 400, "bad_input")
    _error(client.post(f"{G}/match", json={"src": "vi", "tgt": "vi", "text": "Hà Nội"}, headers=admin),
           400, "bad_input")
    _error(client.post(G, json={"vi": "x", "en": "y", "domain": "craft", "status": "approved"},
                       headers=tokens["tran"]), 400, "bad_input")
    clash = client.post(G, json={"vi": "thành phố sáng tạo", "en": "Creative Town", "domain": "unesco"},
                        headers=tokens["tran"])
    assert "entry 2" in _error(clash, 409, "duplicate_entry")["error"]["message"]
    _error(client.post(f"{G}/import", headers=admin, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(b"vi,en"), "terms.txt")}), 400, "bad_input")


CORRUPTED = [
    pytest.param(
        "broken.tbx",
        '<?xml version="1.0"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n'
        '<conceptEntry id="g1"><langSec xml:lang="vi"><termSec><term>gốm men rạn</term>\n'
        "</body></text></tbx>\n".encode(),
        "line",
        id="tbx-bad-xml",
    ),
    pytest.param(
        "half-good.csv",
        "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"
        "g1,craft,term,gốm men rạn,crackle-glaze ceramics,,,,\n"
        "g2,craft,term,sơn mài Hạ Thái,,,,,\n".encode(),
        "line 3",
        id="csv-empty-term",
    ),
]


@pytest.mark.parametrize(("filename", "data", "where"), CORRUPTED)
def test_corrupted_import_is_refused_whole(client: FlaskClient, tokens: dict, filename: str, data: bytes,
                                           where: str) -> None:
    admin = tokens["ada"]
    version, before = _version(client, admin), _approved(client, admin)
    resp = client.post(f"{G}/import", headers=admin, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(data), filename)})
    body = _error(resp, 400, "bad_import")
    assert where in body["error"]["message"] and "nothing was changed" in body["error"]["message"]
    assert body["problems"] and body["problems"][0]["message"]
    assert _version(client, admin) == version
    assert _approved(client, admin) == before
    assert _ok(client.get(G, query_string={"q": "gốm men rạn"}, headers=admin))["total"] == 0


def test_export_round_trips_into_a_fresh_desk(client: FlaskClient, tokens: dict, desk: Desk,
                                              tmp_path: Path) -> None:
    admin = tokens["ada"]
    entry = _propose(client, admin, vi="tranh Đông Hồ", en="Dong Ho woodblock print", domain="craft",
                     vi_variants=["tranh dân gian Đông Hồ"], en_variants=["Dong Ho folk painting"],
                     en_forbidden=["Dong Ho picture"], note="Thuận Thành, Bắc Ninh")
    _ok(client.post(f"{G}/{entry['id']}/approve", json={}, headers=admin))
    original = _approved(client, admin)

    exported = client.get(f"{G}/export", query_string={"format": "csv"}, headers=admin)
    assert exported.status_code == 200 and exported.mimetype == "text/csv"
    assert "attachment" in exported.headers["Content-Disposition"]
    tbx = client.get(f"{G}/export", query_string={"format": "tbx"}, headers=admin)
    assert tbx.status_code == 200 and b"Dong Ho woodblock print" in tbx.data

    settings = dataclasses.replace(load_settings(), instance=tmp_path,
                                   database_url=f"sqlite:///{tmp_path / 'fresh.db'}")
    fresh = Desk(settings)
    try:
        fresh.accounts.create_user("root", "admin", PASSWORD)
        headers = {"Authorization": f"Bearer {fresh.accounts.create_token('root')}"}
        other = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=fresh).test_client()
        assert _approved(other, headers) != original  # the fresh desk has only the seed
        report = _ok(other.post(f"{G}/import", headers=headers, content_type="multipart/form-data",
                                data={"file": (io.BytesIO(exported.data), "songngu-glossary.csv")}))
        assert report["created"] >= 1
        assert _approved(other, headers) == original
        # The TBX export of the same glossary says nothing new: every entry reads as already there.
        again = _ok(other.post(f"{G}/import", headers=headers, content_type="multipart/form-data",
                               data={"file": (io.BytesIO(tbx.data), "songngu-glossary.tbx")}))
        assert (again["created"], again["updated"]) == (0, 0) and again["unchanged"] == len(original)
    finally:
        fresh.close()
