"""Identifiers: time-ordered, URL-safe, with a readable type prefix (``cus_01JD8X…``).

Crockford base32 of a 48-bit millisecond timestamp and 80 random bits, like a ULID: ids sort by
creation time, which keeps DynamoDB listings in order without a separate timestamp key.
"""
from __future__ import annotations

import re
import secrets
from typing import Annotated

from pydantic import AfterValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

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


# What any Jinkong identifier may look like — generated ids (``cus_01JD8X…``), tenant ids, product
# codes, run ids, identity hashes, dates: letters, digits and ``_ . : -``, starting with a letter or
# digit. Ids become parts of DynamoDB keys, so the key separator ``#`` (and anything else) never gets in.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}")
MALFORMED_ID = "not an identifier (letters, digits and _ . : -, at most 128)"


def well_formed(value: str) -> bool:
    """Whether ``value`` could be an identifier at all (a malformed one is refused, never looked up)."""
    return bool(_ID.fullmatch(value))


def _checked_id(value: str) -> str:
    if not well_formed(value):
        raise PydanticCustomError("id_malformed", MALFORMED_ID)
    return value


# The one pydantic type for an id a caller sends (list filters, references in bodies); a malformed
# one is 422 ``request.id.invalid`` (``platform.http.validation_error``).
ResourceId = Annotated[str, AfterValidator(_checked_id),
                       WithJsonSchema({"type": "string", "pattern": r"^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$"})]
