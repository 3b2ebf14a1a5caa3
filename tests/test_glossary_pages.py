"""The glossary pages through the Flask test client: roles, CSRF, tone-blind search, edits, import preview."""

from __future__ import annotations

import io
import re

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, client_sign_in, form_csrf
from flask import Flask
from flask.testing import FlaskClient
from test_webui_pages import inline_code

HEADER = "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"
EN = {"Accept-Language": "en"}


def desk_of(app: Flask):
    return app.extensions["songngu.desk"]


def signed_in(app: Flask, name: str, role: str) -> FlaskClient:
    desk_of(app).accounts.create_user(name, role, BROWSER_PASSWORD)
    client = app.test_client()
    client_sign_in(client, name)
    return client


@pytest.fixture
def admin(web_app: Flask) -> FlaskClient:
    return signed_in(web_app, "quan", "admin")


@pytest.fixture
def translator(web_app: Flask) -> FlaskClient:
    return signed_in(web_app, "mai", "translator")


def admin_view(app: Flask):
    return next(u for u in desk_of(app).accounts.list_users() if u.role == "admin")


def text(html: str) -> str:
    return " ".join(lxml.html.document_fromstring(html).text_content().split())


def csrf(client: FlaskClient) -> str:
    return form_csrf(client, "/glossary")


def entry_of(app: Flask, vi: str) -> dict:
    found = desk_of(app).glossary.search(admin_view(app), query=vi, limit=5)["entries"]
    return next(e for e in found if e["vi"] == vi)


def test_everyone_reads_only_admins_see_curating_controls(web_app, admin, translator) -> None:
    page = translator.get("/glossary", headers=EN).get_data(as_text=True)
    assert "Propose a term" in page and "New entry" not in page and "/glossary/import" not in page
    assert "Export CSV" in page and "Export TBX" in page
    page = admin.get("/glossary", headers=EN).get_data(as_text=True)
    assert "New entry" in page and "/glossary/import" in page
    entry = entry_of(web_app, "nón lá")
    html = translator.get(f"/glossary/{entry['id']}", headers=EN).get_data(as_text=True)
    assert "conical hat" in html and "Approve" not in html and "Revert" not in html and "/edit" not in html
    html = admin.get(f"/glossary/{entry['id']}", headers=EN).get_data(as_text=True)
    assert "Deprecate" in html and "/edit" in html
    for path in (f"/glossary/{entry['id']}", f"/glossary/{entry['id']}/edit", "/glossary/new", "/glossary/import"):
        assert inline_code(admin.get(path).get_data(as_text=True)) == [], path


def test_translators_are_refused_by_the_service_and_csrf_is_required(web_app, admin, translator) -> None:
    entry = entry_of(web_app, "nón lá")
    token = csrf(translator)
    resp = translator.post(f"/glossary/{entry['id']}/decision",
                           data={"decision": "deprecate", "revision": entry["revision"], "csrf_token": token})
    assert resp.status_code == 403
    assert translator.get(f"/glossary/{entry['id']}/edit").status_code == 403
    resp = translator.post(f"/glossary/{entry['id']}/edit", data={
        "vi": "nón", "en": "hat", "kind": "term", "domain": "craft", "revision": entry["revision"],
        "csrf_token": token})
    assert resp.status_code == 403
    resp = translator.post("/glossary/import", data={
        "file": (io.BytesIO((HEADER + "q,craft,term,a b c,d e f,,,,\n").encode()), "x.csv"),
        "status": "approved", "csrf_token": token}, content_type="multipart/form-data")
    assert resp.status_code == 403
    assert translator.get("/glossary/new").status_code == 302  # pointed to the proposal form
    # Without the CSRF token even an admin's change is refused, and nothing changes.
    resp = admin.post(f"/glossary/{entry['id']}/decision", data={"decision": "deprecate",
                                                                 "revision": entry["revision"]})
    assert resp.status_code == 400
    assert entry_of(web_app, "nón lá")["status"] == "approved"


def test_ignore_tones_finds_hoa_with_every_tone(web_app, admin) -> None:
    desk, root = desk_of(web_app), admin_view(web_app)
    for vi, en in (("hòa giải", "mediation"), ("hoà nhạc", "concert"), ("hoa đào", "peach blossom")):
        desk.glossary.create(root, vi=vi, en=en, domain="heritage")

    def found(query: str) -> set[str]:
        doc = lxml.html.document_fromstring(admin.get(f"/glossary?{query}").get_data(as_text=True))
        return {td.text_content().strip() for td in doc.xpath("//table//tbody/tr/td[1]")}

    assert {"hòa giải", "hoà nhạc"}.isdisjoint(found("q=hoa")) and "hoa đào" in found("q=hoa")
    assert {"hòa giải", "hoà nhạc", "hoa đào"} <= found("q=hoa&tones=ignore")
    assert {"hòa giải", "hoà nhạc"} <= found("q=ho%C3%A0")  # hoà finds hòa: the mark's place never matters
    page = admin.get("/glossary?q=hoa&tones=ignore").get_data(as_text=True)
    assert re.search(r'id="tones"[^>]*checked', page)  # the choice stays visible


def test_an_edit_made_meanwhile_is_a_conflict_and_nothing_is_lost(web_app, admin) -> None:
    entry = entry_of(web_app, "nón lá")
    token = csrf(admin)
    form = {"vi": entry["vi"], "en": entry["en"], "kind": entry["kind"], "domain": entry["domain"],
            "note": "my careful note", "revision": entry["revision"], "csrf_token": token}
    # Someone else saves first.
    desk_of(web_app).glossary.update(admin_view(web_app), entry["id"], expected_revision=entry["revision"],
                                     note="their note")
    resp = admin.post(f"/glossary/{entry['id']}/edit", data=form, headers=EN)
    assert resp.status_code == 409
    html = resp.get_data(as_text=True)
    assert "my careful note" in html and "their note" in html and "Someone changed this entry" in html
    assert entry_of(web_app, "nón lá")["note"] == "their note"  # nothing overwritten
    assert re.search(rf'name="revision"[^>]*value="{entry["revision"] + 1}"', html)
    form["revision"] = entry["revision"] + 1  # saving again, knowingly
    resp = admin.post(f"/glossary/{entry['id']}/edit", data=form)
    assert resp.status_code == 302
    assert entry_of(web_app, "nón lá")["note"] == "my careful note"


def test_a_proposal_is_approved_or_rejected_from_its_page(web_app, admin, translator) -> None:
    token = csrf(translator)
    resp = translator.post("/glossary/propose", data={"vi": "hát xẩm", "en": "xam singing", "kind": "term",
                                                      "domain": "heritage", "csrf_token": token})
    assert resp.status_code == 302
    entry = entry_of(web_app, "hát xẩm")
    assert entry["status"] == "proposed" and resp.headers["Location"].endswith(f"/glossary/{entry['id']}")
    assert "1 proposal waits for review" in admin.get("/glossary", headers=EN).get_data(as_text=True)
    token = csrf(admin)
    resp = admin.post(f"/glossary/{entry['id']}/decision", headers=EN,
                      data={"decision": "reject", "revision": entry["revision"], "csrf_token": token})
    assert resp.status_code == 400 and "the comment is required" in resp.get_data(as_text=True)
    resp = admin.post(f"/glossary/{entry['id']}/decision",
                      data={"decision": "approve", "revision": entry["revision"], "csrf_token": token})
    assert resp.status_code == 302
    assert entry_of(web_app, "hát xẩm")["status"] == "approved"
    page = admin.get(f"/glossary/{entry['id']}", headers=EN).get_data(as_text=True)
    assert "approved" in text(page) and "mai" in text(page)  # the history names the proposer


def _upload(client: FlaskClient, body: str, name: str = "terms.csv"):
    return client.post("/glossary/import", headers=EN, content_type="multipart/form-data", data={
        "file": (io.BytesIO(body.encode("utf-8")), name), "status": "approved", "csrf_token": csrf(client)})


def _commit_fields(html: str) -> dict[str, str]:
    doc = lxml.html.document_fromstring(html)
    form = doc.xpath("//form[contains(@action, '/glossary/import/commit')]")[0]
    return {i.get("name"): i.get("value") for i in form.xpath(".//input[@type='hidden']")}


def test_import_preview_writes_nothing_and_import_commits_exactly_it(web_app, admin) -> None:
    desk, root = desk_of(web_app), admin_view(web_app)
    version = desk.glossary.search(root, limit=1)["version"]
    body = HEADER + "t-1,craft,term,quạt giấy,paper fan,,,,\nt-2,craft,term,gỗ sơn son,red-lacquered wood,,,,\n"
    resp = _upload(admin, body)
    assert resp.status_code == 200 and resp.headers["Cache-Control"] == "no-store"
    html = resp.get_data(as_text=True)
    assert "quạt giấy" in html and "gỗ sơn son" in html and inline_code(html) == []
    assert desk.glossary.search(root, limit=1)["version"] == version  # the preview wrote nothing
    assert desk.glossary.search(root, query="quạt giấy")["total"] == 0
    fields = _commit_fields(html)
    assert fields["version"] == str(version)

    tampered = dict(fields, sha256="0" * 64)
    resp = admin.post("/glossary/import/commit", data=tampered)
    assert resp.status_code == 302 and resp.headers["Location"].endswith("/glossary/import")
    other = signed_in(web_app, "lan", "admin")  # another admin cannot commit my upload
    assert other.post("/glossary/import/commit", data=dict(fields, csrf_token=csrf(other))).status_code == 302
    assert desk.glossary.search(root, query="quạt giấy")["total"] == 0

    resp = admin.post("/glossary/import/commit", data=fields)
    assert resp.status_code == 302
    assert desk.glossary.search(root, query="quạt giấy")["total"] == 1
    assert desk.glossary.search(root, query="sơn son")["total"] == 1
    assert admin.post("/glossary/import/commit", data=fields).status_code == 302  # used: not twice
    assert desk.glossary.search(root, limit=1)["version"] == version + 1


def test_a_file_with_problems_is_listed_by_line_and_cannot_be_imported(web_app, admin) -> None:
    body = HEADER + "p-1,craft,term,chuồn chuồn tre,bamboo dragonfly,,,,\np-2,space,term,x y,z w,,,,\n" \
                    "p-3,craft,term,nón lá,conical hat|hat,,,,\n"
    resp = _upload(admin, body)
    assert resp.status_code == 422
    html = resp.get_data(as_text=True)
    rows = [[td.text_content().strip() for td in r.xpath("td")] for r in lxml.html.document_fromstring(html).xpath(
        "//section[@aria-labelledby='problems-title']//tbody/tr")]
    assert [int(line) for line, _ in rows] == [3, 4]
    assert "unknown domain" in rows[0][1]
    assert "/glossary/import/commit" not in html
    assert desk_of(web_app).glossary.search(admin_view(web_app), query="chuồn chuồn")["total"] == 0


def test_a_glossary_changed_after_the_preview_gets_a_new_preview(web_app, admin) -> None:
    desk, root = desk_of(web_app), admin_view(web_app)
    html = _upload(admin, HEADER + "c-1,craft,term,tranh Đông Hồ,Dong Ho painting,,,,\n").get_data(as_text=True)
    fields = _commit_fields(html)
    desk.glossary.create(root, vi="chuồn chuồn tre", en="bamboo dragonfly", domain="craft")
    resp = admin.post("/glossary/import/commit", data=fields, headers=EN)
    assert resp.status_code == 409
    html = resp.get_data(as_text=True)
    assert "The glossary changed since your preview" in html
    assert desk.glossary.search(root, query="Đông Hồ")["total"] == 0
    fresh = _commit_fields(html)
    assert int(fresh["version"]) == int(fields["version"]) + 1
    assert admin.post("/glossary/import/commit", data=fresh).status_code == 302
    assert desk.glossary.search(root, query="Đông Hồ")["total"] == 1


def test_export_downloads_the_approved_entries(admin) -> None:
    resp = admin.get("/glossary/export.csv")
    assert resp.status_code == 200 and resp.mimetype == "text/csv"
    assert "attachment" in resp.headers["Content-Disposition"]
    assert "nón lá,conical hat" in resp.get_data(as_text=True)
    assert admin.get("/glossary/export.tbx").data.startswith(b"<?xml")
    assert admin.get("/glossary/export.pdf").status_code == 404


def test_hostile_text_in_a_note_is_shown_as_text(web_app, admin) -> None:
    payload = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    entry = desk_of(web_app).glossary.create(admin_view(web_app), vi="hát văn", en="van singing", domain="heritage",
                                             note=payload)
    html = admin.get(f"/glossary/{entry['id']}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<img src=x" not in html
    assert inline_code(html) == []
