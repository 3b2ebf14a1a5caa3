"""The proposals and most-missed pages through the Flask test client: admins only, CSRF, evidence, accept."""

from __future__ import annotations

import re

import pytest
from conftest import BROWSER_PASSWORD, client_sign_in, form_csrf
from flask import Flask
from test_term_learning import FISHING, MORE_FISHING, post_edit
from test_webui_pages import inline_code

EN = {"Accept-Language": "en"}
XSS = "<script>alert(1)</script> "


@pytest.fixture
def site(web_app: Flask):
    """An admin's and a translator's browsers over an article whose translators kept lengthening a term."""
    desk = web_app.extensions["songngu.desk"]
    people = {key: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
              for key, name, role in (("admin", "quan", "admin"), ("editor", "ed", "editor"),
                                      ("translator", "mai", "translator"), ("other", "lan", "translator"))}
    entry = desk.glossary.create(people["admin"], vi="làng chài", en="fishing village", domain="heritage")
    sentences = {XSS + s if i == 0 else s: pair for i, (s, pair) in enumerate(FISHING.items())}
    post_edit(desk, people, [s.replace("<", "&lt;").replace(">", "&gt;") for s in sentences],
              {s: f for s, (_, f) in sentences.items()}, {s: d for s, (d, _) in sentences.items()})
    post_edit(desk, people, list(MORE_FISHING), {},
              {s: d.replace("fishing village", "fishing hamlet") for s, (d, _) in MORE_FISHING.items()}, title="Biển")
    clients = {}
    for key in ("admin", "translator"):
        clients[key] = web_app.test_client()
        client_sign_in(clients[key], people[key].name)
    return desk, people, entry, clients


def test_only_admins_see_the_pages_and_the_glossary_links_to_them(site) -> None:
    _desk, _people, _entry, clients = site
    for path in ("/glossary/proposals", "/glossary/most-missed"):
        assert clients["translator"].get(path, headers=EN).status_code == 403
        assert clients["admin"].get(path, headers=EN).status_code == 200
    assert "/glossary/proposals" in clients["admin"].get("/glossary", headers=EN).get_data(as_text=True)


def test_an_admin_finds_a_proposal_sees_its_evidence_and_accepts_it(site) -> None:
    desk, people, entry, clients = site
    admin = clients["admin"]
    empty = admin.get("/glossary/proposals", headers=EN).get_data(as_text=True)
    assert "No open proposals" in empty
    assert admin.post("/glossary/proposals/find", headers=EN).status_code == 400  # no CSRF token
    token = form_csrf(admin, "/glossary/proposals")
    found = admin.post("/glossary/proposals/find", data={"csrf_token": token}, headers=EN, follow_redirects=True)
    html = found.get_data(as_text=True)
    assert "New proposals: 1;" in html
    assert "New variant “traditional fishing village” for “làng chài”" in html
    assert "mai" in html and "lan" in html and "Cua Van traditional fishing village welcomes tourists." in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert inline_code(html) == []
    [proposal] = desk.term_proposals.list(people["admin"])
    accept = f"/glossary/proposals/{proposal['id']}/accept"
    assert clients["translator"].post(accept, data={"csrf_token": form_csrf(clients["translator"], "/glossary")},
                                      headers=EN).status_code == 403
    version = desk.glossary.search(people["admin"], limit=1)["version"]
    done = admin.post(accept, data={"csrf_token": token, "revision": str(entry["revision"])}, headers=EN,
                      follow_redirects=True).get_data(as_text=True)
    assert f"Proposal {proposal['id']} accepted: the glossary is now at version {version + 1}." in done
    assert desk.glossary.get(people["admin"], entry["id"])["entry"]["en_variants"] == ["traditional fishing village"]
    again = admin.post(accept, data={"csrf_token": token}, headers=EN, follow_redirects=True).get_data(as_text=True)
    assert f"Proposal {proposal['id']} was not accepted" in again and "already accepted" in again
    accepted = admin.get("/glossary/proposals?state=accepted", headers=EN).get_data(as_text=True)
    assert re.search(r"Decided</dt><dd>quan", accepted)


def test_the_most_missed_page_lists_the_entry_with_its_count_and_example_links(site) -> None:
    _desk, _people, entry, clients = site
    html = clients["admin"].get("/glossary/most-missed", headers=EN).get_data(as_text=True)
    assert "test/vi-en" in html and "làng chài = fishing village" in html
    assert "failed in 3 of 6 drafts (3 missing, 0 wrong form)" in html
    assert html.count("fishing hamlet") == 3 and "/workspace#seg-" in html
    assert f"/glossary/{entry['id']}" in html and inline_code(html) == []
