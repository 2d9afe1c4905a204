"""A product quote: an applicant's terms checked against a version's bounds, its defaults filled in.

``resolve_terms`` turns what the applicant chose (``QuoteTerms``) into the request of the finance
engine's quote (``POST /v1/quotes``): the product fixes rounding, fees, residual and deposit shares,
recourse; the applicant chooses within its bounds; what the applicant leaves out takes the product's
default. A floating rate is the benchmark in force on the start date plus the spread, within the
product's floor and cap. Every term outside the bounds is reported at once, each naming its field.

Pure: the benchmark table comes in as an argument.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any, Literal

from pydantic import ConfigDict, Field

from chalicelib.finance.dates import Frequency, add_periods
from chalicelib.products.benchmarks import BenchmarkTable
from chalicelib.products.definition import (
    Amount,
    FactoringTerms,
    FieldsInvalid,
    LeaseTerms,
    LoanTerms,
    ProductDefinition,
    ProductKind,
    Rate,
    decimal_text,
    problem,
)
from chalicelib.shared.money import quantize
from chalicelib.shared.schema import Schema

SCOPE = "products.quote"
BPS = Decimal(10000)


class InvoiceTerms(Schema):
    model_config = ConfigDict(extra="forbid")

    number: str = Field(min_length=1, max_length=64)
    debtor: str = Field(min_length=1, max_length=200)
    face_amount: Amount
    issue_date: date
    due_date: date


class PrepaymentTerms(Schema):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    prepaid_on: date = Field(alias="date")
    amount: Amount | None = Field(default=None, description="principal to prepay; omit for all of it")
    strategy: Literal["keep_term", "keep_installment"] | None = None


class QuoteTerms(Schema):
    """What an applicant chooses. Anything left out takes the product's default."""

    model_config = ConfigDict(extra="forbid")

    start_date: date | None = Field(default=None, description="default: today")
    principal: Amount | None = Field(default=None, description="loan principal or lease financed amount")
    term: int | None = Field(default=None, ge=1, le=1200, description="periods of frequency")
    frequency: str | None = None
    amortization: str | None = None
    day_count: str | None = None
    annual_rate: Rate | None = Field(default=None, description="fixed-rate products")
    spread_bps: int | None = Field(default=None, ge=-1000, le=5000, description="floating-rate products")
    first_due_date: date | None = None
    grace_on_principal: int | None = Field(default=None, ge=0, le=1200)
    grace_on_interest: int | None = Field(default=None, ge=0, le=1200)
    balloon_rate: Rate | None = None
    prepayment: PrepaymentTerms | None = None
    timing: str | None = Field(default=None, description="lease: advance or arrears")
    residual_value: Amount | None = None
    security_deposit: Amount | None = None
    down_payment: Amount | None = None
    advance_rate: Rate | None = Field(default=None, description="factoring")
    invoices: list[InvoiceTerms] | None = Field(default=None, max_length=500)
    grace_days: int | None = Field(default=None, ge=0, le=365)
    interest_collection: str | None = None


_COMMON = {"start_date", "annual_rate", "spread_bps", "day_count"}
_PERIODIC = _COMMON | {"principal", "term", "frequency", "amortization", "first_due_date"}
KIND_TERMS: dict[ProductKind, set[str]] = {
    ProductKind.LOAN: _PERIODIC | {"grace_on_principal", "grace_on_interest", "balloon_rate", "prepayment"},
    ProductKind.LEASE: _PERIODIC | {"timing", "residual_value", "security_deposit", "down_payment"},
    ProductKind.FACTORING: _COMMON | {"advance_rate", "invoices", "grace_days", "interest_collection"},
}


@dataclass(frozen=True)
class RateQuote:
    annual_rate: Decimal
    mode: str
    benchmark: str | None = None
    benchmark_rate: Decimal | None = None
    benchmark_effective_on: date | None = None
    spread_bps: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"mode": self.mode, "annual_rate": decimal_text(self.annual_rate)}
        if self.benchmark:
            out.update(benchmark=self.benchmark, benchmark_rate=decimal_text(self.benchmark_rate or Decimal(0)),
                       benchmark_effective_on=self.benchmark_effective_on.isoformat() if self.benchmark_effective_on else None,
                       spread_bps=self.spread_bps)
        return out


@dataclass(frozen=True)
class ResolvedTerms:
    """The finance engine's quote request, and how the rate was arrived at."""

    request: dict[str, Any]
    rate: RateQuote


class _Checker:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[dict[str, str]] = []

    def fail(self, field: str, message: str, type_: str = "out_of_bounds") -> None:
        self.problems.append(problem(field, message, type_))

    def choose(self, field: str, given: Any, default: Any, allowed: list[Any] | None = None) -> Any:
        value = default if given is None else given
        if value is None:
            self.fail(field, "is required: this product has no default", "missing")
        elif allowed is not None and value not in allowed:
            self.fail(field, f"must be one of {', '.join(map(str, allowed))} for this product", "not_offered")
        return value

    def within(self, field: str, given: Any, bounds: Any, unit: str = "") -> Any:
        value = bounds.default if given is None else given
        if value is None:
            self.fail(field, "is required: this product has no default", "missing")
        elif not bounds.min <= value <= bounds.max:
            self.fail(field, f"must be between {_show(bounds.min)} and {_show(bounds.max)}{unit} for this product")
        return value


def resolve_terms(kind: ProductKind, definition: ProductDefinition, terms: QuoteTerms, today: date,
                  benchmarks: BenchmarkTable) -> ResolvedTerms:
    """The engine request for ``terms`` under ``definition``, or ``FieldsInvalid`` naming every bad term."""
    check = _Checker()
    given = terms.model_dump(exclude_none=True)
    for name in sorted(given.keys() - KIND_TERMS[kind]):
        check.fail(name, f"is not a term of a {kind.value} product", "not_applicable")
    start = terms.start_date or today
    rate = _rate(check, definition, terms, start, benchmarks)
    request: dict[str, Any] = {"kind": kind.value, "start_date": start.isoformat(), "currency": definition.currency,
                               "rounding": definition.terms.rounding,
                               "annual_rate": decimal_text(rate.annual_rate) if rate else None}
    if kind is ProductKind.FACTORING:
        request.update(_factoring(check, definition, terms, start))
    else:
        request.update(_periodic(check, definition, terms, start))
    if check.problems:
        raise FieldsInvalid(check.problems, SCOPE)
    assert rate is not None
    return ResolvedTerms({k: v for k, v in request.items() if v is not None}, rate)


def _rate(check: _Checker, definition: ProductDefinition, terms: QuoteTerms, start: date,
          benchmarks: BenchmarkTable) -> RateQuote | None:
    policy = definition.rate
    if policy.mode == "fixed":
        if terms.spread_bps is not None:
            check.fail("spread_bps", "applies to floating-rate products; this one is fixed", "not_applicable")
        assert policy.annual_rate is not None
        annual = check.within("annual_rate", terms.annual_rate, policy.annual_rate)
        return RateQuote(annual, "fixed") if annual is not None else None
    if terms.annual_rate is not None:
        check.fail("annual_rate", f"this product floats over {policy.benchmark}: choose spread_bps", "not_applicable")
    assert policy.spread_bps is not None and policy.benchmark is not None
    spread = check.within("spread_bps", terms.spread_bps, policy.spread_bps, " bps")
    if spread is None:
        return None
    fixing = benchmarks.rate_on(policy.benchmark, start)
    annual = fixing.rate + Decimal(spread) / BPS
    if policy.floor is not None:
        annual = max(annual, policy.floor)
    if policy.cap is not None:
        annual = min(annual, policy.cap)
    return RateQuote(annual, "floating", policy.benchmark, fixing.rate, fixing.effective_on, spread)


def _periodic(check: _Checker, definition: ProductDefinition, terms: QuoteTerms, start: date) -> dict[str, Any]:
    policy: LoanTerms | LeaseTerms = definition.terms
    frequency = check.choose("frequency", terms.frequency, policy.frequency.default, policy.frequency.allowed)
    months = Frequency(frequency).months if frequency in policy.frequency.allowed else None
    term = terms.term
    if months:  # with a frequency the product does not offer, the term cannot be measured in months
        term = _term(check, policy, term, frequency, months)
    principal = check.within("principal", terms.principal, policy.amount, f" {definition.currency}")
    out = {
        "principal": _text(principal), "term": term, "frequency": frequency,
        "amortization": check.choose("amortization", terms.amortization, policy.amortization.default,
                                     policy.amortization.allowed),
        "day_count": check.choose("day_count", terms.day_count, policy.day_count.default, policy.day_count.allowed),
        "first_due_date": terms.first_due_date.isoformat() if terms.first_due_date else None,
        "in_multiples_of": _text(policy.in_multiples_of),
        "fees": [_fee(f) for f in definition.fees],
    }
    if isinstance(policy, LoanTerms):
        out.update(_loan(check, policy, definition, terms, out, start))
    else:
        out.update(_lease(check, policy, definition, terms, principal))
    return out


def _term(check: _Checker, policy: LoanTerms | LeaseTerms, term: int | None, frequency: str, months: int) -> int | None:
    """The term in periods of ``frequency``: the product's default when not given, bounded in months."""
    default = policy.term_months.default
    if term is None and default is None:
        check.fail("term", "is required: this product has no default", "missing")
        return None
    if term is None:
        if default % months:
            check.fail("term", f"is required: the default of {default} months is not a whole number of "
                       f"{frequency} periods", "missing")
            return None
        return default // months
    if not policy.term_months.min <= term * months <= policy.term_months.max:
        check.fail("term", f"{term} {frequency} periods is {term * months} months; this product lends for "
                   f"{policy.term_months.min} to {policy.term_months.max} months")
    return term


def _loan(check: _Checker, policy: LoanTerms, definition: ProductDefinition, terms: QuoteTerms,
          chosen: dict[str, Any], start: date) -> dict[str, Any]:
    out: dict[str, Any] = {
        "grace_on_principal": check.within("grace_on_principal", terms.grace_on_principal, policy.grace_on_principal,
                                           " periods"),
        "grace_on_interest": check.within("grace_on_interest", terms.grace_on_interest, policy.grace_on_interest,
                                          " periods"),
        "interest_grace_mode": policy.interest_grace_mode,
    }
    if chosen["amortization"] == "balloon" and policy.balloon_rate is not None:
        out["balloon_rate"] = _text(check.within("balloon_rate", terms.balloon_rate, policy.balloon_rate))
    elif terms.balloon_rate is not None:
        check.fail("balloon_rate", "applies only to balloon amortization", "not_applicable")
    if terms.prepayment is not None:
        out["prepayment"] = _prepayment(check, definition, terms.prepayment, chosen, start)
    return out


def _prepayment(check: _Checker, definition: ProductDefinition, asked: PrepaymentTerms, chosen: dict[str, Any],
                start: date) -> dict[str, Any] | None:
    rule = definition.prepayment
    if not rule.allowed:
        check.fail("prepayment", "this product does not allow prepayment", "not_offered")
        return None
    strategy = check.choose("prepayment.strategy", asked.strategy, rule.strategies[0], list(rule.strategies))
    if rule.after_periods and chosen["frequency"] in definition.terms.frequency.allowed:
        earliest = add_periods(start, Frequency(chosen["frequency"]), rule.after_periods)
        if asked.prepaid_on < earliest:
            check.fail("prepayment.date", f"is before {earliest.isoformat()}: this product allows prepayment after "
                       f"{rule.after_periods} periods")
    return {"date": asked.prepaid_on.isoformat(), "amount": _text(asked.amount), "strategy": strategy,
            "penalty_rate": _text(rule.penalty_rate), "penalty_periods": rule.penalty_periods}


def _lease(check: _Checker, policy: LeaseTerms, definition: ProductDefinition, terms: QuoteTerms,
           principal: Decimal | None) -> dict[str, Any]:
    out: dict[str, Any] = {
        "timing": check.choose("timing", terms.timing, policy.timing.default, policy.timing.allowed),
        "deposit_settlement": policy.deposit_settlement,
    }
    for field, bounds in (("residual_value", policy.residual_value_rate),
                          ("security_deposit", policy.security_deposit_rate),
                          ("down_payment", policy.down_payment_rate)):
        out[field] = _text(_share(check, field, getattr(terms, field), bounds, principal, definition))
    return out


def _share(check: _Checker, field: str, given: Decimal | None, bounds: Any, principal: Decimal | None,
           definition: ProductDefinition) -> Decimal | None:
    """An amount the product bounds as a share of the financed amount (residual value, deposit …)."""
    if principal is None or principal <= 0:
        return given
    if given is None:
        default = bounds.default if bounds.default is not None else bounds.min
        return quantize(principal * default, definition.currency, definition.terms.rounding)
    lowest = quantize(principal * bounds.min, definition.currency, "UP")
    highest = quantize(principal * bounds.max, definition.currency, "DOWN")
    if not lowest <= given <= highest:
        check.fail(field, f"must be between {_show(lowest)} and {_show(highest)} {definition.currency} "
                   f"({_percent(bounds.min)} to {_percent(bounds.max)} of the principal) for this product")
    return given


def _factoring(check: _Checker, definition: ProductDefinition, terms: QuoteTerms, start: date) -> dict[str, Any]:
    policy: FactoringTerms = definition.terms
    advance_rate = check.within("advance_rate", terms.advance_rate, policy.advance_rate)
    invoices = terms.invoices or []
    if not invoices:
        check.fail("invoices", "name at least one invoice to factor", "missing")
    for i, invoice in enumerate(invoices):
        if policy.approved_debtors and invoice.debtor not in policy.approved_debtors:
            check.fail(f"invoices.{i}.debtor", f"{invoice.debtor} is not a core enterprise of this product "
                       f"({', '.join(policy.approved_debtors)})", "not_offered")
        tenor = (invoice.due_date - start).days
        if not policy.tenor_days.min <= tenor <= policy.tenor_days.max:
            check.fail(f"invoices.{i}.due_date", f"is {tenor} days after funding; this product finances invoices "
                       f"due in {policy.tenor_days.min} to {policy.tenor_days.max} days")
    if invoices and advance_rate is not None:
        advance = sum((quantize(i.face_amount * advance_rate, definition.currency, policy.rounding)
                       for i in invoices), Decimal(0))
        if not policy.amount.min <= advance <= policy.amount.max:
            check.fail("invoices", f"advance {_show(advance)} {definition.currency} (face × advance rate) must be "
                       f"between {_show(policy.amount.min)} and {_show(policy.amount.max)} for this product")
    service_fee = sum((f.rate for f in definition.fees if f.rate is not None), Decimal(0))
    return {
        "advance_rate": _text(advance_rate),
        "invoices": [i.model_dump(mode="json") for i in invoices],
        "grace_days": check.within("grace_days", terms.grace_days, policy.grace_days, " days"),
        "interest_collection": check.choose("interest_collection", terms.interest_collection,
                                            policy.interest_collection.default, policy.interest_collection.allowed),
        "day_count": check.choose("day_count", terms.day_count, policy.day_count.default, policy.day_count.allowed),
        "service_fee_rate": decimal_text(service_fee),
        "recourse": policy.recourse,
    }


_FEE_TIMING = {"upfront": "upfront", "on_disbursement": "upfront", "first_installment": "first_installment",
               "periodic": "each_installment"}


def _fee(fee: Any) -> dict[str, Any]:
    out = {"name": fee.code, "timing": _FEE_TIMING[fee.timing]}
    if fee.basis == "fixed":
        out["amount"] = decimal_text(fee.amount)
    else:
        out["rate"] = decimal_text(fee.rate)
    return out


def _text(value: Decimal | None) -> str | None:
    return None if value is None else decimal_text(value)


def _show(value: Any) -> str:
    return decimal_text(value) if isinstance(value, Decimal) else str(value)


def _percent(rate: Decimal) -> str:
    return f"{decimal_text((rate * 100).normalize())}%"
