"""The termbase service: life cycle, history and revert, version, duplicates, search."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from sqlalchemy.orm import sessionmaker

from glossary.db import Base, make_engine, make_sessionmaker
from glossary.errors import (
    DuplicateEntryError,
    EntryNotFoundError,
    EntryValidationError,
    InvalidTransitionError,
    StaleRevisionError,
)
from glossary.termbase import Termbase


@pytest.fixture
def factory(tmp_path: Path) -> sessionmaker:
    engine = make_engine(f"sqlite:///{tmp_path / 'glossary.db'}")
    Base.metadata.create_all(engine)
    return make_sessionmaker(engine)


@pytest.fixture
def tb(factory: sessionmaker) -> Termbase:
    return Termbase(factory)


def add_lacquer(tb: Termbase, **kw):
    fields = {
        "vi": "sơn mài",
        "en": "lacquer",
        "domain": "craft",
        "user": "ana",
        "en_variants": ["lacquerware"],
    }
    fields.update(kw)
    return tb.add(**fields)


def test_new_glossary_is_version_zero_and_empty(tb: Termbase) -> None:
    assert tb.version == 0
    assert tb.list() == []
    assert tb.approved_entries() == []


def test_proposal_waits_for_approval_before_it_matches(tb: Termbase) -> None:
    e = tb.propose(vi="sơn mài", en="lacquer", domain="craft", user="tuan")
    assert e.status == "proposed" and e.created_by == "tuan"
    assert tb.version == 1
    assert tb.matcher("vi", "en").find("tranh sơn mài") == []
    approved = tb.approve(e.id, user="admin")
    assert approved.status == "approved" and approved.updated_by == "admin" and approved.revision == 2
    assert tb.version == 2
    assert [m.entry_id for m in tb.matcher("vi", "en").find("tranh sơn mài")] == [e.id]
    assert [x.id for x in tb.approved_entries()] == [e.id]


def test_every_change_is_kept_and_bumps_the_version(tb: Termbase) -> None:
    e = add_lacquer(tb, status="approved")
    tb.update(e.id, user="bich", en="lacquer art", comment="wider sense")
    tb.deprecate(e.id, user="admin")
    history = tb.history(e.id)
    assert [(h.revision, h.action, h.changed_by) for h in history] == [
        (1, "created", "ana"),
        (2, "updated", "bich"),
        (3, "deprecated", "admin"),
    ]
    assert [h.glossary_version for h in history] == [1, 2, 3]
    assert history[1].snapshot["en"] == "lacquer art" and history[1].comment == "wider sense"
    assert history[2].snapshot["status"] == "deprecated"
    assert tb.version == 3


def test_revert_restores_content_and_status_as_a_new_revision(tb: Termbase) -> None:
    e = add_lacquer(tb, status="approved")
    tb.update(e.id, user="bich", en="lacquer painting", en_variants=[])
    tb.deprecate(e.id, user="admin")
    before = tb.version
    back = tb.revert(e.id, 1, user="admin")
    assert (back.en, back.en_variants, back.status, back.revision) == (
        "lacquer",
        ("lacquerware",),
        "approved",
        4,
    )
    assert tb.version == before + 1
    last = tb.history(e.id)[-1]
    assert (last.action, last.comment) == ("reverted", "reverted to revision 1")
    assert [m.entry_id for m in tb.matcher("en", "vi").find("Lacquerware from Ha Thai")] == [e.id]
    with pytest.raises(InvalidTransitionError):
        tb.revert(e.id, 4, user="admin")  # already reads like that
    with pytest.raises(EntryNotFoundError):
        tb.revert(e.id, 99, user="admin")


def test_no_op_changes_do_not_bump_the_version(tb: Termbase) -> None:
    e = add_lacquer(tb, status="approved")
    tb.update(e.id, user="bich", en="lacquer")
    tb.approve(e.id, user="admin")
    assert tb.version == 1
    assert len(tb.history(e.id)) == 1


def test_stale_edit_is_refused(tb: Termbase) -> None:
    e = add_lacquer(tb)
    tb.update(e.id, user="bich", note="first", expected_revision=1)
    with pytest.raises(StaleRevisionError):
        tb.update(e.id, user="chi", note="second", expected_revision=1)
    assert tb.get(e.id).note == "first"


def test_conflicting_duplicates_are_refused_whatever_the_spelling(tb: Termbase) -> None:
    tb.add(vi="di sản văn hóa phi vật thể", en="intangible cultural heritage", domain="unesco", user="ana")
    version = tb.version
    with pytest.raises(DuplicateEntryError) as err:
        tb.add(vi="Di sản văn hoá phi vật thể", en="non-material heritage", domain="unesco", user="bich")
    assert err.value.existing_id == 1 and err.value.code == "duplicate_entry"
    with pytest.raises(DuplicateEntryError):  # an English variant clashing with another entry's term
        tb.add(
            vi="di sản phi vật thể",
            en="ICH",
            en_variants=["Intangible Cultural Heritage"],
            domain="unesco",
            user="b",
        )
    assert tb.version == version and tb.count() == 1


def test_deprecated_entry_frees_its_terms(tb: Termbase) -> None:
    old = add_lacquer(tb, status="approved")
    tb.deprecate(old.id, user="admin")
    new = tb.add(vi="sơn mài", en="lacquer painting", domain="craft", user="admin", status="approved")
    assert [m.entry_id for m in tb.matcher("vi", "en").find("sơn mài")] == [new.id]
    with pytest.raises(DuplicateEntryError):  # bringing the old one back would clash again
        tb.approve(old.id, user="admin")


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"vi": " ", "en": "lacquer"}, "empty vi term"),
        ({"vi": "sơn mài", "en": ""}, "empty en term"),
        ({"vi": "sơn mài", "en": "lacquer", "domain": "art"}, "unknown domain"),
        ({"vi": "sơn mài", "en": "lacquer", "kind": "slogan"}, "unknown kind"),
        ({"vi": "VCCA", "en": "V.C.C.A.", "kind": "dnt"}, "same on both sides"),
        (
            {"vi": "làng nghề", "en": "craft village", "en_forbidden": ["Craft Village"]},
            "both an accepted and a forbidden",
        ),
        ({"vi": "sơn mài", "en": "lacquer", "en_variants": ["a|b"]}, "contains '|'"),
    ],
)
def test_invalid_entries_are_refused_with_the_reason(tb: Termbase, fields: dict, message: str) -> None:
    fields = {"domain": "craft", **fields}
    with pytest.raises(EntryValidationError, match=message):
        tb.add(user="ana", **fields)
    assert tb.version == 0


def test_text_is_stored_nfc_with_single_spaces(tb: Termbase) -> None:
    e = tb.add(
        vi=unicodedata.normalize("NFD", "  Hà   Nội "), en="Hanoi", domain="place", kind="name", user="a"
    )
    assert e.vi == "Hà Nội" and unicodedata.is_normalized("NFC", e.vi)


def test_list_filters_and_search_ignore_tone_placement_case_and_nfd(tb: Termbase) -> None:
    a = tb.add(vi="văn hóa", en="culture", domain="policy", user="a", status="approved")
    b = tb.add(vi="Thủy Nguyên", en="Thuy Nguyen", domain="place", kind="name", user="a")
    assert [e.id for e in tb.list(query="VĂN HOÁ")] == [a.id]
    assert [e.id for e in tb.list(query=unicodedata.normalize("NFD", "thuỷ"))] == [b.id]
    assert [e.id for e in tb.list(query="cult")] == [a.id]
    assert [e.id for e in tb.list(status="proposed")] == [b.id]
    assert [e.id for e in tb.list(domain="policy")] == [a.id]
    assert tb.count(kind="name") == 1
    assert tb.list(query="100%_") == []


def test_unknown_entry_and_unknown_fields_are_reported(tb: Termbase) -> None:
    with pytest.raises(EntryNotFoundError):
        tb.get(42)
    e = add_lacquer(tb)
    with pytest.raises(EntryValidationError, match="cannot change"):
        tb.update(e.id, user="a", status="approved")
    with pytest.raises(EntryValidationError, match="who made it"):
        tb.update(e.id, user=" ", note="x")


def test_a_transaction_groups_changes_into_one_version(tb: Termbase) -> None:
    with tb.transaction():
        add_lacquer(tb, status="approved")
        tb.add(vi="gốm sứ", en="ceramics", domain="craft", user="ana", status="approved")
    assert tb.version == 1
    with pytest.raises(DuplicateEntryError), tb.transaction():
        tb.add(vi="khảm trai", en="mother-of-pearl inlay", domain="craft", user="ana")
        tb.add(vi="sơn mài", en="lacquer", domain="craft", user="ana")
    assert tb.count() == 2 and tb.version == 1  # the first add of the failed group was rolled back too


def test_a_caller_session_owns_the_commit(factory: sessionmaker) -> None:
    with factory() as session:
        tb = Termbase(session)
        add_lacquer(tb, status="approved")
        assert tb.version == 1  # visible inside the caller's transaction
        session.rollback()
    assert Termbase(factory).count() == 0
    with factory() as session:
        add_lacquer(Termbase(session), status="approved")
        session.commit()
    other = Termbase(factory)
    assert other.count() == 1 and other.version == 1


def test_snapshot_pins_a_version(tb: Termbase) -> None:
    add_lacquer(tb, status="approved")
    snap = tb.snapshot()
    tb.add(vi="gốm sứ", en="ceramics", domain="craft", user="ana", status="approved")
    assert snap.version == 1 and len(snap.entries) == 1
    assert snap.matcher("vi", "en").find("gốm sứ") == []
    assert [m.text for m in tb.snapshot().matcher("vi", "en").find("gốm sứ")] == ["gốm sứ"]
