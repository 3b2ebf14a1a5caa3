"""Sentence splitting for Vietnamese and English news text.

The MT models translate one sentence at a time, and translators post-edit and
confirm one sentence at a time, so a bad split is visible twice: the engine sees
a fragment ("TS." on its own) and the translator sees a nonsense segment. When in
doubt this splitter therefore *merges*: a missed boundary costs a longer segment,
a wrong one costs a broken translation.

pysbd was measured first for English: about 1 ms per sentence (25 ms for a
two-article sample), too slow to re-split every block on every save, and it has
no Vietnamese rules anyway. Both languages share one small rule engine here,
with per-language abbreviation lists; an article splits in well under a
millisecond.

Offsets always refer to the text exactly as given (no normalisation here), so
callers can slice the original string; the markup layer normalises to NFC
before it calls in. The rules only look at ``str.isupper()``/``isdigit()`` and
at the characters around punctuation, so they also hold for NFD text.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Sequence

from translate.errors import UnknownPairError

LANGUAGES = ("vi", "en")

# A run of sentence-final punctuation, then any closing quotes/brackets.
_TERMINATOR = re.compile(r"[.!?…]+[\"'”’»)\]]*")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_OPENERS = "\"'“‘«([{¿¡—–-"
_STRIP_AROUND_TOKEN = "\"'“‘«”’»()[]{}"
# A following character that continues the sentence even though it is not a letter.
_CONTINUERS = ",;:)]}"

# Abbreviations that introduce a name or title: never the end of a sentence.
_TITLES = {
    "en": {
        "mr", "mrs", "ms", "messrs", "mme", "mlle", "dr", "prof", "st", "sr", "gen", "col", "capt",
        "lt", "sgt", "cmdr", "adm", "rev", "hon", "gov", "sen", "rep", "pres", "mt", "ft", "supt",
    },
    "vi": {
        "tp", "tx", "tt", "ts", "pgs", "gs", "ths", "th.s", "bs", "ks", "ls", "cn", "ns", "nsnd", "nsưt",
        "nnnd", "nnưt", "đc", "đ/c", "pgs.ts", "gs.ts", "ttnd", "ttưt", "tgđ", "gđ", "pgđ", "tsksh",
        "mr", "mrs", "ms", "dr", "prof",
    },
}
# Abbreviations that never end a sentence, whatever follows (lowercase or not).
_NEVER_FINAL = {
    "en": {"e.g", "i.e", "cf", "vs", "viz", "approx", "ca", "incl", "esp", "resp"},
    "vi": {"vd", "tr", "vs", "e.g", "i.e"},
}
# Abbreviations that stand before a number ("No. 5", "Jan. 12", "p. 34").
_BEFORE_NUMBER = {
    "en": {
        "no", "nos", "nr", "art", "vol", "vols", "p", "pp", "ch", "fig", "figs", "sec", "para", "ed",
        "op", "tel", "ext", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
        "nov", "dec", "ref",
    },
    "vi": {"no", "tr", "k", "q", "p", "đt", "sđt", "số"},
}
# Abbreviations that end a sentence when a capitalised word follows ("… etc. The").
_USUALLY_FINAL = {
    "en": {"etc"},
    "vi": {"v.v", "vv", "etc"},
}
# Abbreviations that may or may not end the sentence: split only before a word
# that typically starts one ("… in the U.S. The …" but "the U.S. Army").
_AMBIGUOUS = {
    "en": {
        "inc", "ltd", "co", "corp", "jr", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "est",
        "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "plc", "llc",
    },
    "vi": {"a.m", "p.m"},
}
_STARTERS = {
    "en": {
        "the", "a", "an", "it", "its", "he", "she", "they", "we", "i", "you", "this", "that", "these",
        "those", "there", "in", "on", "at", "but", "and", "however", "meanwhile", "after", "before",
        "when", "while", "if", "as", "for", "his", "her", "their", "our", "my", "what", "who", "why",
        "how", "some", "many", "most", "all", "each", "every", "both", "one", "so", "then", "also",
        "according", "during", "since", "with", "by", "from", "of", "to", "yet", "still", "now",
        "today", "later", "other", "another", "such", "more", "last", "next", "until",
    },
    "vi": {
        "theo", "các", "những", "trong", "tuy", "đây", "hiện", "ngoài", "sau", "trước", "khi", "năm",
        "ngày", "tôi", "chúng", "ông", "bà", "anh", "chị", "họ", "nhưng", "vì", "do", "để", "nếu",
        "này", "đó", "điều", "cũng", "riêng", "mỗi", "hơn", "cả", "ban", "dự", "một", "hai", "ba",
        "tại", "với", "từ", "đến", "vào", "thế", "như", "còn", "bên", "ngay", "hôm", "chiều",
        "sáng", "tối", "đêm", "trưa",
    },
}
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGES:
        raise UnknownPairError(f"no sentence rules for language {lang!r}; expected one of {', '.join(LANGUAGES)}")


def split_sentences(
    text: str, lang: str, protected: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the sentences of ``text``, whitespace-trimmed.

    Every non-space character of ``text`` lies in exactly one span. A blank line
    always ends a sentence. No boundary is placed strictly inside a ``protected``
    range (an inline HTML element, say): such sentences are merged instead.
    """
    _check_lang(lang)
    if not text or text.isspace():
        return []
    blocked = _Blocked(protected)
    cuts: list[int] = []  # split points, each in the whitespace gap between two sentences
    n = len(text)

    for match in _BLANK_LINE.finditer(text):
        point = blocked.free_point(match.start(), match.end())
        if point is not None:
            cuts.append(point)

    for match in _TERMINATOR.finditer(text):
        gap_start = match.end()
        if gap_start >= n or not text[gap_start].isspace():
            continue  # "3.2", "example.org", "end.Next": not a sentence end
        gap_end = gap_start
        while gap_end < n and text[gap_end].isspace():
            gap_end += 1
        if gap_end >= n:
            continue
        if not _is_boundary(text, match.start(), match.group(), gap_end, lang):
            continue
        point = blocked.free_point(gap_start, gap_end)
        if point is not None:
            cuts.append(point)

    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [n]:
        span = _trim(text, start, cut)
        if span is not None:
            spans.append(span)
        start = cut
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class _Blocked:
    """Protected ranges, queried for a split point in a whitespace gap that no range straddles."""

    def __init__(self, protected: Sequence[tuple[int, int]]) -> None:
        merged: list[list[int]] = []
        for a, b in sorted((int(a), int(b)) for a, b in protected if b - a > 1):
            # Ranges that overlap or touch block everything strictly inside their union
            # only if they overlap; touching ranges leave their shared edge free.
            if merged and a < merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self._starts = [a for a, _ in merged]
        self._ranges = merged

    def free_point(self, lo: int, hi: int) -> int | None:
        """A split point in ``[lo, hi]`` not strictly inside any protected range, preferring ``lo``."""
        if not self._ranges:
            return lo
        point = lo
        while point <= hi:
            i = bisect.bisect_left(self._starts, point) - 1
            if i >= 0 and self._ranges[i][0] < point < self._ranges[i][1]:
                point = self._ranges[i][1]  # jump to the end of the range that holds it
                continue
            return point
        return None


def _is_boundary(text: str, term_start: int, terminator: str, next_start: int, lang: str) -> bool:
    """Whether the terminator at ``term_start`` ends a sentence, the next one starting at ``next_start``."""
    punct = terminator.rstrip(_STRIP_AROUND_TOKEN)
    first = _first_significant(text, next_start)
    if first is None:
        return False
    if first in _CONTINUERS:
        return False
    starts_upper = first.isupper() or (first.isalpha() and not first.islower())
    if "!" in punct or "?" in punct:
        # "Thật sao?” ông hỏi." continues; a new capitalised or numeric sentence does not.
        return starts_upper or first.isdigit() or not first.isalpha()
    if "…" in punct or ".." in punct:
        return starts_upper
    # A single period: look at the word it closes.
    token = _token_before(text, term_start)
    if first.isalpha() and first.islower():
        return False
    if not token:
        return starts_upper or first.isdigit()
    kind = _abbreviation_kind(token, lang)
    if kind in ("title", "never", "initial"):
        return False
    if kind == "number":
        return not first.isdigit()
    if kind == "usually":
        return starts_upper
    if kind == "ambiguous":
        return _next_word(text, next_start).lower() in _STARTERS[lang]
    return starts_upper or first.isdigit() or not first.isalnum()


def _first_significant(text: str, i: int) -> str | None:
    """The first character of the next sentence, past opening quotes and brackets."""
    n = len(text)
    while i < n and (text[i] in _OPENERS or text[i].isspace()):
        i += 1
    return text[i] if i < n else None


def _next_word(text: str, i: int) -> str:
    n = len(text)
    while i < n and text[i] in _OPENERS:
        i += 1
    j = i
    while j < n and text[j].isalpha():
        j += 1
    return unicodedata.normalize("NFC", text[i:j])


def _token_before(text: str, end: int) -> str:
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return unicodedata.normalize("NFC", text[start:end]).strip(_STRIP_AROUND_TOKEN)


def _abbreviation_kind(token: str, lang: str) -> str | None:
    low = token.lower()
    if low in _TITLES[lang]:
        return "title"
    if low in _NEVER_FINAL[lang]:
        return "never"
    if low in _BEFORE_NUMBER[lang]:
        return "number"
    if low in _USUALLY_FINAL[lang]:
        return "usually"
    if low in _AMBIGUOUS[lang]:
        return "ambiguous"
    if len(token) == 1 and token.isupper():
        # "Nguyễn Văn A.", "J. K. Rowling", "Q. 1". Lowercase single letters are
        # often whole Vietnamese words ("ý", "ở") and end sentences normally.
        return "initial"
    if _DOTTED.match(token):
        return "ambiguous"  # an unlisted dotted acronym such as "U.A.E."
    if "." in token:
        last = low.rsplit(".", 1)[1]
        if last in _TITLES[lang]:
            return "title"  # "PGS.TS", "Th.S"
    return None
