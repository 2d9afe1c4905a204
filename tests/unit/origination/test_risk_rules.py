"""The rules engine: each rule's outcome with a reason, and the decision they add up to."""
from __future__ import annotations

from decimal import Decimal

from chalicelib.risk.rules import Outcome, RiskPolicy, RiskSubject, assess, industry_excluded

POLICY = RiskPolicy(amount_min=Decimal("1000"), amount_max=Decimal("100000"), term_months_min=3, term_months_max=24,
                    applicant_age_min=22, applicant_age_max=60, max_debt_to_income=Decimal("0.50"),
                    excluded_industries=("K70", "B"), max_customer_exposure=Decimal("200000"))


def person(**over) -> RiskSubject:
    base = dict(applicant_type="individual", amount=Decimal("30000"), term_months=12, applicant_age=35,
                monthly_income=Decimal("20000"), monthly_debt_service=Decimal("2676.70"))
    return RiskSubject(**{**base, **over})


def outcome(assessment, rule):
    return next(r for r in assessment.results if r.rule == rule)


def test_a_sound_application_passes_every_configured_rule():
    result = assess(POLICY, person())
    assert result.decision is Outcome.PASS
    assert {r.rule for r in result.results} == {"amount_limit", "term_limit", "applicant_age", "debt_to_income",
                                                "blacklist", "customer_exposure"}


def test_debt_to_income_above_the_ceiling_declines_with_the_ratio():
    result = assess(POLICY, person(monthly_debt_service=Decimal("12000")))
    assert result.decision is Outcome.DECLINE
    assert outcome(result, "debt_to_income").reason == "debt-to-income 0.6000 is above the ceiling 0.50"


def test_unknown_income_refers_rather_than_declines():
    result = assess(POLICY, person(monthly_income=None))
    assert (result.decision, result.referred_by) == (Outcome.REFER, ("debt_to_income",))


def test_the_blacklist_declines_and_a_blacklisted_guarantor_refers():
    assert assess(POLICY, person(blacklisted=True)).declined_by == ("blacklist",)
    referred = assess(POLICY, person(blacklisted_related_parties=("guarantor",)))
    assert referred.decision is Outcome.REFER


def test_age_amount_term_and_exposure_limits_decline():
    assert assess(POLICY, person(applicant_age=21)).declined_by == ("applicant_age",)
    assert assess(POLICY, person(amount=Decimal("100000.01"))).declined_by == ("amount_limit",)
    assert assess(POLICY, person(term_months=36)).declined_by == ("term_limit",)
    assert assess(POLICY, person(existing_exposure=Decimal("180000"))).declined_by == ("customer_exposure",)


def test_industry_exclusions_match_by_code_prefix_for_companies():
    company = RiskSubject(applicant_type="enterprise", amount=Decimal("50000"), industry="B0610",
                          company_age_years=5)
    assert industry_excluded("B0610", ("B",)) == "B"
    assert industry_excluded("C36", ("K70",)) is None
    assert assess(POLICY, company).declined_by == ("industry_exclusion",)


def test_company_age_applies_to_enterprises_only():
    policy = RiskPolicy(company_age_years_min=3, blacklist_check=False)
    young = RiskSubject(applicant_type="enterprise", amount=Decimal("1"), company_age_years=2)
    assert assess(policy, young).declined_by == ("company_age",)
    assert assess(policy, person()).results == ()
