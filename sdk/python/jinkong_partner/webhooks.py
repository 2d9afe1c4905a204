"""Verify a Jinkong merchant webhook: ``Jinkong-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`` over
``"<t>." + raw body`` with the subscription's signing secret (Stripe's scheme), at most
``tolerance_s`` old (replay protection)."""
from __future__ import annotations

import hashlib
import hmac
import json
import time
from typing import Any

SIGNATURE_HEADER = "Jinkong-Signature"
DEFAULT_TOLERANCE_S = 300


class InvalidSignature(Exception):
    """The delivery is not from Jinkong, was altered, or is too old: answer it 400 and ignore it."""


def verify(payload: bytes | str, header: str | None, secret: str, *, tolerance_s: int = DEFAULT_TOLERANCE_S,
           now: int | None = None) -> dict[str, Any]:
    """The event (the parsed body) if ``header`` signs ``payload`` with ``secret``; else ``InvalidSignature``."""
    raw = payload.encode() if isinstance(payload, str) else payload
    if not header:
        raise InvalidSignature(f"no {SIGNATURE_HEADER} header")
    try:
        parts = [p.strip().split("=", 1) for p in header.split(",")]
        timestamp = int(next(v for k, v in parts if k == "t"))
    except (StopIteration, ValueError) as exc:
        raise InvalidSignature(f"malformed {SIGNATURE_HEADER} header") from exc
    expected = hmac.new(secret.encode(), f"{timestamp}.".encode() + raw, hashlib.sha256).hexdigest()
    if not any(k == "v1" and hmac.compare_digest(expected, v) for k, v in parts):
        raise InvalidSignature("signature does not match")
    if abs((now if now is not None else int(time.time())) - timestamp) > tolerance_s:
        raise InvalidSignature("signature timestamp outside the tolerance")
    return json.loads(raw)
