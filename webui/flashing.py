"""The answer to a form's action: a success message, or the service's reason it was not done.

Pages run an action through the service and show what happened on the page they
return to; one helper keeps the wording ("Not done: …") the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import flash
from flask_babel import gettext

from translate.errors import SongnguError
from webui.error_reasons import reason_for


def done_or_flash(action: Callable[[], Any], message: str, *, also: tuple[type[Exception], ...] = ()) -> bool:
    """Run ``action``; flash ``message`` when it worked, the refusal's reason when the service said no."""
    try:
        action()
    except (SongnguError, *also) as exc:
        flash(gettext("Not done: %(reason)s", reason=reason_for(exc)), "error")
        return False
    flash(message, "success")
    return True
