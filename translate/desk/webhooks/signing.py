"""The signature every delivery carries, and the check a receiver runs (docs/CONTRACTS.md).

``X-Songngu-Signature: sha256=<hex>`` is HMAC-SHA256 with the shared secret over
``"<timestamp>.<body>"``, where ``<timestamp>`` is ``X-Songngu-Timestamp`` (Unix
seconds) and ``<body>`` the raw bytes of the request body. Signing the timestamp
with the body lets a receiver refuse a replayed request: a captured delivery
cannot be re-sent later with a fresh timestamp without the secret.
"""

from __future__ import annotations

import hashlib
import hmac
import time

SIGNATURE_HEADER = "X-Songngu-Signature"
TIMESTAMP_HEADER = "X-Songngu-Timestamp"
REPLAY_WINDOW_S = 300  # a receiver refuses a timestamp further than this from its clock


def signature(secret: str, timestamp: int, body: bytes) -> str:
    """``sha256=<hex>`` for ``body`` sent at ``timestamp``."""
    mac = hmac.new(secret.encode("utf-8"), f"{int(timestamp)}.".encode("ascii") + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def sign(secret: str, body: bytes, timestamp: int | None = None) -> dict[str, str]:
    """The two headers for one attempt; each attempt is signed afresh with its own time."""
    ts = int(time.time()) if timestamp is None else int(timestamp)
    return {TIMESTAMP_HEADER: str(ts), SIGNATURE_HEADER: signature(secret, ts, body)}


def verify(secret: str, timestamp: str | None, received: str | None, body: bytes, *,
           now: float | None = None, window_s: int = REPLAY_WINDOW_S) -> bool:
    """What a receiver does: a fresh timestamp and a matching signature, compared in constant time."""
    if not timestamp or not received or not timestamp.strip().isdigit():
        return False
    ts = int(timestamp)
    if abs((time.time() if now is None else now) - ts) > window_s:
        return False
    return hmac.compare_digest(signature(secret, ts, body), received.strip())
