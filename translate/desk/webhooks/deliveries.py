"""The delivery log: one row per event to deliver, its attempts and the receiver's last answer.

A row is written once per publication or withdrawal with the exact body to
send; every retry sends those same bytes (only the timestamp and signature
are fresh), so a receiver can de-duplicate on ``delivery`` in the body or the
``X-Songngu-Delivery`` header. Attempts are claimed with a conditional UPDATE
and a lease: two workers never send one delivery at once, and a worker that
died mid-attempt leaves a lease that expires, after which the sweep hands the
delivery to another -- deliveries are at least once, never lost.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import DateTime, ForeignKey, Index, Integer, String, Text, and_, or_, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from glossary.db import Base
from translate.desk.documents import utcnow
from translate.errors import InputError

EVENTS = ("published", "unpublished")
PENDING, SENDING, DELIVERED, FAILED = "pending", "sending", "delivered", "failed"
STATES = (PENDING, SENDING, DELIVERED, FAILED)
# Waits after the 1st, 2nd, ... failed attempt; the last one repeats until MAX_ATTEMPTS.
RETRY_DELAYS_S = (30, 120, 600, 3600, 6 * 3600)
MAX_ATTEMPTS = 8
LEASE_S = 60  # longer than one attempt can take (connect + read timeouts)
MAX_ERROR = 1000


class WebhookDelivery(Base):
    __tablename__ = "webhook_deliveries"
    __table_args__ = (Index("ix_webhook_deliveries_state_next", "state", "next_attempt_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event: Mapped[str] = mapped_column(String(20))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"),
                                                    nullable=True, index=True)
    body: Mapped[str] = mapped_column(Text)  # the JSON sent, byte for byte (UTF-8)
    state: Mapped[str] = mapped_column(String(12), default=PENDING)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    url: Mapped[str | None] = mapped_column(Text, nullable=True)  # where the last attempt went
    last_status: Mapped[int | None] = mapped_column(Integer, nullable=True)
    last_error: Mapped[str | None] = mapped_column(Text, nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    last_attempt_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


def retry_delay(attempts: int) -> int:
    """Seconds to wait after ``attempts`` failed attempts: 30 s, 2 min, 10 min, 1 h, then 6 h."""
    return RETRY_DELAYS_S[min(max(attempts, 1), len(RETRY_DELAYS_S)) - 1]


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds") + ("Z" if value.tzinfo is None else "")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (set, tuple)):
        return list(value)
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def document_id_of(payload: dict) -> int | None:
    for key in ("document_id", "id"):
        value = payload.get(key)
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    return None


def record_event(session: Session, event: str, payload: dict, *, now: datetime | None = None) -> WebhookDelivery:
    """Add a pending delivery for ``event`` with ``payload`` as its data; flushes, never commits.

    The body is fixed here, once: ``{"delivery", "event", "occurred_at", "document_id", "data"}``.
    """
    if event not in EVENTS:
        raise InputError(f"unknown webhook event {event!r}; expected one of {', '.join(EVENTS)}")
    if not isinstance(payload, dict):
        raise InputError("a webhook payload must be a JSON object")
    now = now or utcnow()
    row = WebhookDelivery(event=event, document_id=document_id_of(payload), body="{}", state=PENDING,
                          attempts=0, next_attempt_at=now, created_at=now, updated_at=now)
    session.add(row)
    session.flush()  # the id goes into the body, so a receiver can de-duplicate
    row.body = json.dumps({"delivery": row.id, "event": event, "occurred_at": _jsonable(now),
                           "document_id": row.document_id, "data": payload},
                          ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=_jsonable)
    session.flush()
    return row


def _claimable(now: datetime):
    return or_(and_(WebhookDelivery.state == PENDING, WebhookDelivery.next_attempt_at <= now),
               and_(WebhookDelivery.state == SENDING, WebhookDelivery.lease_until < now))


def due_ids(session: Session, now: datetime | None = None, limit: int = 200) -> list[int]:
    """Deliveries whose next attempt is due, or whose worker died mid-attempt (lease expired)."""
    now = now or utcnow()
    return list(session.scalars(select(WebhookDelivery.id).where(_claimable(now))
                                .order_by(WebhookDelivery.next_attempt_at, WebhookDelivery.id).limit(limit)))


def claim(session: Session, delivery_id: int, url: str | None, now: datetime | None = None) -> int | None:
    """Take the next attempt of a due delivery; returns its attempt number, None if not ours to send."""
    now = now or utcnow()
    res = session.execute(
        update(WebhookDelivery).where(WebhookDelivery.id == delivery_id, _claimable(now))
        .values(state=SENDING, attempts=WebhookDelivery.attempts + 1, lease_until=now + timedelta(seconds=LEASE_S),
                url=url, last_attempt_at=now, updated_at=now)
        .execution_options(synchronize_session=False))
    session.commit()
    if res.rowcount != 1:
        return None
    return session.scalar(select(WebhookDelivery.attempts).where(WebhookDelivery.id == delivery_id))


def finish(session: Session, delivery_id: int, attempt: int, *, ok: bool, status: int | None,
           error: str | None, now: datetime | None = None) -> str | None:
    """Record an attempt's outcome: delivered, pending with the next wait, or failed after MAX_ATTEMPTS.

    Only the holder of attempt ``attempt`` may write it (a worker whose lease
    expired and was taken over writes nothing). Returns the new state, or None.
    """
    now = now or utcnow()
    if ok:
        values = {"state": DELIVERED, "delivered_at": now, "next_attempt_at": None, "last_error": None}
    elif attempt >= MAX_ATTEMPTS:
        values = {"state": FAILED, "next_attempt_at": None, "last_error": (error or "")[:MAX_ERROR]}
    else:
        values = {"state": PENDING, "next_attempt_at": now + timedelta(seconds=retry_delay(attempt)),
                  "last_error": (error or "")[:MAX_ERROR]}
    res = session.execute(
        update(WebhookDelivery).where(WebhookDelivery.id == delivery_id, WebhookDelivery.state == SENDING,
                                      WebhookDelivery.attempts == attempt)
        .values(last_status=status, lease_until=None, updated_at=now, **values)
        .execution_options(synchronize_session=False))
    session.commit()
    return values["state"] if res.rowcount == 1 else None


def retry_now(session: Session, delivery: WebhookDelivery, now: datetime | None = None) -> None:
    """Make a pending or failed delivery due at once.

    A failed delivery gets one more attempt (it fails again at once if that one
    fails too); a pending one keeps its count and schedule after this attempt.
    """
    now = now or utcnow()
    delivery.state = PENDING
    delivery.next_attempt_at = now
    delivery.updated_at = now
