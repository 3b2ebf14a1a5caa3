"""XLIFF on the article page and the memory page (concordance, TMX) through the Flask test client."""

from __future__ import annotations

import io

import lxml.html
import pytest
from conftest import BROWSER_PASSWORD, form_csrf, signed_in_client
from flask import Flask
from lxml import etree
from test_webui_pages import inline_code

from translate.desk.exchange.xliff import XLIFF2_NS

XSS = '<script>alert(1)</script><img src=x onerror=alert(1)>'
BODY = "<p>Làng nghề gốm đón 120 khách.</p><p>Nghệ nhân làm việc cả ngày.</p>"


@pytest.fixture
def desk(web_app: Flask):
    return web_app.extensions["songngu.desk"]


@pytest.fixture
def people(desk):
    return {role: desk.accounts.create_user(name, role, BROWSER_PASSWORD)
            for name, role in (("bich", "editor"), ("lan", "translator"), ("quan", "admin"))}


@pytest.fixture
def doc(desk, people):
    d = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                              title="Làng gốm đón khách", summary="", body_html=BODY)
    tr = people["translator"]
    for seg, text in zip(d.segments, ["Pottery village welcomes visitors",
                                      "The craft village welcomed 120 visitors."], strict=False):
        desk.segments.save(tr, seg.id, text, seg.version)
    return desk.documents.get(tr, d.id)


def client_for(web_app: Flask, name: str, locale: str = "en"):
    return signed_in_client(web_app, name, locale)


def page_of(resp) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(resp.get_data(as_text=True))


def set_target(xml: bytes, unit_id: str, text: str) -> bytes:
    root = etree.fromstring(xml)
    unit = root.find(f".//{{{XLIFF2_NS}}}unit[@id='{unit_id}']")
    seg = unit.find(f"{{{XLIFF2_NS}}}segment")
    target = seg.find(f"{{{XLIFF2_NS}}}target")
    if target is None:
        target = etree.SubElement(seg, f"{{{XLIFF2_NS}}}target")
    for child in list(target):
        target.remove(child)
    target.text = text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def upload(client, path: str, data: bytes, name: str = "a.xliff", form_page: str | None = None):
    token = form_csrf(client, form_page or path.rsplit("/", 1)[0])
    return client.post(path, data={"csrf_token": token, "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def test_the_article_page_offers_xliff_download_and_upload_by_role(web_app, doc):
    tr = client_for(web_app, "lan")
    page = page_of(tr.get(f"/articles/{doc.id}"))
    assert page.xpath("//button[normalize-space()='Download XLIFF']")
    assert [o.get("value") for o in page.xpath("//select[@id='xliff-version']/option")] == ["2.1", "1.2"]
    assert page.xpath("//button[normalize-space()='Upload XLIFF']")
    assert page.xpath("//label[@for='xliff-file']")[0].text_content().strip() == "XLIFF file"
    assert inline_code(tr.get(f"/articles/{doc.id}").get_data(as_text=True)) == []
    # Editors may download but the service lets only translators and admins import: no upload control.
    ed = page_of(client_for(web_app, "bich").get(f"/articles/{doc.id}"))
    assert ed.xpath("//button[normalize-space()='Download XLIFF']")
    assert not ed.xpath("//button[normalize-space()='Upload XLIFF']")


@pytest.mark.parametrize(("version", "root_ns", "ext"), [("2.1", XLIFF2_NS, "xliff"),
                                                       ("1.2", "urn:oasis:names:tc:xliff:document:1.2", "xlf")])
def test_download_in_either_version(web_app, doc, version, root_ns, ext):
    resp = client_for(web_app, "lan").get(f"/articles/{doc.id}/xliff?version={version}")
    assert resp.status_code == 200 and resp.content_type == "application/xliff+xml"
    assert resp.headers["Content-Disposition"] == f'attachment; filename="songngu-article-{doc.id}.{ext}"'
    assert etree.fromstring(resp.data).tag == f"{{{root_ns}}}xliff"
    assert client_for(web_app, "lan").get(f"/articles/{doc.id}/xliff?version=3.0").status_code == 400


def test_upload_reports_updated_unchanged_and_stale(web_app, desk, people, doc):
    tr = client_for(web_app, "lan")
    xml = tr.get(f"/articles/{doc.id}/xliff").data
    s0, s1, s2 = doc.segments[0], doc.segments[1], doc.segments[2]
    # Meanwhile someone edits segment 1 on the desk: the file's version of it is stale.
    desk.segments.save(people["translator"], s1.id, "Changed on the desk: 120 visitors.", s1.version)
    xml = set_target(xml, f"s{s1.id}", "From the file: 120 visitors came.")
    xml = set_target(xml, f"s{s2.id}", "Artisans work all day " + XSS)
    resp = upload(tr, f"/articles/{doc.id}/xliff", xml, form_page=f"/articles/{doc.id}")
    assert resp.status_code == 200
    html = resp.get_data(as_text=True)
    page = page_of(resp)
    counts = {dd.get("data-count"): dd.text_content() for dd in page.xpath("//dd[@data-count]")}
    assert counts == {"updated": "1", "unchanged": "1", "stale": "1"}
    # Numbered as the workspace numbers them (1-based), each linking to its row there.
    [link] = page.xpath("//h2[.='Updated segments']/following-sibling::ul[1]//a")
    assert link.text_content() == "Segment 3" and link.get("href") == f"/articles/{doc.id}/workspace#seg-3"
    stale_row = page.xpath("//table//tbody/tr")[0]
    assert stale_row.xpath("string(th)") == "2" and "Changed on the desk" in stale_row.text_content()
    assert "<script>alert(1)</script>" not in html and inline_code(html) == []
    after = {s.id: s.target for s in desk.documents.get(people["translator"], doc.id).segments}
    assert after[s0.id] == "Pottery village welcomes visitors"
    assert after[s1.id] == "Changed on the desk: 120 visitors."  # reported, not applied
    assert after[s2.id].startswith("Artisans work all day")


def test_a_file_for_another_article_or_a_changed_source_is_refused_with_every_problem(web_app, desk, people, doc):
    other = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                                  title="Bài khác", summary="", body_html="<p>Câu khác.</p>")
    tr = client_for(web_app, "lan")
    xml = tr.get(f"/articles/{doc.id}/xliff").data
    resp = upload(tr, f"/articles/{other.id}/xliff", xml, form_page=f"/articles/{doc.id}")
    assert resp.status_code == 400
    page = page_of(resp)
    assert "nothing was imported" in page.xpath("string(//*[@id='import-refused'])")
    assert f"the file is for article {doc.id}, not article {other.id}" in resp.get_data(as_text=True)
    root = etree.fromstring(xml)
    source = root.find(f".//{{{XLIFF2_NS}}}unit[@id='s{doc.segments[2].id}']//{{{XLIFF2_NS}}}source")
    source.text = "Một câu nguồn khác."
    edited = set_target(etree.tostring(root), f"s{doc.segments[2].id}", "Another sentence.")
    resp = upload(tr, f"/articles/{doc.id}/xliff", edited, form_page=f"/articles/{doc.id}")
    assert resp.status_code == 400 and "source text was edited" in resp.get_data(as_text=True)
    assert desk.documents.get(people["translator"], doc.id).segments[2].target == ""
    resp = upload(tr, f"/articles/{doc.id}/xliff", b"<xliff", form_page=f"/articles/{doc.id}")
    assert resp.status_code == 400 and "nothing was imported" in resp.get_data(as_text=True)
    token = form_csrf(tr, f"/articles/{doc.id}")
    resp = tr.post(f"/articles/{doc.id}/xliff", data={"csrf_token": token}, content_type="multipart/form-data")
    assert resp.status_code == 400 and "Choose an XLIFF file" in resp.get_data(as_text=True)
    # No CSRF token: refused before anything is read.
    resp = tr.post(f"/articles/{doc.id}/xliff", data={"file": (io.BytesIO(xml), "a.xliff")},
                   content_type="multipart/form-data")
    assert resp.status_code == 400


def test_an_editor_upload_is_refused_by_the_service(web_app, doc):
    ed = client_for(web_app, "bich")
    xml = ed.get(f"/articles/{doc.id}/xliff").data
    token = form_csrf(ed, "/desk/new")
    resp = ed.post(f"/articles/{doc.id}/xliff", data={"csrf_token": token, "file": (io.BytesIO(xml), "a.xliff")},
                   content_type="multipart/form-data")
    assert resp.status_code == 403


def test_the_memory_page_searches_counts_and_escapes(web_app, desk, people, doc):
    tr = people["translator"]
    for seg in doc.segments[:2]:
        desk.segments.confirm(tr, seg.id)
    desk.segments.save(tr, doc.segments[2].id, "Artisans " + XSS, doc.segments[2].version)
    desk.segments.confirm(tr, doc.segments[2].id)
    ed = client_for(web_app, "bich")
    page = page_of(ed.get("/memory"))
    assert page.xpath("//nav[@class='site-nav']//a[@href='/memory']")[0].get("aria-current") == "page"
    stats = [li.text_content().split() for li in page.xpath("//ul[@class='memory-stats']/li")]
    assert stats[0][0] == "3" and stats[1][0] == "3" and stats[2][0] == "0"
    resp = ed.get("/memory?q=LÀNG NGHỀ&pair=vi-en")  # case-blind
    page = page_of(resp)
    cells = [tr_.xpath("string(td[2])") for tr_ in page.xpath("//table[contains(@class,'memory-table')]/tbody/tr")]
    assert cells == ["The craft village welcomed 120 visitors."]
    html = ed.get("/memory?q=Artisans").get_data(as_text=True)
    assert "Artisans" in html.split("<tbody>")[1]
    assert "<script>alert" not in html and "<img src=x" not in html and inline_code(html) == []
    resp = ed.get("/memory?q=x")
    assert resp.status_code == 400 and "at least 2 characters" in resp.get_data(as_text=True)
    assert ed.get("/memory?pair=fr-en").status_code == 400
    # Translators may search (no menu entry, no import form), and download the memory.
    lan = client_for(web_app, "lan")
    page = page_of(lan.get("/memory?q=nghệ nhân"))
    assert not page.xpath("//nav[@class='site-nav']//a[@href='/memory']")
    assert page.xpath("//table[contains(@class,'memory-table')]/tbody/tr")
    assert not page.xpath("//button[normalize-space()='Upload TMX']")
    assert lan.get("/memory/tmx").status_code == 200


def test_tmx_upload_reports_added_and_merged_and_refuses_whole(web_app, desk, people, doc):
    tr = people["translator"]
    for seg in doc.segments[:2]:
        desk.segments.confirm(tr, seg.id)
    ed = client_for(web_app, "bich")
    data = ed.get("/memory/tmx").data
    assert b"<tmx" in data
    resp = upload(ed, "/memory/tmx", data, "m.tmx", form_page="/memory")
    page = page_of(resp)
    counts = {dd.get("data-count"): dd.text_content() for dd in page.xpath("//dd[@data-count]")}
    assert resp.status_code == 200 and counts == {"added": "0", "merged": "2"}
    new_unit = data.replace(b"Pottery village welcomes visitors", b"A pottery village greets its guests")
    resp = upload(ed, "/memory/tmx", new_unit, "m.tmx", form_page="/memory")
    counts = {dd.get("data-count"): dd.text_content() for dd in page_of(resp).xpath("//dd[@data-count]")}
    assert counts == {"added": "1", "merged": "1"}
    broken = new_unit.replace(b'xml:lang="en"', b'xml:lang="fr"', 1)
    resp = upload(ed, "/memory/tmx", broken, "m.tmx", form_page="/memory")
    assert resp.status_code == 400 and "nothing was imported" in resp.get_data(as_text=True)
    assert desk.memory.stats(people["editor"]).total == 3
    # Translators may not import (the service refuses; the page hides the form).
    lan = client_for(web_app, "lan")
    token = form_csrf(lan, "/desk")
    resp = lan.post("/memory/tmx", data={"csrf_token": token, "file": (io.BytesIO(data), "m.tmx")},
                    content_type="multipart/form-data")
    assert resp.status_code == 403
