from __future__ import annotations

from decimal import Decimal

import pytest

from chalicelib.platform import keys
from chalicelib.platform.dynamo import DecimalAttribute


def test_partition_keys_start_with_the_tenant_prefix():
    assert keys.partition("demo-lending", "PRODUCT", "CL01") == "T#demo-lending#PRODUCT#CL01"


@pytest.mark.parametrize("bad", ["", "Demo", "demo#lending", "a", "../x", "demo lending"])
def test_a_tenant_id_that_could_smuggle_a_key_is_refused(bad):
    with pytest.raises(ValueError):
        keys.tenant_prefix(bad)


def test_a_key_part_with_a_separator_is_refused():
    with pytest.raises(ValueError):
        keys.partition("demo-lending", "PRODUCT", "x#T#demo-leasing")


def test_decimal_attribute_is_exact_and_refuses_float():
    attr = DecimalAttribute()
    assert attr.deserialize(attr.serialize(Decimal("0.1"))) == Decimal("0.1")
    assert attr.serialize(Decimal("1E+3")) == "1000"
    with pytest.raises(TypeError):
        attr.serialize(0.1)
    with pytest.raises(ValueError):
        attr.serialize(Decimal("NaN"))
