"""Per-partner rate limits, as the local stage applies them.

In AWS, API Gateway usage plans (one per ``resources.RATE_TIERS`` tier, built by ``infra/``) throttle
partners before the Lambda runs. Locally there is no API Gateway, so the HTTP edge asks here before a
machine client's request reaches its route: a token bucket per partner application (``rate_per_s``
steady, ``burst`` at once) and a count per UTC day (``quota_per_day``). A refused request is 429
``request.rate_limited`` with ``Retry-After`` and changes nothing.

Time comes from ``shared.clock`` (tests stand it still). The buckets live in this process: one
warm Lambda or one dev server, which is what the local equivalent needs to be.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from datetime import datetime

from chalicelib.platform.resources import RATE_TIERS, RateTier
from chalicelib.shared import clock
from chalicelib.shared.errors import TooManyRequests

TIERS: dict[str, RateTier] = {t.name: t for t in RATE_TIERS}


@dataclass
class _Bucket:
    tokens: float
    refilled_at: datetime
    day: str
    used_today: int


_lock = threading.Lock()
_buckets: dict[str, _Bucket] = {}


def tier(name: str) -> RateTier:
    return TIERS.get(name, TIERS["sandbox"])


def admit(key: str, tier_name: str) -> None:
    """Count one request of ``key`` (a partner application) against its tier, or refuse it with 429."""
    t = tier(tier_name)
    now = clock.now()
    day = now.date().isoformat()
    with _lock:
        b = _buckets.get(key)
        if b is None:
            b = _buckets[key] = _Bucket(float(t.burst), now, day, 0)
        if b.day != day:
            b.day, b.used_today = day, 0
        elapsed = max(0.0, (now - b.refilled_at).total_seconds())
        b.tokens, b.refilled_at = min(float(t.burst), b.tokens + elapsed * t.rate_per_s), now
        if b.used_today >= t.quota_per_day:
            midnight = (24 * 3600) - (now.hour * 3600 + now.minute * 60 + now.second)
            raise _refused(t, midnight, "the daily quota is used up")
        if b.tokens < 1.0:
            raise _refused(t, math.ceil((1.0 - b.tokens) / t.rate_per_s), "too many requests")
        b.tokens -= 1.0
        b.used_today += 1


def _refused(t: RateTier, retry_after_s: int, why: str) -> TooManyRequests:
    return TooManyRequests("request.rate_limited", f"{why}: retry after {max(1, retry_after_s)} s",
                           {"retry_after_s": max(1, retry_after_s), "tier": t.name, "rate_per_s": t.rate_per_s,
                            "burst": t.burst, "quota_per_day": t.quota_per_day})


def forget(key: str) -> None:
    """Drop a partner application's bucket (its tier changed, or it was revoked)."""
    with _lock:
        _buckets.pop(key, None)
