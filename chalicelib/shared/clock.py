"""Instants as a tenant's business dates: the calendar day an instant falls on in a timezone."""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo


def local_date(at: str | datetime, timezone_name: str) -> date:
    """The day ``at`` (ISO 8601, ``Z`` accepted; naive means UTC) falls on in ``timezone_name``."""
    instant = datetime.fromisoformat(at.replace("Z", "+00:00")) if isinstance(at, str) else at
    if instant.tzinfo is None:
        instant = instant.replace(tzinfo=timezone.utc)
    return instant.astimezone(ZoneInfo(timezone_name)).date()
