from __future__ import annotations

import pytest

from chalicelib.shared.identity import IdentityType, keyed_hash, masked, validation_problem


@pytest.mark.parametrize("number", ["11010519491231002X", " 110105 19491231 002x "])
def test_the_published_resident_id_example_is_valid(number):
    assert validation_problem(IdentityType.RESIDENT_ID, number) is None


def test_a_resident_id_with_a_wrong_check_digit_is_refused():
    assert "check" in validation_problem(IdentityType.RESIDENT_ID, "110105194912310021")


def test_the_published_uscc_example_is_valid_and_a_typo_is_caught():
    assert validation_problem(IdentityType.USCC, "91350100M000100Y43") is None
    assert validation_problem(IdentityType.USCC, "91350100M000100Y44") is not None
    assert validation_problem(IdentityType.USCC, "91350100M000100I43") is not None  # I is not in the alphabet


def test_masking_keeps_three_characters_at_each_end():
    assert masked("11010519491231002X") == "110************02X"


def test_the_keyed_hash_depends_on_the_key_and_ignores_spacing_and_case():
    a = keyed_hash("k1", IdentityType.RESIDENT_ID, "11010519491231002x")
    assert a == keyed_hash("k1", IdentityType.RESIDENT_ID, "110105 19491231 002X")
    assert a != keyed_hash("k2", IdentityType.RESIDENT_ID, "11010519491231002X")
    assert len(a) == 64 and "1101051949" not in a
