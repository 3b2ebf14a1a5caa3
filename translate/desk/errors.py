"""Errors the desk service raises; the web layer maps each ``code`` to an HTTP status."""

from __future__ import annotations

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
