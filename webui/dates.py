"""Times the services hand out as ISO text, shown in the reader's locale and time zone."""

from __future__ import annotations

from datetime import datetime

from flask_babel import format_datetime


def when(value: str | datetime | None) -> str:
    """``value`` (ISO text or a datetime; naive means UTC) formatted for the reader; unparsable text as is."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            return value
    return format_datetime(value, "medium")
