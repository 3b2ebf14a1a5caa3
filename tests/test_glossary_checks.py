"""Each QA check fires on the mistake it is for and stays quiet on a correct translation."""

from __future__ import annotations

import pytest

from glossary.checks import REGISTRY, CheckContext, Flag, check, run_checks
from glossary.entries import TermEntry
from glossary.matcher import Matcher

ENTRIES = [
    TermEntry(
        id=45,
        vi="làng nghề",
        en="craft village",
        domain="craft",
        vi_variants=("làng nghề truyền thống",),
        en_variants=("craft villages", "traditional craft villages"),
        en_forbidden=("trade village", "trade villages"),
        status="approved",
    ),
    TermEntry(id=2, vi="Thành phố Sáng tạo", en="Creative City", domain="unesco", status="approved"),
    TermEntry(id=41, vi="VCCA", en="VCCA", kind="dnt", domain="org", status="approved"),
    TermEntry(
        id=112,
        vi="Hà Nội",
        en="Hanoi",
        kind="name",
        domain="place",
        en_variants=("Ha Noi",),
        status="approved",
    ),
]
VI_EN = Matcher(ENTRIES, "vi", "en")


def flags(source: str, target: str, only: str, src: str = "vi", tgt: str = "en", **kw) -> list[Flag]:
    matcher = VI_EN if src == "vi" else Matcher(ENTRIES, src, tgt)
    ctx = CheckContext(source, target, src, tgt, matcher.find(source), **kw)
    return run_checks(ctx, only=[only])


def test_missing_required_term_is_blocking_and_points_at_the_source_term() -> None:
    source = "Hà Nội có nhiều làng nghề."
    [flag] = flags(source, "Hanoi has many trade hamlets.", "missing_term")
    assert (flag.severity, flag.entry, flag.side) == ("blocking", 45, "source")
    assert source[flag.start : flag.end] == "làng nghề"
    assert "'craft village'" in flag.message and "entry 45" in flag.message


def test_required_term_present_as_variant_or_plural_is_fine() -> None:
    assert flags("Hà Nội có nhiều làng nghề.", "Hanoi has many craft villages.", "missing_term") == []
    assert flags("Các Thành phố Sáng tạo.", "The Creative Cities.", "missing_term") == []
    assert flags("Ở Hà Nội.", "In Ha Noi.", "missing_term") == []


def test_forbidden_translation_is_blocking_with_target_offsets() -> None:
    target = "Hanoi has many trade villages and craft villages."
    [flag] = flags("Hà Nội có nhiều làng nghề.", target, "forbidden_term")
    assert (flag.severity, flag.entry, flag.side) == ("blocking", 45, "target")
    assert target[flag.start : flag.end] == "trade villages"
    assert flags("Hà Nội có nhiều làng nghề.", "Hanoi has many craft villages.", "forbidden_term") == []


def test_forbidden_form_inside_an_accepted_one_is_not_a_use() -> None:
    entries = [
        TermEntry(
            id=1, vi="di sản phi vật thể", en="non-material heritage", domain="unesco", status="approved",
            en_forbidden=("material heritage",),
        )
    ]  # fmt: skip
    m = Matcher(entries, "vi", "en")
    ctx = CheckContext(
        "di sản phi vật thể", "non-material heritage", "vi", "en", m.find("di sản phi vật thể")
    )
    assert run_checks(ctx, only=["forbidden_term"]) == []


def test_dnt_name_altered_or_dropped_is_blocking() -> None:
    target = "The Vcca gallery."
    [altered] = flags("Phòng tranh VCCA.", target, "dnt_altered")
    assert altered.severity == "blocking" and target[altered.start : altered.end] == "Vcca"
    [dropped] = flags("Phòng tranh VCCA.", "The Vincom gallery.", "dnt_altered")
    assert dropped.side == "source" and "missing" in dropped.message
    assert flags("Phòng tranh VCCA.", "The VCCA gallery.", "dnt_altered") == []


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Tăng 27,5% so với năm ngoái.", "Up 27.5% on last year."),
        ("Có 1.500 người và 500.000 lượt khách.", "There were 1,500 people and 500,000 visits."),
        ("Khai mạc ngày 12/10/2024.", "Opening on 12 October 2024."),
        ("Khai mạc ngày 12/10/2024.", "Opening on October 12, 2024."),
        ("Từ ngày 12 đến 18/11.", "From 12 to 18 November."),
        ("Bắt đầu từ tháng Mười.", "It starts in October."),
        ("Từ tháng 9.", "From September."),
        ("Một lễ hội.", "A festival."),
    ],
)
def test_numbers_in_either_convention_stay_quiet(source: str, target: str) -> None:
    assert flags(source, target, "numbers") == []


def test_changed_number_is_blocking() -> None:
    target = "Up 275% on last year."
    [flag] = flags("Tăng 27,5% so với năm ngoái.", target, "numbers")
    assert flag.severity == "blocking" and target[flag.start : flag.end] == "275"
    assert "27.5" in flag.message
    # 1.500 is one thousand five hundred in Vietnamese; in English it is one and a half.
    [flag] = flags("Có 1.500 người.", "There were 1.500 people.", "numbers")
    assert flag.severity == "blocking"
    [flag] = flags("Khai mạc ngày 12/10/2024.", "Opening on 12 November 2024.", "numbers")
    assert flag.severity == "blocking"


def test_dropped_or_added_number_is_a_warning() -> None:
    [dropped] = flags("Vào ngày mùng 6.", "On the sixth day.", "numbers")
    assert (dropped.severity, dropped.side) == ("warning", "source")
    [added] = flags("Nhiều người.", "About 300 people.", "numbers")
    assert (added.severity, added.side) == ("warning", "target")


def test_numbers_inside_tags_are_ignored() -> None:
    assert flags("Xem <x1>đây</x1>.", "See <x1>here</x1>.", "numbers") == []


def test_inline_tags_missing_extra_reordered() -> None:
    src_tags = ["<b>", "</b>", "<i>", "</i>"]
    [missing] = flags("a", "b", "tags", source_tags=src_tags, target_tags=["<b>", "</b>"])
    assert missing.severity == "blocking" and "<i>" in missing.message
    [extra] = flags("a", "b", "tags", source_tags=[], target_tags=["<a>", "</a>"])
    assert extra.severity == "blocking" and "not in the source" in extra.message
    [moved] = flags("a", "b", "tags", source_tags=src_tags, target_tags=["<i>", "</i>", "<b>", "</b>"])
    assert moved.severity == "warning" and "reordered" in moved.message
    [broken] = flags("a", "b", "tags", source_tags=src_tags, target_tags=["</b>", "<b>", "<i>", "</i>"])
    assert broken.severity == "blocking" and "out of order" in broken.message
    assert flags("a", "b", "tags", source_tags=src_tags, target_tags=list(src_tags)) == []
    assert flags("a", "b", "tags") == []


def test_untranslated_segment_is_flagged_but_names_and_numbers_are_not() -> None:
    [flag] = flags("Hà Nội có nhiều làng nghề.", "Hà Nội có nhiều làng nghề.", "untranslated")
    assert flag.severity == "blocking"
    assert flags("VCCA", "VCCA", "untranslated") == []
    assert flags("Hà Nội", "Hà Nội", "untranslated") == []
    assert flags("2024", "2024", "untranslated") == []
    assert flags("Hà Nội có nhiều làng nghề.", "Hanoi has many craft villages.", "untranslated") == []


def test_leading_and_trailing_space_must_match() -> None:
    [flag] = flags("Xin chào. ", "Hello.", "whitespace")
    assert flag.severity == "warning" and "trailing" in flag.message
    [flag] = flags("Xin chào.", " Hello.", "whitespace")
    assert "leading" in flag.message and (flag.start, flag.end) == (0, 1)
    assert flags(" Xin chào. ", " Hello. ", "whitespace") == []


def test_end_punctuation_must_match() -> None:
    target = "Is it open."
    [flag] = flags("Có mở cửa không?", target, "end_punctuation")
    assert flag.severity == "warning" and target[flag.start : flag.end] == "."
    assert "'?'" in flag.message
    assert flags("Họ nói “bảo tồn”.", "They said “conservation”.", "end_punctuation") == []
    assert flags("Và rồi...", "And then…", "end_punctuation") == []
    [flag] = flags("Tiêu đề", "Title.", "end_punctuation")
    assert "no final punctuation" in flag.message


def test_a_good_translation_raises_no_flag_at_all() -> None:
    source = "Hà Nội có 1.500 làng nghề, theo VCCA."
    target = "Hanoi has 1,500 craft villages, according to VCCA."
    ctx = CheckContext(source, target, "vi", "en", VI_EN.find(source), ["<b>", "</b>"], ["<b>", "</b>"])
    assert run_checks(ctx) == []


def test_flags_serialise_for_json() -> None:
    [flag] = flags("Hà Nội có nhiều làng nghề.", "Hanoi has many trade villages.", "forbidden_term")
    assert flag.to_dict() == {
        "check": "forbidden_term",
        "severity": "blocking",
        "message": flag.message,
        "start": 15,
        "end": 29,
        "entry": 45,
        "side": "target",
    }


def test_registry_refuses_duplicates_and_unknown_names() -> None:
    assert {"missing_term", "forbidden_term", "dnt_altered", "numbers", "tags"} <= set(REGISTRY)
    with pytest.raises(ValueError):
        check("numbers")(lambda ctx: [])
    with pytest.raises(ValueError):
        run_checks(CheckContext("a", "b", "vi", "en"), only=["spelling"])


def test_checks_work_en_to_vi_too() -> None:
    m = Matcher(ENTRIES, "en", "vi")
    source = "Hanoi's craft villages."
    ctx = CheckContext(source, "Các làng buôn của Hà Nội.", "en", "vi", m.find(source))
    assert [(f.check, f.entry) for f in run_checks(ctx)] == [("missing_term", 45)]
