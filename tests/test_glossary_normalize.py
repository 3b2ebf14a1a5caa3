"""Vietnamese-aware normalisation: spellings a reader sees as the same must key the same."""

from __future__ import annotations

import unicodedata

import pytest

from glossary.normalize import form_key, match_key, normalise


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


@pytest.mark.parametrize(
    ("old_style", "new_style"),
    [
        ("hòa", "hoà"),
        ("thủy", "thuỷ"),
        ("ủy", "uỷ"),
        ("hóa", "hoá"),
        ("khỏe", "khoẻ"),
        ("xòe", "xoè"),
        ("lũy", "luỹ"),
    ],
)
def test_both_tone_mark_placements_share_a_key(old_style: str, new_style: str) -> None:
    assert form_key(old_style) == form_key(new_style)
    assert form_key(old_style.upper()) == form_key(new_style)


def test_tone_rule_is_applied_inside_longer_words_not_listed_anywhere() -> None:
    # Nothing enumerates these words: the oa/oe/uy rule covers them.
    assert form_key("Ủy ban nhân dân") == form_key("Uỷ ban nhân dân")
    assert form_key("văn hóa phi vật thể") == form_key("văn hoá phi vật thể")
    assert form_key("Thủy Nguyên") == form_key("Thuỷ Nguyên")


def test_tone_on_other_vowel_pairs_is_left_alone() -> None:
    # "ua" (mùa, của) is not one of the movable pairs: a misplaced tone there stays a different spelling.
    assert form_key("mùa") != form_key("muà")
    # With a final consonant both styles already agree; the key keeps that spelling.
    assert form_key("hoàn") == "hoàn"
    # A vowel with its own diacritic (ơ) is never touched.
    assert form_key("thuở") == "thuở"


def test_nfd_and_nfc_give_the_same_key() -> None:
    text = "Mạng lưới các Thành phố Sáng tạo của UNESCO"
    assert form_key(nfd(text)) == form_key(text)
    assert len(nfd(text)) > len(text)  # the test really feeds decomposed input


def test_case_spacing_and_hyphens_are_ignored() -> None:
    assert form_key("HÀ NỘI") == form_key("hà nội")
    assert form_key("Văn Miếu – Quốc Tử Giám") == form_key("Văn Miếu Quốc Tử Giám")
    assert form_key("eco-city") == form_key("eco city")
    assert form_key("Hà\u00a0Nội") == form_key("Hà   Nội")
    assert form_key("People\u2019s Committee") == form_key("People's Committee")
    assert form_key("Đà Nẵng") == form_key("\u00d0à Nẵng")  # Icelandic eth typed for Đ


def test_match_key_maps_every_key_char_back_to_the_original() -> None:
    original = nfd("  Thủy  Hòa-Bình")
    key, offsets = match_key(original)
    assert key == " thuỷ hoà bình"
    assert len(offsets) == len(key)
    start = key.index("hoà")
    # The key char 'h' of "hoà" sits where 'H' sits in the original, whatever came before it.
    assert original[offsets[start]] == "H"
    norm = normalise(original)
    s, e = norm.span(start, start + len("hoà bình"))
    assert original[s:e] == nfd("Hòa-Bình")


def test_span_refuses_an_empty_range() -> None:
    with pytest.raises(ValueError):
        normalise("abc").span(1, 1)
