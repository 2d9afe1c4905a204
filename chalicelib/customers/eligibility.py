"""Eligibility: which customers fit an offer, and why. ONE rule engine, pure, reusable.

Cross-sell campaigns use it today; the credit-facility issue's pre-approval whitelists are meant to
reuse it (a whitelist is a campaign whose result list is kept). Rules are data (``EligibilityRules``),
a customer is a ``Candidate`` (facts only — grades, level, exposure, days past due, consent scopes,
type, industry, region, products held), and ``evaluate`` answers each rule with its reason, so the
list a campaign produces says why each customer is on it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Annotated, Any, Callable, Literal

from pydantic import ConfigDict, Field

from chalicelib.origination.customers.domain import VerificationLevel
from chalicelib.shared.schema import Schema


Grade = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9+-]{0,11}$")]
Prefix = Annotated[str, Field(pattern=r"^[A-Z0-9]{1,6}$")]
ProductCode = Annotated[str, Field(pattern=r"^[A-Z0-9][A-Z0-9_-]{1,63}$")]


class EligibilityRules(Schema):
    """Every rule is optional; a customer is eligible when every rule that is set passes."""

    model_config = ConfigDict(extra="forbid")

    value_grades: list[Grade] | None = Field(default=None, max_length=10, description="value grade in this list")
    activity_grades: list[Grade] | None = Field(default=None, max_length=10)
    min_verification_level: VerificationLevel | None = None
    max_exposure: Decimal | None = Field(default=None, ge=0, allow_inf_nan=False, description="outstanding across the customer's contracts")
    max_days_past_due: int | None = Field(default=None, ge=0, le=3650)
    customer_types: list[Literal["individual", "enterprise"]] | None = Field(default=None, max_length=2)
    industries: list[Prefix] | None = Field(default=None, max_length=50, description="GB/T 4754 prefixes, e.g. C3")
    regions: list[Prefix] | None = Field(default=None, max_length=50, description="division-code prefixes, e.g. 31")
    exclude_holders_of: list[ProductCode] = Field(default_factory=list, max_length=20,
                                                  description="leave out customers already holding these products")
    requires_consent: list[Literal["group_relationships", "group_marketing"]] = Field(
        default_factory=list, max_length=2, description="consent scopes the customer must have given")


@dataclass(frozen=True)
class Candidate:
    customer_id: str
    subsidiary_id: str
    identity_hash: str
    name: str
    customer_type: str
    verification_level: VerificationLevel
    value_grade: str | None = None
    activity_grade: str | None = None
    exposure: Decimal = Decimal(0)
    days_past_due: int = 0
    industry: str | None = None
    region: str | None = None
    products_held: frozenset[str] = frozenset()
    consent_scopes: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Reason:
    rule: str
    passed: bool
    detail: str

    def to_json(self) -> dict[str, Any]:
        return {"rule": self.rule, "passed": self.passed, "detail": self.detail}


@dataclass(frozen=True)
class Verdict:
    eligible: bool
    reasons: tuple[Reason, ...] = field(default_factory=tuple)


def _in(name: str, allowed: list[str] | None, value: str | None) -> Reason | None:
    if allowed is None:
        return None
    ok = value in allowed
    return Reason(name, ok, f"{value or 'none'} {'in' if ok else 'not in'} {', '.join(allowed)}")


def _prefix(name: str, prefixes: list[str] | None, value: str | None) -> Reason | None:
    if prefixes is None:
        return None
    ok = value is not None and any(value.startswith(p) for p in prefixes)
    return Reason(name, ok, f"{value or 'none'} {'matches' if ok else 'does not match'} {', '.join(prefixes)}")


RuleFn = Callable[[EligibilityRules, Candidate], Reason | None]


def _level(r: EligibilityRules, c: Candidate) -> Reason | None:
    if r.min_verification_level is None:
        return None
    ok = c.verification_level.at_least(r.min_verification_level)
    return Reason("verification_level", ok, f"{c.verification_level.value} "
                                            f"{'reaches' if ok else 'is below'} {r.min_verification_level.value}")


def _exposure(r: EligibilityRules, c: Candidate) -> Reason | None:
    if r.max_exposure is None:
        return None
    ok = c.exposure <= r.max_exposure
    return Reason("exposure", ok, f"exposure {c.exposure} {'within' if ok else 'above'} {r.max_exposure}")


def _dpd(r: EligibilityRules, c: Candidate) -> Reason | None:
    if r.max_days_past_due is None:
        return None
    ok = c.days_past_due <= r.max_days_past_due
    return Reason("days_past_due", ok, f"{c.days_past_due} days past due "
                                       f"{'within' if ok else 'above'} {r.max_days_past_due}")


def _not_holding(r: EligibilityRules, c: Candidate) -> Reason | None:
    if not r.exclude_holders_of:
        return None
    held = sorted(c.products_held & set(r.exclude_holders_of))
    return Reason("not_holding", not held, f"already holds {', '.join(held)}" if held else "holds none of them")


def _consent(r: EligibilityRules, c: Candidate) -> Reason | None:
    if not r.requires_consent:
        return None
    missing = sorted(set(r.requires_consent) - c.consent_scopes)
    return Reason("consent", not missing, f"no consent to {', '.join(missing)}" if missing else
                  f"consented to {', '.join(sorted(r.requires_consent))}")


RULES: tuple[RuleFn, ...] = (
    lambda r, c: _in("value_grade", r.value_grades, c.value_grade),
    lambda r, c: _in("activity_grade", r.activity_grades, c.activity_grade),
    _level, _exposure, _dpd,
    lambda r, c: _in("customer_type", r.customer_types, c.customer_type),
    lambda r, c: _prefix("industry", r.industries, c.industry),
    lambda r, c: _prefix("region", r.regions, c.region),
    _not_holding, _consent,
)


def evaluate(rules: EligibilityRules, candidate: Candidate) -> Verdict:
    """Each set rule's answer for the candidate, and whether all of them pass."""
    reasons = tuple(r for r in (fn(rules, candidate) for fn in RULES) if r is not None)
    return Verdict(all(r.passed for r in reasons), reasons)
