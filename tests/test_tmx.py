"""TMX 1.4b exchange of the translation memory: export, all-or-nothing import, duplicates merged."""

from __future__ import annotations

import pytest
from lxml import etree
from sqlalchemy import func, select

from translate.desk import Desk, PermissionDenied
from translate.desk.exchange.schemas import schema_errors
from translate.desk.exchange.xml_safety import ExchangeFileError
from translate.desk.memory import TMUnit, forget_indexes

PASSWORD = "correct horse battery"
BODY = '<p>Năm 2024, <strong>làng nghề</strong> đón 120 khách.</p>'
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def make_desk() -> Desk:
    forget_indexes()
    return Desk()


@pytest.fixture
def desk(models_env):
    d = make_desk()
    yield d
    d.close()


@pytest.fixture
def people(desk):
    return {"editor": desk.accounts.create_user("ed", "editor", PASSWORD),
            "translator": desk.accounts.create_user("tran", "translator", PASSWORD)}


@pytest.fixture
def memory(desk, people):
    """Two confirmed units, from a real article."""
    tr = people["translator"]
    doc = desk.documents.create(people["editor"], source_lang="vi", category="handicrafts",
                                title="Làng gốm đón khách", summary="", body_html=BODY)
    for seg, text in zip(doc.segments, ["Pottery village welcomes visitors",
                                        "In 2024, the <strong>craft village</strong> welcomed 120 visitors."],
                         strict=True):
        desk.segments.save(tr, seg.id, text, seg.version)
        desk.segments.confirm(tr, seg.id)
    return doc


def count(desk) -> int:
    with desk.db.session() as s:
        return s.scalar(select(func.count()).select_from(TMUnit))


TU = ('<tu creationid="ed" creationdate="20250101T080000Z" changedate="20250102T090000Z" srclang="vi">'
      '<prop type="x-origin">import</prop><tuv xml:lang="vi-VN"><seg>{vi}</seg></tuv>'
      '<tuv xml:lang="en-GB"><seg>{en}</seg></tuv></tu>')


def tmx(*tus: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" '
            'creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="vi" datatype="plaintext"/>'
            f'<body>{"".join(tus)}</body></tmx>').encode()


def test_export_is_valid_tmx_with_author_dates_origin_and_tags(desk, people, memory):
    data = desk.exchange.export_tmx(people["editor"])
    assert schema_errors(data, "tmx-1.4b") == []
    tus = etree.fromstring(data).findall("body/tu")
    assert len(tus) == 2
    tu = tus[1]
    assert tu.get("creationid") == "tran" and tu.get("srclang") == "vi"
    assert len(tu.get("changedate")) == 16 and tu.get("changedate").endswith("Z")
    assert tu.find("prop[@type='x-origin']").text == "confirmed"
    vi, en = tu.findall("tuv")
    assert (vi.get(XML_LANG), en.get(XML_LANG)) == ("vi", "en")
    assert en.find("seg/bpt").text == "<strong>" and en.find("seg/ept").text == "</strong>"
    assert "".join(en.find("seg").itertext()) == "In 2024, the <strong>craft village</strong> welcomed 120 visitors."


def test_the_schema_catches_what_the_spec_forbids(desk, people, memory):
    root = etree.fromstring(desk.exchange.export_tmx(people["editor"]))
    root.find("body/tu").set("changedate", "2025-01-02")
    root.find("header").attrib.pop("segtype")
    errors = schema_errors(etree.tostring(root), "tmx-1.4b")
    assert errors and any("segtype" in e or "header" in e for e in errors)


def test_round_trip_into_a_fresh_instance_is_identical(desk, people, memory, models_env, tmp_path, monkeypatch):
    first = desk.exchange.export_tmx(people["editor"])
    # Re-importing into the same memory merges everything and changes nothing.
    assert desk.exchange.import_tmx(people["editor"], first) == {"added": 0, "merged": 2}
    assert desk.exchange.export_tmx(people["editor"]) == first
    monkeypatch.setenv("SONGNGU_DATABASE_URL", f"sqlite:///{tmp_path / 'other.db'}")
    other = make_desk()
    try:
        admin = other.accounts.create_user("ed", "editor", PASSWORD)
        other.accounts.create_user("tran", "translator", PASSWORD)
        assert other.exchange.import_tmx(admin, first) == {"added": 2, "merged": 0}
        assert other.exchange.export_tmx(admin) == first
        hit = other.translation.lookup_memory(admin, "vi", "en", "Năm 2024, làng nghề đón 120 khách.")
        assert hit and hit[0]["target"].startswith("In 2024")
    finally:
        other.close()


def test_import_merges_duplicates_in_the_file_and_in_the_memory(desk, people, memory):
    ed = people["editor"]
    before = count(desk)
    data = tmx(TU.format(vi="Làng gốm", en="Pottery village"), TU.format(vi="Làng gốm", en="Pottery village"),
               TU.format(vi="Làng gốm đón khách", en="Pottery village welcomes visitors"),  # already confirmed
               TU.format(vi="Làng gốm", en="The pottery village"))  # another translation: kept
    assert desk.exchange.import_tmx(ed, data) == {"added": 2, "merged": 2}
    assert count(desk) == before + 2
    with desk.db.session() as s:
        unit = s.scalar(select(TMUnit).where(TMUnit.target == "Pottery village"))
        assert (unit.origin, unit.src_lang, unit.tgt_lang) == ("import", "vi", "en")
        assert unit.updated_at.isoformat() == "2025-01-02T09:00:00"


def test_import_is_all_or_nothing(desk, people, memory):
    ed = people["editor"]
    before = count(desk)
    good = TU.format(vi="Làng gốm", en="Pottery village")
    cases = {
        "neither Vietnamese nor English": TU.format(vi="x", en="y").replace("en-GB", "fr"),
        "has no text": TU.format(vi="Làng", en=""),
        "not YYYYMMDDThhmmssZ": TU.format(vi="Làng", en="Village").replace("20250102T090000Z", "2025-01-02"),
    }
    for message, bad in cases.items():
        with pytest.raises(ExchangeFileError, match=message):
            desk.exchange.import_tmx(ed, tmx(good, bad))
        assert count(desk) == before
    with pytest.raises(ExchangeFileError, match="DOCTYPE"):
        desk.exchange.import_tmx(ed, b'<!DOCTYPE tmx [<!ENTITY e SYSTEM "file:///etc/passwd">]>' + tmx(good)[38:])
    with pytest.raises(ExchangeFileError, match="not well-formed"):
        desk.exchange.import_tmx(ed, tmx(good)[:-10])
    assert count(desk) == before


def test_translators_may_export_but_not_import(desk, people, memory):
    tr = people["translator"]
    data = desk.exchange.export_tmx(tr)
    with pytest.raises(PermissionDenied):
        desk.exchange.import_tmx(tr, data)


def test_api_and_cli(desk, people, memory, tmp_path):
    import io

    from click.testing import CliRunner

    from cli.main import main
    from webui.app import create_app

    client = create_app({"TESTING": True, "SECRET_KEY": "test-only"}, desk=desk).test_client()
    ed = {"Authorization": f"Bearer {desk.accounts.create_token('ed', label='t')}"}
    resp = client.get("/api/v1/memory/tmx", headers=ed)
    assert resp.status_code == 200 and schema_errors(resp.data, "tmx-1.4b") == []
    up = client.post("/api/v1/memory/tmx", headers=ed, content_type="multipart/form-data",
                     data={"file": (io.BytesIO(tmx(TU.format(vi="Làng gốm", en="Pottery village"))), "m.tmx")})
    assert up.status_code == 200 and up.get_json() == {"added": 1, "merged": 0}
    bad = client.post("/api/v1/memory/tmx", headers=ed, content_type="multipart/form-data",
                      data={"file": (io.BytesIO(b"<tmx version='1.4'><body><tu><tuv xml:lang='vi'><seg>x</seg>"
                                                b"</tuv></tu></body></tmx>"), "m.tmx")})
    assert bad.status_code == 400 and "both a Vietnamese and an English" in bad.get_json()["error"]["message"]
    tr = {"Authorization": f"Bearer {desk.accounts.create_token('tran', label='t')}"}
    assert client.post("/api/v1/memory/tmx", headers=tr, content_type="multipart/form-data",
                       data={"file": (io.BytesIO(resp.data), "m.tmx")}).status_code == 403
    out = tmp_path / "m.tmx"
    runner = CliRunner()
    assert runner.invoke(main, ["tmx", "export", "-o", str(out)]).exit_code == 0
    result = runner.invoke(main, ["tmx", "import", str(out)])
    assert result.exit_code == 0 and '"merged": 3' in result.output
