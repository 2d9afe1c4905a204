from decimal import Decimal

import pytest

from chalicelib.shared.money import (
    UnknownCurrency,
    UnknownRounding,
    currency_scale,
    decimal_from,
    minor_unit,
    quantize,
    round_to_multiple,
    rounding_mode,
)

D = Decimal


@pytest.mark.parametrize("currency, scale", [("CNY", 2), ("USD", 2), ("EUR", 2), ("HKD", 2), ("JPY", 0),
                                             ("KRW", 0), ("BHD", 3), ("KWD", 3), ("CLF", 4)])
def test_given_an_iso_currency_when_asking_its_scale_then_it_is_the_iso_4217_minor_unit(currency, scale):
    assert currency_scale(currency) == scale


def test_given_a_lowercase_code_when_asking_its_minor_unit_then_it_is_recognised():
    assert minor_unit("cny") == D("0.01")


def test_given_an_unknown_code_when_asking_its_scale_then_it_is_refused():
    with pytest.raises(UnknownCurrency):
        currency_scale("XYZ")


@pytest.mark.parametrize("mode, expected", [("HALF_EVEN", "2.12"), ("HALF_UP", "2.13"), ("HALF_DOWN", "2.12"),
                                            ("DOWN", "2.12"), ("UP", "2.13"), ("CEILING", "2.13"), ("FLOOR", "2.12")])
def test_given_a_tie_when_quantizing_then_the_named_mode_decides(mode, expected):
    assert quantize(D("2.125"), "CNY", mode) == D(expected)


def test_given_the_default_mode_when_quantizing_a_tie_then_it_rounds_half_to_even():
    assert quantize(D("2.135")) == D("2.14")
    assert quantize(D("2.145")) == D("2.14")


def test_given_yen_when_quantizing_then_there_are_no_decimals():
    assert str(quantize(D("1234.5"), "JPY")) == "1234"


def test_given_a_dinar_when_quantizing_then_there_are_three_decimals():
    assert str(quantize(D("1.23456"), "KWD")) == "1.235"


def test_given_a_negative_amount_rounding_to_zero_when_quantizing_then_no_negative_zero_appears():
    assert str(quantize(D("-0.001"), "CNY")) == "0.00"


def test_given_a_decimal_constant_name_when_mapping_a_mode_then_it_is_accepted():
    assert rounding_mode("ROUND_HALF_UP") == rounding_mode("half_up")


def test_given_an_unknown_mode_when_mapping_then_it_is_refused():
    with pytest.raises(UnknownRounding):
        rounding_mode("BANKERS")


def test_given_a_multiple_when_rounding_then_the_result_is_a_whole_number_of_it():
    assert round_to_multiple(D("5307.27"), D("10")) == D("5310")
    assert round_to_multiple(D("5307.27"), D("10"), "DOWN") == D("5300")


def test_given_a_float_when_building_a_decimal_then_it_is_refused():
    with pytest.raises(TypeError):
        decimal_from(0.1)


def test_given_a_bool_when_building_a_decimal_then_it_is_refused():
    with pytest.raises(TypeError):
        decimal_from(True)


def test_given_infinity_when_building_a_decimal_then_it_is_refused():
    with pytest.raises(ValueError):
        decimal_from("Infinity")
