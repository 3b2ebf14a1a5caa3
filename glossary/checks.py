"""QA checks run on every machine translation and every human edit.

Each check is a few lines registered with :func:`check`; :func:`run_checks`
runs them all on a :class:`CheckContext` and returns :class:`Flag` objects the
review UI shows beside the segment. A blocking flag stops publication until
someone fixes the text or overrides with a written reason; a warning only
draws the eye. Checks look at the segment as given (the pipeline hands them
NFC text) and report offsets into it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from glossary.matcher import TermMatch, find_in_target
from glossary.normalize import form_key, nfc

BLOCKING = "blocking"
WARNING = "warning"


@dataclass(frozen=True)
class Flag:
    """One failed check. ``start``/``end`` index into the ``side`` text ("source" or "target")."""

    check: str
    severity: str
    message: str
    start: int | None = None
    end: int | None = None
    entry: int | None = None
    side: str = "target"

    @property
    def blocking(self) -> bool:
        return self.severity == BLOCKING

    def to_dict(self) -> dict[str, Any]:
        # Every field is a scalar: a plain dict, not asdict's recursive deep copy (each save makes some).
        return {"check": self.check, "severity": self.severity, "message": self.message, "start": self.start,
                "end": self.end, "entry": self.entry, "side": self.side}


@dataclass(frozen=True)
class CheckContext:
    """Everything a check may look at for one segment."""

    source: str
    target: str
    src_lang: str
    tgt_lang: str
    matches: Sequence[TermMatch] = ()
    source_tags: Sequence[str] = ()
    target_tags: Sequence[str] = ()


CheckFn = Callable[[CheckContext], Iterable[Flag]]
REGISTRY: dict[str, CheckFn] = {}


def check(name: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check under ``name`` (the ``check`` field of its flags)."""

    def register(fn: CheckFn) -> CheckFn:
        if name in REGISTRY:
            raise ValueError(f"check {name!r} is already registered")
        REGISTRY[name] = fn
        return fn

    return register


def run_checks(
    ctx: CheckContext, *, only: Iterable[str] | None = None, skip: Iterable[str] = ()
) -> list[Flag]:
    """Run the registered checks (all, or ``only`` those, minus ``skip``) in registration order."""
    wanted = list(REGISTRY) if only is None else list(only)
    unknown = [n for n in wanted if n not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown check(s): {', '.join(unknown)}")
    skipped = set(skip)
    flags: list[Flag] = []
    for name in wanted:
        if name not in skipped:
            flags.extend(REGISTRY[name](ctx))
    return flags


def _per_entry(matches: Sequence[TermMatch], kinds: set[str]) -> list[TermMatch]:
    """First match of each entry: a term mentioned twice is checked once."""
    seen: set[int] = set()
    out = []
    for m in matches:
        if m.kind in kinds and m.entry_id not in seen:
            seen.add(m.entry_id)
            out.append(m)
    return out


def _quoted(forms: Sequence[str]) -> str:
    return " or ".join(f"'{f}'" for f in forms)


# -- glossary checks ----------------------------------------------------------------------


@check("missing_term")
def missing_term(ctx: CheckContext) -> Iterator[Flag]:
    for m in _per_entry(ctx.matches, {"term", "name"}):
        if not find_in_target(ctx.target, m.targets, ctx.tgt_lang):
            yield Flag(
                "missing_term",
                BLOCKING,
                f"'{m.text}' must be translated as {_quoted(m.targets)} (glossary entry {m.entry_id})",
                m.start,
                m.end,
                m.entry_id,
                side="source",
            )


@check("forbidden_term")
def forbidden_term(ctx: CheckContext) -> Iterator[Flag]:
    # A forbidden form inside an accepted one ("material cultural heritage" in
    # "non-material cultural heritage" when both are listed) is not a use of it.
    allowed = [span for m in ctx.matches for span in find_in_target(ctx.target, m.targets, ctx.tgt_lang)]
    for m in _per_entry(ctx.matches, {"term", "name", "dnt"}):
        for start, end in find_in_target(ctx.target, m.forbidden, ctx.tgt_lang):
            if any(a <= start and end <= b for a, b in allowed):
                continue
            yield Flag(
                "forbidden_term",
                BLOCKING,
                f"'{ctx.target[start:end]}' is a forbidden translation of '{m.text}'; "
                f"use {_quoted(m.targets[:1])} (glossary entry {m.entry_id})",
                start,
                end,
                m.entry_id,
            )


@check("dnt_altered")
def dnt_altered(ctx: CheckContext) -> Iterator[Flag]:
    seen: set[str] = set()
    for m in ctx.matches:
        surface = nfc(m.text)
        if m.kind != "dnt" or surface in seen:
            continue
        seen.add(surface)
        hits = find_in_target(ctx.target, [surface, *m.targets])
        if any(nfc(ctx.target[s:e]) == surface for s, e in hits):
            continue
        if hits:
            s, e = hits[0]
            yield Flag(
                "dnt_altered",
                BLOCKING,
                f"do-not-translate name '{surface}' was changed to '{ctx.target[s:e]}' (glossary entry {m.entry_id})",
                s,
                e,
                m.entry_id,
            )
        else:
            yield Flag(
                "dnt_altered",
                BLOCKING,
                f"do-not-translate name '{surface}' is missing from the translation (glossary entry {m.entry_id})",
                m.start,
                m.end,
                m.entry_id,
                side="source",
            )


# -- numbers ------------------------------------------------------------------------------

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_TAGLIKE = re.compile(r"<[^<>]{1,200}>")
_EN_MONTHS = {
    name: i + 1
    for i, name in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
        + ("November", "December")
    )
}
_EN_ABBR = {"Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sep": 9, "Sept": 9}
_EN_ABBR |= {"Oct": 10, "Nov": 11, "Dec": 12}
# "May" is a month only beside a day or year; abbreviations only with a dot or a number.
_EN_MONTH = re.compile(
    r"\b(?:(?P<full>January|February|March|April|June|July|August|September|October|November|December)\b"
    r"|(?P<may>May)(?=\s+\d)|(?<=\d )(?P<may2>May)\b"
    r"|(?P<abbr>Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|(?=\s+\d)))"
)
_VI_MONTH_WORDS = {
    "Giêng": 1, "Một": 1, "Hai": 2, "Ba": 3, "Tư": 4, "Bốn": 4, "Năm": 5, "Sáu": 6,
    "Bảy": 7, "Tám": 8, "Chín": 9, "Mười": 10, "Mười Một": 11, "Mười Hai": 12, "Chạp": 12,
}  # fmt: skip
_VI_MONTH = re.compile(
    r"\b[Tt]háng\s+(?P<word>Mười\s+(?:[Mm]ột|[Hh]ai)|Giêng|Một|Hai|Ba|Tư|Bốn|Năm|Sáu|Bảy|Tám|Chín|Mười|Chạp)\b"
)


def _number_value(token: str, lang: str) -> str:
    """Canonical value of a number written in ``lang``'s convention (vi: 1.500,5; en: 1,500.5).

    A separator followed by exactly three digits is a thousands separator in
    the language that uses it so; otherwise it is taken as a decimal point, so
    "27,5" in English output still reads as 27.5.
    """
    thousands = "." if lang == "vi" else ","
    groups = re.split(r"[.,]", token)
    seps = re.findall(r"[.,]", token)
    if not seps:
        digits, decimals = token, ""
    elif len(set(seps)) == 2:  # 1.234,5 or 1,234.5: the last separator is the decimal point
        digits, decimals = "".join(groups[:-1]), groups[-1]
    elif len(seps) > 1:  # 1.234.567 (or a version number, kept as written)
        if all(len(g) == 3 for g in groups[1:]):
            digits, decimals = "".join(groups), ""
        else:
            return token
    elif seps[0] == thousands and len(groups[1]) == 3:
        digits, decimals = "".join(groups), ""
    else:
        digits, decimals = groups
    try:
        value = Decimal(f"{digits}.{decimals}" if decimals else digits)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return token
    return format(value.normalize(), "f") if decimals else str(int(value))


def _blank(text: str, pieces: Iterable[str]) -> str:
    """Replace tags with spaces of equal length, so numbers inside them are ignored but offsets hold."""
    text = _TAGLIKE.sub(lambda m: " " * len(m.group()), text)
    for piece in pieces:
        if piece:
            text = text.replace(piece, " " * len(piece))
    return text


def _numbers(text: str, lang: str, tags: Sequence[str]) -> list[tuple[str, int, int]]:
    plain = _blank(text, tags)
    found = [(_number_value(m.group(), lang), m.start(), m.end()) for m in _NUMBER.finditer(plain)]
    if lang == "en":
        for m in _EN_MONTH.finditer(plain):
            name = m.group("full") or m.group("may") or m.group("may2")
            month = _EN_MONTHS[name] if name else _EN_ABBR[m.group("abbr")]
            found.append((str(month), m.start(), m.end()))
    else:
        for m in _VI_MONTH.finditer(plain):
            word = " ".join(m.group("word").split())
            word = word[:5] + word[5:].title() if word.startswith("Mười ") else word
            found.append((str(_VI_MONTH_WORDS[word]), m.start("word"), m.end("word")))
    return found


@check("numbers")
def numbers(ctx: CheckContext) -> Iterator[Flag]:
    src = _numbers(ctx.source, ctx.src_lang, ctx.source_tags)
    tgt = _numbers(ctx.target, ctx.tgt_lang, ctx.target_tags)
    missing = Counter(v for v, _, _ in src) - Counter(v for v, _, _ in tgt)
    extra = Counter(v for v, _, _ in tgt) - Counter(v for v, _, _ in src)
    if missing and extra:
        first = next(t for t in tgt if t[0] in extra)
        yield Flag(
            "numbers",
            BLOCKING,
            f"numbers differ: the source has {', '.join(sorted(missing))} "
            f"where the translation has {', '.join(sorted(extra))}",
            first[1],
            first[2],
        )
    elif missing:
        first = next(s for s in src if s[0] in missing)
        yield Flag(
            "numbers",
            WARNING,
            f"number(s) {', '.join(sorted(missing))} from the source are not in the translation (spelled out?)",
            first[1],
            first[2],
            side="source",
        )
    elif extra:
        first = next(t for t in tgt if t[0] in extra)
        yield Flag(
            "numbers",
            WARNING,
            f"the translation adds number(s) {', '.join(sorted(extra))} not written as digits in the source",
            first[1],
            first[2],
        )


# -- inline tags --------------------------------------------------------------------------

_TAG_NAME = re.compile(r"^<\s*(/)?\s*([A-Za-z][\w:.-]*)[^>]*?(/)?\s*>$")


def _nesting_error(tags: Sequence[str]) -> str | None:
    stack: list[str] = []
    for tag in tags:
        m = _TAG_NAME.match(tag)
        if not m or m.group(3):
            continue
        closing, name = bool(m.group(1)), m.group(2).lower()
        if not closing:
            stack.append(name)
        elif not stack or stack[-1] != name:
            return f"{tag} closes before its opening tag"
        else:
            stack.pop()
    return None


@check("tags")
def tags(ctx: CheckContext) -> Iterator[Flag]:
    src, tgt = list(ctx.source_tags), list(ctx.target_tags)
    missing = Counter(src) - Counter(tgt)
    extra = Counter(tgt) - Counter(src)
    if missing:
        tag = next(t for t in src if t in missing)
        pos = ctx.source.find(tag)
        yield Flag(
            "tags",
            BLOCKING,
            f"inline tag(s) missing from the translation: {' '.join(sorted(missing.elements()))}",
            pos if pos >= 0 else None,
            pos + len(tag) if pos >= 0 else None,
            side="source",
        )
    if extra:
        tag = next(t for t in tgt if t in extra)
        pos = ctx.target.find(tag)
        yield Flag(
            "tags",
            BLOCKING,
            f"inline tag(s) not in the source: {' '.join(sorted(extra.elements()))}",
            pos if pos >= 0 else None,
            pos + len(tag) if pos >= 0 else None,
        )
    if missing or extra or src == tgt:
        return
    problem = _nesting_error(tgt)
    if problem:
        yield Flag("tags", BLOCKING, f"inline tags out of order: {problem}")
    else:
        yield Flag(
            "tags",
            WARNING,
            f"inline tags reordered: source {' '.join(src)}, translation {' '.join(tgt)}",
        )


# -- untranslated, spacing, punctuation -----------------------------------------------------

_URLISH = re.compile(r"https?://\S+|\S+@\S+\.\w+")


@check("untranslated")
def untranslated(ctx: CheckContext) -> Iterator[Flag]:
    src_key = form_key(ctx.source)
    if not src_key or src_key != form_key(ctx.target):
        return
    # Names, do-not-translate terms, numbers and URLs legitimately read the same.
    rest = list(_blank(ctx.source, ctx.source_tags))
    for m in ctx.matches:
        if m.kind in ("name", "dnt"):
            rest[m.start : m.end] = " " * (m.end - m.start)
    remainder = _URLISH.sub(" ", "".join(rest))
    if any(ch.isalpha() for ch in remainder):
        yield Flag(
            "untranslated",
            BLOCKING,
            f"the translation is the source text unchanged ({ctx.src_lang} left as is)",
            0,
            len(ctx.target),
        )


def _edge_space(text: str) -> tuple[str, str]:
    body = text.strip()
    if not body:
        return text, ""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    return lead, trail


@check("whitespace")
def whitespace(ctx: CheckContext) -> Iterator[Flag]:
    if not ctx.source.strip() or not ctx.target.strip():
        return
    (s_lead, s_trail), (t_lead, t_trail) = _edge_space(ctx.source), _edge_space(ctx.target)
    if s_lead != t_lead:
        yield Flag(
            "whitespace",
            WARNING,
            f"leading space differs: source {s_lead!r}, translation {t_lead!r}",
            0,
            len(t_lead),
        )
    if s_trail != t_trail:
        n = len(ctx.target)
        yield Flag(
            "whitespace",
            WARNING,
            f"trailing space differs: source {s_trail!r}, translation {t_trail!r}",
            n - len(t_trail),
            n,
        )


_CLOSERS = "\"'”’»)]}›"
_END_MARKS = frozenset(".!?:;")


def _end_mark(text: str) -> tuple[str, int]:
    """The sentence-final mark ("" if none) and its offset, looking past closing quotes and brackets."""
    body = text.rstrip()
    i = len(body)
    while i > 0 and body[i - 1] in _CLOSERS:
        i -= 1
    if body[max(0, i - 3) : i] == "...":
        return "…", i - 3
    if i == 0:
        return "", 0
    ch = body[i - 1]
    if ch == "…":
        return "…", i - 1
    folded = unicodedata.normalize("NFKC", ch)  # full-width ？ and ！ count as ? and !
    if folded in _END_MARKS:
        return folded, i - 1
    return "", i


def _say_mark(mark: str) -> str:
    return f"'{mark}'" if mark else "no final punctuation"


@check("end_punctuation")
def end_punctuation(ctx: CheckContext) -> Iterator[Flag]:
    if not ctx.source.strip() or not ctx.target.strip():
        return
    (s_mark, _), (t_mark, t_pos) = _end_mark(ctx.source), _end_mark(ctx.target)
    if s_mark != t_mark:
        yield Flag(
            "end_punctuation",
            WARNING,
            f"the source ends with {_say_mark(s_mark)}, the translation with {_say_mark(t_mark)}",
            t_pos,
            t_pos + (3 if ctx.target[t_pos : t_pos + 3] == "..." else 1) if t_mark else t_pos,
        )
