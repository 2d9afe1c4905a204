"""Identity numbers: validation, masking, and the keyed hash group consolidation joins on.

Raw identity numbers are never stored. A customer keeps ``HMAC-SHA256(group key, "<type>:<number>")``
— the same in every subsidiary of one holding group, so HQ can see that two subsidiaries lend to one
customer without ever holding the number, and different in every other group (``group_key``), so one
person's hashes do not link across groups — and a masked form for display (``masked``).
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


def masked(number: str, kind: IdentityType | None = None) -> str:
    """The number for display.

    A resident ID keeps only its last two characters (``****************3X``). Its other characters
    are guessable — six region digits (about 2,850 counties), eight birth-date digits, three
    sequence digits — so every character shown, with whatever else the API says about the person,
    narrows a search of the rest. With the last two shown and no birth date returned, the candidates
    are about 2,850 regions × 19,000 adult birth dates × 100 sequences ÷ 11 (the check character
    shown) ≈ 4.9 × 10^8 (``tests/unit/test_identity.py`` counts it). Keeping the first three and last
    three, with the birth date beside them, left about 10^4.

    A unified social credit code is public (on every business licence): the first and last three
    are kept. Other documents keep their last four at most.
    """
    n = "".join(number.split()).upper()
    if kind is IdentityType.RESIDENT_ID or (kind is None and len(n) == 18 and n[:17].isdigit()):
        return "*" * (len(n) - 2) + n[-2:]
    if kind is IdentityType.USCC:
        return n[:3] + "*" * (len(n) - 6) + n[-3:]
    keep = 4 if len(n) >= 12 else 2
    return "*" * (len(n) - keep) + n[-keep:]


def group_key(master_key: str, group_id: str) -> str:
    """The identity hash key of one holding group: ``HMAC-SHA256(master, "identity-group:<group>")``.

    Subsidiaries of one group share it (HQ consolidates on the hash); another group's hash of the same
    person differs, and knowing one group's key says nothing of another's.
    """
    return hmac.new(master_key.encode(), f"identity-group:{group_id}".encode(), hashlib.sha256).hexdigest()


def keyed_hash(key: str, kind: IdentityType, number: str) -> str:
    """The group customer identity: an HMAC of the normalised number, hex, never reversible."""
    message = f"{kind.value}:{normalise(kind, number)}".encode()
    return hmac.new(key.encode(), message, hashlib.sha256).hexdigest()
