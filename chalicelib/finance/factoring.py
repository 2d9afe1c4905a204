"""Factoring (保理): advances against receivables and their discount interest.

For each invoice, funded on ``funded_on``:

- advance  = face amount × ``advance_rate`` (rounded); reserve = face − advance, held back and
  released to the seller when the debtor pays the face amount;
- it settles on the invoice's due date plus ``grace_days`` (the debtor's grace, during which
  interest still runs);
- discount interest = advance × annual rate × year fraction from the funding date to settlement,
  on ``day_count`` (ACT/360 by default, as factoring contracts in China count), rounded per invoice;
- service fee = face × ``service_fee_rate``, charged when the invoices are funded.

Interest is ``upfront`` (deducted from the advance, 预扣) or due at ``maturity`` with the repayment.
One row per invoice, in settlement order: ``principal`` is the advance repaid, ``interest`` and
``fee`` are what that invoice bears, ``deducted_upfront`` what of them was withheld at funding,
and ``payment = principal + interest + fee - deducted_upfront`` is the cash due at settlement.
``balance`` is the advances still outstanding after it. With recourse the seller owes that cash
if the debtor defaults; without recourse the factor bears it — the flag is carried through.

The APR is the seller's effective annual cost, XIRR on ACT/365F of receiving the net proceeds
on the funding date and repaying on each settlement date (no regular period exists to make it
nominal, unlike loans and leases).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, localcontext
from enum import Enum
from typing import NamedTuple

from chalicelib.shared.money import DEFAULT_CURRENCY, DEFAULT_ROUNDING, quantize

from . import validation as check
from .apr import xirr
from .context import FINANCE_CONTEXT
from .daycount import DayCount, day_count, parse_day_count, year_fraction_ratio
from .errors import TermsInvalid

ZERO = Decimal(0)
MAX_INVOICES = 500


class InterestCollection(str, Enum):
    UPFRONT = "upfront"
    MATURITY = "maturity"


@dataclass(frozen=True)
class Invoice:
    """A receivable the seller assigns to the factor."""

    number: str
    debtor: str
    face_amount: Decimal
    issued_on: date
    due_on: date


class InvoiceSettlement(NamedTuple):
    """One invoice's advance and what settles it."""

    seq: int
    due_on: date
    invoice_number: str
    debtor: str
    face_amount: Decimal
    advance: Decimal
    reserve: Decimal
    interest_days: int
    principal: Decimal
    interest: Decimal
    fee: Decimal
    deducted_upfront: Decimal
    payment: Decimal
    balance: Decimal


@dataclass(frozen=True)
class FactoringTerms:
    """What prices a factoring deal. Validated on construction; ``TermsInvalid`` names the field
    (``invoices.<i>.<field>`` for an invoice's). ``facility_limit``, when given, caps the total advance."""

    invoices: tuple[Invoice, ...]
    funded_on: date
    annual_rate: Decimal
    advance_rate: Decimal
    day_count: DayCount = DayCount.ACT_360
    grace_days: int = 0
    interest_collection: InterestCollection = InterestCollection.UPFRONT
    service_fee_rate: Decimal = ZERO
    recourse: bool = True
    currency: str = DEFAULT_CURRENCY
    rounding: str = DEFAULT_ROUNDING
    facility_limit: Decimal | None = None

    def __post_init__(self) -> None:
        put = object.__setattr__
        currency = check.currency(self.currency)
        put(self, "currency", currency)
        check.rounding(self.rounding)
        convention = parse_day_count(self.day_count) if self.day_count is not None else DayCount.ACT_360
        if convention is None:
            raise TermsInvalid("day_count", "factoring interest runs by the day: name a day count, not 'period'")
        put(self, "day_count", convention)
        if not isinstance(self.funded_on, date):
            raise TermsInvalid("funded_on", "must be a date")
        put(self, "annual_rate", check.annual_rate(check.exact(self.annual_rate, "annual_rate")))
        put(self, "advance_rate", check.fraction(check.exact(self.advance_rate, "advance_rate"), "advance_rate",
                                                 allow_zero=False))
        put(self, "service_fee_rate", check.fraction(check.exact(self.service_fee_rate, "service_fee_rate"),
                                                     "service_fee_rate", allow_one=False))
        check.count(self.grace_days, "grace_days", maximum=365)
        try:
            put(self, "interest_collection", InterestCollection(self.interest_collection))
        except ValueError:
            raise TermsInvalid("interest_collection", "must be 'upfront' or 'maturity'") from None
        if not isinstance(self.recourse, bool):
            raise TermsInvalid("recourse", "must be true or false")
        if self.facility_limit is not None:
            put(self, "facility_limit", check.amount(check.exact(self.facility_limit, "facility_limit"),
                                                     "facility_limit", currency, positive=True))
        self._check_invoices()

    def _check_invoices(self) -> None:
        if not self.invoices:
            raise TermsInvalid("invoices", "at least one invoice is needed")
        if len(self.invoices) > MAX_INVOICES:
            raise TermsInvalid("invoices", f"at most {MAX_INVOICES} invoices per quote")
        seen: set[str] = set()
        checked = []
        for i, invoice in enumerate(self.invoices):
            prefix = f"invoices.{i}"
            if not invoice.number.strip():
                raise TermsInvalid(f"{prefix}.number", "must not be empty")
            if invoice.number in seen:
                raise TermsInvalid(f"{prefix}.number", f"invoice {invoice.number!r} appears twice")
            seen.add(invoice.number)
            face = check.amount(check.exact(invoice.face_amount, f"{prefix}.face_amount"), f"{prefix}.face_amount",
                                self.currency, positive=True)
            if invoice.issued_on > invoice.due_on:
                raise TermsInvalid(f"{prefix}.due_on", "must not be before the issue date")
            if invoice.issued_on > self.funded_on:
                raise TermsInvalid(f"{prefix}.issued_on", "an invoice must be issued by the funding date")
            if invoice.due_on <= self.funded_on:
                raise TermsInvalid(f"{prefix}.due_on", "must be after the funding date")
            checked.append(Invoice(invoice.number, invoice.debtor, face, invoice.issued_on, invoice.due_on))
        object.__setattr__(self, "invoices", tuple(checked))


@dataclass(frozen=True)
class FactoringQuote:
    settlements: tuple[InvoiceSettlement, ...]
    funded_on: date
    recourse: bool
    interest_collection: InterestCollection
    apr: Decimal

    def _total(self, column: str) -> Decimal:
        return sum((getattr(row, column) for row in self.settlements), ZERO)

    @property
    def total_face(self) -> Decimal:
        return self._total("face_amount")

    @property
    def total_advance(self) -> Decimal:
        return self._total("advance")

    @property
    def total_reserve(self) -> Decimal:
        return self._total("reserve")

    @property
    def total_interest(self) -> Decimal:
        return self._total("interest")

    @property
    def total_fees(self) -> Decimal:
        return self._total("fee")

    @property
    def total_deducted_upfront(self) -> Decimal:
        return self._total("deducted_upfront")

    @property
    def total_payment(self) -> Decimal:
        """Cash the seller (or debtor) repays across settlements."""
        return self._total("payment")

    @property
    def net_proceeds(self) -> Decimal:
        """Cash paid to the seller on the funding date."""
        return self.total_advance - self.total_deducted_upfront


def factoring_quote(terms: FactoringTerms) -> FactoringQuote:
    """Advances, reserve, discount interest, fees and settlements for the invoices (module docstring)."""
    with localcontext(FINANCE_CONTEXT):
        currency, rounding = terms.currency, terms.rounding
        upfront = terms.interest_collection is InterestCollection.UPFRONT
        grace = timedelta(days=terms.grace_days)
        order = sorted(range(len(terms.invoices)), key=lambda i: (terms.invoices[i].due_on, i))
        drafts = []
        for i in order:
            invoice = terms.invoices[i]
            settles_on = invoice.due_on + grace
            advance = quantize(invoice.face_amount * terms.advance_rate, currency, rounding)
            numerator, denominator = year_fraction_ratio(terms.funded_on, settles_on, terms.day_count)
            interest = quantize(advance * terms.annual_rate * numerator / denominator, currency, rounding)
            fee = quantize(invoice.face_amount * terms.service_fee_rate, currency, rounding)
            deducted = fee + interest if upfront else fee
            drafts.append((invoice, settles_on, advance, interest, fee, deducted,
                           day_count(terms.funded_on, settles_on, terms.day_count)))
        total_advance = sum((draft[2] for draft in drafts), ZERO)
        if terms.facility_limit is not None and total_advance > terms.facility_limit:
            raise TermsInvalid("facility_limit", f"the invoices' advances ({total_advance}) exceed it")
        if sum((draft[5] for draft in drafts), ZERO) >= total_advance:
            raise TermsInvalid("annual_rate", "interest and fees withheld up front would consume the whole advance")

        rows = []
        balance = total_advance
        for seq, (invoice, settles_on, advance, interest, fee, deducted, days) in enumerate(drafts, start=1):
            balance -= advance
            rows.append(InvoiceSettlement(
                seq, settles_on, invoice.number, invoice.debtor, invoice.face_amount, advance,
                invoice.face_amount - advance, days, advance, interest, fee, deducted,
                advance + interest + fee - deducted, balance))
        net = total_advance - sum((row.deducted_upfront for row in rows), ZERO)
        flows = [(terms.funded_on, net)] + [(row.due_on, -row.payment) for row in rows]
        return FactoringQuote(tuple(rows), terms.funded_on, terms.recourse, terms.interest_collection, xirr(flows))
