"""Properties every loan schedule keeps, whatever the terms (hypothesis)."""
from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from chalicelib.finance.dates import Frequency, add_periods
from chalicelib.finance.loan import Amortization, LoanTerms, loan_schedule
from chalicelib.shared.money import ROUNDING_MODES, minor_unit

D = Decimal

CURRENCIES = ["CNY", "JPY", "KWD", "USD"]
DAY_COUNTS = [None, "30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"]
PROPERTY_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def loan_terms(draw, amortizations=tuple(Amortization), allow_grace=True, allow_stub=True):
    currency = draw(st.sampled_from(CURRENCIES))
    quantum = minor_unit(currency)
    principal = D(draw(st.integers(100, 10**11))) * quantum
    assume(principal >= 100)
    amortization = draw(st.sampled_from(amortizations))
    frequency = draw(st.sampled_from(list(Frequency)))
    term = draw(st.integers(1, 120))
    start_on = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2045, 12, 31)))
    fields = dict(
        principal=principal,
        annual_rate=D(draw(st.integers(0, 3600))) / 10000,
        term=term,
        start_on=start_on,
        frequency=frequency,
        amortization=amortization,
        day_count=draw(st.sampled_from(DAY_COUNTS)),
        currency=currency,
        rounding=draw(st.sampled_from(list(ROUNDING_MODES))),
    )
    if amortization is Amortization.BALLOON:
        fields["balloon_rate"] = D(draw(st.integers(1, 60))) / 100
    if allow_stub and amortization is not Amortization.BULLET and draw(st.booleans()):
        regular = add_periods(start_on, frequency, 1)
        span = (add_periods(start_on, frequency, 2) - start_on).days
        first_due = date.fromordinal(start_on.toordinal() + draw(st.integers(1, span)))
        if first_due != regular:
            fields["first_due_on"] = first_due
    if allow_grace and term > 1 and amortization not in (Amortization.BULLET, Amortization.INTEREST_ONLY):
        fields["grace_on_principal"] = draw(st.integers(0, min(term - 1, 6)))
        if amortization is not Amortization.FLAT:
            fields["grace_on_interest"] = draw(st.integers(0, fields["grace_on_principal"]))
            fields["interest_grace"] = draw(st.sampled_from(["capitalised", "deferred"]))
    return LoanTerms(**fields)


@PROPERTY_SETTINGS
@given(terms=loan_terms())
def test_given_any_loan_when_scheduled_then_principal_sums_exactly_to_the_amount_lent(terms):
    assert loan_schedule(terms).total_principal == terms.principal


@PROPERTY_SETTINGS
@given(terms=loan_terms())
def test_given_any_loan_when_scheduled_then_no_balance_is_negative_and_the_last_is_zero(terms):
    rows = loan_schedule(terms).installments
    assert all(row.balance >= 0 for row in rows)
    assert rows[-1].balance == 0


@PROPERTY_SETTINGS
@given(terms=loan_terms())
def test_given_any_loan_when_scheduled_then_every_row_adds_up(terms):
    quantum = minor_unit(terms.currency)
    previous = terms.principal
    for row in loan_schedule(terms).installments:
        assert row.payment == row.principal + row.interest + row.fee
        assert row.balance == previous - row.principal
        assert row.interest == row.interest.quantize(quantum) and row.principal == row.principal.quantize(quantum)
        previous = row.balance


@PROPERTY_SETTINGS
@given(terms=loan_terms(amortizations=(Amortization.ANNUITY,), allow_grace=False))
def test_given_an_annuity_when_scheduled_then_instalments_are_equal_except_the_last(terms):
    schedule = loan_schedule(terms)
    assert {row.payment for row in schedule.installments[:-1]} <= {schedule.level_amount}


@PROPERTY_SETTINGS
@given(terms=loan_terms(amortizations=(Amortization.EQUAL_PRINCIPAL,), allow_grace=False))
def test_given_equal_principal_when_scheduled_then_principal_parts_are_equal_except_the_last(terms):
    schedule = loan_schedule(terms)
    assert {row.principal for row in schedule.installments[:-1]} <= {schedule.level_amount}


@PROPERTY_SETTINGS
@given(terms=loan_terms(amortizations=(Amortization.ANNUITY, Amortization.EQUAL_PRINCIPAL, Amortization.INTEREST_ONLY)))
def test_given_any_loan_when_scheduled_then_due_dates_strictly_increase(terms):
    dates = [row.due_on for row in loan_schedule(terms).installments]
    assert dates == sorted(set(dates))
