"""The models page (admins): installed MT checkpoints and the scores `songngu evaluate` kept for each.

Read-only: models are fetched, added and evaluated from the command line; this
page puts the figures side by side so replacing a model is decided on numbers.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_login import login_required

from webui.auth import get_desk, session_user

bp = Blueprint("models_pages", __name__)


@bp.get("/admin/models")
@login_required
def models() -> Any:
    return render_template("admin/models.html", models=get_desk().models.list_models(session_user()))
