"""Group limits: what each limit comes to, breaches and near-breaches, and the warnings they raise."""
from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from chalicelib.risk.consolidation import consolidate
from chalicelib.risk.limits import (
    LimitsConfig,
    LimitStatus,
    RaisedWarning,
    Reconcile,
    Severity,
    WarningStatus,
    check_limits,
    reconcile,
    status_of,
    warnings_for,
)
from tests.unit.risk.builders import AS_OF, exposure, h


def limits(**kw) -> LimitsConfig:
    return LimitsConfig.model_validate(kw)


def test_a_limit_given_as_amount_and_share_of_net_capital_is_the_lower():
    config = limits(net_capital="10000000", single_customer={"amount": "2000000", "share_of_net_capital": "0.10"})
    assert config.single_customer_limit() == Decimal("1000000.00")


def test_a_share_limit_without_net_capital_is_refused():
    with pytest.raises(ValidationError, match="net_capital"):
        limits(single_customer={"share_of_net_capital": "0.10"})


def test_an_industry_limit_names_a_gb_t_4754_code():
    with pytest.raises(ValidationError):
        limits(industries={"manufacturing": {"amount": "1"}})


@pytest.mark.parametrize("exposure_, status", [("899.99", LimitStatus.OK), ("900.00", LimitStatus.NEAR_BREACH),
                                               ("1000.00", LimitStatus.NEAR_BREACH), ("1000.01", LimitStatus.BREACH)])
def test_ninety_percent_is_a_near_breach_and_above_the_limit_a_breach(exposure_, status):
    assert status_of(Decimal(exposure_), Decimal("1000.00"), Decimal("0.90")) is status


def test_single_and_group_customer_limits_are_measured_across_subsidiaries():
    c = consolidate([exposure("lending", "p", "600.00"), exposure("leasing", "p", "500.00"),
                     exposure("leasing", "s", "700.00", related=(("parent", "p"),)), exposure("lending", "x", "10.00")],
                    as_of=AS_OF)
    checks = check_limits(c, limits(single_customer={"amount": "1000"}, group_customer={"amount": "2000"}))
    found = {(x.kind, x.subject): x.status for x in checks}
    assert found[("single_customer", h("p"))] is LimitStatus.BREACH  # 1,100 across two subsidiaries
    assert ("single_customer", h("s")) not in found  # 70%: not reported
    group_id = c.customers[h("p")].group_customer_id
    assert found[("group_customer", group_id)] is LimitStatus.NEAR_BREACH  # 1,800 of 2,000


def test_industry_limits_cover_a_code_prefix_and_subsidiary_limits_a_whole_book():
    c = consolidate([exposure("lending", "a", "500.00", industry="C34"), exposure("lending", "b", "460.00", industry="C36"),
                     exposure("leasing", "c", "100.00", industry="G54")], as_of=AS_OF)
    checks = {(x.kind, x.subject): x for x in check_limits(c, limits(
        industries={"C": {"amount": "1000"}, "G54": {"amount": "1000"}},
        subsidiaries={"lending": {"amount": "900"}, "leasing": {"amount": "1000"}}))}
    assert checks[("industry", "C")].exposure == Decimal("960.00")
    assert checks[("industry", "C")].status is LimitStatus.NEAR_BREACH
    assert checks[("industry", "G54")].status is LimitStatus.OK
    assert checks[("subsidiary", "lending")].status is LimitStatus.BREACH


def test_related_party_exposure_above_its_threshold_is_a_breach():
    c = consolidate([exposure(who="insider", principal="600.00", related_party=True), exposure(who="other")],
                    as_of=AS_OF)
    [check] = check_limits(c, limits(net_capital="5000", related_party={"share_of_net_capital": "0.10"}))
    assert (check.kind, check.limit, check.exposure, check.status) == (
        "related_party", Decimal("500.00"), Decimal("600.00"), LimitStatus.BREACH)


def test_breaches_findings_and_missing_subsidiaries_become_warnings_with_stable_keys():
    c = consolidate([exposure("lending", "a", "1200.00"), exposure("factoring", "a", "100.00", dpd=3)], as_of=AS_OF)
    checks = check_limits(c, limits(single_customer={"amount": "1000"}))
    raised = warnings_for(c, checks, missing_subsidiaries=["leasing"])
    assert {(w.kind, w.severity) for w in raised} == {
        ("single_customer_limit", Severity.BREACH), ("cross_subsidiary_overdue", Severity.ALERT),
        ("extract_missing", Severity.ALERT)}
    again = warnings_for(c, checks, missing_subsidiaries=["leasing"])
    assert [w.warning_id("g") for w in raised] == [w.warning_id("g") for w in again]
    assert raised[0].warning_id("g") != raised[0].warning_id("other-group")


def test_an_acknowledged_warning_reopens_only_when_it_gets_worse():
    near = RaisedWarning("single_customer_limit", "x", "x", Severity.NEAR_BREACH, "m")
    breach = RaisedWarning("single_customer_limit", "x", "x", Severity.BREACH, "m")
    assert reconcile(None, None, near) is Reconcile.CREATE
    assert reconcile(WarningStatus.OPEN, Severity.NEAR_BREACH, breach) is Reconcile.REFRESH
    assert reconcile(WarningStatus.ACKNOWLEDGED, Severity.NEAR_BREACH, near) is Reconcile.REFRESH
    assert reconcile(WarningStatus.ACKNOWLEDGED, Severity.NEAR_BREACH, breach) is Reconcile.REOPEN
