"""A blacklist entry: who (by keyed identity hash), why, and who added it. Pure.

Callers see an entry by its ``entry_id`` (random): the identity hash stays inside the platform, so
blacklisting a guessed number never hands back a value to compare with a customer's hash."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class BlacklistEntry:
    entry_id: str
    identity_hash: str
    identity_masked: str | None
    name: str | None
    reason: str
    added_by: str
    added_at: datetime
