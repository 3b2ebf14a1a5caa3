"""The service layer the web UI, the REST API and the CLI share.

Role checks live here, not in the web layer, so a token, a browser session and a
script all meet the same rules. (Contract first: bodies are being filled in.)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from translate.config import Settings
from translate.errors import SongnguError


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
    target: str
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

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        return d


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


class Desk:
    def __init__(self, settings: Settings | None = None, *, start_worker: bool = False) -> None:
        raise NotImplementedError

    def close(self) -> None: ...

    # accounts
    def create_user(self, name: str, role: str, password: str) -> UserView: ...
    def authenticate(self, name: str, password: str, remote: str = "") -> UserView | None: ...
    def get_user(self, user_id: int) -> UserView | None: ...
    def create_token(self, user_name: str, label: str = "") -> str: ...
    def revoke_token(self, token_id: int, actor: UserView) -> None: ...
    def user_for_token(self, token: str) -> UserView | None: ...

    # documents
    def create_document(self, actor: UserView, *, source_lang: str, category: str, title: str,
                        summary: str, body_html: str) -> DocumentView: ...
    def import_document(self, actor: UserView, *, filename: str, data: bytes, source_lang: str,
                        category: str, title: str | None = None) -> DocumentView: ...
    def list_documents(self, actor: UserView, state: str | None = None) -> list[DocumentView]: ...
    def get_document(self, actor: UserView, doc_id: int) -> DocumentView: ...
    def request_translation(self, actor: UserView, doc_id: int) -> JobView: ...
    def get_job(self, actor: UserView, job_id: int) -> JobView: ...
    def save_segment(self, actor: UserView, segment_id: int, target: str, version: int) -> SegmentView: ...
    def confirm_segment(self, actor: UserView, segment_id: int) -> SegmentView: ...
    def approve_segment(self, actor: UserView, segment_id: int) -> SegmentView: ...
    def approve_document(self, actor: UserView, doc_id: int) -> DocumentView: ...
    def publish(self, actor: UserView, doc_id: int, override_reason: str | None = None) -> DocumentView: ...
    def bilingual_pair(self, actor: UserView, doc_id: int) -> dict: ...
    def translate(self, actor: UserView, src: str, tgt: str, *, text: str | None = None,
                  html: str | None = None) -> dict: ...
    def tm_lookup(self, actor: UserView, src: str, tgt: str, text: str, limit: int = 5) -> list[dict]: ...
