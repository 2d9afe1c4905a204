"""The eligibility engine, a group campaign's lists, and the verification ladder (pure)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

from chalicelib.customers.campaigns import leads_for
from chalicelib.customers.eligibility import Candidate, EligibilityRules, evaluate
from chalicelib.customers.ladder import Evidence, EvidenceKind, level_for, may_record
from chalicelib.origination.customers.domain import VerificationLevel as L
from chalicelib.shared.tenant import Role


def cand(sub: str, h: str, **over) -> Candidate:
    base = dict(customer_id=f"cus_{h}", subsidiary_id=sub, identity_hash=h * 64, name="张*",
                customer_type="individual", verification_level=L.STRONG_REAL_NAME, value_grade="A",
                activity_grade="ACTIVE", exposure=Decimal("20000.00"), days_past_due=0, region="310101")
    return Candidate(**{**base, **over})


RULES = EligibilityRules(value_grades=["A", "B"], min_verification_level=L.WEAK_REAL_NAME,
                         max_exposure=Decimal("50000"), max_days_past_due=0, regions=["31"],
                         exclude_holders_of=["CONSUMER-INSTALMENT"], requires_consent=["group_marketing"])


def test_every_rule_answers_with_its_reason():
    verdict = evaluate(RULES.model_copy(update={"requires_consent": []}), cand("a", "1"))
    assert verdict.eligible
    assert [r.rule for r in verdict.reasons] == ["value_grade", "verification_level", "exposure", "days_past_due",
                                                 "region", "not_holding"]
    late = evaluate(RULES, cand("a", "1", days_past_due=3, products_held=frozenset({"CONSUMER-INSTALMENT"})))
    failed = {r.rule: r.detail for r in late.reasons if not r.passed}
    assert not late.eligible
    assert failed == {"days_past_due": "3 days past due above 0", "not_holding": "already holds CONSUMER-INSTALMENT",
                      "consent": "no consent to group_marketing"}


def test_below_the_level_or_above_the_exposure_is_not_eligible():
    assert not evaluate(RULES, cand("a", "1", verification_level=L.PHONE_VERIFIED)).eligible
    assert not evaluate(RULES, cand("a", "1", exposure=Decimal("50000.01"))).eligible


def test_a_group_list_gives_a_subsidiary_its_own_customers_and_only_consenting_sisters_customers():
    own = [cand("lending", "1")]  # no group consent: still the lending company's own customer
    sisters = [cand("leasing", "2", consent_scopes=frozenset({"group_marketing"})),
               cand("leasing", "3"),  # no consent: never a lead for a sister
               cand("leasing", "1", consent_scopes=frozenset({"group_marketing"}))]  # already lending's own
    leads = leads_for("lending", own, sisters, RULES)
    assert [(x["identity_hash"][0], x["own_customer"], x["source_subsidiary"]) for x in leads] == [
        ("1", True, "lending"), ("2", False, "leasing")]
    assert leads[1]["customer_id"] is None  # a sister's customer id means nothing here


def _ev(kind: EvidenceKind) -> Evidence:
    return Evidence("evd", kind, "ref", "officer", datetime(2026, 11, 2, tzinfo=timezone.utc), date(2026, 11, 2), {})


def test_each_level_needs_all_the_evidence_below_it():
    assert level_for([]) is L.REGISTERED
    assert level_for([_ev(EvidenceKind.PHONE_CONFIRMED)]) is L.PHONE_VERIFIED
    assert level_for([_ev(EvidenceKind.ID_DOCUMENT_CHECKED)]) is L.REGISTERED  # no phone yet
    assert level_for([_ev(EvidenceKind.PHONE_CONFIRMED), _ev(EvidenceKind.ID_DOCUMENT_CHECKED)]) is L.WEAK_REAL_NAME
    assert level_for([_ev(k) for k in EvidenceKind]) is L.STRONG_REAL_NAME
    assert L.STRONG_REAL_NAME.at_least(L.WEAK_REAL_NAME) and not L.REGISTERED.at_least(L.PHONE_VERIFIED)


def test_only_front_office_staff_record_evidence():
    assert may_record(EvidenceKind.FACE_MATCHED, frozenset({Role.LOAN_OFFICER}))
    assert not may_record(EvidenceKind.FACE_MATCHED, frozenset({Role.COLLECTOR, Role.VIEWER, Role.FINANCE}))
    assert may_record(EvidenceKind.ID_DOCUMENT_CHECKED, frozenset({Role.FIRST_REVIEWER}))
