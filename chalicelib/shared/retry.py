"""The one retry of optimistic-concurrency loops: a bounded number of attempts, and before each retry
a sleep with full jitter (exponential, capped), so contending writers spread out instead of
colliding again in lockstep.

    for attempt in attempts(MAX_ATTEMPTS):
        state, version = load()
        try:
            return save(change(state), version)
        except Conflict:
            continue            # lost the race: re-read and try again
    raise Conflict(...)         # every attempt lost
"""
from __future__ import annotations

import random
import time
from typing import Iterator

BASE_S = 0.005
CAP_S = 0.2


def backoff(attempt: int, *, base_s: float = BASE_S, cap_s: float = CAP_S) -> None:
    """Sleep before retry number ``attempt`` (1 = the first retry): up to base·2^attempt, capped."""
    time.sleep(random.uniform(0, min(cap_s, base_s * (2 ** attempt))))


def attempts(max_attempts: int, *, base_s: float = BASE_S, cap_s: float = CAP_S) -> Iterator[int]:
    """Attempt numbers 1..``max_attempts``, backing off before every one after the first."""
    for attempt in range(1, max_attempts + 1):
        if attempt > 1:
            backoff(attempt - 1, base_s=base_s, cap_s=cap_s)
        yield attempt
