"""Find approved glossary terms in a segment, fast, whatever way the text is spelled.

All source-side forms of every approved entry go into one Aho–Corasick
automaton over normalised keys (see :mod:`glossary.normalize`), so a segment is
scanned once however large the glossary. Hits are kept only on whole words and
whole Vietnamese syllables, and overlaps resolve leftmost-longest so the
official long name wins over the shorter terms inside it.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import ahocorasick

from glossary.entries import LANGS, TermEntry
from glossary.normalize import NormalisedText, form_key, is_word_char, nfc, normalise

_VOWELS = frozenset("aeiou")
_SIBILANT_ENDINGS = ("s", "x", "z", "ch", "sh")


@dataclass(frozen=True)
class TermMatch:
    """One glossary term found in a source text.

    ``start``/``end`` are offsets into the text as given (NFD, odd spacing and all),
    so a UI can highlight ``text[start:end]``. ``targets`` lists the forms a
    translation may use, preferred first; ``forbidden`` the ones it must not.
    For ``dnt`` entries the only target is the source surface itself.
    """

    entry_id: int
    start: int
    end: int
    text: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...]
    kind: str
    form: str

    @property
    def preferred(self) -> str:
        return self.targets[0]

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["entry"] = d.pop("entry_id")
        d["source"] = d.pop("text")
        d["targets"] = list(self.targets)
        d["forbidden"] = list(self.forbidden)
        return d


def english_plurals(form: str) -> list[str]:
    """Regular plurals of a phrase's last word (city -> cities, box -> boxes, term -> terms)."""
    head, _, last = form.rpartition(" ")
    if not last or not last[-1].isalpha():
        return []
    prefix = f"{head} " if head else ""
    lower = last.lower()
    upper = last.isupper() and len(last) > 1
    if lower.endswith("y") and len(lower) > 1 and lower[-2] not in _VOWELS:
        plural = last[:-1] + ("IES" if upper else "ies")
    elif lower.endswith(_SIBILANT_ENDINGS):
        plural = last + ("ES" if upper else "es")
    else:
        plural = last + ("S" if upper else "s")
    return [prefix + plural]


@dataclass(frozen=True)
class _Form:
    entry_index: int
    form: str
    length: int
    rank: tuple[int, int, int]  # lower wins when two entries share a key


def _check_langs(src: str, tgt: str) -> None:
    if src not in LANGS or tgt not in LANGS or src == tgt:
        raise ValueError(f"unsupported direction {src}->{tgt}; expected vi->en or en->vi")


def _whole_word(key: str, start: int, end: int) -> bool:
    if is_word_char(key[start]) and start > 0 and is_word_char(key[start - 1]):
        return False
    return not (is_word_char(key[end - 1]) and end < len(key) and is_word_char(key[end]))


def _leftmost_longest(spans: list[tuple[int, int, Any]]) -> list[tuple[int, int, Any]]:
    spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
    chosen: list[tuple[int, int, Any]] = []
    last_end = -1
    for span in spans:
        if span[0] >= last_end:
            chosen.append(span)
            last_end = span[1]
    return chosen


def _scan(automaton: Any, norm: NormalisedText) -> list[tuple[int, int, Any]]:
    key = norm.key
    hits = []
    for end_index, payload in automaton.iter(key):
        end = end_index + 1
        start = end - payload.length
        if _whole_word(key, start, end):
            hits.append((start, end, payload))
    return _leftmost_longest(hits)


def find_in_target(text: str, forms: Iterable[str], lang: str | None = None) -> list[tuple[int, int]]:
    """Where any of ``forms`` occurs in ``text`` (original offsets), by the matcher's rules.

    Used to verify a translation: same normalisation and whole-word rule as
    :meth:`Matcher.find`. With ``lang="en"`` regular plurals of the forms count
    too, because Vietnamese does not mark the plural a translation may need.
    The QA checks ask this once per term per check of the same target, so the
    automaton per set of forms and the normalised target are both remembered.
    """
    automaton = _forms_automaton(tuple(forms), lang)
    if automaton is None:
        return []
    norm = _normalised(text) if len(text) <= _REMEMBERED_TEXT else normalise(text)
    return [norm.span(s, e) for s, e, _ in _scan(automaton, norm)]


_REMEMBERED_TEXT = 4096  # a segment, not a whole article


@lru_cache(maxsize=64)
def _normalised(text: str) -> NormalisedText:
    return normalise(text)


@lru_cache(maxsize=4096)
def _forms_automaton(forms: tuple[str, ...], lang: str | None) -> Any:
    """The automaton over ``forms`` (and their English plurals); None when no form has a key.

    Read-only once built, so threads share it.
    """
    automaton = ahocorasick.Automaton()
    added = False
    for form in forms:
        variants = [form, *english_plurals(form)] if lang == "en" else [form]
        for variant in variants:
            k = form_key(variant)
            if k and k not in automaton:
                automaton.add_word(k, _Form(0, variant, len(k), (0, 0, 0)))
                added = True
    if not added:
        return None
    automaton.make_automaton()
    return automaton


class Matcher:
    """Finds the approved terms of one direction in source text.

    Build it once per glossary version and direction (see :func:`cached_matcher`);
    ``find`` is then one automaton pass per segment.
    """

    def __init__(self, entries: Iterable[TermEntry], src: str, tgt: str, version: int | None = None) -> None:
        _check_langs(src, tgt)
        self.src, self.tgt, self.version = src, tgt, version
        self.entries: tuple[TermEntry, ...] = tuple(e for e in entries if e.status == "approved")
        self._automaton = ahocorasick.Automaton()
        best: dict[str, _Form] = {}
        for index, entry in enumerate(self.entries):
            listed = entry.forms(src)
            candidates = [(f, 0 if i == 0 else 1) for i, f in enumerate(listed)]
            if src == "en" and entry.kind != "dnt":
                candidates += [(p, 2) for f in listed for p in english_plurals(f)]
            for form, priority in candidates:
                k = form_key(form)
                if not k:
                    continue
                cand = _Form(index, form, len(k), (priority, entry.id, len(best)))
                if k not in best or cand.rank < best[k].rank:
                    best[k] = cand
        for k, payload in best.items():
            self._automaton.add_word(k, payload)
        self.form_count = len(best)
        # Target and forbidden forms per entry, computed once rather than per hit.
        self._targets = [_dedupe(e.forms(tgt)) for e in self.entries]
        self._forbidden = [tuple(e.forbidden(tgt)) for e in self.entries]
        if best:
            self._automaton.make_automaton()

    def __len__(self) -> int:
        return len(self.entries)

    def find(self, text: str) -> list[TermMatch]:
        """Approved terms in ``text``, leftmost-longest, without overlaps, with original offsets."""
        if not self.form_count or not text:
            return []
        norm = normalise(text)
        out = []
        for s, e, payload in _scan(self._automaton, norm):
            start, end = norm.span(s, e)
            entry = self.entries[payload.entry_index]
            surface = text[start:end]
            targets = self._targets[payload.entry_index]
            if entry.kind == "dnt":
                targets = _dedupe([nfc(surface), *targets])
            out.append(
                TermMatch(
                    entry_id=entry.id,
                    start=start,
                    end=end,
                    text=surface,
                    targets=targets,
                    forbidden=self._forbidden[payload.entry_index],
                    kind=entry.kind,
                    form=payload.form,
                )
            )
        return out

    def find_in_target(self, text: str, forms: Iterable[str]) -> list[tuple[int, int]]:
        """:func:`find_in_target` in this matcher's target language."""
        return find_in_target(text, forms, self.tgt)


def _dedupe(forms: Sequence[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out = []
    for f in forms:
        k = form_key(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return tuple(out)


class MatcherCache:
    """Built matchers per (database, glossary version, direction).

    Building is the expensive part (a 10k-entry automaton); a new version simply
    misses the cache, and old versions age out. The scope keeps two databases
    at the same version number apart; engines are held weakly so a closed test
    database does not linger.
    """

    def __init__(self, size: int = 8) -> None:
        self.size = size
        self._lock = threading.Lock()
        self._items: OrderedDict[tuple, Matcher] = OrderedDict()
        self._scopes: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
        self._next_scope = 0
        self.builds = 0

    def _scope_token(self, scope: Any) -> Hashable:
        if scope is None:
            return None
        try:
            token = self._scopes.get(scope)
            if token is None:
                self._next_scope += 1
                token = self._scopes[scope] = self._next_scope
            return token
        except TypeError:  # not weak-referenceable: use it as it is
            return scope

    def _key(self, scope: Any, version: int, src: str, tgt: str) -> tuple:
        with self._lock:
            return (self._scope_token(scope), version, src, tgt)

    def _lookup(self, key: tuple) -> Matcher | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def peek(self, scope: Any, version: int, src: str, tgt: str) -> Matcher | None:
        """The cached matcher, or None without building one."""
        return self._lookup(self._key(scope, version, src, tgt))

    def get(
        self, scope: Any, version: int, src: str, tgt: str, load: Callable[[], Iterable[TermEntry]]
    ) -> Matcher:
        key = self._key(scope, version, src, tgt)
        found = self._lookup(key)
        if found is not None:
            return found
        matcher = Matcher(load(), src, tgt, version=version)
        with self._lock:
            self.builds += 1
            self._items[key] = matcher
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return matcher

    def clear(self) -> None:
        with self._lock:
            self._items.clear()


DEFAULT_CACHE = MatcherCache()


def cached_matcher(
    scope: Any, version: int, src: str, tgt: str, load: Callable[[], Iterable[TermEntry]]
) -> Matcher:
    """The shared cache's matcher for this scope, version and direction, building it on a miss."""
    return DEFAULT_CACHE.get(scope, version, src, tgt, load)
