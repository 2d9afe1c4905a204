"""What a product version says: bounds and defaults for every finance term, and its rules.

A ``ProductDefinition`` is the body of one version of a product (the kind and the code belong to the
product and never change). It is pure data — pydantic models over ``Decimal`` — and validated in two
layers, both reported together so a product manager sees every problem at once with its field path:

* shape: types, enums, required fields, unknown fields (pydantic, section by section);
* rules: relations inside a section (``min <= default <= max``) and across sections (a balloon
  amortization needs balloon bounds; an individual product has no company-age rule; a second-review
  threshold above the maximum amount never triggers …).

Terms are bounded in **months** (``term_months``) so one product may offer several month-based
frequencies; a quote's ``term`` counts periods of its frequency, as ``/v1/quotes`` does.
"""
from __future__ import annotations

from decimal import Decimal
from enum import Enum
from functools import lru_cache
from types import UnionType
from typing import Annotated, Any, Callable, Iterable, Literal, Union, get_args, get_origin

from pydantic import ConfigDict, Field, TypeAdapter, ValidationError

from chalicelib.finance.dates import Frequency
from chalicelib.shared.errors import RuleViolation
from chalicelib.shared.money import CURRENCY_SCALES, is_at_scale
from chalicelib.shared.schema import Schema, decimal_string, decimal_text

SCOPE = "products"

# --- value types ---------------------------------------------------------------------------------

Amount = decimal_string(example="200000.00", constraints=Field(ge=0), serialize="json")
Rate = decimal_string(example="0.049", description='a decimal fraction: "0.049" is 4.9%', constraints=Field(ge=0, le=1),
                      serialize="json")
Multiplier = decimal_string(example="1.5", constraints=Field(gt=0, le=10), serialize="json")
Code = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_-]{0,39}$", examples=["ARRANGEMENT"])]
AccountCode = Annotated[str, Field(pattern=r"^[0-9]{4}(\.[0-9]{2})?$", examples=["1303", "2241.01"],
                                   description="a code of the tenant's chart of accounts")]

FrequencyName = Literal["monthly", "quarterly", "semi-annual", "annual"]
DayCountName = Literal["30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT", "period"]
DailyDayCount = Literal["30/360", "30E/360", "ACT/360", "ACT/365F", "ACT/ACT"]
RoundingName = Literal["HALF_EVEN", "HALF_UP", "HALF_DOWN", "DOWN", "UP", "CEILING", "FLOOR"]
LoanAmortization = Literal["annuity", "equal_principal", "interest_only", "bullet", "flat", "balloon"]
LeaseAmortization = Literal["annuity", "equal_principal"]
Benchmark = Literal["LPR1Y", "LPR5Y"]


class ProductKind(str, Enum):
    LOAN = "loan"
    LEASE = "lease"
    FACTORING = "factoring"


class Segment(str, Enum):
    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"


class Channel(str, Enum):
    CONSOLE = "console"
    PARTNER_API = "partner_api"
    MERCHANT_CHECKOUT = "merchant_checkout"


class Section(Schema):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, frozen=True)


def problem(field: str, message: str, type_: str = "rule") -> dict[str, str]:
    return {"field": field, "message": message, "type": type_}


# --- bounds and choices: each checks itself, every problem with its path -------------------------


class _Range(Section):
    def problems(self, path: str) -> list[dict[str, str]]:
        lo, hi, default = self.min, self.max, getattr(self, "default", None)  # type: ignore[attr-defined]
        if lo > hi:
            return [problem(f"{path}.max", f"must not be less than min ({_show(lo)})", "range_order")]
        if default is not None and not lo <= default <= hi:
            return [problem(f"{path}.default", f"must be between min ({_show(lo)}) and max ({_show(hi)})",
                            "default_out_of_range")]
        return []


class AmountRange(_Range):
    min: Amount
    max: Amount
    default: Amount | None = None


class RateRange(_Range):
    min: Rate
    max: Rate
    default: Rate | None = None


class CountRange(_Range):
    min: int = Field(ge=0, le=1200)
    max: int = Field(ge=0, le=1200)
    default: int | None = Field(default=None, ge=0, le=1200)


class SpreadRange(_Range):
    """A spread over the benchmark in basis points (may be negative: "LPR − 20bp")."""

    min: int = Field(ge=-1000, le=5000)
    max: int = Field(ge=-1000, le=5000)
    default: int | None = Field(default=None, ge=-1000, le=5000)


class AgeRange(_Range):
    min: int = Field(ge=18, le=100)
    max: int = Field(ge=18, le=100)


class Choice(Section):
    """What the applicant may choose (``allowed``) and what they get without choosing (``default``)."""

    allowed: list[Any] = Field(min_length=1)
    default: Any

    def problems(self, path: str) -> list[dict[str, str]]:
        out = _duplicates(self.allowed, f"{path}.allowed")
        if self.default not in self.allowed:
            out.append(problem(f"{path}.default", f"must be one of the allowed values ({_join(self.allowed)})",
                               "default_not_allowed"))
        return out


class FrequencyChoice(Choice):
    allowed: list[FrequencyName] = Field(min_length=1)
    default: FrequencyName


class DayCountChoice(Choice):
    allowed: list[DayCountName] = Field(min_length=1)
    default: DayCountName


class DailyDayCountChoice(Choice):
    allowed: list[DailyDayCount] = Field(min_length=1)
    default: DailyDayCount


class LoanAmortizationChoice(Choice):
    allowed: list[LoanAmortization] = Field(min_length=1)
    default: LoanAmortization


class LeaseAmortizationChoice(Choice):
    allowed: list[LeaseAmortization] = Field(min_length=1)
    default: LeaseAmortization


class RentTimingChoice(Choice):
    allowed: list[Literal["advance", "arrears"]] = Field(min_length=1)
    default: Literal["advance", "arrears"]


class InterestCollectionChoice(Choice):
    allowed: list[Literal["upfront", "maturity"]] = Field(min_length=1)
    default: Literal["upfront", "maturity"]


class LocalizedText(Section):
    zh_cn: str = Field(alias="zh-CN", min_length=1, max_length=500)
    en_us: str = Field(alias="en-US", min_length=1, max_length=500)


# --- terms per kind ------------------------------------------------------------------------------


class _PeriodicTerms(Section):
    amount: AmountRange = Field(description="principal (loan) or financed amount (lease)")
    term_months: CountRange
    frequency: FrequencyChoice
    day_count: DayCountChoice
    rounding: RoundingName = "HALF_EVEN"
    in_multiples_of: Amount | None = Field(default=None, description="instalments rounded to a multiple of this")

    def problems(self, path: str) -> list[dict[str, str]]:
        out = []
        if self.term_months.min < 1:
            out.append(problem(f"{path}.term_months.min", "must be at least 1 month", "range"))
        default_months = self.term_months.default
        months = Frequency(self.frequency.default).months
        if default_months is not None and default_months % months:
            out.append(problem(f"{path}.term_months.default",
                               f"{default_months} months is not a whole number of {self.frequency.default} periods",
                               "term_not_whole_periods"))
        return out


class LoanTerms(_PeriodicTerms):
    amortization: LoanAmortizationChoice
    grace_on_principal: CountRange = Field(default_factory=lambda: CountRange(min=0, max=0, default=0),
                                           description="periods without principal (宽限期)")
    grace_on_interest: CountRange = Field(default_factory=lambda: CountRange(min=0, max=0, default=0))
    interest_grace_mode: Literal["capitalised", "deferred"] = "deferred"
    balloon_rate: RateRange | None = Field(default=None, description="the balloon as a share of the principal")

    def problems(self, path: str) -> list[dict[str, str]]:
        out = super().problems(path)
        offers_balloon = "balloon" in self.amortization.allowed
        if offers_balloon and self.balloon_rate is None:
            out.append(problem(f"{path}.balloon_rate", "is required when balloon amortization is allowed",
                               "required_by"))
        if not offers_balloon and self.balloon_rate is not None:
            out.append(problem(f"{path}.balloon_rate", "applies only when balloon amortization is allowed",
                               "not_applicable"))
        if self.balloon_rate is not None and self.balloon_rate.max >= 1:
            out.append(problem(f"{path}.balloon_rate.max", "must be less than 1 (the whole principal)", "range"))
        return out


class LeaseTerms(_PeriodicTerms):
    structure: Literal["direct", "sale_and_leaseback"] = Field(
        description="direct finance lease (直租) or sale-and-leaseback (售后回租)")
    amortization: LeaseAmortizationChoice
    timing: RentTimingChoice
    residual_value_rate: RateRange = Field(description="residual value as a share of the financed amount")
    security_deposit_rate: RateRange
    down_payment_rate: RateRange
    deposit_settlement: Literal["refund", "offset"] = "refund"

    def problems(self, path: str) -> list[dict[str, str]]:
        out = super().problems(path)
        if self.residual_value_rate.max >= 1:
            out.append(problem(f"{path}.residual_value_rate.max", "must be less than 1 (the financed amount)", "range"))
        return out


class FactoringTerms(Section):
    arrangement: Literal["standard", "reverse"] = Field(
        description="standard factoring, or reverse factoring (反向保理) led by a core enterprise")
    recourse: bool = Field(description="with recourse (有追索权) the seller owes what the debtor does not pay")
    debtor_confirmation_required: bool = False
    approved_debtors: list[str] = Field(default_factory=list, max_length=200,
                                        description="for reverse factoring: the core enterprises whose suppliers qualify")
    amount: AmountRange = Field(description="the advance (face amount × advance rate) per request")
    advance_rate: RateRange
    tenor_days: CountRange = Field(description="days from funding to an invoice's due date")
    grace_days: CountRange
    interest_collection: InterestCollectionChoice
    day_count: DailyDayCountChoice
    rounding: RoundingName = "HALF_EVEN"

    def problems(self, path: str) -> list[dict[str, str]]:
        out = []
        if self.advance_rate.min <= 0:
            out.append(problem(f"{path}.advance_rate.min", "must be greater than 0", "range"))
        if self.tenor_days.min < 1:
            out.append(problem(f"{path}.tenor_days.min", "must be at least 1 day", "range"))
        if self.arrangement == "reverse":
            if not self.approved_debtors:
                out.append(problem(f"{path}.approved_debtors",
                                   "reverse factoring names the core enterprises it serves", "required_by"))
            if not self.debtor_confirmation_required:
                out.append(problem(f"{path}.debtor_confirmation_required",
                                   "reverse factoring requires the core enterprise to confirm each invoice",
                                   "required_by"))
        out += _duplicates(self.approved_debtors, f"{path}.approved_debtors")
        return out


# --- pricing and charges --------------------------------------------------------------------------


class RatePolicy(Section):
    """Fixed: ``annual_rate`` bounds. Floating: benchmark (LPR) + ``spread_bps``, repriced by ``repricing``."""

    mode: Literal["fixed", "floating"]
    annual_rate: RateRange | None = None
    benchmark: Benchmark | None = None
    spread_bps: SpreadRange | None = None
    repricing: Literal["annually_on_anniversary", "annually_on_january_1", "each_period", "none"] | None = None
    floor: Rate | None = Field(default=None, description="the contract rate never falls below this")
    cap: Rate | None = None

    def problems(self, path: str) -> list[dict[str, str]]:
        out = []
        if self.mode == "fixed":
            if self.annual_rate is None:
                out.append(problem(f"{path}.annual_rate", "is required for a fixed rate", "required_by"))
            for name in ("benchmark", "spread_bps", "repricing"):
                if getattr(self, name) is not None:
                    out.append(problem(f"{path}.{name}", "applies only to a floating rate", "not_applicable"))
        else:
            for name in ("benchmark", "spread_bps", "repricing"):
                if getattr(self, name) is None:
                    out.append(problem(f"{path}.{name}", "is required for a floating rate", "required_by"))
            if self.annual_rate is not None:
                out.append(problem(f"{path}.annual_rate", "applies only to a fixed rate; a floating rate is "
                                   "benchmark + spread_bps", "not_applicable"))
        if self.floor is not None and self.cap is not None and self.floor > self.cap:
            out.append(problem(f"{path}.cap", f"must not be less than floor ({_show(self.floor)})", "range_order"))
        return out


class FeeRule(Section):
    code: Code
    name: LocalizedText
    timing: Literal["upfront", "on_disbursement", "first_installment", "periodic"] = Field(
        description="upfront / on_disbursement are deducted when funds go out; periodic is with each instalment")
    basis: Literal["fixed", "percent"]
    amount: Amount | None = None
    rate: Rate | None = None
    of: Literal["principal", "face_amount"] = Field(default="principal", description="what a percent fee is of")

    def problems(self, path: str) -> list[dict[str, str]]:
        out = []
        if self.basis == "fixed":
            if self.amount is None:
                out.append(problem(f"{path}.amount", "is required for a fixed fee", "required_by"))
            if self.rate is not None:
                out.append(problem(f"{path}.rate", "applies only to a percent fee", "not_applicable"))
        else:
            if self.rate is None:
                out.append(problem(f"{path}.rate", "is required for a percent fee", "required_by"))
            elif self.rate >= 1:
                out.append(problem(f"{path}.rate", "must be less than 1", "range"))
            if self.amount is not None:
                out.append(problem(f"{path}.amount", "applies only to a fixed fee", "not_applicable"))
        return out


class PenaltyRule(Section):
    """Penalty interest (罚息) on overdue amounts: a multiple of the contract rate, or a rate of its own."""

    basis: Literal["multiplier", "rate"]
    multiplier: Multiplier | None = Field(default=None, description='"1.5" is the contract rate plus 50%')
    rate: Rate | None = None
    on_overdue_interest: bool = Field(default=False, description="also on unpaid interest (复利)")
    day_count: DailyDayCount = "ACT/360"

    def problems(self, path: str) -> list[dict[str, str]]:
        wanted, other = ("multiplier", "rate") if self.basis == "multiplier" else ("rate", "multiplier")
        out = []
        if getattr(self, wanted) is None:
            out.append(problem(f"{path}.{wanted}", f"is required when basis is {self.basis}", "required_by"))
        if getattr(self, other) is not None:
            out.append(problem(f"{path}.{other}", f"applies only when basis is {other}", "not_applicable"))
        return out


class PrepaymentRule(Section):
    allowed: bool
    after_periods: int = Field(default=0, ge=0, le=1200, description="prepayment allowed from this period on")
    penalty_rate: Rate | None = Field(default=None, description="share of the prepaid principal")
    penalty_periods: int | None = Field(default=None, ge=1, le=24, description="this many periods' interest")
    strategies: list[Literal["keep_term", "keep_installment"]] = Field(default_factory=lambda: ["keep_term"])

    def problems(self, path: str) -> list[dict[str, str]]:
        out = _duplicates(self.strategies, f"{path}.strategies")
        if self.penalty_rate is not None and self.penalty_periods is not None:
            out.append(problem(f"{path}.penalty_periods", "give penalty_rate or penalty_periods, not both",
                               "exclusive"))
        if self.allowed and not self.strategies:
            out.append(problem(f"{path}.strategies", "name at least one strategy when prepayment is allowed",
                               "required_by"))
        return out


class ArrearsTolerance(Section):
    """An instalment short by no more than ``amount`` and late by no more than ``days`` is not overdue."""

    amount: Amount = Decimal(0)
    days: int = Field(default=0, ge=0, le=30)


class DocumentRequirement(Section):
    code: Code
    name: LocalizedText
    required: bool = True


class WorkflowConfig(Section):
    second_review_required: bool = Field(description="every application goes to a second reviewer")
    second_review_above: Amount | None = Field(default=None, description="amount above which it always does")
    documents: list[DocumentRequirement] = Field(default_factory=list, max_length=50)
    signing_window_days: int = Field(default=14, ge=1, le=90, description="days an approved offer stays open")

    def problems(self, path: str) -> list[dict[str, str]]:
        out = _duplicates([d.code for d in self.documents], f"{path}.documents", "code")
        if self.second_review_required and self.second_review_above is not None:
            out.append(problem(f"{path}.second_review_above",
                               "has no effect when second_review_required is true", "not_applicable"))
        if self.second_review_above is not None and self.second_review_above <= 0:
            out.append(problem(f"{path}.second_review_above", "must be greater than 0", "range"))
        return out


class RiskRules(Section):
    """Checks the application must pass (the risk engine evaluates them at application time)."""

    applicant_age: AgeRange | None = Field(default=None, description="individuals only")
    company_age_years_min: int | None = Field(default=None, ge=0, le=100, description="enterprises only")
    max_debt_to_income: Rate | None = Field(default=None, description="individuals only: monthly debt / income")
    excluded_industries: list[Annotated[str, Field(pattern=r"^[A-T](\d{2,4})?$")]] = Field(
        default_factory=list, description="GB/T 4754 industry codes (a section letter, or letter + digits)")
    blacklist_check: bool = True
    max_customer_exposure: Amount | None = Field(default=None, description="all this product's contracts with one customer")
    min_verification_level: Literal["registered", "phone_verified", "weak_real_name", "strong_real_name"] | None = Field(
        default=None, description="the customer's verification level an application needs (origination refuses below it)")

    def problems(self, path: str) -> list[dict[str, str]]:
        return _duplicates(self.excluded_industries, f"{path}.excluded_industries")


class AccountingTemplate(Section):
    """Which ledger accounts a contract of this product posts to.

    Field names are the ledger's posting roles; ``template`` names the ledger template whose rules
    (which event debits and credits which role) apply — default: the standard one for the kind.
    """

    template: str | None = Field(default=None, pattern=r"^[a-z0-9][a-z0-9-]{1,62}$",
                                 examples=["lending-standard"], description="the ledger's accounting template id")
    principal: AccountCode = Field(description="loan / lease / factoring receivable")
    interest_receivable: AccountCode
    interest_income: AccountCode
    fee_income: AccountCode
    penalty_income: AccountCode
    suspense: AccountCode = Field(description="receipts not yet allocated")
    fee_receivable: AccountCode | None = None
    penalty_receivable: AccountCode | None = None
    unearned_income: AccountCode | None = Field(default=None, description="lease: unearned finance income (未实现融资收益)")
    deposit_held: AccountCode | None = Field(default=None, description="lease: security deposits held")
    reserve_payable: AccountCode | None = Field(default=None, description="factoring: reserve owed back to the seller")

    def problems(self, path: str) -> list[dict[str, str]]:
        out = []
        for name in ("interest_receivable", "interest_income", "fee_income", "penalty_income", "suspense"):
            if getattr(self, name) == self.principal:
                out.append(problem(f"{path}.{name}", "must differ from the principal account", "same_account"))
        return out


# --- the definition -------------------------------------------------------------------------------


class ProductDefinition(Section):
    name: LocalizedText
    description: LocalizedText | None = None
    segment: Segment
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    channels: list[Channel] = Field(min_length=1, description="where it is on the shelf")
    terms: Any
    rate: RatePolicy
    fees: list[FeeRule] = Field(default_factory=list, max_length=20)
    penalty: PenaltyRule
    prepayment: PrepaymentRule
    arrears_tolerance: ArrearsTolerance = Field(default_factory=ArrearsTolerance)
    workflow: WorkflowConfig
    risk: RiskRules = Field(default_factory=RiskRules)
    accounting: AccountingTemplate


class LoanDefinition(ProductDefinition):
    terms: LoanTerms


class LeaseDefinition(ProductDefinition):
    terms: LeaseTerms


class FactoringDefinition(ProductDefinition):
    terms: FactoringTerms


DEFINITION_MODELS: dict[ProductKind, type[ProductDefinition]] = {
    ProductKind.LOAN: LoanDefinition,
    ProductKind.LEASE: LeaseDefinition,
    ProductKind.FACTORING: FactoringDefinition,
}

# --- rules across sections ------------------------------------------------------------------------

Sections = dict[str, Any]
Rule = Callable[[ProductKind, Sections], Iterable[dict[str, str]]]
_RULES: list[tuple[tuple[str, ...], Rule]] = []


def _rule(*needs: str) -> Callable[[Rule], Rule]:
    """A cross-section rule; it runs when every section it ``needs`` is itself valid."""

    def register(fn: Rule) -> Rule:
        _RULES.append((needs, fn))
        return fn

    return register


@_rule("currency")
def _known_currency(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    if s["currency"] not in CURRENCY_SCALES:
        yield problem("currency", f"{s['currency']} is not an ISO 4217 currency priced here", "currency")


@_rule("currency", "terms", "fees", "arrears_tolerance", "workflow", "risk")
def _amounts_in_minor_units(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    currency = s["currency"]
    if currency not in CURRENCY_SCALES:
        return
    terms = s["terms"]
    amounts = [("terms.amount.min", terms.amount.min), ("terms.amount.max", terms.amount.max),
               ("terms.amount.default", terms.amount.default),
               ("terms.in_multiples_of", getattr(terms, "in_multiples_of", None)),
               ("arrears_tolerance.amount", s["arrears_tolerance"].amount),
               ("workflow.second_review_above", s["workflow"].second_review_above),
               ("risk.max_customer_exposure", s["risk"].max_customer_exposure)]
    amounts += [(f"fees.{i}.amount", fee.amount) for i, fee in enumerate(s["fees"])]
    for field, value in amounts:
        if value is not None and not is_at_scale(value, currency):
            yield problem(field, f"has more decimal places than {currency} allows", "scale")


@_rule("terms")
def _positive_amounts(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    if s["terms"].amount.min <= 0:
        yield problem("terms.amount.min", "must be greater than 0", "range")


@_rule("channels")
def _channels_once(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    yield from _duplicates([c.value for c in s["channels"]], "channels")


@_rule("fees")
def _fee_codes_once(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    yield from _duplicates([f.code for f in s["fees"]], "fees", "code")


@_rule("fees")
def _fees_fit_the_kind(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    for i, fee in enumerate(s["fees"]):
        if kind is ProductKind.FACTORING:
            # The factoring engine charges a service fee on the face amount when invoices are funded.
            if fee.basis != "percent":
                yield problem(f"fees.{i}.basis", "a factoring fee is a percent of the face amount", "kind")
            if fee.of != "face_amount":
                yield problem(f"fees.{i}.of", "a factoring fee is charged on the face_amount", "kind")
            if fee.timing not in ("upfront", "on_disbursement"):
                yield problem(f"fees.{i}.timing", "a factoring fee is charged when invoices are funded "
                              "(upfront or on_disbursement)", "kind")
        elif fee.of != "principal":
            yield problem(f"fees.{i}.of", f"a {kind.value} fee is a percent of the principal", "kind")


@_rule("rate", "terms")
def _floating_rates_reprice_on_a_period(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    rate = s["rate"]
    if kind is ProductKind.FACTORING and rate.mode == "floating" and rate.repricing not in (None, "none"):
        yield problem("rate.repricing", "a factoring advance is not repriced: use none", "kind")


@_rule("prepayment", "terms")
def _prepayment_fits_the_terms(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    rule, terms = s["prepayment"], s["terms"]
    if kind is ProductKind.FACTORING:
        if rule.after_periods or rule.penalty_periods:
            yield problem("prepayment.after_periods", "factoring has no periods; use penalty_rate only", "kind")
        return
    if rule.after_periods > terms.term_months.max:
        yield problem("prepayment.after_periods",
                      f"must not exceed the longest term ({terms.term_months.max} months)", "range")
    if "keep_installment" in rule.strategies and kind is ProductKind.LOAN and not set(
            terms.amortization.allowed) & {"annuity", "equal_principal"}:
        yield problem("prepayment.strategies", "keep_installment needs annuity or equal_principal amortization",
                      "inconsistent")


@_rule("workflow", "terms")
def _second_review_threshold_reachable(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    above, amount = s["workflow"].second_review_above, s["terms"].amount
    if above is not None and above >= amount.max:
        yield problem("workflow.second_review_above",
                      f"is not below the maximum amount ({_show(amount.max)}), so it would never apply", "unreachable")


@_rule("risk", "segment")
def _risk_rules_fit_the_segment(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    risk, segment = s["risk"], s["segment"]
    if segment is Segment.INDIVIDUAL and risk.company_age_years_min is not None:
        yield problem("risk.company_age_years_min", "applies to enterprise products only", "segment")
    if segment is Segment.ENTERPRISE:
        for name in ("applicant_age", "max_debt_to_income"):
            if getattr(risk, name) is not None:
                yield problem(f"risk.{name}", "applies to individual products only", "segment")


@_rule("risk", "terms")
def _exposure_limit_admits_the_largest_amount(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    limit, amount = s["risk"].max_customer_exposure, s["terms"].amount
    if limit is not None and limit < amount.max:
        yield problem("risk.max_customer_exposure",
                      f"is below the maximum amount ({_show(amount.max)}), which could never be granted", "range")


@_rule("accounting")
def _accounts_the_kind_posts_to(kind: ProductKind, s: Sections) -> Iterable[dict[str, str]]:
    template = s["accounting"]
    for name in KIND_ACCOUNTS[kind]:
        if getattr(template, name) is None:
            yield problem(f"accounting.{name}", f"is required for a {kind.value} product", "required_by")
    for name in set(_KIND_SPECIFIC_ACCOUNTS) - set(KIND_ACCOUNTS[kind]):
        if getattr(template, name) is not None:
            yield problem(f"accounting.{name}", f"is not used by a {kind.value} product", "not_applicable")


_KIND_SPECIFIC_ACCOUNTS = ("unearned_income", "deposit_held", "reserve_payable")
KIND_ACCOUNTS: dict[ProductKind, tuple[str, ...]] = {
    ProductKind.LOAN: (),
    ProductKind.LEASE: ("unearned_income", "deposit_held"),
    ProductKind.FACTORING: ("reserve_payable",),
}

# --- validation -----------------------------------------------------------------------------------


class FieldsInvalid(RuleViolation):
    """Input with problems — a definition, a quote's terms: every problem, each with its field path.

    The code names the first field (``products.definition.terms.amount.max.invalid``), as the HTTP
    edge does for request models; ``details.errors`` lists ``{field, message, type}`` for all.
    """

    def __init__(self, problems: list[dict[str, str]], scope: str = SCOPE):
        first = problems[0]
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(f"{scope}.{first['field']}.invalid", f"{first['field']}: {first['message']}{more}",
                         {"errors": problems})
        self.problems = problems


def check_definition(kind: ProductKind, data: Any, prefix: str = "definition") -> ProductDefinition:
    """The definition for ``kind``, or ``FieldsInvalid`` listing every problem (paths under ``prefix``)."""
    model = DEFINITION_MODELS[kind]
    if not isinstance(data, dict):
        raise FieldsInvalid([problem(prefix or "definition", "must be an object", "dict_type")])
    problems: list[dict[str, str]] = []
    definition: ProductDefinition | None = None
    try:
        definition = model.model_validate(data)
        sections = {name: getattr(definition, name) for name in model.model_fields}
        problems += _self_checks(definition, "")
    except ValidationError as exc:
        problems += _from_pydantic(exc)
        failed = [tuple(e["loc"]) for e in exc.errors(include_url=False, include_input=False)]
        sections = _valid_sections(model, data, {loc[0] for loc in failed if loc})
        problems += _partial_checks(model, data, failed, ())
    for needs, rule in _RULES:
        if all(n in sections for n in needs):
            problems += rule(kind, sections)
    if problems:
        raise FieldsInvalid([{**p, "field": f"{prefix}.{p['field']}" if prefix else p["field"]} for p in problems])
    assert definition is not None
    return definition


def _from_pydantic(exc: ValidationError) -> list[dict[str, str]]:
    return [problem(".".join(str(part) for part in e["loc"]), e["msg"], e["type"])
            for e in exc.errors(include_url=False, include_input=False, include_context=False)]


def _valid_sections(model: type[ProductDefinition], data: dict, failed: set[Any]) -> Sections:
    """The top-level sections that validate on their own, so cross-section rules still run on them."""
    sections: Sections = {}
    for name, field in model.model_fields.items():
        if name in failed:
            continue
        if name in data:
            try:
                sections[name] = _adapter(model, name).validate_python(data[name])
            except ValidationError:  # pragma: no cover - the whole-model run reported it already
                continue
        elif not field.is_required():
            sections[name] = field.get_default(call_default_factory=True)
    return sections


@lru_cache(maxsize=None)
def _adapter(model: type[ProductDefinition], name: str) -> TypeAdapter:
    return TypeAdapter(model.model_fields[name].annotation)


def _partial_checks(annotation: Any, raw: Any, failed: list[tuple], loc: tuple) -> list[dict[str, str]]:
    """Self-checks of every part of ``raw`` that has no shape error of its own.

    A section with a shape error cannot check itself as a whole, but its valid sub-sections can,
    so ``terms.frequency.default`` is still reported beside a malformed ``terms.amount.max``.
    """
    annotation = _unwrap_optional(annotation)
    if get_origin(annotation) is list and isinstance(raw, list):
        (item,) = get_args(annotation)
        return [p for i, v in enumerate(raw) for p in _partial_checks(item, v, failed, loc + (i,))]
    if not (isinstance(annotation, type) and issubclass(annotation, Section) and isinstance(raw, dict)):
        return []
    if not any(f[:len(loc)] == loc for f in failed):
        return _self_checks(annotation.model_validate(raw), ".".join(str(part) for part in loc))
    out: list[dict[str, str]] = []
    for name, field in annotation.model_fields.items():
        key = field.alias or name
        if key in raw:
            out += _partial_checks(field.annotation, raw[key], failed, loc + (key,))
    return out


def _unwrap_optional(annotation: Any) -> Any:
    args = [a for a in get_args(annotation) if a is not type(None)]
    if get_origin(annotation) in (Union, UnionType) and len(args) == 1:
        return args[0]
    return annotation


def _self_checks(value: Any, path: str) -> list[dict[str, str]]:
    """Every ``problems(path)`` of the value and of the sections nested in it."""
    out: list[dict[str, str]] = []
    if isinstance(value, list):
        for i, item in enumerate(value):
            out += _self_checks(item, _join_path(path, i))
        return out
    if not isinstance(value, Section):
        return out
    for name, field in type(value).model_fields.items():
        out += _self_checks(getattr(value, name), _join_path(path, field.alias or name))
    if hasattr(value, "problems"):
        out += value.problems(path)
    return out


def _join_path(path: str, part: Any) -> str:
    return f"{path}.{part}" if path else str(part)


def _duplicates(values: list[Any], path: str, key: str | None = None) -> list[dict[str, str]]:
    seen: set[Any] = set()
    out = []
    for i, value in enumerate(values):
        if value in seen:
            out.append(problem(f"{path}.{i}" + (f".{key}" if key else ""), f"{value} appears more than once",
                               "duplicate"))
        seen.add(value)
    return out


def _show(value: Decimal | int) -> str:
    return decimal_text(value) if isinstance(value, Decimal) else str(value)


def _join(values: Iterable[Any]) -> str:
    return ", ".join(str(getattr(v, "value", v)) for v in values)


def merge_patch(target: Any, patch: Any) -> Any:
    """RFC 7386 JSON merge patch: objects merge, ``null`` removes a member, anything else replaces."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def definition_json(definition: ProductDefinition) -> dict[str, Any]:
    """The definition as JSON-ready data: amounts and rates as decimal strings, names by alias."""
    return definition.model_dump(mode="json", by_alias=True, exclude_none=True)
