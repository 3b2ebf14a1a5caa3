"""Plain, session-free data for glossary entries, and the rules every entry obeys.

The matcher, the checks and the import/export code work on these frozen values
rather than on ORM rows, so a matcher built from a snapshot never touches the
database and can be cached and shared between threads.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, fields
from datetime import datetime
from typing import TYPE_CHECKING, Any

from glossary.errors import EntryValidationError
from glossary.normalize import form_key, nfc

if TYPE_CHECKING:
    from glossary.matcher import Matcher

LANGS = ("vi", "en")
KINDS = ("term", "name", "dnt")
DOMAINS = ("unesco", "craft", "heritage", "org", "place", "policy", "cuisine")
STATUSES = ("proposed", "approved", "deprecated")
LIVE_STATUSES = ("proposed", "approved")

LIST_FIELDS = ("vi_variants", "en_variants", "en_forbidden", "vi_forbidden")
CONTENT_FIELDS = ("vi", "en", "kind", "domain", *LIST_FIELDS, "note")
# The CSV format joins lists with this character, so no form may contain it.
LIST_SEPARATOR = "|"
MAX_TERM_CHARS = 300
# Ids, revisions and versions are 32-bit integers in the database; a larger number names nothing.
MAX_ID = 2**31 - 1
# What no text field may hold: control characters (tab, newline and carriage return aside, which
# are whitespace), lone surrogates (half a character: not encodable, so not storable) and the two
# non-characters XML cannot carry. Any of them would fail later, in a database driver or an export.
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_EXTERNAL_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


@dataclass(frozen=True)
class EntryContent:
    """What an entry says, without bookkeeping: the part that history snapshots and imports compare."""

    vi: str
    en: str
    domain: str
    kind: str = "term"
    vi_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()
    en_forbidden: tuple[str, ...] = ()
    vi_forbidden: tuple[str, ...] = ()
    note: str = ""

    def term(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def variants(self, lang: str) -> tuple[str, ...]:
        return self.vi_variants if lang == "vi" else self.en_variants

    def forbidden(self, lang: str) -> tuple[str, ...]:
        return self.vi_forbidden if lang == "vi" else self.en_forbidden

    def forms(self, lang: str) -> tuple[str, ...]:
        """Preferred term first, then accepted variants."""
        return (self.term(lang), *self.variants(lang))

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        for name in LIST_FIELDS:
            d[name] = list(d[name])
        return d


@dataclass(frozen=True)
class TermEntry(EntryContent):
    """An entry as stored: content plus identity, status and who touched it last."""

    id: int = 0
    status: str = "proposed"
    external_id: str | None = None
    revision: int = 1
    created_by: str = ""
    created_at: datetime | None = None
    updated_by: str = ""
    updated_at: datetime | None = None

    @property
    def content(self) -> EntryContent:
        return EntryContent(**{f.name: getattr(self, f.name) for f in fields(EntryContent)})

    def to_dict(self) -> dict[str, Any]:
        d = super().to_dict()
        for name in ("created_at", "updated_at"):
            value = d[name]
            d[name] = value.isoformat() if value is not None else None
        return d


@dataclass(frozen=True)
class HistoryRecord:
    """One change to an entry: the full content after it, who made it, and the glossary version it produced."""

    entry_id: int
    revision: int
    action: str
    snapshot: dict[str, Any]
    changed_by: str
    changed_at: datetime | None
    glossary_version: int
    comment: str = ""

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["changed_at"] = self.changed_at.isoformat() if self.changed_at else None
        return d


@dataclass(frozen=True)
class GlossarySnapshot:
    """Approved entries as of one glossary version: what a translation job holds to.

    Offers ``version`` and ``matcher(src, tgt)`` like :class:`glossary.termbase.Termbase`,
    so a job can pin the version it started with.
    """

    version: int
    entries: tuple[TermEntry, ...] = field(default_factory=tuple)
    scope: Any = None

    def matcher(self, src: str, tgt: str) -> Matcher:
        from glossary.matcher import cached_matcher

        return cached_matcher(self.scope, self.version, src, tgt, lambda: self.entries)


def bad_character(value: str) -> str | None:
    """The first character a text field may not hold, described for a person; None when there is none."""
    found = _FORBIDDEN_CHAR.search(value)
    if found is None:
        return None
    char = found.group()
    if "\ud800" <= char <= "\udfff":
        kind = "half of a surrogate pair, which is not valid text"
    elif char in "\ufffe\uffff":
        kind = "a non-character"
    else:
        kind = "a control character"
    return f"U+{ord(char):04X} ({kind}) at position {found.start() + 1}"


def check_characters(value: str, label: str) -> None:
    """Refuse text holding a character no field may hold, naming the field."""
    problem = bad_character(value)
    if problem is not None:
        raise EntryValidationError(f"{label} contains {problem}; remove it")


def check_comment(comment: Any) -> str:
    """A history comment is free text, but it is stored and shown: no control characters."""
    if not isinstance(comment, str):
        raise EntryValidationError("the comment must be text")
    check_characters(comment, "comment")
    return comment


def is_row_id(value: object) -> bool:
    """Whether ``value`` can be a row's id or revision: a bigger number would overflow the database driver."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value <= MAX_ID


def _clean_text(value: Any, label: str) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        raise EntryValidationError(f"{label} must be text, got {type(value).__name__}")
    check_characters(value, label)
    return " ".join(nfc(value).split())


def _clean_list(value: Any, label: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.split(LIST_SEPARATOR)
    if not isinstance(value, Iterable):
        raise EntryValidationError(f"{label} must be a list of text")
    return [t for t in (_clean_text(v, label) for v in value) if t]


def _check_form(text: str, label: str) -> None:
    if LIST_SEPARATOR in text:
        raise EntryValidationError(
            f"{label} {text!r} contains '{LIST_SEPARATOR}', which separates list items"
        )
    if len(text) > MAX_TERM_CHARS:
        raise EntryValidationError(f"{label} is longer than {MAX_TERM_CHARS} characters")
    if not form_key(text):
        raise EntryValidationError(f"{label} {text!r} has no letters or digits to match")


def clean_content(data: Mapping[str, Any]) -> EntryContent:
    """Validate and normalise raw entry fields (NFC, single spaces, de-duplicated lists).

    Raises :class:`EntryValidationError` with a message naming the field, so that
    imports can prefix the line number and the UI can show it beside the form.
    """
    unknown = set(data) - set(CONTENT_FIELDS)
    if unknown:
        raise EntryValidationError(f"unknown field(s): {', '.join(sorted(unknown))}")
    vi = _clean_text(data.get("vi"), "vi term")
    en = _clean_text(data.get("en"), "en term")
    if not vi:
        raise EntryValidationError("empty vi term")
    if not en:
        raise EntryValidationError("empty en term")
    kind = _clean_text(data.get("kind") or "term", "kind").lower()
    if kind not in KINDS:
        raise EntryValidationError(f"unknown kind {kind!r} (expected {', '.join(KINDS)})")
    domain = _clean_text(data.get("domain"), "domain").lower()
    if domain not in DOMAINS:
        raise EntryValidationError(f"unknown domain {domain!r} (expected {', '.join(DOMAINS)})")
    if kind == "dnt" and vi != en:
        raise EntryValidationError(
            f"do-not-translate entry must read the same on both sides, got {vi!r} / {en!r}"
        )
    cleaned: dict[str, Any] = {"vi": vi, "en": en, "kind": kind, "domain": domain}
    cleaned["note"] = _clean_text(data.get("note"), "note")
    for lang in LANGS:
        term = cleaned[lang]
        _check_form(term, f"{lang} term")
        # Variants that differ only in spelling the matcher ignores (a dash, a tone
        # placement) are kept as written: the termbase is the curator's text.
        accepted_keys = {form_key(term)}
        variants: list[str] = []
        for v in _clean_list(data.get(f"{lang}_variants"), f"{lang} variant"):
            _check_form(v, f"{lang} variant")
            accepted_keys.add(form_key(v))
            if v != term and v not in variants:
                variants.append(v)
        cleaned[f"{lang}_variants"] = tuple(variants)
        forbidden: list[str] = []
        for f in _clean_list(data.get(f"{lang}_forbidden"), f"{lang} forbidden"):
            _check_form(f, f"{lang} forbidden form")
            k = form_key(f)
            if k in accepted_keys:
                raise EntryValidationError(f"{f!r} is both an accepted and a forbidden {lang} form")
            if f not in forbidden:
                forbidden.append(f)
        cleaned[f"{lang}_forbidden"] = tuple(forbidden)
    return EntryContent(**cleaned)


def clean_external_id(value: Any) -> str | None:
    """External ids travel in CSV ``id`` columns and TBX ``id`` attributes, so keep them token-like."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    if not _EXTERNAL_ID.match(text):
        raise EntryValidationError(f"id {text!r} must be letters, digits, '.', '_' or '-' (at most 64)")
    return text


@dataclass(frozen=True)
class RawEntry:
    """Unvalidated entry fields read from an import file, with where they came from."""

    fields: dict[str, Any]
    external_id: str | None = None
    line: int | None = None
    element: int | None = None


def source_keys(content: EntryContent, lang: str) -> set[str]:
    """Normalised keys of every accepted form on one side; two live entries may not share one."""
    return {form_key(f) for f in content.forms(lang)}
