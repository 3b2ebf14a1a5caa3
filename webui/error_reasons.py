"""A service's refusal, told to a person in the language of the interface.

The service layer never imports Flask or Babel, so its errors carry an English
detail (naming the id, the field, the limit) and a stable ``code``. Pages show
the kind of refusal in the reader's language, from the code, and keep the exact
detail after it: a Vietnamese desk reads why in Vietnamese, and the detail still
names what was wrong. The REST API keeps the English message (machine clients
match on ``code``).
"""

from __future__ import annotations

from flask_babel import gettext, lazy_gettext

_NOT_FOUND = lazy_gettext("It does not exist, or it was deleted.")
_BAD_INPUT = lazy_gettext("What was entered is not valid.")
_BAD_FILE = lazy_gettext("The file could not be imported; nothing was changed.")
_WRONG_STATE = lazy_gettext("This cannot be done in the current state.")

# One line per code the services raise (translate/desk/errors.py, translate/errors.py, glossary/errors.py).
KINDS = {
    "forbidden": lazy_gettext("You are not allowed to do this."),
    "not_found": _NOT_FOUND,
    "entry_not_found": _NOT_FOUND,
    "model_not_found": lazy_gettext("This translation model is not installed."),
    "conflict": lazy_gettext("Someone else changed it first; nothing was overwritten."),
    "invalid_state": _WRONG_STATE,
    "invalid_transition": _WRONG_STATE,
    "throttled": lazy_gettext("Too many attempts; wait a moment and try again."),
    "bad_input": _BAD_INPUT,
    "invalid_entry": _BAD_INPUT,
    "too_large": lazy_gettext("It is too large."),
    "bad_import": _BAD_FILE,
    "bad_exchange_file": _BAD_FILE,
    "duplicate_entry": lazy_gettext("This entry already exists."),
    "stale_revision": lazy_gettext("The glossary changed meanwhile; reload the page and try again."),
    "unknown_pair": lazy_gettext("This language pair is not supported."),
    "engine_error": lazy_gettext("The translation engine failed."),
    "model_fetch_failed": lazy_gettext("The model could not be downloaded."),
    "site_conflict": lazy_gettext("The public site changed meanwhile; try again."),
    "site_unavailable": lazy_gettext("The public site could not be written."),
    "database_error": lazy_gettext("The database could not be used."),
    "cancelled": lazy_gettext("The work was cancelled."),
}


def reason_for(exc: BaseException) -> str:
    """Why it was refused, for a page: the kind in the reader's language, then the service's detail."""
    from webui.i18n import current_locale  # here: i18n needs auth, which needs the error handlers

    detail = str(exc).strip()
    kind = KINDS.get(str(getattr(exc, "code", "") or ""))
    if kind is None or current_locale() == "en":
        return detail or str(kind or gettext("The request was not completed."))
    if not detail:
        return str(kind)
    return gettext("%(kind)s Detail: %(detail)s", kind=str(kind), detail=detail)
