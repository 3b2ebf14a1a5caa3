"""What every part of the service layer shares: limits, roles, errors, views, input helpers.

Split from :mod:`translate.desk` so the glossary service can use the same rules
without a circular import. ``translate.desk`` re-exports the errors and views callers need.
"""

from __future__ import annotations

import html as html_lib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any

import nh3

from glossary.entries import CONTENT_FIELDS
from glossary.errors import EntryValidationError
from translate import accounts, jobs
from translate.documents import Document, Segment
from translate.errors import InputError, SongnguError

SYNC_LIMIT = 5_000  # characters accepted by the synchronous translate call
MAX_TITLE = 500
MAX_SUMMARY = 5_000
MAX_BODY = 500_000
MAX_TARGET = 20_000
BLOCKING = ("error", "blocking")

EDITORS = ("editor", "admin")
TRANSLATORS = ("translator", "admin")
ANY_ROLE = ("editor", "translator", "admin")
# Only admins change what is binding; anyone signed in may suggest a term for them to review.
GLOSSARY_CURATORS = ("admin",)
GLOSSARY_PROPOSERS = ANY_ROLE
GLOSSARY_PAGE_LIMIT = 500

_INLINE_TAGS = {"strong", "em", "b", "i", "u", "a", "br", "sub", "sup", "code", "span"}
_INLINE_ATTRS = {"a": {"href", "title"}, "span": {"lang"}}
_TAG_RE = re.compile(r"<[^>]+>")


class PermissionDenied(SongnguError):
    code = "forbidden"


class NotFound(SongnguError):
    code = "not_found"


class EditConflict(SongnguError):
    """Someone saved the segment since this editor loaded it; nothing was overwritten."""

    code = "conflict"

    def __init__(self, message: str, *, current_target: str, current_version: int, your_target: str) -> None:
        super().__init__(message)
        self.current_target = current_target
        self.current_version = current_version
        self.your_target = your_target


class InvalidState(SongnguError):
    code = "invalid_state"


class LoginThrottled(SongnguError):
    code = "throttled"

    def __init__(self, message: str, *, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class UserView:
    id: int
    name: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SegmentView:
    id: int
    index: int
    field: str  # "title" | "summary" | "body"
    source: str
    source_html: str
    target: str  # with inline tags
    state: str
    origin: str
    version: int
    flags: list[dict] = field(default_factory=list)
    signature: str = ""
    match_pct: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class DocumentView:
    id: int
    state: str
    source_lang: str
    target_lang: str
    category: str
    title: str
    summary: str
    body_html: str
    segments: list[SegmentView]
    updated_at: str
    assigned_to: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class JobView:
    id: int
    document_id: int
    state: str
    done: int
    total: int
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# --- helpers ---------------------------------------------------------------------------------


def _require(actor: UserView | None, roles: tuple[str, ...], what: str) -> None:
    if actor is None:
        raise PermissionDenied(f"sign in to {what}")
    if actor.role not in roles:
        raise PermissionDenied(f"a {actor.role} cannot {what} (needs: {' or '.join(roles)})")


def _user_view(u: accounts.User) -> UserView:
    return UserView(id=u.id, name=u.name, role=u.role)


def _seg_view(s: Segment) -> SegmentView:
    return SegmentView(
        id=s.id, index=s.index, field=s.field, source=s.source, source_html=s.source_html, target=s.target or "",
        state=s.state, origin=s.origin or "", version=s.version, flags=list(s.flags or []),
        signature=s.signature or "", match_pct=s.match_pct,
    )


def _doc_view(d: Document, with_segments: bool = True) -> DocumentView:
    return DocumentView(
        id=d.id, state=d.state, source_lang=d.source_lang, target_lang=d.target_lang, category=d.category,
        title=d.title, summary=d.summary, body_html=d.body_html,
        segments=[_seg_view(s) for s in sorted(d.segments, key=lambda s: s.index)] if with_segments else [],
        updated_at=d.updated_at.isoformat(timespec="seconds"), assigned_to=d.assigned_to,
    )


def _job_view(j: jobs.Job) -> JobView:
    return JobView(id=j.id, document_id=j.document_id, state=j.state, done=j.done, total=j.total, error=j.error)


def _text(value: Any, what: str, limit: int, required: bool = True) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise InputError(f"{what} must be text")
    value = unicodedata.normalize("NFC", value).strip()
    if required and not value:
        raise InputError(f"{what} is required")
    if len(value) > limit:
        raise InputError(f"{what} is too long: {len(value):,} characters (limit {limit:,})")
    return value


def clean_target(target: Any) -> str:
    """A translation as typed: NFC, inline tags only (anything else is dropped, not run)."""
    text = _text(target, "target", MAX_TARGET)
    return nh3.clean(text, tags=_INLINE_TAGS, attributes=_INLINE_ATTRS).strip()


def plain(html_text: str) -> str:
    return " ".join(html_lib.unescape(_TAG_RE.sub("", html_text or "")).split())


def blocking_flags(flags: list[dict]) -> list[dict]:
    return [f for f in flags or [] if str(f.get("severity", "")).lower() in BLOCKING]


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _only_content_fields(fields: dict[str, Any]) -> None:
    """Status, authorship and ids are the service's to set; a caller naming them is refused, not ignored."""
    unknown = sorted(set(fields) - set(CONTENT_FIELDS))
    if unknown:
        raise EntryValidationError(f"cannot set {', '.join(unknown)}; the entry fields are: "
                                   f"{', '.join(CONTENT_FIELDS)}")
