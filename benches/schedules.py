"""How fast the Decimal engine prices 360-period annuity schedules, against a float implementation.

Run: ``python benches/schedules.py`` (from the repository root or anywhere). Prints figures only.

The Decimal side is the production path: ``LoanTerms`` → ``loan_schedule`` (due dates, accrual
periods, the instalment solved once, interest rounded to the cent every period, the last instalment
absorbing the remainder). The float side does the same work the way numpy-financial is normally
used: ``pmt`` for the instalment, ``ipmt``/``ppmt`` vectorised over the 360 periods, balances by a
cumulative sum and everything rounded to cents with ``numpy.round`` — fast, but binary floating
point, which is why it is only a yardstick here.
"""
from __future__ import annotations

import statistics
import sys
import time
from datetime import date
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402
import numpy_financial as npf  # noqa: E402

from chalicelib.finance.loan import LoanSchedule, LoanTerms, loan_schedule  # noqa: E402

PERIODS = 360
PRINCIPAL = "1000000.00"
ANNUAL_RATE = "0.049"
ROUNDS = 5
ROUND_SECONDS = 0.5


def decimal_schedule() -> LoanSchedule:
    terms = LoanTerms(principal=Decimal(PRINCIPAL), annual_rate=Decimal(ANNUAL_RATE), term=PERIODS,
                      start_on=date(2026, 1, 31))
    return loan_schedule(terms)


def float_schedule() -> tuple[np.ndarray, ...]:
    rate = float(ANNUAL_RATE) / 12
    principal = float(PRINCIPAL)
    periods = np.arange(1, PERIODS + 1)
    instalment = np.round(-npf.pmt(rate, PERIODS, principal), 2)
    interest = np.round(-npf.ipmt(rate, periods, PERIODS, principal), 2)
    principal_parts = np.round(-npf.ppmt(rate, periods, PERIODS, principal), 2)
    balances = np.round(principal - np.cumsum(principal_parts), 2)
    return instalment, interest, principal_parts, balances


def rates_per_second(work, rounds: int = ROUNDS) -> list[float]:
    """Schedules per second in each of ``rounds`` timed rounds of about ``ROUND_SECONDS``."""
    work()  # warm up caches and imports
    rates = []
    for _ in range(rounds):
        count = 0
        started = time.perf_counter()
        elapsed = 0.0
        while elapsed < ROUND_SECONDS:
            for _ in range(25):
                work()
            count += 25
            elapsed = time.perf_counter() - started
        rates.append(count / elapsed)
    return rates


def main() -> None:
    schedule = decimal_schedule()
    decimal_rates = rates_per_second(decimal_schedule)
    float_rates = rates_per_second(float_schedule)
    decimal_median, float_median = statistics.median(decimal_rates), statistics.median(float_rates)
    print(f"{PERIODS}-period annuity schedules (principal {PRINCIPAL}, {ANNUAL_RATE} a year, monthly), "
          f"{ROUNDS} rounds of {ROUND_SECONDS}s")
    print(f"  instalment: {schedule.level_amount}  last: {schedule.installments[-1].payment}")
    for label, median, best in (("Decimal engine (chalicelib.finance):", decimal_median, max(decimal_rates)),
                                ("float numpy-financial (vectorised): ", float_median, max(float_rates))):
        print(f"  {label}  median {median:8,.0f}  best {best:8,.0f} schedules/s")
    print(f"  Decimal / float throughput ratio:     {decimal_median / float_median:.2f} "
          f"(float is {float_median / decimal_median:.1f}x faster, and inexact)")
    print(f"  goal >= 1,000 schedules/s (median):   {'met' if decimal_median >= 1000 else 'NOT met'}")


if __name__ == "__main__":
    main()
