"""Webhooks to an existing CMS: each publication and withdrawal POSTed, signed, retried, logged.

The ``webhook_deliveries`` table is the truth about every delivery (what was
sent, how often, what the receiver answered, when the next try is due); the
job queue only carries "try delivery N". Nothing here can block or undo a
publication: the listener runs after the site has switched, records a row in
its own transaction and swallows (logs) every error, and the HTTP call happens
later on a worker.

- ``deliveries.py``: the table, recording an event, the backoff schedule, claiming and finishing an attempt;
- ``signing.py``: the HMAC-SHA256 signature and the receiver's check (the documented contract);
- ``sender.py``: one attempt over HTTP (``requests``, short timeout, redirects never followed);
- ``tasks.py``: the Huey task and the sweep that re-queues due and abandoned deliveries;
- ``service.py``: ``desk.webhooks`` -- the listener, the admins' log and "Retry now".
"""

from translate.desk.webhooks.deliveries import (
    EVENTS,
    MAX_ATTEMPTS,
    RETRY_DELAYS_S,
    WebhookDelivery,
    record_event,
)
from translate.desk.webhooks.signing import sign, verify

__all__ = ["EVENTS", "MAX_ATTEMPTS", "RETRY_DELAYS_S", "WebhookDelivery", "record_event", "sign", "verify"]
