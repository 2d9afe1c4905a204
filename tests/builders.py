"""Builders for common test objects: valid identity numbers, customers."""
from __future__ import annotations

import random

from chalicelib.shared.identity import resident_id_check_digit, uscc_check_char

_rng = random.Random()


def resident_id(birth: str = "19850315", region: str = "310101") -> str:
    """A resident ID number with a valid check digit (random sequence part)."""
    first17 = f"{region}{birth}{_rng.randrange(1000):03d}"
    return first17 + resident_id_check_digit(first17)


def uscc() -> str:
    """A unified social credit code with a valid check character."""
    alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    first17 = "91310000" + "".join(_rng.choice(alphabet) for _ in range(9))
    return first17 + uscc_check_char(first17)


def individual(**over) -> dict:
    body = {"type": "individual", "name": "张三", "identity_type": "resident_id", "identity_number": resident_id(),
            "contact": {"phone": "+86 138 0000 0000"}, "region": "310000", "verification_level": "strong_real_name",
            "annual_income": "240000.00"}
    return {**body, **over}


def enterprise(**over) -> dict:
    body = {"type": "enterprise", "name": "上海示例制造有限公司", "identity_type": "uscc", "identity_number": uscc(),
            "industry": "C36", "region": "310000", "established_on": "2015-06-01"}
    return {**body, **over}
