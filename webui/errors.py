"""One error shape for every API failure, and plain pages for the browser.

API clients (a CMS, scripts) branch on ``error.code``, so every failure under
``/api/`` -- a service error, a validation error, a routing 404, a body that is
too large, even an unexpected crash -- answers ``{"error": {"code", "message"}}``
with an honest status. A caller's mistake must never look like our crash (500).
Browser pages get a small HTML page instead of JSON.

Two failures are nobody's bug and get their own answers: a database that is
busy (a lock wait that timed out) or unreachable (PostgreSQL restarting)
answers 503 with ``Retry-After`` -- the request did not complete (its transaction
was rolled back) and can be sent again -- and a JSON body nested too deeply to
parse answers 400.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from typing import Any

from apiflask import APIFlask, HTTPError
from flask import Response, jsonify, render_template, request
from sqlalchemy import exc as sa_exc
from werkzeug.exceptions import HTTPException

from glossary.errors import GlossaryError
from translate.desk import EditConflict, LoginThrottled
from translate.errors import SongnguError
from webui.error_reasons import reason_for

log = logging.getLogger(__name__)

# Service error codes -> HTTP status. Keyed by the stable code rather than the
# class so glossary errors (a separate hierarchy) and future subclasses that
# reuse a code land on the same status without webui importing every class.
STATUS_BY_CODE: dict[str, int] = {
    "bad_input": 400,
    "unknown_pair": 400,
    "error": 400,
    "unauthorized": 401,
    "forbidden": 403,
    "not_found": 404,
    "conflict": 409,
    "invalid_state": 409,
    "duplicate_entry": 409,
    "stale_revision": 409,
    "invalid_transition": 409,
    "too_large": 413,
    "throttled": 429,
    "engine_error": 500,
    # The pair exists but its checkpoint is not installed: the server must be
    # fixed, not the request.
    "model_not_found": 503,
    # The disk refused the site's files (full, read-only): nothing was published (translate.desk.publishing).
    "site_unavailable": 503,
}

# Werkzeug HTTP status -> stable error code, for failures raised by Flask itself.
CODE_BY_STATUS: dict[int, str] = {
    400: "bad_input",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "bad_input",
    422: "bad_input",
    429: "throttled",
    500: "internal",
    503: "unavailable",
}


# Seconds a client should wait before sending a request again.
RETRY_BUSY_S = 2  # another write holds the lock
RETRY_DOWN_S = 5  # the database is unreachable or restarting
# PostgreSQL SQLSTATE classes that mean "not now" rather than "wrong": connection
# exceptions, rolled-back transactions (serialisation, deadlock), insufficient
# resources, operator intervention (shutdown, restart, cancelled statement).
TRANSIENT_SQLSTATE_CLASSES = ("08", "40", "53", "57")
TRANSIENT_SQLSTATES = ("55P03", "55006")  # lock not available, object in use
SQLITE_BUSY = ("database is locked", "database table is locked", "database is busy")


def database_unavailable(exc: BaseException) -> tuple[str, int] | None:
    """Why the database cannot answer right now, and when to try again; None when the error is a bug.

    Looks through ``raise ... from`` chains, since services may wrap a driver's error.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        found = _transient(current)
        if found is not None:
            return found
        current = current.__cause__
    return None


def _transient(exc: BaseException) -> tuple[str, int] | None:
    if isinstance(exc, sa_exc.TimeoutError):  # every pooled connection is in use
        return "every database connection is in use", RETRY_BUSY_S
    if isinstance(exc, sa_exc.DBAPIError):
        if exc.connection_invalidated:
            return "the connection to the database was lost", RETRY_DOWN_S
        exc = exc.orig  # type: ignore[assignment]
    if isinstance(exc, sqlite3.OperationalError):  # also raised bare by the SQLite job queue
        message = str(exc).lower()
        if any(m in message for m in SQLITE_BUSY):
            return "the database is busy with another write", RETRY_BUSY_S
        return None
    if type(exc).__module__.split(".")[0] == "psycopg":
        sqlstate = getattr(exc, "sqlstate", None)
        if sqlstate is None:
            # No SQLSTATE: the server never answered (refused, gone, connection closed).
            name = type(exc).__name__
            if name in ("OperationalError", "InterfaceError"):
                return "the database cannot be reached", RETRY_DOWN_S
            return None
        if sqlstate[:2] in TRANSIENT_SQLSTATE_CLASSES or sqlstate in TRANSIENT_SQLSTATES:
            return "the database is busy or restarting", RETRY_DOWN_S if sqlstate[:2] in ("08", "57") \
                else RETRY_BUSY_S
    return None


def json_nested_too_deeply(exc: BaseException) -> bool:
    """A RecursionError from parsing a request body, not from our own code."""
    if not isinstance(exc, RecursionError):
        return False
    tb = exc.__traceback__
    last = None
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    return last is not None and last.endswith((os.path.join("json", "decoder.py"),
                                               os.path.join("json", "__init__.py")))


def _printable(value: Any) -> Any:
    """Strings as they can be sent: a lone surrogate (from a client's JSON) cannot be encoded, so it is escaped."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return value.encode("utf-8", "backslashreplace").decode("utf-8")
        return value
    if isinstance(value, dict):
        return {_printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_printable(v) for v in value]
    return value


def status_for_code(code: str) -> int:
    """Unknown codes are user-fixable by definition (they come from SongnguError), hence 400."""
    if code in STATUS_BY_CODE:
        return STATUS_BY_CODE[code]
    if code.endswith("not_found"):
        return 404
    if code.endswith(("conflict", "exists", "duplicate")):
        return 409
    return 400


def is_api_request() -> bool:
    """Path-based, so routing 404s and 405s (which have no blueprint) are caught too."""
    return request.path == "/api" or request.path.startswith("/api/")


def error_response(status: int, code: str, message: str, *, extra: dict[str, Any] | None = None,
                   fields: Any = None, headers: dict[str, str] | None = None) -> Response:
    """Build the one JSON error shape clients rely on."""
    body: dict[str, Any] = {"code": code, "message": message}
    if fields:
        body["fields"] = fields
    payload: dict[str, Any] = {"error": body}
    if extra:
        payload.update(extra)
    resp = jsonify(_printable(payload))
    resp.status_code = status
    for name, value in (headers or {}).items():
        resp.headers[name] = value
    return resp


def _browser_page(status: int, title: str, message: str) -> tuple[str, int]:
    return render_template("error.html", status=status, title=title, message=message), status


def service_error_response(exc: Exception) -> Response:
    """Map a SongnguError / GlossaryError to its status, carrying the fields a client needs to recover."""
    code = str(getattr(exc, "code", "error") or "error")
    status = status_for_code(code)
    extra: dict[str, Any] | None = None
    headers: dict[str, str] | None = None
    if isinstance(exc, EditConflict):
        # Both texts, so the second editor can merge instead of retyping.
        extra = {
            "current_target": exc.current_target,
            "current_version": exc.current_version,
            "your_target": exc.your_target,
        }
    if isinstance(exc, LoginThrottled):
        headers = {"Retry-After": str(int(exc.retry_after))}
    return error_response(status, code, str(exc) or code, extra=extra, headers=headers)


def _validation_message(detail: Any) -> str:
    """Flatten webargs' nested messages into one readable line; the full tree goes in ``fields``."""
    parts: list[str] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, [*path, str(key)] if key not in ("json", "form", "files", "query",
                                                             "form_and_files", "_schema") else path)
        elif isinstance(node, list) and all(isinstance(x, str) for x in node):
            parts.append(f"{'.'.join(path) + ': ' if path else ''}{' '.join(node)}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, [*path, str(i)])
        else:
            parts.append(f"{'.'.join(path) + ': ' if path else ''}{node}")

    walk(detail, [])
    return "; ".join(parts)


def register_error_handlers(app: APIFlask) -> None:
    """Install the handlers on the app (not the blueprint) so routing errors under /api are JSON too."""

    @app.error_processor
    def _apiflask_error(error: HTTPError) -> Response:
        # Validation errors and abort() from apiflask land here.
        code = CODE_BY_STATUS.get(error.status_code, f"http_{error.status_code}")
        detail = error.detail or None
        message = _validation_message(detail) if detail else (error.message or code)
        if detail:
            message = f"Invalid request: {message}"
        return error_response(error.status_code, code, message, fields=detail,
                              headers=dict(error.headers or {}))

    @app.errorhandler(SongnguError)
    def _songngu_error(exc: SongnguError) -> Any:
        if is_api_request():
            return service_error_response(exc)
        status = status_for_code(str(exc.code))
        return _browser_page(status, "Request not completed", reason_for(exc))

    @app.errorhandler(GlossaryError)
    def _glossary_error(exc: GlossaryError) -> Any:
        if is_api_request():
            return service_error_response(exc)
        return _browser_page(status_for_code(str(exc.code)), "Glossary request not completed", reason_for(exc))

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        status = exc.code or 500
        if not is_api_request():
            return _browser_page(status, exc.name, exc.description or exc.name)
        code = CODE_BY_STATUS.get(status, f"http_{status}")
        # webargs attaches the reason for a malformed JSON body here.
        data = getattr(exc, "data", None)
        messages = data.get("messages") if isinstance(data, dict) else None
        message = _validation_message(messages) if messages else (exc.description or exc.name)
        if status == 413:
            limit = app.config.get("MAX_CONTENT_LENGTH")
            message = f"The request body is too large (limit {limit} bytes)." if limit else message
        headers = {k: v for k, v in exc.get_headers() if k.lower() not in ("content-type", "content-length")}
        return error_response(status, code, message, fields=messages, headers=headers)

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        unavailable = database_unavailable(exc)
        if unavailable is not None:
            reason, retry_after = unavailable
            log.warning("database unavailable on %s %s: %s", request.method, request.path,
                        str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
            message = f"The service is briefly unavailable ({reason}); the request was not completed: " \
                      f"send it again in {retry_after} seconds."
            headers = {"Retry-After": str(retry_after)}
            if is_api_request():
                return error_response(503, "unavailable", message, headers=headers)
            page, status = _browser_page(503, "Service briefly unavailable", message)
            return page, status, headers
        if json_nested_too_deeply(exc) and is_api_request():
            return error_response(400, "bad_input", "Invalid request: the JSON body is nested too deeply.")
        log.exception("unhandled error on %s %s", request.method, request.path)
        if is_api_request():
            return error_response(500, "internal", "Internal error; it has been logged.")
        return _browser_page(500, "Internal error", "Something went wrong on our side; it has been logged.")
