"""The glossary service behind the review UI: tone-blind search, decisions on proposals, import preview/commit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from glossary.errors import InvalidTransitionError, StaleRevisionError
from glossary.import_preview import PreviewOutdatedError
from glossary.tables import GlossaryEntryHistory
from translate.desk import Desk, PermissionDenied
from translate.errors import InputError

PASSWORD = "correct horse battery"
HEADER = "id,domain,kind,vi,en,vi_variants,en_variants,en_forbidden,note\n"


@pytest.fixture
def desk(tmp_path, monkeypatch):
    monkeypatch.setenv("SONGNGU_INSTANCE", str(tmp_path / "instance"))
    monkeypatch.delenv("SONGNGU_DATABASE_URL", raising=False)
    d = Desk()
    yield d
    d.close()


@pytest.fixture
def people(desk):
    return {
        "admin": desk.accounts.create_user("root", "admin", PASSWORD),
        "translator": desk.accounts.create_user("tran", "translator", PASSWORD),
    }


def _terms(found: dict) -> set[str]:
    return {e["vi"] for e in found["entries"]}


def test_ignoring_tones_finds_every_tone_and_placement(desk, people):
    admin = people["admin"]
    for vi, en in (("hòa giải", "mediation"), ("hoà nhạc", "concert"), ("hóa học", "chemistry"),
                   ("hoa sen", "lotus"), ("Việt Bắc", "Viet Bac"), ("tường thành", "rampart"),
                   ("tuồng", "tuong theatre")):
        desk.glossary.create(admin, vi=vi, en=en, domain="heritage")
    plain = desk.glossary.search(admin, query="hoa", limit=500)
    assert {"hòa giải", "hoà nhạc", "hóa học"}.isdisjoint(_terms(plain))  # tones count by default
    assert "hoa sen" in _terms(plain)
    blind = desk.glossary.search(admin, query="hoa", ignore_tones=True, limit=500)
    assert {"hòa giải", "hoà nhạc", "hóa học", "hoa sen"} <= _terms(blind)
    assert blind["total"] == len(blind["entries"])
    # Typed with tones, the mark's position still does not matter (hòa = hoà).
    assert {"hòa giải", "hoà nhạc"} <= _terms(desk.glossary.search(admin, query="HOÀ", limit=500))
    # Without any mark, every mark is ignored; with a letter mark (ư, ơ), the mark must be there.
    assert "Việt Bắc" in _terms(desk.glossary.search(admin, query="viet bac", ignore_tones=True))
    found = _terms(desk.glossary.search(admin, query="tương", ignore_tones=True))
    assert "tường thành" in found and "tuồng" not in found
    # Other filters still apply, and paging counts the whole result.
    first = desk.glossary.search(admin, query="hoa", ignore_tones=True, domain="heritage", limit=2)
    second = desk.glossary.search(admin, query="hoa", ignore_tones=True, domain="heritage", limit=2, offset=2)
    assert first["total"] == second["total"] >= 4
    assert not _terms(first) & _terms(second)


def test_deciding_on_a_proposal(desk, people):
    admin, translator = people["admin"], people["translator"]
    proposal = desk.glossary.propose(translator, vi="hát xẩm", en="xam singing", domain="heritage")
    with pytest.raises(PermissionDenied):
        desk.glossary.decide(translator, proposal["id"], "approve", expected_revision=proposal["revision"])
    with pytest.raises(InputError, match="comment is required"):
        desk.glossary.decide(admin, proposal["id"], "reject", expected_revision=proposal["revision"])
    edited = desk.glossary.update(admin, proposal["id"], expected_revision=proposal["revision"],
                                  note="traditional art")
    with pytest.raises(StaleRevisionError):  # approving what one has not seen is refused
        desk.glossary.decide(admin, proposal["id"], "approve", expected_revision=proposal["revision"])
    approved = desk.glossary.decide(admin, proposal["id"], "approve", expected_revision=edited["revision"])
    assert approved["status"] == "approved"
    with pytest.raises(InvalidTransitionError, match="only a proposal"):
        desk.glossary.decide(admin, proposal["id"], "reject", expected_revision=approved["revision"],
                             comment="no")

    other = desk.glossary.propose(translator, vi="đình làng", en="village hall", domain="heritage")
    rejected = desk.glossary.decide(admin, other["id"], "reject", expected_revision=other["revision"],
                                    comment="we say communal house")
    assert rejected["status"] == "deprecated"
    last = desk.glossary.get(admin, other["id"])["history"][-1]
    assert last["comment"] == "we say communal house" and last["changed_by"] == "root"
    # A rejected proposal frees its forms: the right entry can now be proposed.
    desk.glossary.propose(translator, vi="đình làng", en="communal house", domain="heritage")


def _csv(*rows: str) -> bytes:
    return (HEADER + "".join(r + "\n" for r in rows)).encode("utf-8")


def _history_rows(desk) -> int:
    with desk.db.session() as s:
        return s.scalar(select(func.count()).select_from(GlossaryEntryHistory))


def test_import_preview_writes_nothing_and_the_commit_writes_exactly_it(desk, people):
    admin = people["admin"]
    existing = desk.glossary.search(admin, query="Thành phố Sáng tạo", limit=1)["entries"][0]
    data = _csv(
        "x-1,craft,term,gốm men lam,blue-glazed ceramics,,,,",
        f"{existing['external_id']},{existing['domain']},{existing['kind']},{existing['vi']},{existing['en']},,,,"
        "changed note",
        "x-2,craft,term,quạt giấy,paper fan,,,,",
    )
    before_version, before_history = desk.glossary.search(admin, limit=1)["version"], _history_rows(desk)
    preview = desk.glossary.preview_import(admin, filename="new.csv", data=data)
    assert preview["ok"] and preview["problems"] == []
    assert [(c["line"], c["entry"]["vi"]) for c in preview["creates"]] == [(2, "gốm men lam"), (4, "quạt giấy")]
    [update] = preview["updates"]
    assert update["line"] == 3 and update["entry_id"] == existing["id"] and "note" in update["changed"]
    assert update["before"]["note"] == existing["note"] and update["entry"]["note"] == "changed note"
    assert preview["version"] == before_version
    assert desk.glossary.search(admin, limit=1)["version"] == before_version  # the preview wrote nothing
    assert _history_rows(desk) == before_history
    assert desk.glossary.search(admin, query="men lam")["total"] == 0

    report = desk.glossary.commit_import(admin, filename="new.csv", data=data, expected_version=preview["version"])
    assert (report["created"], report["updated"]) == (2, 1)
    assert desk.glossary.search(admin, query="men lam")["total"] == 1
    assert desk.glossary.get(admin, existing["id"])["entry"]["note"] == "changed note"


def test_a_preview_lists_every_problem_and_such_a_file_cannot_be_committed(desk, people):
    admin = people["admin"]
    data = _csv("y-1,craft,term,gỗ sơn son,red-lacquered wood,,,,", "y-2,nowhere,term,chợ,market,,,,",
                "y-3,craft,term,,empty,,,,")
    preview = desk.glossary.preview_import(admin, filename="bad.csv", data=data)
    assert not preview["ok"]
    assert [p["line"] for p in preview["problems"]] == [3, 4]
    assert "unknown domain" in preview["problems"][0]["message"]
    with pytest.raises(Exception, match="import refused"):
        desk.glossary.commit_import(admin, filename="bad.csv", data=data, expected_version=preview["version"])
    assert desk.glossary.search(admin, query="sơn son")["total"] == 0  # all or nothing
    broken = desk.glossary.preview_import(admin, filename="broken.csv", data=b"vi,en\nx,y\n")
    assert not broken["ok"] and broken["problems"][0]["line"] == 1


def test_a_commit_after_the_glossary_changed_writes_nothing(desk, people):
    admin = people["admin"]
    data = _csv("z-1,craft,term,tranh Đông Hồ,Dong Ho painting,,,,")
    preview = desk.glossary.preview_import(admin, filename="z.csv", data=data)
    desk.glossary.create(admin, vi="chuồn chuồn tre", en="bamboo dragonfly", domain="craft")  # meanwhile
    with pytest.raises(PreviewOutdatedError, match="changed since the preview"):
        desk.glossary.commit_import(admin, filename="z.csv", data=data, expected_version=preview["version"])
    assert desk.glossary.search(admin, query="Đông Hồ")["total"] == 0
    fresh = desk.glossary.preview_import(admin, filename="z.csv", data=data)
    assert fresh["version"] == preview["version"] + 1
    desk.glossary.commit_import(admin, filename="z.csv", data=data, expected_version=fresh["version"])
    assert desk.glossary.search(admin, query="Đông Hồ")["total"] == 1


def test_only_admins_preview_imports_or_create_approved_entries(desk, people):
    translator = people["translator"]
    with pytest.raises(PermissionDenied):
        desk.glossary.preview_import(translator, filename="a.csv", data=_csv("q,craft,term,a,b,,,,"))
    with pytest.raises(PermissionDenied):
        desk.glossary.create(translator, vi="a", en="b", domain="craft")
    with pytest.raises(InputError, match="CSV or TBX"):
        desk.glossary.preview_import(people["admin"], filename="notes.txt", data=b"")
