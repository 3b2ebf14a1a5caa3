"""The language of the review UI: Vietnamese first, English on request.

Message ids in code and templates are English (``_("Sign in")``); the catalogs in
``webui/translations/<locale>/LC_MESSAGES/messages.po`` hold the Vietnamese and
English texts and are compiled to ``.mo`` by ``make install``. Which language a
request gets is decided once, in ``select_locale``: the signed-in user's saved
choice, else the choice made in this browser session, else the browser's
``Accept-Language``, else Vietnamese -- the people using the desk are
Vietnamese translators and editors.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, Flask, abort, redirect, request, session, url_for
from flask_babel import Babel, format_date, format_datetime, format_decimal, format_percent, get_locale
from flask_babel import gettext as _
from flask_login import current_user, user_logged_in
from werkzeug.wrappers import Response

from webui.auth import get_desk, login_manager

LOCALES: tuple[str, ...] = ("vi", "en")
DEFAULT_LOCALE = "vi"
# Each language named in itself, so a reader who cannot read the current UI still finds theirs.
LOCALE_NAMES: dict[str, str] = {"vi": "Tiếng Việt", "en": "English"}
SESSION_KEY = "locale"
TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"

babel = Babel()
bp = Blueprint("i18n", __name__)


def saved_locale(user: Any) -> str | None:
    """The locale a signed-in user saved, if the account service keeps one (older desks do not)."""
    view = getattr(user, "view", None)
    choice = getattr(view, "locale", None)
    return choice if choice in LOCALES else None


def select_locale() -> str:
    """Flask-Babel's locale selector: user, then session, then Accept-Language, then Vietnamese."""
    if current_user and current_user.is_authenticated:
        choice = saved_locale(current_user)
        if choice:
            return choice
    choice = session.get(SESSION_KEY)
    if choice in LOCALES:
        return choice
    return request.accept_languages.best_match(LOCALES) or DEFAULT_LOCALE


def current_locale() -> str:
    """The locale of this request as a plain code ('vi' or 'en'), for ``<html lang>`` and links."""
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LOCALE


def local_path(target: str | None) -> str | None:
    """Only a path on this site: an absolute URL would make the switcher an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    return target


def save_user_locale(user: Any, locale: str) -> None:
    """Remember the choice on the account when the desk can store it, so it follows the user."""
    accounts = get_desk().accounts
    set_locale = getattr(accounts, "set_locale", None)
    view = getattr(user, "view", None)
    if set_locale is not None and view is not None:
        set_locale(view, locale)


@bp.post("/locale")
def switch_locale() -> Response:
    """The language switcher's target: a CSRF-protected POST that returns to the page it came from."""
    choice = request.form.get("locale", "")
    if choice not in LOCALES:
        abort(400, description=_("Unknown language: choose one of %(choices)s.", choices=", ".join(LOCALES)))
    session[SESSION_KEY] = choice
    if current_user.is_authenticated:
        save_user_locale(current_user, choice)
    return redirect(local_path(request.form.get("next")) or url_for("auth.home"))


def _carry_choice_to_account(sender: Flask, user: Any, **extra: Any) -> None:
    """A language picked on the sign-in page becomes the account's choice if it has none yet."""
    choice = session.get(SESSION_KEY)
    if choice in LOCALES and saved_locale(user) is None:
        save_user_locale(user, choice)


def _datetime(value: datetime | None, fmt: str = "medium") -> str:
    return "" if value is None else format_datetime(value, fmt)


def _date(value: date | datetime | None, fmt: str = "medium") -> str:
    return "" if value is None else format_date(value, fmt)


def _number(value: float | int | None) -> str:
    return "" if value is None else format_decimal(value)


def _percent(value: float | None) -> str:
    return "" if value is None else format_percent(value)


def init_i18n(app: Flask) -> None:
    """Install Flask-Babel, the locale switcher and the per-locale filters on ``app``."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LOCALE)
    app.config.setdefault("BABEL_DEFAULT_TIMEZONE", "Asia/Ho_Chi_Minh")
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    babel.init_app(app, locale_selector=select_locale)
    # Flask-Login flashes its "please sign in" message itself; let it translate at flash time.
    login_manager.localize_callback = str
    app.jinja_env.filters.update(datetime=_datetime, date=_date, number=_number, percent=_percent)
    app.jinja_env.globals.update(LOCALES=LOCALES, LOCALE_NAMES=LOCALE_NAMES)
    app.context_processor(lambda: {"current_locale": current_locale()})
    user_logged_in.connect(_carry_choice_to_account, app)
    app.register_blueprint(bp)
