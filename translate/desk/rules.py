"""The rules every part of the service applies alike: roles, size limits, and how input is cleaned.

Kept in one module so a role or a limit is stated once; the web layer reads the
limits from here for its request schemas instead of repeating them.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from typing import Any

import nh3

from glossary.entries import CONTENT_FIELDS, MAX_ID, bad_character
from glossary.errors import EntryValidationError
from translate.desk.errors import PermissionDenied
from translate.desk.views import UserView
from translate.errors import InputError

SYNC_LIMIT = 5_000  # characters accepted by the synchronous translate call
MAX_TITLE = 500
MAX_SUMMARY = 5_000
MAX_BODY = 500_000
MAX_TARGET = 20_000
MAX_COMMENT = 2_000
BLOCKING = ("error", "blocking")

EDITORS = ("editor", "admin")
TRANSLATORS = ("translator", "admin")
ANY_ROLE = ("editor", "translator", "admin")
# Only admins change what is binding; anyone signed in may suggest a term for them to review.
GLOSSARY_CURATORS = ("admin",)
GLOSSARY_PROPOSERS = ANY_ROLE
GLOSSARY_PAGE_LIMIT = 500

INLINE_TAGS = {"strong", "em", "b", "i", "u", "a", "br", "sub", "sup", "code", "span"}
INLINE_ATTRS = {"a": {"href", "title"}, "span": {"lang"}}
TAG_RE = re.compile(r"<[^>]+>")


def require(actor: UserView | None, roles: tuple[str, ...], what: str) -> None:
    """Refuse an anonymous caller or one whose role is not in ``roles``, naming what was attempted."""
    if actor is None:
        raise PermissionDenied(f"sign in to {what}")
    if actor.role not in roles:
        raise PermissionDenied(f"a {actor.role} cannot {what} (needs: {' or '.join(roles)})")


def check_characters(value: str, what: str) -> str:
    """Refuse control characters (tab, newline and carriage return aside), lone surrogates and non-characters.

    Stated once for every text field: such a character is never what a person
    meant, and stored it would break later, for everyone (a TBX export, a
    PostgreSQL insert, a JSON response). Single-line fields fold tabs and
    newlines into spaces themselves.
    """
    problem = bad_character(value)
    if problem is not None:
        raise InputError(f"{what} contains {problem}; remove it")
    return value


def clean_text(value: Any, what: str, limit: int, required: bool = True) -> str:
    """Text as every field takes it: valid characters only, NFC (either tone-mark placement arrives), trimmed, bounded."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(f"{what} must be text")
    check_characters(value, what)
    value = unicodedata.normalize("NFC", value).strip()
    if required and not value:
        raise InputError(f"{what} is required")
    if len(value) > limit:
        raise InputError(f"{what} is too long: {len(value):,} characters (limit {limit:,})")
    return value


def clean_comment(value: Any) -> str:
    return clean_text(value, "comment", MAX_COMMENT, required=False)


def clean_target(target: Any) -> str:
    """A translation as typed: NFC, inline tags only (anything else is dropped, not run)."""
    text = clean_text(target, "target", MAX_TARGET)
    return nh3.clean(text, tags=INLINE_TAGS, attributes=INLINE_ATTRS).strip()


def plain(html_text: str) -> str:
    return " ".join(html_lib.unescape(TAG_RE.sub("", html_text or "")).split())


def blocking_flags(flags: list[dict]) -> list[dict]:
    return [f for f in flags or [] if str(f.get("severity", "")).lower() in BLOCKING]


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def is_id(value: Any) -> bool:
    """Whether ``value`` can name a row: ids are 32-bit in the database, and a bigger number overflows its driver."""
    return is_int(value) and 0 < value <= MAX_ID


def check_version(value: Any, what: str = "version") -> int:
    """A version or revision a client sends back: an integer the database can hold, else a 400 naming it."""
    if not is_int(value):
        raise InputError(f"{what} must be an integer (the {what} you loaded)")
    if not 0 <= value <= MAX_ID:
        raise InputError(f"{what} must be between 0 and {MAX_ID:,}")
    return value


def only_content_fields(fields: dict[str, Any]) -> None:
    """Status, authorship and ids are the service's to set; a caller naming them is refused, not ignored."""
    unknown = sorted(set(fields) - set(CONTENT_FIELDS))
    if unknown:
        raise EntryValidationError(f"cannot set {', '.join(unknown)}; the entry fields are: "
                                   f"{', '.join(CONTENT_FIELDS)}")
