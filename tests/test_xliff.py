"""XLIFF exchange per article: export, edit outside, re-import as ordinary saves; stale and foreign files."""

from __future__ import annotations

import pytest
from lxml import etree

from translate.desk import PermissionDenied
from translate.desk.exchange.schemas import schema_errors
from translate.desk.exchange.xliff import SN_NS, XLIFF2_NS, XLIFF12_NS
from translate.desk.exchange.xml_safety import MAX_FILE_BYTES, ExchangeFileError
from translate.errors import TooLargeError

PASSWORD = "correct horse battery"
BODY = ('<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
        '<p>Sản phẩm gốm sứ được bán tại <a href="https://example.org/cho?a=1&amp;b=2">chợ</a>.</p>'
        '<p>Nghệ nhân &amp; thợ gốm làm việc cả ngày.</p>')
X2 = {"x": XLIFF2_NS}
X12 = {"x": XLIFF12_NS}


@pytest.fixture
def people(desk):
    return {"editor": desk.accounts.create_user("ed", "editor", PASSWORD),
            "translator": desk.accounts.create_user("tran", "translator", PASSWORD)}


@pytest.fixture
def doc(desk, people):
    d = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                              title="Làng gốm đón khách", summary="", body_html=BODY)
    tr = people["translator"]
    texts = ["Pottery village welcomes visitors",
             'In 2024, the <strong>craft village</strong> welcomed 120 visitors.']
    for seg, text in zip(d.segments, texts, strict=False):
        desk.segments.save(tr, seg.id, text, seg.version)
    desk.segments.confirm(tr, d.segments[0].id)
    return desk.documents.get(tr, d.id)


def targets(desk, who, doc_id):
    return {s.id: (s.target, s.version) for s in desk.documents.get(who, doc_id).segments}


def set_target(xml: bytes, unit_id: str, inner: str, ns=XLIFF2_NS) -> bytes:
    """Edit one unit's target in the XML as a CAT tool would (creating it when absent)."""
    root = etree.fromstring(xml)
    tag = "unit" if ns == XLIFF2_NS else "trans-unit"
    unit = root.find(f".//{{{ns}}}{tag}[@id='{unit_id}']")
    parent = unit.find(f"{{{ns}}}segment") if ns == XLIFF2_NS else unit
    target = parent.find(f"{{{ns}}}target")
    if target is None:
        target = etree.SubElement(parent, f"{{{ns}}}target")
        if ns == XLIFF12_NS:  # the target goes right after the source
            parent.remove(target)
            parent.insert(1, target)
    new = etree.fromstring(f'<target xmlns="{ns}">{inner}</target>')
    target.text = new.text
    for child in list(target):
        target.remove(child)
    for child in new:
        target.append(child)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_export_has_one_unit_per_segment_with_tags_states_and_notes(desk, people, doc):
    ed = people["editor"]
    desk.review.comment(ed, doc.id, "Check the number", segment_id=doc.segments[1].id)
    xml = desk.exchange.export_xliff(ed, doc.id)
    assert schema_errors(xml, "xliff-2.1") == []
    root = etree.fromstring(xml)
    assert root.get("srcLang") == "vi" and root.get("trgLang") == "en"
    units = root.findall(".//x:unit", X2)
    assert [u.get("id") for u in units] == [f"s{s.id}" for s in doc.segments]
    assert [u.get(f"{{{SN_NS}}}version") for u in units] == [str(s.version) for s in doc.segments]
    states = [u.find("x:segment", X2).get("state") for u in units]
    assert states == ["reviewed", "translated", "initial", "initial"]  # confirmed, edited, new, new
    # <strong> is a <pc> whose original markup is in originalData; the link keeps its href exactly.
    body = units[1]
    pc = body.find("x:segment/x:source/x:pc", X2)
    data = {d.get("id"): d.text for d in body.findall("x:originalData/x:data", X2)}
    assert (data[pc.get("dataRefStart")], pc.text, data[pc.get("dataRefEnd")]) == ("<strong>", "làng nghề", "</strong>")
    tpc = body.find("x:segment/x:target/x:pc", X2)
    assert tpc.get("id") == pc.get("id") and tpc.text == "craft village"
    link = units[2].find("x:segment/x:source/x:pc", X2)
    link_data = {d.get("id"): d.text for d in units[2].findall("x:originalData/x:data", X2)}
    assert link_data[link.get("dataRefStart")].startswith('<a href="https://example.org/cho?a=1&amp;b=2"')
    notes = [(n.get("category"), n.text) for n in body.findall("x:notes/x:note", X2)]
    assert ("comment", "ed: Check the number") in notes
    assert units[3].find("x:segment/x:source", X2).text == "Nghệ nhân & thợ gốm làm việc cả ngày."


def test_qa_flags_become_notes(desk, people, doc):
    tr = people["translator"]
    seg = doc.segments[1]
    desk.segments.save(tr, seg.id, "In 2024, the craft village welcomed visitors.", seg.version)  # 120 dropped
    root = etree.fromstring(desk.exchange.export_xliff(tr, doc.id))
    notes = root.findall(f".//x:unit[@id='s{seg.id}']/x:notes/x:note[@category='qa']", X2)
    assert any("120" in n.text for n in notes)


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_round_trip_is_identical_and_changes_nothing(desk, people, doc, version):
    tr = people["translator"]
    before = targets(desk, tr, doc.id)
    first = desk.exchange.export_xliff(tr, doc.id, version)
    assert schema_errors(first, f"xliff-{version}") == []
    report = desk.exchange.import_xliff(tr, doc.id, first)
    assert report == {"updated": 0, "unchanged": 4, "stale": [], "updated_segments": []}
    assert targets(desk, tr, doc.id) == before
    assert desk.exchange.export_xliff(tr, doc.id, version) == first


@pytest.mark.parametrize("version", ["2.1", "1.2"])
def test_an_outside_edit_updates_exactly_the_edited_segments(desk, people, doc, version):
    tr = people["translator"]
    ns = XLIFF2_NS if version == "2.1" else XLIFF12_NS
    before = targets(desk, tr, doc.id)
    xml = desk.exchange.export_xliff(tr, doc.id, version)
    s1, s3 = doc.segments[1], doc.segments[3]
    if version == "2.1":
        edited = '<pc id="1" dataRefStart="d1" dataRefEnd="d2">Craft villages</pc> received 120 guests in 2024.'
    else:
        edited = '<bpt id="1" rid="1">&lt;strong&gt;</bpt>Craft villages<ept id="1" rid="1">&lt;/strong&gt;</ept> ' \
                 'received 120 guests in 2024.'
    xml = set_target(xml, f"s{s1.id}", edited, ns)
    xml = set_target(xml, f"s{s3.id}", "Artisans &amp; potters work all day.", ns)
    report = desk.exchange.import_xliff(tr, doc.id, xml)
    assert report["updated"] == 2 and report["stale"] == [] and report["updated_segments"] == [1, 3]
    after = targets(desk, tr, doc.id)
    assert after[s1.id] == ("<strong>Craft villages</strong> received 120 guests in 2024.", s1.version + 1)
    assert after[s3.id] == ("Artisans &amp; potters work all day.", s3.version + 1)
    for sid in (doc.segments[0].id, doc.segments[2].id):
        assert after[sid] == before[sid]
    # A normal save: history and state as for an edit on the desk.
    assert desk.segments.history(tr, s1.id)[-1]["action"] == "save"
    assert desk.documents.get(tr, doc.id).segments[1].state == "edited"


def test_a_segment_changed_on_the_desk_since_export_is_reported_not_overwritten(desk, people, doc):
    tr = people["translator"]
    s1, s3 = doc.segments[1], doc.segments[3]
    xml = desk.exchange.export_xliff(tr, doc.id)
    desk.segments.save(tr, s1.id, "Changed on the desk in 2024, 120 visitors.", s1.version)
    xml = set_target(xml, f"s{s1.id}", "From the file: 120 visitors in 2024.")
    xml = set_target(xml, f"s{s3.id}", "Artisans and potters work all day.")
    report = desk.exchange.import_xliff(tr, doc.id, xml)
    assert report["updated_segments"] == [3]
    assert [(s["index"], s["file_version"], s["current_version"]) for s in report["stale"]] == \
        [(1, s1.version, s1.version + 1)]
    assert "changed on the desk" in report["stale"][0]["message"]
    after = targets(desk, tr, doc.id)
    assert after[s1.id][0] == "Changed on the desk in 2024, 120 visitors."
    # Nothing lost: the file's text is in the history as a refused save.
    assert desk.segments.history(tr, s1.id)[-1]["action"] == "conflict"


def test_a_file_for_another_article_is_refused_whole(desk, people, doc):
    tr, ed = people["translator"], people["editor"]
    other = desk.documents.create(ed, source_lang="vi", category="arts", title="Bài khác", summary="",
                                  body_html="<p>Một câu.</p>")
    xml = set_target(desk.exchange.export_xliff(tr, doc.id), f"s{doc.segments[3].id}", "New text.")
    before = targets(desk, tr, other.id)
    with pytest.raises(ExchangeFileError, match=f"for article {doc.id}, not article {other.id}"):
        desk.exchange.import_xliff(tr, other.id, xml)
    assert targets(desk, tr, other.id) == before


def test_a_changed_source_refuses_the_file_and_nothing_is_saved(desk, people, doc):
    tr = people["translator"]
    before = targets(desk, tr, doc.id)
    xml = set_target(desk.exchange.export_xliff(tr, doc.id), f"s{doc.segments[3].id}", "New text.")
    root = etree.fromstring(xml)
    src = root.find(f".//x:unit[@id='s{doc.segments[0].id}']/x:segment/x:source", X2)
    src.text = "Một nguồn khác"
    with pytest.raises(ExchangeFileError, match="source text was edited in the file"):
        desk.exchange.import_xliff(tr, doc.id, etree.tostring(root))
    # The same when the desk's source moved on: the hash in the file no longer matches.
    root = etree.fromstring(xml)
    root.find(f".//x:unit[@id='s{doc.segments[0].id}']", X2).set(f"{{{SN_NS}}}source-hash", "0" * 16)
    with pytest.raises(ExchangeFileError, match="source of segment 0 changed since the export"):
        desk.exchange.import_xliff(tr, doc.id, etree.tostring(root))
    assert targets(desk, tr, doc.id) == before


def test_unknown_units_malformed_xml_and_doctype_are_refused(desk, people, doc):
    tr = people["translator"]
    before = targets(desk, tr, doc.id)
    xml = desk.exchange.export_xliff(tr, doc.id)
    root = etree.fromstring(set_target(xml, f"s{doc.segments[3].id}", "New text."))
    root.find(".//x:unit", X2).set("id", "s999999")
    with pytest.raises(ExchangeFileError, match="'s999999'.*is not a segment of article"):
        desk.exchange.import_xliff(tr, doc.id, etree.tostring(root))
    with pytest.raises(ExchangeFileError, match="not well-formed XML at line"):
        desk.exchange.import_xliff(tr, doc.id, xml.replace(b"</file>", b""))
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>'
            + xml.split(b"?>", 1)[1].replace(b"Pottery", b"&b;"))
    with pytest.raises(ExchangeFileError, match="DOCTYPE"):
        desk.exchange.import_xliff(tr, doc.id, bomb)
    with pytest.raises(ExchangeFileError, match="not <xliff>"):
        desk.exchange.import_xliff(tr, doc.id, b"<tmx version='1.4'/>")
    with pytest.raises(TooLargeError):
        desk.exchange.import_xliff(tr, doc.id, b" " * (MAX_FILE_BYTES + 1))
    assert targets(desk, tr, doc.id) == before


def test_xliff_12_from_a_cat_tool_with_g_and_x_tags(desk, people, doc):
    """Tools that rewrite inline codes as <g>/<x> still map back through the source's tag of the same id."""
    tr = people["translator"]
    s1 = doc.segments[1]
    xml = desk.exchange.export_xliff(tr, doc.id, "1.2")
    root = etree.fromstring(xml)
    tu = root.find(f".//x:trans-unit[@id='s{s1.id}']", X12)
    tu.find("x:target", X12).getparent().remove(tu.find("x:target", X12))
    xml = set_target(etree.tostring(root), f"s{s1.id}", '<g id="1">Craft villages</g> had 120 guests in 2024.<x '
                     'id="9" ctype="lb"/>', XLIFF12_NS)
    report = desk.exchange.import_xliff(tr, doc.id, xml)
    assert report["updated_segments"] == [1]
    assert targets(desk, tr, doc.id)[s1.id][0] == "<strong>Craft villages</strong> had 120 guests in 2024.<br>"


def test_roles_export_anyone_import_translators(desk, people, doc):
    ed = people["editor"]
    xml = desk.exchange.export_xliff(ed, doc.id)
    with pytest.raises(PermissionDenied):
        desk.exchange.import_xliff(ed, doc.id, xml)


# --- REST and command line ---------------------------------------------------------------------


@pytest.fixture
def client(desk):
    from webui.app import create_app

    return create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk).test_client()


def auth(desk, name):
    return {"Authorization": f"Bearer {desk.accounts.create_token(name, label='tests')}"}


def test_api_download_edit_upload_and_refusals(desk, people, doc, client):
    import io

    tr = auth(desk, "tran")
    resp = client.get(f"/api/v1/documents/{doc.id}/xliff?version=1.2", headers=tr)
    assert resp.status_code == 200 and resp.content_type.startswith("application/xliff+xml")
    assert schema_errors(resp.data, "xliff-1.2") == []
    resp = client.get(f"/api/v1/documents/{doc.id}/xliff", headers=tr)
    xml = set_target(resp.data, f"s{doc.segments[3].id}", "Artisans and potters work all day.")
    up = client.post(f"/api/v1/documents/{doc.id}/xliff", headers=tr,
                     data={"file": (io.BytesIO(xml), "a.xliff")}, content_type="multipart/form-data")
    assert up.status_code == 200, up.get_json()
    assert up.get_json() == {"updated": 1, "unchanged": 3, "stale": [], "updated_segments": [3]}
    # Uploading the same file again: segment 3 moved on since that export, so it is stale now.
    again = client.post(f"/api/v1/documents/{doc.id}/xliff", headers=tr,
                        data={"file": (io.BytesIO(xml.replace(b"all day", b"all night")), "a.xliff")},
                        content_type="multipart/form-data")
    assert again.status_code == 200 and [s["index"] for s in again.get_json()["stale"]] == [3]
    for bad, code in ((b"<xliff", "bad_exchange_file"), (b"<!DOCTYPE x []><xliff/>", "bad_exchange_file")):
        resp = client.post(f"/api/v1/documents/{doc.id}/xliff", headers=tr,
                           data={"file": (io.BytesIO(bad), "a.xliff")}, content_type="multipart/form-data")
        assert resp.status_code == 400 and resp.get_json()["error"]["code"] == code
        assert resp.get_json()["problems"]
    resp = client.post(f"/api/v1/documents/{doc.id}/xliff", headers=auth(desk, "ed"),
                       data={"file": (io.BytesIO(xml), "a.xliff")}, content_type="multipart/form-data")
    assert resp.status_code == 403
    assert client.get(f"/api/v1/documents/{doc.id}/xliff?version=3.0", headers=tr).status_code == 400
    assert client.get("/api/v1/documents/999999/xliff", headers=tr).status_code == 404
    assert client.get(f"/api/v1/documents/{doc.id}/xliff").status_code == 401


def test_cli_export_then_import(desk, people, doc, tmp_path):
    from click.testing import CliRunner

    from cli.main import main

    out = tmp_path / "a.xlf"
    runner = CliRunner()
    result = runner.invoke(main, ["xliff", "export", str(doc.id), "--version", "1.2", "-o", str(out)])
    assert result.exit_code == 0, result.output
    out.write_bytes(set_target(out.read_bytes(), f"s{doc.segments[3].id}", "Artisans work all day.", XLIFF12_NS))
    result = runner.invoke(main, ["xliff", "import", str(doc.id), str(out), "--user", "tran"])
    assert result.exit_code == 0, result.output
    assert "updated 1, unchanged 3, stale 0" in result.output
    assert targets(desk, people["translator"], doc.id)[doc.segments[3].id][0] == "Artisans work all day."
    result = runner.invoke(main, ["xliff", "import", str(doc.id + 1), str(out), "--user", "tran"])
    assert result.exit_code == 1 and "songngu: error:" in result.output
