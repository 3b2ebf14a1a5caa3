"""Finding glossary terms in segments: forms, boundaries, overlaps, offsets, targets, caching."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

import pytest

from glossary.db import Base, make_engine, make_sessionmaker
from glossary.entries import TermEntry
from glossary.io import load_seed_if_empty
from glossary.matcher import Matcher, MatcherCache, english_plurals, find_in_target
from glossary.termbase import Termbase


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> Termbase:
    path = tmp_path_factory.mktemp("matcher") / "glossary.db"
    engine = make_engine(f"sqlite:///{path}")
    Base.metadata.create_all(engine)
    termbase = Termbase(make_sessionmaker(engine))
    load_seed_if_empty(termbase)
    return termbase


@pytest.fixture
def factory(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'glossary.db'}")
    Base.metadata.create_all(engine)
    return make_sessionmaker(engine)


def entry(id: int, vi: str, en: str, **kw) -> TermEntry:
    return TermEntry(id=id, vi=vi, en=en, domain=kw.pop("domain", "craft"), status="approved", **kw)


def spans(matches) -> list[tuple[int, str]]:
    return [(m.entry_id, m.text) for m in matches]


def test_official_long_name_wins_over_the_terms_inside_it(seeded: Termbase) -> None:
    text = "Mạng lưới các Thành phố Sáng tạo của UNESCO hiện có hơn 350 thành viên."
    found = seeded.matcher("vi", "en").find(text)
    assert spans(found) == [(1, "Mạng lưới các Thành phố Sáng tạo của UNESCO")]
    assert found[0].targets == ("UNESCO Creative Cities Network", "UCCN")


def test_overlaps_resolve_leftmost_then_longest() -> None:
    m = Matcher([entry(1, "a b", "x"), entry(2, "b c d", "y"), entry(3, "c d", "z")], "vi", "en")
    # "a b" starts first and wins; "c d" is then the leftmost remaining match.
    assert spans(m.find("a b c d")) == [(1, "a b"), (3, "c d")]
    assert spans(m.find("b c d")) == [(2, "b c d")]


def test_nfd_input_matches_and_offsets_point_into_the_original(seeded: Termbase) -> None:
    text = nfd("Năm 2019, Hà Nội chính thức trở thành Thành phố Sáng tạo trong lĩnh vực Thiết kế.")
    found = seeded.matcher("vi", "en").find(text)
    assert [m.entry_id for m in found] == [112, 4]
    for m in found:
        assert text[m.start : m.end] == m.text
    assert found[0].text == nfd("Hà Nội")
    assert found[1].targets[0] == "Creative City of Design"


def test_text_uses_the_other_tone_placement_than_the_glossary(seeded: Termbase) -> None:
    # The seed writes "văn hóa" (old style); this text writes "văn hoá".
    text = "Tín ngưỡng thờ Mẫu Tam phủ được ghi danh là di sản văn hoá phi vật thể đại diện."
    found = seeded.matcher("vi", "en").find(text)
    assert (7, "di sản văn hoá phi vật thể") in spans(found)
    # And the other way round: glossary in new style, text in old style.
    m = Matcher([entry(1, "Thuỷ điện Hoà Bình", "Hoa Binh hydropower plant")], "vi", "en")
    assert spans(m.find("Nhà máy Thủy điện Hòa Bình")) == [(1, "Thủy điện Hòa Bình")]


def test_capitalised_sentence_start_matches(seeded: Termbase) -> None:
    found = seeded.matcher("vi", "en").find("Làng nghề truyền thống ở ngoại thành thu hút du khách.")
    assert spans(found) == [(45, "Làng nghề truyền thống")]
    assert found[0].targets[0] == "craft village"
    assert "trade village" in found[0].forbidden


def test_spacing_and_dash_differences_match(seeded: Termbase) -> None:
    found = seeded.matcher("vi", "en").find("Lễ khai bút tại Văn Miếu -  Quốc Tử Giám.")
    assert spans(found) == [(76, "Văn Miếu -  Quốc Tử Giám")]


def test_english_plurals_match_listed_and_regular() -> None:
    m = Matcher(
        [
            entry(1, "phòng trưng bày nghệ thuật", "art gallery"),
            entry(2, "hộp sơn mài", "lacquer box"),
            entry(3, "xưởng", "workshop"),
        ],
        "en",
        "vi",
    )
    text = "Two art galleries, three lacquer boxes and many workshops."
    assert spans(m.find(text)) == [(1, "art galleries"), (2, "lacquer boxes"), (3, "workshops")]


def test_listed_english_variants_match(seeded: Termbase) -> None:
    found = seeded.matcher("en", "vi").find("The Creative Cities and craft villages of Hanoi's Old Quarter.")
    assert spans(found) == [
        (2, "Creative Cities"),
        (45, "craft villages"),
        (112, "Hanoi"),
        (78, "Old Quarter"),
    ]
    assert found[1].targets == ("làng nghề", "làng nghề truyền thống")


def test_whole_words_only_in_english() -> None:
    m = Matcher([entry(1, "nghệ thuật", "art")], "en", "vi")
    assert m.find("An artisan and a smart party") == []
    assert spans(m.find("Art, and more art.")) == [(1, "Art"), (1, "art")]


def test_vietnamese_term_never_matches_part_of_a_syllable() -> None:
    m = Matcher([entry(1, "ca", "song"), entry(2, "Hà", "river")], "vi", "en")
    # In NFD "cà" is c + a + combining grave: a naive scan would see "ca" in it.
    assert m.find(nfd("Một tách cà phê ở Hàn Quốc")) == []
    assert spans(m.find("bài ca về Hà")) == [(1, "ca"), (2, "Hà")]


def test_only_approved_entries_match() -> None:
    proposed = TermEntry(id=9, vi="gốm", en="pottery", domain="craft", status="proposed")
    m = Matcher([proposed, entry(1, "sơn mài", "lacquer")], "vi", "en")
    assert spans(m.find("gốm và sơn mài")) == [(1, "sơn mài")]


def test_dnt_target_is_the_source_form_itself(seeded: Termbase) -> None:
    found = seeded.matcher("en", "vi").find("VICAS Arts Studio opened.")
    assert found[0].kind == "dnt"
    assert found[0].targets[0] == "VICAS Arts Studio"


def test_forbidden_forms_follow_the_direction() -> None:
    e = entry(1, "làng nghề", "craft village", en_forbidden=("trade village",), vi_forbidden=("làng buôn",))
    assert Matcher([e], "vi", "en").find("làng nghề")[0].forbidden == ("trade village",)
    assert Matcher([e], "en", "vi").find("craft village")[0].forbidden == ("làng buôn",)


def test_every_expected_term_of_the_dev_set_is_found(shared_dir: Path, seeded: Termbase) -> None:
    rows = list(
        csv.DictReader((shared_dir / "data/eval/domain-dev.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    assert rows
    for row in rows:
        src, tgt = row["direction"].split("-")
        found = {m.entry_id for m in seeded.matcher(src, tgt).find(row["source"])}
        expected = {int(i) for i in row["term_ids"].split(",") if i.strip()}
        assert expected <= found, (row["id"], expected - found)


def test_find_in_target_uses_the_same_rules() -> None:
    text = "Các Làng Nghề và artisans; craft villages."
    assert find_in_target(text, ["làng nghề"]) == [(4, 13)]
    assert find_in_target(text, ["art"]) == []
    assert find_in_target(text, ["craft village"], "en") == [(27, 41)]  # plural accepted in English
    assert find_in_target(text, ["craft village"]) == []
    assert find_in_target(text, []) == []


def test_english_plural_rules() -> None:
    assert english_plurals("creative city") == ["creative cities"]
    assert english_plurals("box") == ["boxes"]
    assert english_plurals("day") == ["days"]
    assert english_plurals("craft village") == ["craft villages"]


def test_matchers_are_cached_per_version_and_rebuilt_after_a_change(factory) -> None:
    cache = MatcherCache()
    tb = Termbase(factory, cache=cache)  # a private cache, to count builds
    tb.add(vi="sơn mài", en="lacquer", domain="craft", user="ana", status="approved")
    first = tb.matcher("vi", "en")
    assert tb.matcher("vi", "en") is first
    assert cache.builds == 1
    tb.add(vi="gốm sứ", en="ceramics", domain="craft", user="ana", status="approved")
    second = tb.matcher("vi", "en")
    assert second is not first and second.version == first.version + 1
    assert [m.text for m in second.find("gốm sứ và sơn mài")] == ["gốm sứ", "sơn mài"]
    assert tb.matcher("en", "vi").tgt == "vi"
    assert cache.builds == 3


def test_same_version_in_two_databases_does_not_share_a_matcher(tmp_path: Path) -> None:
    banks = []
    for name, (vi, en) in {"a": ("gốm", "pottery"), "b": ("lụa", "silk")}.items():
        engine = make_engine(f"sqlite:///{tmp_path / name}.db")
        Base.metadata.create_all(engine)
        tb = Termbase(make_sessionmaker(engine))
        tb.add(vi=vi, en=en, domain="craft", user="ana", status="approved")
        banks.append(tb)
    assert banks[0].version == banks[1].version == 1
    assert [m.text for m in banks[0].matcher("vi", "en").find("gốm lụa")] == ["gốm"]
    assert [m.text for m in banks[1].matcher("vi", "en").find("gốm lụa")] == ["lụa"]


def test_unknown_direction_is_refused() -> None:
    with pytest.raises(ValueError):
        Matcher([], "vi", "vi")
