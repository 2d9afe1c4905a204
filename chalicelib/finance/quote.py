"""The quote use case behind ``POST /v1/quotes``: price terms without a stored product.

``price_quote(payload)`` takes the decoded JSON body and returns a JSON-ready dict; the route
only has to call it. ``parse_quote_request`` + ``quote`` are the typed halves of the same thing.

Wire rules (DESIGN.md, "Contract that acceptance checks rely on"):

- Every amount and rate is a decimal string (``"100000.00"``, ``"0.049"`` for 4.9% a year). Whole
  numbers may come as JSON integers; a JSON number with a fraction is refused — most JSON clients
  hold it as a binary float before it is ever sent, so it may not be the amount the caller meant —
  whether it reaches the model as a ``float`` or, parsed exactly, as a ``Decimal``.
- Dates are ``YYYY-MM-DD``. ``term`` counts periods of ``frequency``.
- Any invalid term raises ``FieldInvalid("quotes", <field>, ...)`` — code ``quotes.<field>.invalid``,
  HTTP 422 — with ``details.errors`` listing ``{"field", "message"}`` for every problem found.

Totals (every kind): ``principal`` is the principal repaid (the amount lent, financed or advanced),
``interest`` all interest charged, ``fees`` all fees including those paid up front, and
``payment = principal + interest + fees`` — everything the customer pays over the life, whether
with an instalment or up front (``upfront`` shows the latter; for a factoring deal,
``deducted_upfront`` on each row). ``apr`` is the customer's annualised cost: nominal IRR × periods
per year for loans and leases, effective XIRR for factoring (see ``apr``, ``factoring``).
Rates in responses have six decimal places.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Annotated, Any, Literal, Union

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    RootModel,
    StrictBool,
    ValidationError,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from chalicelib.shared.errors import FieldInvalid, MalformedRequest
from chalicelib.shared.money import quantize
from chalicelib.shared.schema import decimal_string

from . import validation as check
from .dates import Frequency
from .errors import TermsInvalid
from .factoring import FactoringTerms, Invoice, factoring_quote
from .lease import LeaseMethod, LeaseTerms, lease_schedule
from .loan import Installment, LoanTerms, loan_apr, loan_schedule
from .prepayment import PrepaymentTerms, quote_prepayment

SCOPE = "quotes"
ZERO = Decimal(0)
_RATE_PLACES = Decimal("0.000001")

# ---------------------------------------------------------------------------------------------
# Wire types


# Dates a quote may name. Schedules run up to MAX_TERM periods past them, and Python's calendar ends
# in 9999: a start in 9999 overflowed mid-schedule (a 500). No deal is priced outside this window.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)


def _date_input(value: Any) -> date:
    parsed: date | None = None
    if isinstance(value, date) and type(value) is date:
        parsed = value
    elif isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            parsed = date.fromisoformat(value)
        except ValueError:
            pass
    if parsed is None:
        raise PydanticCustomError("date_string", "must be a calendar date written YYYY-MM-DD")
    if not EARLIEST_DATE <= parsed <= LATEST_DATE:
        raise PydanticCustomError("date_range", "must be between {earliest} and {latest}",
                                  {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()})
    return parsed


def _count_input(value: Any) -> int:
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,6}", value.strip()):
        return int(value)
    raise PydanticCustomError("whole_number", "must be a whole number")


# Request amounts are written as strings: a JSON number with a fraction is refused, not rounded.
DecimalString = decimal_string(json_numbers=False, serialize="json")
DateString = Annotated[date, BeforeValidator(_date_input), WithJsonSchema({"type": "string", "format": "date"})]
Count = Annotated[int, BeforeValidator(_count_input), WithJsonSchema({"type": "integer"})]
Amount = decimal_string(example="5307.27")
Rate = decimal_string(example="0.049000")

_FREQUENCIES = [f.value for f in Frequency]
_DAY_COUNTS = ["30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT", "period"]
_ROUNDINGS = ["HALF_EVEN", "HALF_UP", "HALF_DOWN", "DOWN", "UP", "CEILING", "FLOOR"]


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


# ---------------------------------------------------------------------------------------------
# Requests


class FeeRequest(_Request):
    """A fee: a fixed ``amount`` or a ``rate`` of the principal, exactly one."""

    name: str = Field("fee", max_length=64)
    amount: DecimalString | None = None
    rate: DecimalString | None = None
    timing: Literal["upfront", "first_installment", "each_installment"] = "upfront"


class PrepaymentRequest(_Request):
    """Quote prepaying on ``date``: ``amount`` of principal (omit for everything)."""

    prepaid_on: DateString = Field(alias="date")
    amount: DecimalString | None = None
    strategy: Literal["keep_term", "keep_installment"] = "keep_term"
    penalty_rate: DecimalString | None = None
    penalty_periods: Count | None = None


class _QuoteRequest(_Request):
    start_date: DateString
    currency: str = Field("CNY", json_schema_extra={"examples": ["CNY", "JPY", "USD"]})
    rounding: str = Field("HALF_EVEN", json_schema_extra={"enum": _ROUNDINGS})
    day_count: str | None = Field(None, json_schema_extra={"enum": [*_DAY_COUNTS, None]})


class LoanQuoteRequest(_QuoteRequest):
    kind: Literal["loan"]
    principal: DecimalString
    annual_rate: DecimalString
    term: Count
    frequency: str = Field("monthly", json_schema_extra={"enum": _FREQUENCIES})
    amortization: str = Field("annuity", json_schema_extra={
        "enum": ["annuity", "equal_principal", "interest_only", "bullet", "flat", "balloon"]})
    first_due_date: DateString | None = None
    grace_on_principal: Count = 0
    grace_on_interest: Count = 0
    interest_grace_mode: Literal["capitalised", "capitalized", "deferred"] = "deferred"
    balloon: DecimalString | None = None
    balloon_rate: DecimalString | None = None
    in_multiples_of: DecimalString | None = None
    fees: list[FeeRequest] = Field(default_factory=list, max_length=20)
    prepayment: PrepaymentRequest | None = None


class LeaseQuoteRequest(_QuoteRequest):
    kind: Literal["lease"]
    principal: DecimalString
    annual_rate: DecimalString | None = None
    term: Count
    frequency: str = Field("monthly", json_schema_extra={"enum": _FREQUENCIES})
    amortization: str = Field("annuity", json_schema_extra={"enum": ["annuity", "equal_principal", "irregular"]})
    timing: Literal["advance", "arrears"] = "arrears"
    residual_value: DecimalString = Decimal(0)
    down_payment: DecimalString = Decimal(0)
    security_deposit: DecimalString = Decimal(0)
    deposit_settlement: Literal["refund", "offset"] = "refund"
    handling_fee: DecimalString = Decimal(0)
    rents: list[DecimalString] | None = Field(None, max_length=check.MAX_TERM)
    in_multiples_of: DecimalString | None = None
    fees: list[FeeRequest] = Field(default_factory=list, max_length=20)


class InvoiceRequest(_Request):
    number: str = Field(min_length=1, max_length=64)
    debtor: str = Field(min_length=1, max_length=200)
    face_amount: DecimalString
    issue_date: DateString
    due_date: DateString


class FactoringQuoteRequest(_QuoteRequest):
    """``principal``, when given, is the facility: the total advance may not exceed it.
    ``term``, ``frequency`` and ``amortization`` are accepted so a calculator can send one shape
    for every kind; factoring has no periodic schedule and does not use them."""

    kind: Literal["factoring"]
    annual_rate: DecimalString
    advance_rate: DecimalString
    invoices: list[InvoiceRequest] = Field(min_length=1, max_length=500)
    grace_days: Count = 0
    interest_collection: Literal["upfront", "maturity"] = "upfront"
    service_fee_rate: DecimalString = Decimal(0)
    recourse: StrictBool = True
    principal: DecimalString | None = None
    term: Count | None = None
    frequency: str | None = None
    amortization: str | None = None


AnyQuoteRequest = Union[LoanQuoteRequest, LeaseQuoteRequest, FactoringQuoteRequest]


class QuoteRequest(RootModel[Annotated[AnyQuoteRequest, Field(discriminator="kind")]]):
    """The body of ``POST /v1/quotes``, discriminated on ``kind``."""


_REQUEST_MODELS: dict[str, type[_QuoteRequest]] = {
    "loan": LoanQuoteRequest,
    "lease": LeaseQuoteRequest,
    "factoring": FactoringQuoteRequest,
}


# ---------------------------------------------------------------------------------------------
# Responses


class _Response(BaseModel):
    # defer_build: validators are built on first use, not when a Lambda imports the app.
    model_config = ConfigDict(frozen=True, defer_build=True)


class InstallmentOut(_Response):
    """One instalment. Leases add ``kind`` and ``deposit_applied``; factoring adds the invoice."""

    seq: int
    due_date: date
    principal: Amount
    interest: Amount
    fee: Amount
    payment: Amount
    balance: Amount
    kind: Literal["rent", "residual"] | None = None
    deposit_applied: Amount | None = None
    invoice_number: str | None = None
    debtor: str | None = None
    face_amount: Amount | None = None
    reserve: Amount | None = None
    interest_days: int | None = None
    deducted_upfront: Amount | None = None


class TotalsOut(_Response):
    principal: Amount
    interest: Amount
    fees: Amount
    payment: Amount
    apr: Rate
    implicit_rate: Rate | None = None


class UpfrontOut(_Response):
    """Paid on the start date rather than with an instalment."""

    fees: Amount
    down_payment: Amount | None = None
    security_deposit: Amount | None = None
    interest: Amount | None = None
    total: Amount


class PrepaymentOut(_Response):
    date: date
    strategy: str
    outstanding_principal: Amount
    prepaid_principal: Amount
    accrued_interest: Amount
    penalty: Amount
    total_due: Amount
    interest_saved: Amount
    installments: list[InstallmentOut]


class QuoteResponse(_Response):
    """A priced quote. ``installments`` and ``totals`` are the contract; the rest is per kind."""

    kind: Literal["loan", "lease", "factoring"]
    currency: str
    installments: list[InstallmentOut]
    totals: TotalsOut
    level_amount: Amount | None = Field(
        None, description="the amount that repeats: the instalment (annuity, balloon) or rent (lease annuity), "
                          "or the principal part (equal_principal, flat)")
    upfront: UpfrontOut | None = None
    net_disbursement: Amount | None = Field(None, description="cash the customer receives on the start date")
    financed_amount: Amount | None = None
    implied_annual_rate: Rate | None = None
    deposit_refund: Amount | None = None
    face_amount: Amount | None = None
    advance: Amount | None = None
    reserve: Amount | None = None
    recourse: bool | None = None
    interest_collection: str | None = None
    prepayment: PrepaymentOut | None = None


# ---------------------------------------------------------------------------------------------
# Errors


_PYDANTIC_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not an accepted field here",
}


def field_errors_from_pydantic(scope: str, exc: ValidationError) -> FieldInvalid:
    """One ``FieldInvalid`` for a pydantic ``ValidationError``.

    The code names the first error's field as a dotted path (``invoices.0.face_amount``);
    ``details.errors`` lists every error as ``{"field", "message"}``.
    """
    errors = []
    for error in exc.errors(include_url=False, include_context=False, include_input=False):
        field = ".".join(str(part) for part in error["loc"]) or "body"
        errors.append({"field": field, "message": _PYDANTIC_MESSAGES.get(error["type"], error["msg"])})
    if not errors:  # pragma: no cover - pydantic never raises an empty ValidationError
        errors.append({"field": "body", "message": "is invalid"})
    first = errors[0]
    return FieldInvalid(scope, first["field"], first["message"], {"errors": errors})


def _field_invalid(field: str, message: str) -> FieldInvalid:
    return FieldInvalid(SCOPE, field, message, {"errors": [{"field": field, "message": message}]})


# Engine term names that differ from the wire's.
_WIRE_NAMES = {
    "start_on": "start_date",
    "funded_on": "start_date",
    "first_due_on": "first_due_date",
    "interest_grace": "interest_grace_mode",
    "fee_per_installment": "fees",
    "fee_first_installment": "fees",
    "upfront_fees": "fees",
    "method": "amortization",
    "facility_limit": "principal",
    "due_on": "due_date",
    "issued_on": "issue_date",
    "prepaid_on": "date",
}


def _wire_name(field: str, prefix: str = "") -> str:
    parts = [_WIRE_NAMES.get(part, part) for part in field.split(".")]
    return prefix + ".".join(parts)


@contextmanager
def _terms_checked(prefix: str = "") -> Iterator[None]:
    try:
        yield
    except TermsInvalid as error:
        raise _field_invalid(_wire_name(error.field, prefix), error.message) from None


# ---------------------------------------------------------------------------------------------
# Use case


def parse_quote_request(payload: Any) -> AnyQuoteRequest:
    """Validate a decoded JSON body into the request model for its ``kind``.

    Dispatching on ``kind`` first keeps error paths free of the union's tag
    (``invoices.0.face_amount``, not ``factoring.invoices.0.face_amount``).
    """
    if not isinstance(payload, Mapping):
        raise MalformedRequest(f"{SCOPE}.body.malformed", "a quote request is a JSON object")
    kind = payload.get("kind")
    model = _REQUEST_MODELS.get(kind) if isinstance(kind, str) else None
    if model is None:
        raise _field_invalid("kind", "is required" if kind is None else "must be 'loan', 'lease' or 'factoring'")
    try:
        return model.model_validate(payload)  # type: ignore[return-value]
    except ValidationError as exc:
        raise field_errors_from_pydantic(SCOPE, exc) from None


def quote(request: AnyQuoteRequest | QuoteRequest) -> QuoteResponse:
    """Price a validated quote request."""
    if isinstance(request, QuoteRequest):
        request = request.root
    if isinstance(request, LoanQuoteRequest):
        return _quote_loan(request)
    if isinstance(request, LeaseQuoteRequest):
        return _quote_lease(request)
    return _quote_factoring(request)


def price_quote(payload: dict) -> dict:
    """``POST /v1/quotes``: a decoded JSON body in, a JSON-ready response dict out.

    Raises ``FieldInvalid`` (422, ``quotes.<field>.invalid``) for any invalid term and
    ``MalformedRequest`` (400) when the body is not an object.
    """
    return quote(parse_quote_request(payload)).model_dump(mode="json", exclude_none=True)


def _rate(value: Decimal) -> Decimal:
    return value.quantize(_RATE_PLACES, rounding=ROUND_HALF_EVEN)


def _resolved_fees(fees: list[FeeRequest], principal: Decimal, currency: str, rounding: str) -> dict[str, Decimal]:
    """Fee amounts by timing: a rate is a share of the principal, rounded once."""
    totals = {"upfront": ZERO, "first_installment": ZERO, "each_installment": ZERO}
    for i, fee in enumerate(fees):
        if (fee.amount is None) == (fee.rate is None):
            raise _field_invalid(f"fees.{i}.amount", "give a fee as an amount or as a rate, exactly one")
        with _terms_checked():
            if fee.amount is not None:
                amount = check.amount(fee.amount, f"fees.{i}.amount", currency)
            else:
                share = check.fraction(fee.rate, f"fees.{i}.rate", allow_one=False)  # type: ignore[arg-type]
                amount = quantize(principal * share, currency, rounding)
        totals[fee.timing] += amount
    return {timing: quantize(amount, currency) for timing, amount in totals.items()}


def _rows(installments: Any) -> list[InstallmentOut]:
    return [InstallmentOut(seq=row.seq, due_date=row.due_on, principal=row.principal, interest=row.interest,
                           fee=row.fee, payment=row.payment, balance=row.balance) for row in installments]


def _totals(principal: Decimal, interest: Decimal, fees: Decimal, apr: Decimal,
            implicit_rate: Decimal | None = None) -> TotalsOut:
    return TotalsOut(principal=principal, interest=interest, fees=fees, payment=principal + interest + fees,
                     apr=_rate(apr), implicit_rate=None if implicit_rate is None else _rate(implicit_rate))


def _quote_loan(request: LoanQuoteRequest) -> QuoteResponse:
    with _terms_checked():
        terms = LoanTerms(
            principal=request.principal,
            annual_rate=request.annual_rate,
            term=request.term,
            start_on=request.start_date,
            frequency=request.frequency,  # type: ignore[arg-type]
            amortization=request.amortization,  # type: ignore[arg-type]
            day_count=request.day_count,  # type: ignore[arg-type]
            currency=request.currency,
            rounding=request.rounding,
            first_due_on=request.first_due_date,
            grace_on_principal=request.grace_on_principal,
            grace_on_interest=request.grace_on_interest,
            interest_grace=request.interest_grace_mode,  # type: ignore[arg-type]
            balloon=request.balloon,
            balloon_rate=request.balloon_rate,
            in_multiples_of=request.in_multiples_of,
        )
    fees = _resolved_fees(request.fees, terms.principal, terms.currency, terms.rounding)
    if fees["upfront"] >= terms.principal:
        raise _field_invalid("fees", "up-front fees must be less than the principal")
    with _terms_checked():
        terms = replace(terms, fee_per_installment=fees["each_installment"],
                        fee_first_installment=fees["first_installment"])
        schedule = loan_schedule(terms)
    apr = loan_apr(schedule, terms.principal, terms.frequency, fees["upfront"])
    prepayment = _prepayment(request.prepayment, terms, schedule) if request.prepayment else None
    upfront = fees["upfront"]
    return QuoteResponse(
        kind="loan",
        currency=terms.currency,
        installments=_rows(schedule.installments),
        totals=_totals(schedule.total_principal, schedule.total_interest, schedule.total_fees + upfront, apr),
        level_amount=schedule.level_amount,
        upfront=UpfrontOut(fees=upfront, total=upfront) if upfront else None,
        net_disbursement=terms.principal - upfront,
        prepayment=prepayment,
    )


def _prepayment(request: PrepaymentRequest, terms: LoanTerms, schedule: Any) -> PrepaymentOut:
    with _terms_checked("prepayment."):
        prepayment = PrepaymentTerms(
            prepaid_on=request.prepaid_on,
            amount=request.amount,
            strategy=request.strategy,  # type: ignore[arg-type]
            penalty_rate=request.penalty_rate,
            penalty_periods=request.penalty_periods,
        )
        result = quote_prepayment(terms, prepayment, schedule)
    remaining: tuple[Installment, ...] = result.remaining.installments if result.remaining else ()
    return PrepaymentOut(
        date=result.prepaid_on,
        strategy="full" if result.is_full else prepayment.strategy.value,
        outstanding_principal=result.outstanding_principal,
        prepaid_principal=result.prepaid_principal,
        accrued_interest=result.accrued_interest,
        penalty=result.penalty,
        total_due=result.total_due,
        interest_saved=result.interest_saved,
        installments=_rows(remaining),
    )


_LEASE_METHODS = {method.value for method in LeaseMethod}


def _quote_lease(request: LeaseQuoteRequest) -> QuoteResponse:
    amortization = request.amortization.strip().lower()
    if amortization not in _LEASE_METHODS:
        raise _field_invalid("amortization", "a lease has annuity, equal_principal or irregular rents"
                             + ("; a balloon is a residual_value" if amortization == "balloon" else ""))
    with _terms_checked():
        currency = check.currency(request.currency)
        check.rounding(request.rounding)
        principal = check.amount(request.principal, "principal", currency, positive=True)
    fees = _resolved_fees(request.fees, principal, currency, request.rounding)
    with _terms_checked():
        terms = LeaseTerms(
            principal=principal,
            term=request.term,
            start_on=request.start_date,
            annual_rate=request.annual_rate,
            frequency=request.frequency,  # type: ignore[arg-type]
            timing=request.timing,  # type: ignore[arg-type]
            method=amortization,  # type: ignore[arg-type]
            day_count=request.day_count,  # type: ignore[arg-type]
            currency=currency,
            rounding=request.rounding,
            residual_value=request.residual_value,
            down_payment=request.down_payment,
            security_deposit=request.security_deposit,
            deposit_settlement=request.deposit_settlement,  # type: ignore[arg-type]
            handling_fee=request.handling_fee,
            upfront_fees=fees["upfront"],
            fee_per_installment=fees["each_installment"],
            fee_first_installment=fees["first_installment"],
            rents=tuple(request.rents) if request.rents is not None else None,
            in_multiples_of=request.in_multiples_of,
        )
        schedule = lease_schedule(terms)
    rows = [InstallmentOut(seq=row.seq, due_date=row.due_on, principal=row.principal, interest=row.interest,
                           fee=row.fee, payment=row.payment, balance=row.balance, kind=row.kind,
                           deposit_applied=row.deposit_applied) for row in schedule.rows]
    upfront_fees = terms.handling_fee + terms.upfront_fees
    return QuoteResponse(
        kind="lease",
        currency=terms.currency,
        installments=rows,
        totals=_totals(schedule.total_principal, schedule.total_interest, schedule.total_fees + upfront_fees,
                       schedule.apr, schedule.implicit_rate),
        level_amount=schedule.level_amount,
        upfront=UpfrontOut(fees=upfront_fees, down_payment=terms.down_payment, security_deposit=terms.security_deposit,
                           total=upfront_fees + terms.down_payment + terms.security_deposit),
        net_disbursement=schedule.financed_amount - upfront_fees - terms.security_deposit,
        financed_amount=schedule.financed_amount,
        implied_annual_rate=_rate(schedule.annual_rate) if terms.method is LeaseMethod.IRREGULAR else None,
        deposit_refund=schedule.deposit_refund if terms.security_deposit else None,
    )


def _quote_factoring(request: FactoringQuoteRequest) -> QuoteResponse:
    with _terms_checked():
        terms = FactoringTerms(
            invoices=tuple(Invoice(i.number, i.debtor, i.face_amount, i.issue_date, i.due_date)
                           for i in request.invoices),
            funded_on=request.start_date,
            annual_rate=request.annual_rate,
            advance_rate=request.advance_rate,
            day_count=request.day_count,  # type: ignore[arg-type]
            grace_days=request.grace_days,
            interest_collection=request.interest_collection,  # type: ignore[arg-type]
            service_fee_rate=request.service_fee_rate,
            recourse=request.recourse,
            currency=request.currency,
            rounding=request.rounding,
            facility_limit=request.principal,
        )
        result = factoring_quote(terms)
    rows = [InstallmentOut(seq=row.seq, due_date=row.due_on, principal=row.principal, interest=row.interest,
                           fee=row.fee, payment=row.payment, balance=row.balance, invoice_number=row.invoice_number,
                           debtor=row.debtor, face_amount=row.face_amount, reserve=row.reserve,
                           interest_days=row.interest_days, deducted_upfront=row.deducted_upfront)
            for row in result.settlements]
    upfront_interest = result.total_interest if result.interest_collection.value == "upfront" else ZERO
    return QuoteResponse(
        kind="factoring",
        currency=terms.currency,
        installments=rows,
        totals=_totals(result.total_advance, result.total_interest, result.total_fees, result.apr),
        upfront=UpfrontOut(fees=result.total_fees, interest=upfront_interest,
                           total=result.total_deducted_upfront),
        net_disbursement=result.net_proceeds,
        face_amount=result.total_face,
        advance=result.total_advance,
        reserve=result.total_reserve,
        recourse=result.recourse,
        interest_collection=result.interest_collection.value,
    )
