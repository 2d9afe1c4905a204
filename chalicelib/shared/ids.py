"""Identifiers: time-ordered, URL-safe, with a readable type prefix (``cus_01JD8X…``).

Crockford base32 of a 48-bit millisecond timestamp and 80 random bits, like a ULID: ids sort by
creation time, which keeps DynamoDB listings in order without a separate timestamp key.
"""
from __future__ import annotations

import secrets

from chalicelib.shared import clock

_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _encode(value: int, length: int) -> str:
    chars = []
    for _ in range(length):
        value, rem = divmod(value, 32)
        chars.append(_ALPHABET[rem])
    return "".join(reversed(chars))


def new_id(prefix: str) -> str:
    ms = int(clock.now().timestamp() * 1000)
    return f"{prefix}_{_encode(ms, 10)}{_encode(secrets.randbits(80), 16)}"
