"""Internal rate of return and the annualised rate disclosed to customers.

``irr`` finds the rate per period ``r`` at which the cash flows' present value is zero::

    sum(flow_i * (1 + r) ** -t_i) == 0

with ``t_i`` in periods (integers for a regular schedule, fractions for a stub first period).
It works on ``v = 1 / (1 + r)``, where the present value is a polynomial (times ``v ** phi``
for a fractional offset ``phi``), and runs Newton's method inside a bracket that it keeps
shrinking, falling back to bisection whenever a Newton step would leave the bracket. Newton
converges in a handful of steps from a sensible guess; the bracket guarantees an answer whenever
the present value changes sign between a -99.9% and a +10^8 % rate per period.

Annualisation (a convention, stated once): the disclosed annual rate is **nominal**, the IRR per
period times the periods per year (``r * 12`` for a monthly schedule). That is the PBOC's
method for the annualised rate lenders must disclose (IRR-based, "年化利率 = 期利率 × 每年期数"),
and it makes a plain annuity's APR equal its contract rate. ``effective_annual_rate`` gives the
compounded ``(1 + r) ** n - 1`` where that is wanted. ``xirr`` is for flows on arbitrary dates
with no period at all (factoring): it returns the effective annual rate on an ACT/365F basis.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from decimal import Decimal, localcontext
from fractions import Fraction
from typing import Union

from .context import FINANCE_CONTEXT
from .errors import NoRateSolution

Time = Union[int, Fraction, Decimal]

_ZERO = Decimal(0)
_ONE = Decimal(1)
# v = 1/(1+r) is searched in [V_MIN, V_MAX]: r per period from 999,999 (1e8 %) down to -99.9%.
_V_MIN = Decimal("0.000001")
_V_MAX = Decimal(1000)
_MAX_ITERATIONS = 300


def nominal_annual_rate(rate_per_period: Decimal, periods_per_year: int) -> Decimal:
    """The nominal annual rate: ``rate_per_period * periods_per_year`` (the disclosure convention)."""
    return rate_per_period * periods_per_year


def effective_annual_rate(rate_per_period: Decimal, periods_per_year: int) -> Decimal:
    """The compounded annual rate ``(1 + r) ** periods_per_year - 1``."""
    with localcontext(FINANCE_CONTEXT):
        return (_ONE + rate_per_period) ** periods_per_year - _ONE


class _PresentValue:
    """The present value of flows as a function of ``v`` and its derivative, evaluated fast.

    Flows are grouped by the fractional part of their time; within a group the present value is
    a polynomial in ``v`` evaluated by Horner's rule when the times are dense (a schedule), or
    by one integer power per flow when they are sparse (dated flows years apart).
    """

    def __init__(self, flows: Sequence[Decimal], times: Sequence[Time]):
        groups: dict[Fraction, dict[int, Decimal]] = {}
        for flow, time in zip(flows, times, strict=True):
            exact = Fraction(time) if not isinstance(time, Decimal) else Fraction(str(time))
            whole = exact.numerator // exact.denominator
            offset = exact - whole
            group = groups.setdefault(offset, {})
            group[whole] = group.get(whole, _ZERO) + flow
        self._groups = []
        for offset, by_power in groups.items():
            lowest = min(by_power)
            # Negative whole parts (flows before time 0) are shifted into the offset's power.
            highest = max(by_power) - lowest
            dense = len(by_power) * 8 >= highest
            if dense:
                coefficients = [_ZERO] * (highest + 1)
                for power, amount in by_power.items():
                    coefficients[power - lowest] += amount
                terms = tuple(reversed(coefficients))
            else:
                terms = tuple((power - lowest, amount) for power, amount in sorted(by_power.items()))
            exponent = offset + lowest
            self._groups.append((Decimal(exponent.numerator) / exponent.denominator, dense, terms))

    def value_and_slope(self, v: Decimal) -> tuple[Decimal, Decimal]:
        total = slope = _ZERO
        for exponent, dense, terms in self._groups:
            if dense:
                # Horner for p(v) and p'(v) together.
                p = dp = _ZERO
                for coefficient in terms:
                    dp = dp * v + p
                    p = p * v + coefficient
            else:
                p = dp = _ZERO
                for power, amount in terms:
                    if power:
                        term = amount * v ** (power - 1)
                        dp += power * term
                        p += term * v
                    else:
                        p += amount
            if exponent:
                scale = v ** exponent
                # d/dv [v^e p(v)] = e v^(e-1) p + v^e p'
                total += scale * p
                slope += scale * (exponent * p / v + dp)
            else:
                total += p
                slope += dp
        return total, slope


def irr(
    flows: Sequence[Decimal],
    times: Sequence[Time] | None = None,
    *,
    guess: Decimal | None = None,
) -> Decimal:
    """The rate per period at which the flows' present value is zero.

    ``times`` are in periods from the first flow (default ``0, 1, 2, ...``); fractions are
    allowed. Raises ``NoRateSolution`` when the present value does not change sign between
    -99.9% and +10^6 % per period (e.g. all flows of one sign).
    """
    with localcontext(FINANCE_CONTEXT):
        if times is None:
            times = range(len(flows))
        if not any(f > 0 for f in flows) or not any(f < 0 for f in flows):
            raise NoRateSolution("cash flows need at least one inflow and one outflow")
        pv = _PresentValue(flows, times)
        low, high = _V_MIN, _V_MAX
        f_low, _ = pv.value_and_slope(low)
        f_high, _ = pv.value_and_slope(high)
        if f_low == 0:
            return _ONE / low - _ONE
        if f_high == 0:
            return _ONE / high - _ONE
        if (f_low < 0) == (f_high < 0):
            # Flows that change sign more than once (a lessee who gets a deposit back at the end:
            # +, -, ..., -, +) can be positive at both extremes yet cross zero in between. Find the
            # crossing nearest the guess on a grid of discount factors instead of the extremes.
            low, high, f_low = _bracket_near(pv, guess if guess is not None else Decimal("0.01"))
        low_negative = f_low < 0
        v = _ONE / (_ONE + (guess if guess is not None else Decimal("0.01")))
        if not low < v < high:
            v = (low + high) / 2
        tolerance = Decimal("1e-30")
        step = previous_step = high - low
        for _ in range(_MAX_ITERATIONS):
            f, slope = pv.value_and_slope(v)
            if f == 0:
                break
            if (f < 0) == low_negative:
                low = v
            else:
                high = v
            candidate = v - f / slope if slope else high
            # Bisect when Newton would leave the bracket or is not at least halving the step
            # (high powers of v make it crawl): the safeguarded Newton of Numerical Recipes' rtsafe.
            if not low < candidate < high or abs(2 * f) > abs(previous_step * slope):
                candidate = (low + high) / 2
            previous_step, step = step, abs(candidate - v)
            v = candidate
            if step <= tolerance * v:
                break
        else:  # pragma: no cover - the bracket halves at worst, 300 halvings exhaust it
            raise NoRateSolution("rate search did not converge")
        return _ONE / v - _ONE


_GRID_RATES = tuple(Decimal(r) for r in (
    "-0.9", "-0.5", "-0.2", "-0.1", "-0.05", "-0.02", "-0.01", "0", "0.0001", "0.001", "0.002", "0.005",
    "0.01", "0.02", "0.03", "0.05", "0.08", "0.1", "0.15", "0.2", "0.3", "0.5", "1", "2", "5", "10"))


def _bracket_near(pv: "_PresentValue", guess: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """(low, high, f(low)) in discount factors around the sign change nearest ``guess``."""
    factors = sorted(_ONE / (_ONE + r) for r in _GRID_RATES)
    values = [pv.value_and_slope(v)[0] for v in factors]
    target = _ONE / (_ONE + guess)
    brackets = [(abs((a + b) / 2 - target), a, b, fa) for a, b, fa, fb in
                zip(factors, factors[1:], values, values[1:]) if fa == 0 or (fa < 0) != (fb < 0)]
    if not brackets:
        raise NoRateSolution("the present value does not change sign over the rates searched")
    _, low, high, f_low = min(brackets)
    return low, high, f_low


def xirr(dated_flows: Sequence[tuple[date, Decimal]]) -> Decimal:
    """The effective annual rate of flows on arbitrary dates (ACT/365F, like a spreadsheet's XIRR).

    Solved as a daily rate ``d`` on whole days, then compounded: ``(1 + d) ** 365 - 1``.
    """
    if not dated_flows:
        raise NoRateSolution("no cash flows")
    first = min(day for day, _ in dated_flows)
    daily = irr([flow for _, flow in dated_flows], [(day - first).days for day, _ in dated_flows],
                guess=Decimal("0.0002"))
    with localcontext(FINANCE_CONTEXT):
        return (_ONE + daily) ** 365 - _ONE


def solve_rate(
    shortfall: Callable[[Decimal], Decimal],
    *,
    low: Decimal = _ZERO,
    high: Decimal = Decimal("0.1"),
    ceiling: Decimal = Decimal(10),
    tolerance: Decimal = Decimal("1e-28"),
) -> Decimal:
    """The rate in ``[low, ceiling]`` where a monotone ``shortfall(rate)`` crosses zero.

    For equations with no handy derivative (rents discounted on day-count accruals). ``high`` is
    doubled until the sign changes, then the Illinois variant of regula falsi closes in, which keeps
    bisection's guarantee and converges superlinearly. Raises ``NoRateSolution`` if no crossing.
    """
    with localcontext(FINANCE_CONTEXT):
        f_low = shortfall(low)
        if f_low == 0:
            return low
        f_high = shortfall(high)
        while (f_high < 0) == (f_low < 0) and f_high != 0:
            if high >= ceiling:
                raise NoRateSolution("no rate in range balances the cash flows")
            low, f_low = high, f_high
            high = min(high * 2, ceiling)
            f_high = shortfall(high)
        if f_high == 0:
            return high
        side = 0
        previous = None
        for _ in range(_MAX_ITERATIONS):
            rate = (low * f_high - high * f_low) / (f_high - f_low)
            f = shortfall(rate)
            if f == 0 or high - low <= tolerance or (previous is not None and abs(rate - previous) <= tolerance):
                return rate
            previous = rate
            if (f < 0) == (f_high < 0):
                high, f_high = rate, f
                if side == -1:
                    f_low /= 2
                side = -1
            else:
                low, f_low = rate, f
                if side == 1:
                    f_high /= 2
                side = 1
        return (low + high) / 2  # pragma: no cover - Illinois converges long before
