"""A blacklist entry: who (by keyed identity hash), why, and who added it. Pure."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class BlacklistEntry:
    identity_hash: str
    identity_masked: str | None
    name: str | None
    reason: str
    added_by: str
    added_at: datetime
