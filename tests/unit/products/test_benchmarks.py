"""Benchmark rates: the rate in force on a date, from the reference table."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from chalicelib.products.benchmarks import benchmark_table
from chalicelib.shared.errors import NotFound, RuleViolation


def test_the_current_lpr_is_3_00_for_one_year_and_3_50_for_five():
    table = benchmark_table()
    assert table.get("LPR1Y").current.rate == Decimal("0.0300")
    assert table.get("LPR5Y").current.rate == Decimal("0.0350")


@pytest.mark.parametrize("on,rate,effective_on", [
    (date(2025, 5, 19), "0.0310", date(2024, 10, 21)),  # the day before a fixing: the old rate
    (date(2025, 5, 20), "0.0300", date(2025, 5, 20)),  # the fixing date itself: the new one
    (date(2030, 1, 1), "0.0300", date(2025, 5, 20)),
])
def test_the_rate_on_a_date_is_the_last_fixing_on_or_before_it(on, rate, effective_on):
    fixing = benchmark_table().rate_on("LPR1Y", on)
    assert (fixing.rate, fixing.effective_on) == (Decimal(rate), effective_on)


def test_no_rate_before_the_first_fixing_and_no_unknown_benchmark():
    with pytest.raises(RuleViolation) as caught:
        benchmark_table().rate_on("LPR1Y", date(2019, 8, 19))
    assert caught.value.code == "products.benchmark.not_published"
    with pytest.raises(NotFound):
        benchmark_table().rate_on("SHIBOR3M", date(2026, 1, 1))
