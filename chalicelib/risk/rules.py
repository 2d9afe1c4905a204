"""The application-time rules engine: a product's risk rules applied to one applicant. Pure.

``assess(policy, subject)`` runs every rule the policy configures and returns each rule's outcome
with its reason, and the decision they add up to:

* ``decline`` if any rule declines (the application stops);
* ``refer`` if none declines but one cannot be settled automatically (missing data, a related
  party on the blacklist, weak real-name verification) — reviewers see the flag and decide;
* ``pass`` otherwise.

A rule the policy does not configure is not run, so the outcome lists only the checks that applied.
``RULES`` is the one table of rules; each is a function of (policy, subject).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_EVEN, Decimal
from enum import Enum
from typing import Callable


class Outcome(str, Enum):
    PASS = "pass"
    REFER = "refer"
    DECLINE = "decline"


@dataclass(frozen=True)
class RiskPolicy:
    """What a product version checks. ``None`` (or empty) switches a rule off."""

    amount_min: Decimal | None = None
    amount_max: Decimal | None = None
    term_months_min: int | None = None
    term_months_max: int | None = None
    applicant_age_min: int | None = None
    applicant_age_max: int | None = None
    company_age_years_min: int | None = None
    max_debt_to_income: Decimal | None = None
    excluded_industries: tuple[str, ...] = ()
    blacklist_check: bool = True
    max_customer_exposure: Decimal | None = None
    require_strong_real_name: bool = False


@dataclass(frozen=True)
class RiskSubject:
    """The applicant and the request, as the rules see them (no raw identity, only facts)."""

    applicant_type: str  # "individual" | "enterprise"
    amount: Decimal
    term_months: int | None = None
    applicant_age: int | None = None  # whole years on the application date
    company_age_years: int | None = None
    monthly_income: Decimal | None = None
    monthly_debt_service: Decimal | None = None  # the new obligation plus existing ones, per month
    industry: str | None = None
    blacklisted: bool = False
    blacklisted_related_parties: tuple[str, ...] = ()  # relations, e.g. ("guarantor",)
    existing_exposure: Decimal = Decimal(0)  # this product's live business with the customer
    verification_level: str | None = None


@dataclass(frozen=True)
class RuleResult:
    rule: str
    outcome: Outcome
    reason: str


@dataclass(frozen=True)
class Assessment:
    decision: Outcome
    results: tuple[RuleResult, ...] = field(default_factory=tuple)

    @property
    def declined_by(self) -> tuple[str, ...]:
        return tuple(r.rule for r in self.results if r.outcome is Outcome.DECLINE)

    @property
    def referred_by(self) -> tuple[str, ...]:
        return tuple(r.rule for r in self.results if r.outcome is Outcome.REFER)


Rule = Callable[[RiskPolicy, RiskSubject], "RuleResult | None"]
_PCT = Decimal("0.0001")


def _amount_limit(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if p.amount_min is None and p.amount_max is None:
        return None
    if p.amount_min is not None and s.amount < p.amount_min:
        return RuleResult("amount_limit", Outcome.DECLINE, f"amount {s.amount} is below the minimum {p.amount_min}")
    if p.amount_max is not None and s.amount > p.amount_max:
        return RuleResult("amount_limit", Outcome.DECLINE, f"amount {s.amount} is above the maximum {p.amount_max}")
    return RuleResult("amount_limit", Outcome.PASS, f"amount {s.amount} is within the product's limits")


def _term_limit(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if (p.term_months_min is None and p.term_months_max is None) or s.term_months is None:
        return None
    if p.term_months_min is not None and s.term_months < p.term_months_min:
        return RuleResult("term_limit", Outcome.DECLINE,
                          f"term of {s.term_months} months is below the minimum {p.term_months_min}")
    if p.term_months_max is not None and s.term_months > p.term_months_max:
        return RuleResult("term_limit", Outcome.DECLINE,
                          f"term of {s.term_months} months is above the maximum {p.term_months_max}")
    return RuleResult("term_limit", Outcome.PASS, f"term of {s.term_months} months is within the product's limits")


def _applicant_age(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if (p.applicant_age_min is None and p.applicant_age_max is None) or s.applicant_type != "individual":
        return None
    if s.applicant_age is None:
        return RuleResult("applicant_age", Outcome.REFER, "the applicant's date of birth is not known")
    if p.applicant_age_min is not None and s.applicant_age < p.applicant_age_min:
        return RuleResult("applicant_age", Outcome.DECLINE,
                          f"applicant is {s.applicant_age}, younger than {p.applicant_age_min}")
    if p.applicant_age_max is not None and s.applicant_age > p.applicant_age_max:
        return RuleResult("applicant_age", Outcome.DECLINE,
                          f"applicant is {s.applicant_age}, older than {p.applicant_age_max}")
    return RuleResult("applicant_age", Outcome.PASS, f"applicant is {s.applicant_age}")


def _company_age(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if p.company_age_years_min is None or s.applicant_type != "enterprise":
        return None
    if s.company_age_years is None:
        return RuleResult("company_age", Outcome.REFER, "the company's date of incorporation is not known")
    if s.company_age_years < p.company_age_years_min:
        return RuleResult("company_age", Outcome.DECLINE,
                          f"company is {s.company_age_years} years old, less than {p.company_age_years_min}")
    return RuleResult("company_age", Outcome.PASS, f"company is {s.company_age_years} years old")


def _debt_to_income(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if p.max_debt_to_income is None or s.applicant_type != "individual":
        return None
    if not s.monthly_income or s.monthly_debt_service is None:
        return RuleResult("debt_to_income", Outcome.REFER, "the applicant's income is not known")
    ratio = (s.monthly_debt_service / s.monthly_income).quantize(_PCT, rounding=ROUND_HALF_EVEN)
    if ratio > p.max_debt_to_income:
        return RuleResult("debt_to_income", Outcome.DECLINE,
                          f"debt-to-income {ratio} is above the ceiling {p.max_debt_to_income}")
    return RuleResult("debt_to_income", Outcome.PASS, f"debt-to-income {ratio} is within {p.max_debt_to_income}")


def industry_excluded(industry: str, excluded: tuple[str, ...]) -> str | None:
    """The exclusion that matches a GB/T 4754 code: ``C`` covers ``C36``, ``C36`` covers ``C3610``."""
    return next((code for code in excluded if industry.upper().startswith(code.upper())), None)


def _industry(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if not p.excluded_industries:
        return None
    if not s.industry:
        if s.applicant_type == "enterprise":
            return RuleResult("industry_exclusion", Outcome.REFER, "the company's industry is not known")
        return None
    hit = industry_excluded(s.industry, p.excluded_industries)
    if hit:
        return RuleResult("industry_exclusion", Outcome.DECLINE, f"industry {s.industry} is excluded ({hit})")
    return RuleResult("industry_exclusion", Outcome.PASS, f"industry {s.industry} is not excluded")


def _blacklist(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if not p.blacklist_check:
        return None
    if s.blacklisted:
        return RuleResult("blacklist", Outcome.DECLINE, "the applicant is on the blacklist")
    if s.blacklisted_related_parties:
        return RuleResult("blacklist", Outcome.REFER,
                          f"a related party ({', '.join(s.blacklisted_related_parties)}) is on the blacklist")
    return RuleResult("blacklist", Outcome.PASS, "not on the blacklist")


def _exposure(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if p.max_customer_exposure is None:
        return None
    total = s.existing_exposure + s.amount
    if total > p.max_customer_exposure:
        return RuleResult("customer_exposure", Outcome.DECLINE,
                          f"exposure would be {total}, above the limit {p.max_customer_exposure}")
    return RuleResult("customer_exposure", Outcome.PASS, f"exposure would be {total}")


_STRONG = "strong_real_name"


def _verification(p: RiskPolicy, s: RiskSubject) -> RuleResult | None:
    if not p.require_strong_real_name or s.applicant_type != "individual" or s.verification_level is None:
        return None
    if s.verification_level != _STRONG:
        return RuleResult("real_name_verification", Outcome.REFER,
                          f"verification is {s.verification_level}, not strong real-name")
    return RuleResult("real_name_verification", Outcome.PASS, "strong real-name verified")


RULES: tuple[Rule, ...] = (
    _amount_limit, _term_limit, _applicant_age, _company_age, _debt_to_income, _industry, _blacklist,
    _exposure, _verification,
)


def assess(policy: RiskPolicy, subject: RiskSubject) -> Assessment:
    """Every configured rule's outcome and the decision: decline > refer > pass."""
    results = tuple(r for r in (rule(policy, subject) for rule in RULES) if r is not None)
    outcomes = {r.outcome for r in results}
    decision = (Outcome.DECLINE if Outcome.DECLINE in outcomes
                else Outcome.REFER if Outcome.REFER in outcomes else Outcome.PASS)
    return Assessment(decision, results)
