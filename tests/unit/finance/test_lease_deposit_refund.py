"""A refunded security deposit makes the lessee's flows change sign twice (+, -, ..., -, +).

The present value is then positive at both extreme rates, so a solver that only brackets between
the extremes finds nothing; the APR must still be the IRR nearest the contract rate.
"""
from __future__ import annotations

from decimal import Decimal

import numpy_financial as npf

from chalicelib.finance.apr import irr
from chalicelib.finance.quote import price_quote

LEASE = {"kind": "lease", "principal": "10000000.00", "annual_rate": "0.06", "term": 12, "frequency": "quarterly",
         "amortization": "equal_principal", "day_count": None, "start_date": "2026-01-15", "rounding": "HALF_EVEN",
         "timing": "arrears", "security_deposit": "1000000.00", "deposit_settlement": "refund"}


def test_given_a_refunded_deposit_when_quoting_then_the_apr_is_the_lessees_irr():
    quote = price_quote(LEASE)
    flows = [9_000_000.0] + [-float(row["payment"]) for row in quote["installments"]]
    flows[-1] += 1_000_000.0  # the refund arrives with the last rent
    expected = Decimal(str(round(npf.irr(flows) * 4, 6)))
    assert Decimal(quote["totals"]["apr"]) == expected
    assert Decimal(quote["totals"]["apr"]) > Decimal("0.06")  # the idle deposit costs the lessee
    assert quote["deposit_refund"] == "1000000.00"


def test_irr_finds_the_root_between_two_sign_changes():
    flows = [Decimal(90), Decimal(-10), Decimal(-10), Decimal(-10), Decimal(-80), Decimal(15)]
    rate = irr(flows, guess=Decimal("0.05"))
    pv = sum(f / (1 + rate) ** t for t, f in enumerate(flows))
    assert abs(pv) < Decimal("1e-20")
