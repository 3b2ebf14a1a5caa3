"""Sentence splitting: what a translator would see as one segment."""

from __future__ import annotations

import json
import random
import re
import time
import unicodedata

import pytest

from translate.errors import SongnguError, UnknownPairError
from translate.text.sentences import split_sentences


def sentences(text: str, lang: str, protected=()) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text, lang, protected)]


def assert_covers(text: str, spans: list[tuple[int, int]]) -> None:
    """Spans are ordered, disjoint, trimmed, and hold every non-space character exactly once."""
    pos = 0
    for a, b in spans:
        assert pos <= a < b <= len(text)
        assert not text[a].isspace() and not text[b - 1].isspace()
        assert text[pos:a].strip() == ""
        pos = b
    assert text[pos:].strip() == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith met Dr. Jones. They talked.", ["Mr. Smith met Dr. Jones.", "They talked."]),
        ("Prof. Lee lives on St. James Street. He is 60.", ["Prof. Lee lives on St. James Street.", "He is 60."]),
        ("The U.S. Army arrived. It rained.", ["The U.S. Army arrived.", "It rained."]),
        ("Fruit, e.g. Apples and pears, i.e. Fresh ones. Buy some.",
         ["Fruit, e.g. Apples and pears, i.e. Fresh ones.", "Buy some."]),
        ("They met at 9 a.m. today. It was early.", ["They met at 9 a.m. today.", "It was early."]),
        ("It opened on Jan. 5, 2024 in Paris. Visitors came.", ["It opened on Jan. 5, 2024 in Paris.", "Visitors came."]),
        ("See item No. 5 in the list. It is new.", ["See item No. 5 in the list.", "It is new."]),
        ("They sell pots, vases, etc. The shop opens daily.", ["They sell pots, vases, etc.", "The shop opens daily."]),
        ("She moved to the U.S. The move was hard.", ["She moved to the U.S.", "The move was hard."]),
        ("J. K. Rowling wrote it. Many read it.", ["J. K. Rowling wrote it.", "Many read it."]),
    ],
)
def test_english_abbreviations_do_not_end_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("UBND TP. Hà Nội đã họp. Cuộc họp kéo dài.", ["UBND TP. Hà Nội đã họp.", "Cuộc họp kéo dài."]),
        ("Tp. Huế có nhiều di tích. Du khách đông.", ["Tp. Huế có nhiều di tích.", "Du khách đông."]),
        ("TS. Trần Đức Hiếu và PGS. Lê Văn Nam phát biểu. Hội thảo kết thúc.",
         ["TS. Trần Đức Hiếu và PGS. Lê Văn Nam phát biểu.", "Hội thảo kết thúc."]),
        ("GS. Ngô Bảo Châu, ThS. Lê Hoa và BS. Phạm Minh dự lễ. Lễ diễn ra sáng nay.",
         ["GS. Ngô Bảo Châu, ThS. Lê Hoa và BS. Phạm Minh dự lễ.", "Lễ diễn ra sáng nay."]),
        ("Th.S Nguyễn Mai và PGS.TS. Trần Nam trình bày. Sau đó là thảo luận.",
         ["Th.S Nguyễn Mai và PGS.TS. Trần Nam trình bày.", "Sau đó là thảo luận."]),
        ("Ông Nguyễn Văn A. Trần là người đại diện. Ông cho biết thêm.",
         ["Ông Nguyễn Văn A. Trần là người đại diện.", "Ông cho biết thêm."]),
        ("Chợ bán gốm, lụa, mây tre v.v. Khách mua nhiều.", ["Chợ bán gốm, lụa, mây tre v.v.", "Khách mua nhiều."]),
        ("Tôi đồng ý. Ở đây mọi người đều vui.", ["Tôi đồng ý.", "Ở đây mọi người đều vui."]),
    ],
)
def test_vietnamese_abbreviations_and_initials(text: str, expected: list[str]) -> None:
    assert sentences(text, "vi") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Công trình rộng 4.200 m², giá 1,5 triệu đồng, tăng 27,5% so với năm trước.",
        "Ngày 12/10/2024, nhiệt độ giảm 2,5–3°C lúc 19h30.",
        "Growth was 3.2 per cent, or 1.500 units, on 12/10/2024.",
        "The site example.org lists version 2.0.1 of the map.",
    ],
)
def test_numbers_dates_and_urls_are_not_boundaries(text: str) -> None:
    lang = "en" if text.isascii() else "vi"
    assert sentences(text, lang) == [text]


def test_sentence_may_start_with_a_number() -> None:
    assert sentences("Cả 4 đêm diễn đều kín chỗ. 68% khán giả dưới 30 tuổi.", "vi") == [
        "Cả 4 đêm diễn đều kín chỗ.", "68% khán giả dưới 30 tuổi."]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("“Chúng tôi muốn thử,” anh Vinh nói. Mọi người đồng ý.", "vi",
         ["“Chúng tôi muốn thử,” anh Vinh nói.", "Mọi người đồng ý."]),
        ("Bà nói: “Tôi rất vui.” Sau đó bà về.", "vi", ["Bà nói: “Tôi rất vui.”", "Sau đó bà về."]),
        ('He said "Go home." Then he left.', "en", ['He said "Go home."', "Then he left."]),
        ("“Really?” she asked. “Yes!” he said.", "en", ["“Really?” she asked.", "“Yes!” he said."]),
        ("It is ‘done.’ We move on.", "en", ["It is ‘done.’", "We move on."]),
        ("He called it “knowledge”. According to him, it is.", "en",
         ["He called it “knowledge”.", "According to him, it is."]),
        ("Is it open? Yes. (See the map.) Go now!", "en", ["Is it open?", "Yes.", "(See the map.)", "Go now!"]),
    ],
)
def test_quotes_and_brackets_stay_with_their_sentence(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Wait... What happened?", "en", ["Wait...", "What happened?"]),
        ("I don't know... maybe later.", "en", ["I don't know... maybe later."]),
        ("Chờ đã… Ai đến vậy?", "vi", ["Chờ đã…", "Ai đến vậy?"]),
        ("Rồi… mọi chuyện qua đi.", "vi", ["Rồi… mọi chuyện qua đi."]),
        ("They waited... 5 hours later it opened.", "en", ["They waited... 5 hours later it opened."]),
    ],
)
def test_ellipsis_splits_only_before_a_capital(text: str, lang: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


@pytest.mark.parametrize("capital", ["Ă", "Â", "Đ", "Ê", "Ô", "Ơ", "Ư", "Ố", "Ủ", "Ấ", "Ờ", "Ữ", "Ỹ", "Ặ"])
def test_vietnamese_capitals_with_diacritics_start_sentences(capital: str) -> None:
    text = f"Buổi lễ kết thúc. {capital}n tượng còn mãi."
    assert sentences(text, "vi") == ["Buổi lễ kết thúc.", f"{capital}n tượng còn mãi."]


def test_decomposed_text_splits_like_composed_and_offsets_refer_to_the_input() -> None:
    composed = "Ủy ban họp. Ông Nguyễn Văn A. Trần phát biểu. Ố là chữ cái."
    decomposed = unicodedata.normalize("NFD", composed)
    got = [decomposed[a:b] for a, b in split_sentences(decomposed, "vi")]
    assert [unicodedata.normalize("NFC", s) for s in got] == sentences(composed, "vi")
    assert len(got) == 3


def test_blank_line_always_ends_a_sentence() -> None:
    assert sentences("Tiêu đề không có dấu chấm\n\nĐoạn đầu tiên.", "vi") == [
        "Tiêu đề không có dấu chấm", "Đoạn đầu tiên."]


def test_no_boundary_inside_a_protected_range() -> None:
    text = "Xem tại đây. Rồi sang trang khác. Hết."
    second = text.index("Rồi")
    protected = [(text.index("đây"), second + 3)]  # an inline element over "đây. Rồi"
    assert sentences(text, "vi", protected) == ["Xem tại đây. Rồi sang trang khác.", "Hết."]
    # a range that ends exactly at the boundary does not block it
    assert sentences(text, "vi", [(0, text.index("đây") + 4)]) == [
        "Xem tại đây.", "Rồi sang trang khác.", "Hết."]


def test_empty_and_whitespace_give_no_sentences() -> None:
    assert split_sentences("", "en") == []
    assert split_sentences(" \n\t ", "vi") == []


def test_unknown_language_is_a_user_error() -> None:
    with pytest.raises(UnknownPairError, match="fr"):
        split_sentences("Bonjour.", "fr")
    assert issubclass(UnknownPairError, SongnguError)


def test_articles_are_covered_and_split_where_expected(shared_dir) -> None:
    found = set()
    for path in sorted((shared_dir / "data" / "articles").glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", article["body_html"])).strip()
        spans = split_sentences(text, article["source_lang"])
        assert_covers(text, spans)
        found.update(text[a:b] for a, b in spans)
    assert ("TS. Trần Đức Hiếu, thành viên hội đồng và giảng viên kiến trúc đô thị tại một trường đại học "
            "ở Hà Nội, cho rằng cách làm này có thể nhân rộng cho khoảng 1.100 ngôi nhà tương tự.") in found
    assert "Late submissions will not be accepted." in found
    assert "Mã QR của bản đồ được dán tại cả 126 hàng quán tham gia dự án." in found


def test_random_text_is_always_fully_covered() -> None:
    rng = random.Random(7)
    alphabet = list("abc ĐƯƠố. .…!?“”\"'()0123,\n") + ["Mr.", "TP.", "v.v.", "U.S.", " ", " "]
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        lang = rng.choice(["vi", "en"])
        assert_covers(text, split_sentences(text, lang))


def test_an_article_splits_in_a_few_milliseconds() -> None:
    paragraph = ("Ngày 22/10/2024, UBND TP. Hà Nội cho biết lễ hội sẽ diễn ra từ ngày 9 đến 17/11. "
                 "Ban tổ chức dự kiến đón khoảng 250.000 lượt khách, tăng 12,5% so với năm 2023. "
                 "“Lễ hội không chỉ là nơi trưng bày,” TS. Trần Minh nhấn mạnh. Ai cũng vui… Hết giờ! ")
    text = paragraph * 8  # 40 sentences
    assert len(split_sentences(text, "vi")) == 40
    best = min(_timed(lambda: split_sentences(text, "vi")) for _ in range(5))
    assert best < 0.005


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start
