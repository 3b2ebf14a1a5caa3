"""What every page's frame shows: the navigation for the user's role, role names, the TEST banner.

The navigation is listed here, once, as plain paths: the pages behind them live in
their own blueprints, and a link may be listed before its page exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import Flask, request
from flask_babel import lazy_gettext
from flask_login import current_user
from flask_wtf.csrf import generate_csrf
from werkzeug.exceptions import default_exceptions

from webui.auth import get_desk


@dataclass(frozen=True)
class NavItem:
    path: str
    label: Any  # a lazy_gettext string: translated when rendered
    roles: tuple[str, ...] | None = None  # None: every signed-in user
    also: tuple[str, ...] = ()  # other path prefixes that belong to this area (an article is part of the desk)


NAV: tuple[NavItem, ...] = (
    NavItem("/desk", lazy_gettext("Desk"), also=("/articles",)),
    NavItem("/glossary", lazy_gettext("Glossary")),
    NavItem("/memory", lazy_gettext("Memory"), roles=("editor", "admin")),
    NavItem("/analytics", lazy_gettext("Analytics"), roles=("editor", "admin")),
    NavItem("/admin/users", lazy_gettext("Users"), roles=("admin",)),
    NavItem("/admin/models", lazy_gettext("Models"), roles=("admin",)),
    NavItem("/admin/webhooks", lazy_gettext("Webhooks"), roles=("admin",)),
)

ROLE_LABELS: dict[str, Any] = {
    "translator": lazy_gettext("translator"),
    "editor": lazy_gettext("editor"),
    "admin": lazy_gettext("administrator"),
}

# Flash categories that announce assertively (role=alert); the rest are polite (role=status).
ALERT_CATEGORIES = frozenset({"error", "warning"})


ERROR_TITLES: dict[int, Any] = {
    400: lazy_gettext("The request was not valid"),
    403: lazy_gettext("Not allowed"),
    404: lazy_gettext("Page not found"),
    405: lazy_gettext("Method not allowed"),
    409: lazy_gettext("Changed in the meantime"),
    413: lazy_gettext("Too large"),
    429: lazy_gettext("Too many requests"),
    500: lazy_gettext("Internal error"),
    503: lazy_gettext("Service unavailable"),
}

ERROR_EXPLANATIONS: dict[int, Any] = {
    400: lazy_gettext("The request could not be understood. Go back, reload the page and try again."),
    403: lazy_gettext("Your role does not allow this. Ask an administrator if you need it."),
    404: lazy_gettext("The page you asked for does not exist, or it has moved."),
    409: lazy_gettext("Someone else changed this in the meantime. Reload the page to see the current version."),
    413: lazy_gettext("The file is larger than the desk accepts."),
    429: lazy_gettext("Too many attempts in a short time. Wait a little and try again."),
    500: lazy_gettext("Something went wrong on our side; it has been logged."),
    503: lazy_gettext("The desk cannot do this right now. Try again later or tell an administrator."),
}


def error_title(status: int, fallback: str) -> str:
    """The error page heading in the reader's language; unknown statuses keep the given title."""
    title = ERROR_TITLES.get(status)
    return str(title) if title is not None else fallback


def error_explanation(status: int) -> str:
    explanation = ERROR_EXPLANATIONS.get(status)
    return str(explanation) if explanation is not None else ""


def is_default_error_message(status: int, message: str) -> bool:
    """Werkzeug's stock English text (and any 5xx text) adds nothing to the translated explanation.

    A specific message -- a service error naming what was wrong -- is still shown.
    """
    if status >= 500:
        return True
    exc = default_exceptions.get(status)
    return exc is not None and message.strip() == (exc.description or "").strip()


def nav_for(role: str | None, path: str) -> list[dict[str, Any]]:
    """The links ``role`` may follow, each marked current when ``path`` is it or below it."""
    if role is None:
        return []
    return [
        {"path": item.path, "label": item.label,
         "current": any(path == p or path.startswith(p + "/") for p in (item.path, *item.also))}
        for item in NAV if item.roles is None or role in item.roles
    ]


def role_label(role: str) -> str:
    """The role as the UI names it, translated; an unknown role shows as stored."""
    label = ROLE_LABELS.get(role)
    return str(label) if label is not None else role


def this_page() -> str:
    """The path and query of this request, for forms that must come back here (the switcher)."""
    full = request.full_path
    return full[:-1] if full.endswith("?") else full


def _layout_context() -> dict[str, Any]:
    role = current_user.role if current_user and current_user.is_authenticated else None
    return {
        "nav_items": nav_for(role, request.path),
        "drafts_are_test_output": get_desk().models.drafts_are_test_output(),
        "this_page": this_page(),
    }


def init_layout(app: Flask) -> None:
    """Expose the frame's data to every template."""
    app.context_processor(_layout_context)
    app.jinja_env.globals.update(
        role_label=role_label,
        alert_categories=ALERT_CATEGORIES,
        error_title=error_title,
        error_explanation=error_explanation,
        is_default_error_message=is_default_error_message,
    )
    # csrf_token() for hand-written forms (the switcher) even on pages without a FlaskForm.
    app.jinja_env.globals.setdefault("csrf_token", generate_csrf)
