"""Identity numbers: validation, masking, and the keyed hash group consolidation joins on.

Raw identity numbers are never stored. A customer keeps ``HMAC-SHA256(key, "<type>:<number>")`` —
the same in every subsidiary of the platform, so HQ can see that two subsidiaries lend to one
customer without ever holding the number — and a masked form for display (``110************123``).
"""
from __future__ import annotations

import hashlib
import hmac
from enum import Enum


class IdentityType(str, Enum):
    RESIDENT_ID = "resident_id"  # 居民身份证, 18 characters, ISO 7064 MOD 11-2 check
    USCC = "uscc"  # 统一社会信用代码, 18 characters, GB 32100-2015 check
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"


_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"  # no I, O, Z, S, V
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def normalise(kind: IdentityType, number: str) -> str:
    return "".join(number.split()).upper()


def resident_id_check_digit(first17: str) -> str:
    return _ID_CHECK[sum(int(c) * w for c, w in zip(first17, _ID_WEIGHTS)) % 11]


def uscc_check_char(first17: str) -> str:
    total = sum(_USCC_ALPHABET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS))
    return _USCC_ALPHABET[(31 - total % 31) % 31]


def validation_problem(kind: IdentityType, number: str) -> str | None:
    """Why ``number`` is not a valid identity of ``kind``, or None if it is."""
    n = normalise(kind, number)
    if kind is IdentityType.RESIDENT_ID:
        if len(n) != 18 or not n[:17].isdigit() or n[17] not in "0123456789X":
            return "a resident ID number has 17 digits and a check character"
        if resident_id_check_digit(n[:17]) != n[17]:
            return "the resident ID number's check character does not match"
        return None
    if kind is IdentityType.USCC:
        if len(n) != 18 or any(c not in _USCC_ALPHABET for c in n):
            return "a unified social credit code has 18 characters from its alphabet"
        if uscc_check_char(n[:17]) != n[17]:
            return "the unified social credit code's check character does not match"
        return None
    if not (6 <= len(n) <= 20 and n.isalnum()):
        return "the document number must be 6 to 20 letters or digits"
    return None


def masked(number: str) -> str:
    """``110************123``: the first three and last three characters kept."""
    n = "".join(number.split()).upper()
    keep = 3 if len(n) > 8 else 1
    return n[:keep] + "*" * (len(n) - 2 * keep) + n[-keep:]


def keyed_hash(key: str, kind: IdentityType, number: str) -> str:
    """The group customer identity: an HMAC of the normalised number, hex, never reversible."""
    message = f"{kind.value}:{normalise(kind, number)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()
