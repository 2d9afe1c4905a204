from __future__ import annotations

import pytest

from chalicelib.shared.identity import IdentityType, group_key, keyed_hash, masked, validation_problem


@pytest.mark.parametrize("number", ["11010519491231002X", " 110105 19491231 002x "])
def test_the_published_resident_id_example_is_valid(number):
    assert validation_problem(IdentityType.RESIDENT_ID, number) is None


def test_a_resident_id_with_a_wrong_check_digit_is_refused():
    assert "check" in validation_problem(IdentityType.RESIDENT_ID, "110105194912310021")


def test_the_published_uscc_example_is_valid_and_a_typo_is_caught():
    assert validation_problem(IdentityType.USCC, "91350100M000100Y43") is None
    assert validation_problem(IdentityType.USCC, "91350100M000100Y44") is not None
    assert validation_problem(IdentityType.USCC, "91350100M000100I43") is not None  # I is not in the alphabet


def test_a_resident_id_shows_only_its_last_two_characters():
    assert masked("11010519491231002X", IdentityType.RESIDENT_ID) == "*" * 16 + "2X"


def test_what_the_api_shows_of_a_resident_id_leaves_at_least_10_to_the_8_candidates():
    # What the customer API returns of a person: the masked number (last two characters) and no
    # birth date. An attacker enumerates the rest: the region (about 2,850 county-level codes, GB/T
    # 2260), the birth date (adults of 18 to 70: 52 years of days) and the two hidden sequence
    # digits, and keeps the 1 in 11 whose check character matches the one shown.
    counties, adult_birth_days, hidden_sequences, check_filter = 2_850, 52 * 365, 10 ** 2, 11
    shown = masked("11010519491231002X", IdentityType.RESIDENT_ID)
    assert shown.count("*") == 16 and shown[-2:] == "2X"  # region, birth date, 2 of 3 sequence digits hidden
    assert counties * adult_birth_days * hidden_sequences // check_filter >= 10 ** 8
    # The old mask (first three and last three shown) with the full birth date beside it: only the
    # rest of the region (3 digits) and one sequence digit hidden, the check digit filtering.
    assert 10 ** 3 * 10 // 11 < 10 ** 4


def test_a_business_licence_number_is_public_and_keeps_three_characters_at_each_end():
    assert masked("91350100M000100Y43", IdentityType.USCC) == "913************Y43"


def test_each_holding_group_hashes_one_person_differently():
    master = "m" * 40
    a, b = group_key(master, "group-a"), group_key(master, "group-b")
    assert a != b and master not in a
    number = "11010519491231002X"
    assert keyed_hash(a, IdentityType.RESIDENT_ID, number) != keyed_hash(b, IdentityType.RESIDENT_ID, number)
    assert keyed_hash(a, IdentityType.RESIDENT_ID, number) == keyed_hash(group_key(master, "group-a"),
                                                                         IdentityType.RESIDENT_ID, number)


def test_the_keyed_hash_depends_on_the_key_and_ignores_spacing_and_case():
    a = keyed_hash("k1", IdentityType.RESIDENT_ID, "11010519491231002x")
    assert a == keyed_hash("k1", IdentityType.RESIDENT_ID, "110105 19491231 002X")
    assert a != keyed_hash("k2", IdentityType.RESIDENT_ID, "11010519491231002X")
    assert len(a) == 64 and "1101051949" not in a
