"""``desk.webhooks``: the publishing listener, and the delivery log admins read and nudge.

The listener is called by the publishing service after a publication or a
withdrawal has committed and the site has switched. It records the delivery
in its own transaction and queues it; whatever goes wrong there (the database,
the queue) is logged and swallowed, because the site is already right and a
CMS that missed an event is what the log and "Retry now" are for.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select

from translate.config import Settings
from translate.desk import jobs
from translate.desk.database import Database
from translate.desk.documents import Document, utcnow
from translate.desk.errors import InvalidState, NotFound
from translate.desk.rules import require
from translate.desk.views import UserView
from translate.desk.webhooks import deliveries, sender
from translate.desk.webhooks.deliveries import DELIVERED, SENDING, STATES, WebhookDelivery
from translate.errors import InputError

log = logging.getLogger("songngu.webhooks")

ADMINS = ("admin",)
PAGE_SIZE = 50


@dataclass(frozen=True)
class DeliveryView:
    id: int
    event: str
    document_id: int | None
    document_title: str | None
    state: str
    attempts: int
    next_attempt_at: datetime | None
    last_attempt_at: datetime | None
    last_status: int | None
    last_error: str | None
    url: str | None
    created_at: datetime
    delivered_at: datetime | None
    body: str

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, datetime):
                out[key] = value.isoformat(timespec="seconds") + "Z"
        out["body"] = json.loads(self.body)
        return out


@dataclass(frozen=True)
class DeliveryPage:
    items: list[DeliveryView]
    total: int
    counts: dict[str, int]  # per state, over every delivery
    configured: bool
    url: str | None


def _view(row: WebhookDelivery, title: str | None) -> DeliveryView:
    return DeliveryView(id=row.id, event=row.event, document_id=row.document_id, document_title=title,
                        state=row.state, attempts=row.attempts, next_attempt_at=row.next_attempt_at,
                        last_attempt_at=row.last_attempt_at, last_status=row.last_status, last_error=row.last_error,
                        url=row.url, created_at=row.created_at, delivered_at=row.delivered_at, body=row.body)


class WebhookService:
    def __init__(self, db: Database, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    @property
    def configured(self) -> bool:
        return bool(self.settings.webhook_url and self.settings.webhook_secret)

    # -- the listener -----------------------------------------------------------------------------

    def notify(self, event: str, payload: dict) -> int | None:
        """PublishingService listener: record and queue a delivery; never raises, returns its id."""
        if not self.configured:
            return None
        try:
            with self.db.transaction() as s:
                delivery_id = deliveries.record_event(s, event, payload).id
        except Exception:
            log.exception("webhook: could not record the %r event; the site is unaffected", event)
            return None
        self._enqueue(delivery_id)
        return delivery_id

    def _enqueue(self, delivery_id: int) -> None:
        try:
            jobs.huey_runtime(self.settings).deliver_webhook(delivery_id)
        except Exception as exc:  # the queue is down: the row is due, and the sweep queues it later
            log.warning("webhook delivery %s recorded but not queued (%s); the sweep will pick it up",
                        delivery_id, exc)

    # -- the worker's side ------------------------------------------------------------------------

    def deliver(self, delivery_id: int) -> str | None:
        """Attempt one delivery now in this thread if it is due (what the queued task does)."""
        return sender.deliver(self.db, self.settings, delivery_id)

    def sweep(self) -> list[int]:
        """Queue every due or abandoned delivery (run periodically with the jobs' recovery)."""
        return jobs.huey_runtime(self.settings).sweep_webhooks()

    # -- the log ----------------------------------------------------------------------------------

    def deliveries(self, actor: UserView, *, state: str | None = None, limit: int = PAGE_SIZE,
                   offset: int = 0) -> DeliveryPage:
        """Newest first, optionally one state; admins only (bodies carry unpublished-to-be texts)."""
        require(actor, ADMINS, "read the webhook delivery log")
        if state is not None and state not in STATES:
            raise InputError(f"unknown delivery state {state!r}; expected one of {', '.join(STATES)}")
        if not 1 <= limit <= 500 or offset < 0:
            raise InputError("limit must be between 1 and 500 and offset not negative")
        with self.db.session() as s:
            where = [WebhookDelivery.state == state] if state else []
            total = s.scalar(select(func.count()).select_from(WebhookDelivery).where(*where)) or 0
            counts = dict.fromkeys(STATES, 0)
            counts.update(dict(s.execute(select(WebhookDelivery.state, func.count())
                                         .group_by(WebhookDelivery.state)).all()))
            rows = s.execute(select(WebhookDelivery, Document.title)
                             .outerjoin(Document, Document.id == WebhookDelivery.document_id).where(*where)
                             .order_by(WebhookDelivery.id.desc()).limit(limit).offset(offset)).all()
            items = [_view(row, title) for row, title in rows]
        return DeliveryPage(items=items, total=total, counts=counts, configured=self.configured,
                            url=sender.shown_url(self.settings.webhook_url))

    def get(self, actor: UserView, delivery_id: int) -> DeliveryView:
        require(actor, ADMINS, "read the webhook delivery log")
        with self.db.session() as s:
            return _view(*self._load(s, delivery_id))

    def retry_now(self, actor: UserView, delivery_id: int) -> DeliveryView:
        """Make a pending or failed delivery due at once and queue it."""
        require(actor, ADMINS, "retry webhook deliveries")
        with self.db.transaction() as s:
            row, title = self._load(s, delivery_id)
            if row.state == DELIVERED:
                raise InvalidState(f"delivery {delivery_id} was already delivered")
            if row.state == SENDING and row.lease_until is not None and row.lease_until > utcnow():
                raise InvalidState(f"delivery {delivery_id} is being sent right now")
            deliveries.retry_now(s, row)
            s.flush()
            view = _view(row, title)
        self._enqueue(delivery_id)
        return view

    @staticmethod
    def _load(s, delivery_id: int) -> tuple[WebhookDelivery, str | None]:
        row = s.get(WebhookDelivery, delivery_id) if isinstance(delivery_id, int) else None
        if row is None:
            raise NotFound(f"no webhook delivery with id {delivery_id}")
        title = s.scalar(select(Document.title).where(Document.id == row.document_id)) if row.document_id else None
        return row, title
