"""Vietnamese-aware normalisation for matching terms and translation-memory keys.

Two spellings of the same Vietnamese text differ in ways a reader never sees:
Unicode form (NFC ``ộ`` vs ``o`` + two combining marks), where the tone mark sits
in ``oa``/``oe``/``uy`` (``hòa``/``hoà``, ``thủy``/``thuỷ``), letter case,
hyphens versus spaces, typographic apostrophes. Matching must treat them as
equal while still reporting where a match is in the text the user wrote, so
every function here keeps a map from normalised characters back to the
original offsets.

The tone rule is applied, not a word list: in ``oa``, ``oe`` and ``uy`` the
"old style" puts the tone on the first vowel (``hòa``) and the "new style" on the
second (``hoà``). The canonical key always uses the second vowel, which is also
where both styles agree once the syllable has a final consonant (``hoàn``).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Combining tone marks in NFD: grave, acute, tilde, hook above, dot below.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
# First vowel -> the vowels after which its tone moves (oa, oe, uy).
_TONE_MOVES = {"o": frozenset("ae"), "u": frozenset("y")}

# Hyphens and dashes join or separate words interchangeably with spaces.
_DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
# Invisible characters that should not break a match.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff")
_APOSTROPHES = {"\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u2032": "'", "`": "'"}
# Letters people type by mistake for the Vietnamese Đ (Icelandic eth, African D).
_LOOKALIKES = {"\u00d0": "đ", "\u0189": "đ", "\u00f0": "đ"}

_SEP, _DROP, _CHAR = 0, 1, 2


_INFO: dict[str, tuple[int, str, str]] = {}


def _char_info(ch: str) -> tuple[int, str, str]:
    """(kind, casefolded base letters, combining marks) for one input character, memoised."""
    info = _INFO.get(ch)
    if info is None:
        info = _analyse_char(ch)
        if len(_INFO) < 65536:
            _INFO[ch] = info
    return info


def _analyse_char(ch: str) -> tuple[int, str, str]:
    if ch.isspace() or ch in _DASHES:
        return _SEP, " ", ""
    if ch in _INVISIBLE:
        return _DROP, "", ""
    if ch in _APOSTROPHES:
        return _CHAR, _APOSTROPHES[ch], ""
    if ch in _LOOKALIKES:
        return _CHAR, _LOOKALIKES[ch], ""
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    marks = "".join(c for c in decomposed if unicodedata.combining(c))
    if not base:  # a lone combining mark with nothing to attach to
        return _CHAR, "", marks
    return _CHAR, unicodedata.normalize("NFD", base.casefold()), marks


@lru_cache(maxsize=8192)
def _compose(base: str, marks: str) -> str:
    return unicodedata.normalize("NFC", base + marks)


@dataclass(frozen=True)
class NormalisedText:
    """A normalised key plus, per key character, the original span it came from.

    ``starts[i]:ends[i]`` is the slice of the original text behind ``key[i]``; a
    match ``key[a:b]`` therefore covers ``original[starts[a]:ends[b - 1]]``.
    """

    original: str
    key: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets for the key slice ``[start, end)``."""
        if not 0 <= start < end <= len(self.key):
            raise ValueError(f"empty or out-of-range key span {start}:{end}")
        return self.starts[start], self.ends[end - 1]


def normalise(text: str) -> NormalisedText:
    """Normalise ``text`` for matching, keeping offsets into the original."""
    # Pass 1: group each base character with the combining marks that follow it,
    # so NFD input ends up as one cluster per visible letter.
    bases: list[str] = []
    marks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    kinds: list[int] = []
    info = _INFO.get
    for i, ch in enumerate(text):
        kind, base, mk = info(ch) or _char_info(ch)
        if kind == _DROP:
            continue
        if not base and kinds and kinds[-1] == _CHAR:  # combining mark: extend the previous letter
            marks[-1] += mk
            ends[-1] = i + 1
            continue
        if kind == _SEP and kinds and kinds[-1] == _SEP:  # collapse runs of space/dash
            ends[-1] = i + 1
            continue
        bases.append(base)
        marks.append(mk)
        starts.append(i)
        ends.append(i + 1)
        kinds.append(kind)

    # Pass 2: move the tone in oa/oe/uy to the second vowel (hòa -> hoà).
    for j in range(len(bases) - 1):
        first = _TONE_MOVES.get(bases[j])
        if first is None or bases[j + 1] not in first or marks[j + 1]:
            continue
        mk = marks[j]
        if len(mk) == 1 and mk in TONE_MARKS:
            marks[j], marks[j + 1] = "", mk

    # Pass 3: compose each cluster back to NFC; every output char maps to its cluster.
    key_parts: list[str] = []
    out_starts: list[int] = []
    out_ends: list[int] = []
    for base, mk, s, e in zip(bases, marks, starts, ends, strict=True):
        piece = _compose(base, mk) if mk else base
        if not piece:
            continue
        key_parts.append(piece)
        if len(piece) == 1:
            out_starts.append(s)
            out_ends.append(e)
        else:
            out_starts.extend([s] * len(piece))
            out_ends.extend([e] * len(piece))
    return NormalisedText(text, "".join(key_parts), tuple(out_starts), tuple(out_ends))


def match_key(text: str) -> tuple[str, list[int]]:
    """The normalised key and, for each of its characters, the original offset it starts at."""
    norm = normalise(text)
    return norm.key, list(norm.starts)


def form_key(text: str) -> str:
    """Key for a glossary form or a memory lookup: normalised, without outer spaces."""
    if len(text) <= 200:  # glossary forms recur constantly (validation, duplicate checks, builds)
        return _short_form_key(text)
    return normalise(text).key.strip()


@lru_cache(maxsize=65536)
def _short_form_key(text: str) -> str:
    return normalise(text).key.strip()


def nfc(text: str) -> str:
    """NFC, the one form Vietnamese text is stored in once it enters the system."""
    return unicodedata.normalize("NFC", text)


def is_word_char(ch: str) -> bool:
    """True for characters that continue a word or a Vietnamese syllable."""
    return ch.isalnum() or unicodedata.combining(ch) != 0 or ch == "_"
