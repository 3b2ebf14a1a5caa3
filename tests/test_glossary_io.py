"""Import/export: the seed round-trips, bad files are refused whole and leave nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from glossary.db import Base, make_engine, make_sessionmaker
from glossary.errors import ImportFormatError
from glossary.io import SEED_PATH, export_termbase, import_bytes, import_file, load_seed_if_empty
from glossary.tbx import TBX_NS
from glossary.termbase import GlossaryEntryHistory, Termbase

SEED = SEED_PATH.read_bytes()
HEADER = b"id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"


FACTORIES: dict[int, sessionmaker] = {}


def new_termbase(path: Path) -> Termbase:
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    factory = make_sessionmaker(engine)
    tb = Termbase(factory)
    FACTORIES[id(tb)] = factory
    return tb


@pytest.fixture
def tb(tmp_path: Path) -> Termbase:
    return new_termbase(tmp_path / "a.db")


@pytest.fixture
def seeded(tb: Termbase) -> Termbase:
    assert load_seed_if_empty(tb) == 115
    return tb


@pytest.fixture(scope="module")
def seeded_once(tmp_path_factory: pytest.TempPathFactory) -> Termbase:
    """A seeded termbase shared by the tests that must leave it untouched."""
    tb = new_termbase(tmp_path_factory.mktemp("io") / "shared.db")
    load_seed_if_empty(tb)
    return tb


def state(tb: Termbase) -> tuple:
    """Everything an import could change: entries of every status, their history, the version."""
    with FACTORIES[id(tb)]() as s:  # one read of the whole history table
        history = [tuple(r) for r in s.execute(select(GlossaryEntryHistory.__table__)).all()]
    return tb.version, tb.list(), history


def test_seed_round_trips_through_tbx_byte_for_byte(seeded: Termbase, tmp_path: Path) -> None:
    tbx = export_termbase(seeded, "tbx")
    empty = new_termbase(tmp_path / "b.db")
    report = import_bytes(empty, tbx, "tbx", user="admin")
    assert (report.created, report.updated, report.unchanged) == (115, 0, 0)
    assert export_termbase(empty, "csv") == SEED
    assert {e.created_by for e in empty.list()} == {"admin"}
    assert [e.content for e in empty.list()] == [e.content for e in seeded.list()]
    assert [e.id for e in empty.list()] == [e.id for e in seeded.list()]  # seed ids kept as entry ids


def test_tbx_export_marks_status_domain_kind_and_forbidden(seeded: Termbase) -> None:
    root = etree.fromstring(export_termbase(seeded, "tbx"))
    ns = {"t": TBX_NS}
    concepts = root.findall(".//t:conceptEntry", ns)
    assert len(concepts) == 115
    village = root.find(".//t:conceptEntry[@id='_45']", ns)
    assert village.find("t:descrip[@type='subjectField']", ns).text == "craft"
    en = village.find("t:langSec[@{http://www.w3.org/XML/1998/namespace}lang='en']", ns)
    statuses = {
        sec.find("t:term", ns).text: sec.find("t:termNote[@type='administrativeStatus']", ns).text
        for sec in en.findall("t:termSec", ns)
    }
    assert statuses["craft village"] == "preferredTerm-admn-sts"
    assert statuses["craft villages"] == "admittedTerm-admn-sts"
    assert statuses["trade village"] == "deprecatedTerm-admn-sts"
    dnt = root.find(".//t:conceptEntry[@id='_44']", ns)
    assert dnt.find("t:descrip[@type='songngu-kind']", ns).text == "dnt"


def test_vietnamese_forbidden_forms_survive_both_formats(tb: Termbase, tmp_path: Path) -> None:
    tb.add(
        vi="làng nghề",
        en="craft village",
        vi_forbidden=["làng buôn"],
        domain="craft",
        user="a",
        status="approved",
    )
    for fmt in ("csv", "tbx"):
        other = new_termbase(tmp_path / f"{fmt}.db")
        import_bytes(other, export_termbase(tb, fmt), fmt, user="a")
        assert other.approved_entries()[0].vi_forbidden == ("làng buôn",)
    assert b"vi_forbidden" in export_termbase(tb, "csv").splitlines()[0]


def test_reimporting_the_same_file_changes_nothing(seeded: Termbase) -> None:
    before = state(seeded)
    report = import_bytes(seeded, SEED, "csv", user="admin")
    assert (report.created, report.updated, report.unchanged) == (0, 0, 115)
    assert state(seeded) == before


def test_import_updates_changed_entries_with_history(seeded: Termbase) -> None:
    data = HEADER + "45,craft,term,làng nghề,craft village,,,trade village,Reviewed\n".encode()
    report = import_bytes(seeded, data, "csv", user="admin", source="fix.csv")
    assert (report.created, report.updated) == (0, 1)
    entry = seeded.get(45)
    assert entry.note == "Reviewed" and entry.en_variants == () and entry.status == "approved"
    last = seeded.history(45)[-1]
    assert (last.action, last.changed_by, last.glossary_version) == ("imported", "admin", 2)


def test_proposed_import_does_not_match_until_approved(tb: Termbase) -> None:
    import_bytes(tb, SEED, "csv", user="tuan", status="proposed")
    assert tb.count(status="proposed") == 115
    assert tb.matcher("vi", "en").find("Hà Nội") == []


def test_tbx_v2_martif_from_another_tool_imports(tb: Termbase) -> None:
    data = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="c7">
    <descripGrp><descrip type="subjectField">heritage</descrip></descripGrp>
    <langSet xml:lang="vi-VN"><tig><term>múa rối nước</term></tig><tig><term>rối nước</term></tig></langSet>
    <langSet xml:lang="en-GB">
      <ntig><termGrp><term>water puppetry</term>
        <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termGrp></ntig>
      <tig><term>puppet on water</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
    </langSet>
    <langSet xml:lang="fr"><tig><term>marionnettes sur eau</term></tig></langSet>
  </termEntry>
</body></text></martif>""".encode()
    import_bytes(tb, data, "tbx", user="admin")
    e = tb.list()[0]
    assert (e.vi, e.vi_variants, e.en, e.en_forbidden, e.domain, e.external_id) == (
        "múa rối nước",
        ("rối nước",),
        "water puppetry",
        ("puppet on water",),
        "heritage",
        "c7",
    )


BAD_TBX = {
    "bad XML": (b"<tbx><text><body><conceptEntry></body></text></tbx>", "line 1"),
    "entity bomb": (
        b'<?xml version="1.0"?>\n<!DOCTYPE tbx [\n <!ENTITY a "aaaaaaaaaa">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;">\n]>\n'
        b"<tbx><text><body>&b;</body></text></tbx>",
        "line 3",
    ),
    "external entity": (
        b'<?xml version="1.0"?>\n<!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]><tbx>&x;</tbx>',
        "entity",
    ),
    "wrong root": (b"<glossary/>", "expected <tbx>"),
    "empty term": (
        f"""<tbx xmlns="{TBX_NS}"><text><body>
<conceptEntry id="_1"><descrip type="subjectField">craft</descrip>
<langSec xml:lang="vi"><termSec><term>gốm</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>pottery</term></termSec></langSec></conceptEntry>
<conceptEntry id="_2"><descrip type="subjectField">craft</descrip>
<langSec xml:lang="vi"><termSec><term>lụa</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>  </term></termSec></langSec></conceptEntry>
</body></text></tbx>""".encode(),
        "line 7, entry #2: empty en <term>",
    ),
    "missing language": (
        f"""<tbx xmlns="{TBX_NS}"><text><body>
<conceptEntry><descrip type="subjectField">craft</descrip>
<langSec xml:lang="vi"><termSec><term>gốm</term></termSec></langSec></conceptEntry>
</body></text></tbx>""".encode(),
        "line 2, entry #1: no en term",
    ),
    "not UTF-8": ('<?xml version="1.0" encoding="UTF-8"?><tbx>Hà</tbx>'.encode("latin-1"), "line 1"),
}


@pytest.mark.parametrize("case", sorted(BAD_TBX))
def test_corrupted_tbx_is_refused_and_the_termbase_is_unchanged(seeded_once: Termbase, case: str) -> None:
    seeded = seeded_once
    data, where = BAD_TBX[case]
    before = state(seeded)
    with pytest.raises(ImportFormatError) as err:
        import_bytes(seeded, data, "tbx", user="admin", source="bad.tbx")
    assert where in str(err.value)
    assert "nothing was changed" in str(err.value)
    assert state(seeded) == before


BAD_CSV = {
    "wrong columns": (b"id,domain,vi,en\n1,craft,gom,pottery\n", "line 1: missing column(s) kind"),
    "unknown column": (HEADER.rstrip(b"\n") + b",colour\n", "unknown column(s) colour"),
    "empty term": (
        HEADER + "200,craft,term,gốm men lam,blue glaze,,,,\n201,craft,term,,silk,,,,\n".encode(),
        "line 3: empty vi term",
    ),
    "field count": (HEADER + b"200,craft,term,a,b\n", "line 2: expected 9 fields, found 5"),
    "conflicting duplicate id": (
        HEADER
        + "200,craft,term,gốm men lam,blue glaze,,,,\n200,craft,term,gốm men lam,blue-glazed ware,,,,\n".encode(),
        "line 3: id 200 was already given on line 2 with different content",
    ),
    "two entries claim one term": (
        HEADER
        + "200,craft,term,gốm men lam,blue glaze,,,,\n201,craft,term,Gốm Men Lam,blue ware,,,,\n".encode(),
        "line 3: vi form 'gốm men lam' also belongs to the entry on line 2",
    ),
    "clash with an existing entry": (
        HEADER
        + "200,craft,term,gốm men lam,blue glaze,,,,\n201,craft,term,làng nghề,crafts hamlet,,,,\n".encode(),
        "line 3: vi form 'làng nghề' already belongs to glossary entry 45",
    ),
    "unknown domain": (HEADER + b"200,art,term,tranh,painting,,,,\n", "line 2: unknown domain 'art'"),
    "not UTF-8": (HEADER + "200,place,name,Hà Đông,Ha Dong,,,,\n".encode("cp1258"), "line 2: not UTF-8"),
    "bad quoting": (HEADER + b'200,craft,term,"gom"x,pottery,,,,\n', "line 2: malformed CSV"),
    "no rows": (HEADER, "holds no entries"),
}


@pytest.mark.parametrize("case", sorted(BAD_CSV))
def test_corrupted_csv_is_refused_and_the_termbase_is_unchanged(seeded_once: Termbase, case: str) -> None:
    seeded = seeded_once
    data, where = BAD_CSV[case]
    before = state(seeded)
    with pytest.raises(ImportFormatError) as err:
        import_bytes(seeded, data, "csv", user="admin", source="bad.csv")
    assert where in str(err.value)
    assert err.value.code == "bad_import"
    assert state(seeded) == before


def test_every_problem_is_listed_with_its_line(tb: Termbase) -> None:
    data = HEADER + b"1,craft,term,,a,,,,\n2,craft,term,b,,,,,\n3,nope,term,c,d,,,,\n"
    with pytest.raises(ImportFormatError) as err:
        import_bytes(tb, data, "csv", user="admin")
    assert [(p.line, p.message.split(" (")[0]) for p in err.value.problems] == [
        (2, "empty vi term"),
        (3, "empty en term"),
        (4, "unknown domain 'nope'"),
    ]
    assert err.value.line == 2
    assert tb.count() == 0 and tb.version == 0


def test_import_file_detects_the_format_from_the_name(tb: Termbase, tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    path.write_bytes(SEED)
    assert import_file(tb, path, user="admin").created == 115


def test_seed_loads_only_into_an_empty_termbase(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'c.db'}")
    Base.metadata.create_all(engine)
    factory: sessionmaker = make_sessionmaker(engine)
    assert load_seed_if_empty(factory) == 115
    assert load_seed_if_empty(factory) == 0
    tb = Termbase(factory)
    assert tb.version == 1
    assert tb.count(status="approved") == 115
    assert tb.get(44).vi == "UNESCO" and tb.get(44).kind == "dnt"
