"""One delivery attempt over HTTP: the stored body, freshly signed, POSTed with a short timeout.

Redirects are never followed (a 3xx is a failed attempt naming where it
pointed): the body and its signature go only to the configured URL. Proxy
settings from the environment are ignored for the same reason.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests
from sqlalchemy import select

from translate.config import Settings
from translate.desk.webhooks import deliveries
from translate.desk.webhooks.deliveries import WebhookDelivery
from translate.desk.webhooks.signing import sign

log = logging.getLogger("songngu.webhooks")

TIMEOUT_S = (3.05, 10.0)  # connect, read
USER_AGENT = "songngu-webhook/1"


@dataclass(frozen=True)
class Outcome:
    ok: bool
    status: int | None
    error: str | None


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    """POST once; any 2xx is success, anything else (or no answer) an error worth retrying."""
    try:
        with requests.Session() as http:
            http.trust_env = False  # no proxy or .netrc from the environment
            resp = http.post(url, data=body, headers=headers, timeout=TIMEOUT_S, allow_redirects=False)
    except requests.RequestException as exc:
        return Outcome(False, None, f"{type(exc).__name__}: {exc}")
    if 200 <= resp.status_code < 300:
        return Outcome(True, resp.status_code, None)
    if 300 <= resp.status_code < 400:
        where = resp.headers.get("Location", "?")
        return Outcome(False, resp.status_code, f"HTTP {resp.status_code}: redirect to {where} not followed")
    text = " ".join((resp.text or "")[:300].split())
    return Outcome(False, resp.status_code, f"HTTP {resp.status_code}" + (f": {text}" if text else ""))


def shown_url(url: str | None) -> str | None:
    """The URL as the log shows it: a password in it (``https://user:pass@host``) is masked."""
    if not url:
        return url
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.hostname}" + (f":{parts.port}" if parts.port else "")
    return urlunsplit(parts._replace(netloc=netloc))


def headers_for(row: WebhookDelivery, secret: str, body: bytes) -> dict[str, str]:
    return {"Content-Type": "application/json; charset=utf-8", "User-Agent": USER_AGENT,
            "X-Songngu-Event": row.event, "X-Songngu-Delivery": str(row.id), **sign(secret, body)}


def deliver(db, settings: Settings, delivery_id: int, *,
            send: Callable[[str, bytes, dict[str, str]], Outcome] = post) -> str | None:
    """Attempt delivery ``delivery_id`` if it is due; returns its state afterwards (None: not found).

    ``db`` is a :class:`translate.desk.database.Database`. Safe to call for a
    delivery that is not due, already delivered or being sent by another
    worker: the claim makes it a no-op.
    """
    url, secret = settings.webhook_url, settings.webhook_secret
    with db.session() as s:
        attempt = deliveries.claim(s, delivery_id, shown_url(url))
        row = s.get(WebhookDelivery, delivery_id)
        if row is None:
            return None
        if attempt is None:
            return row.state
        event, body = row.event, row.body.encode("utf-8")
        if not url or not secret:
            outcome = Outcome(False, None, "no webhook is configured (SONGNGU_WEBHOOK_URL, SONGNGU_WEBHOOK_SECRET)")
        else:
            hdrs = headers_for(row, secret, body)
            s.commit()  # hold no transaction while the receiver answers
            outcome = send(url, body, hdrs)
        state = deliveries.finish(s, delivery_id, attempt, ok=outcome.ok, status=outcome.status, error=outcome.error)
        if outcome.ok:
            log.info("webhook delivery %s (%s) delivered on attempt %s", delivery_id, event, attempt)
        else:
            log.warning("webhook delivery %s (%s) attempt %s failed: %s", delivery_id, event, attempt, outcome.error)
        if state is None:
            return s.scalar(select(WebhookDelivery.state).where(WebhookDelivery.id == delivery_id))
        return state
