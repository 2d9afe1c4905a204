"""Grade computation on known portfolios: every expected grade and score worked out by hand (Decimal)."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from chalicelib.customers import grades as g
from chalicelib.customers.domain import Override, OverrideAction, OverrideStatus
from chalicelib.customers.service import grade_customer, last_ended_month
from chalicelib.shared.errors import Conflict, Forbidden

D = Decimal
RULES = g.DEFAULT_RULES
AT = datetime(2026, 11, 10, 2, 0, tzinfo=timezone.utc)


def past(month: str, outstanding: str, paid: str, dpd: int = 0) -> dict:
    return {"month": month, "facts": {"outstanding": outstanding, "paid_contribution": paid, "days_past_due": dpd}}


def test_a_steady_borrower_grades_B_and_ACTIVE():
    # Given two products, 60,000 owed at the end of November and 40,000 at the end of October (the
    # only earlier graded month in the window), 2,400 paid in interest and fees to date of which 400
    # by the end of November 2025 (twelve months earlier), first disbursed 2025-05-10, never late.
    facts = g.MonthFacts(outstanding=D("60000.00"), paid_contribution=D("2400.00"), days_past_due=0,
                         first_disbursed_on=date(2025, 5, 10), products_held=2,
                         event_dates=(date(2025, 11, 15), date(2026, 6, 1), date(2026, 9, 20), date(2026, 10, 20),
                                      date(2026, 11, 20)))
    history = [past("2025-11", "10000.00", "400.00"), past("2026-10", "40000.00", "1500.00")]

    graded = grade_customer("2026-11", RULES, facts, history, [])

    # avg 50,000 → bucket 2 of 3 (66.67); contribution 2,000 → bucket 2 (66.67); tenure 18 months →
    # bucket 2 (66.67); worst dpd 0 → 100; two products → bucket 2 (66.67).
    # (30·⅔ + 30·⅔ + 15·⅔ + 10·⅔)·100 + 15·100 = 7,166.67 → / 100 = 71.67 → B (50 ≤ 71.67 < 75).
    assert graded["value"]["score"] == "71.67" and graded["value_grade"] == "B"
    assert graded["value"]["dimensions"]["avg_outstanding"]["value"] == "50000.00"
    assert graded["value"]["dimensions"]["contribution_12m"]["value"] == "2000.00"
    assert graded["value"]["dimensions"]["tenure_months"]["value"] == "18"
    # Last event ten days before the month end → 100; four events since December 2025 → bucket 2 (66.67).
    # (50·100 + 50·66.67) / 100 = 83.33 → ACTIVE.
    assert graded["activity"]["score"] == "83.33" and graded["activity_grade"] == "ACTIVE"
    assert graded["activity"]["dimensions"]["frequency_12m"]["value"] == "4"


def test_a_customer_with_nothing_grades_D_and_DORMANT():
    graded = grade_customer("2026-11", RULES, g.MonthFacts(), [], [])
    # Only "never late" scores (15 · 100 / 100 = 15.00); no event ever → recency and frequency both 0.
    assert (graded["value"]["score"], graded["value_grade"]) == ("15.00", "D")
    assert (graded["activity"]["score"], graded["activity_grade"]) == ("0.00", "DORMANT")


def test_a_late_month_in_the_window_keeps_counting_after_the_arrears_are_cured():
    # Large, long, profitable — but 45 days past due at the end of August, current now.
    facts = g.MonthFacts(outstanding=D("250000.00"), paid_contribution=D("15000.00"), days_past_due=0,
                         first_disbursed_on=date(2023, 7, 1), products_held=1, event_dates=(date(2026, 11, 3),))
    graded = grade_customer("2026-11", RULES, facts, [past("2026-08", "250000.00", "9000.00", dpd=45)], [])
    # 30·100 + 30·100 + 15·100 + 15·33.33 (45 days: bucket 2 of 3, less is better) + 10·33.33 (one product)
    # = 8,333.33 → 83.33 → A.
    assert graded["value"]["dimensions"]["worst_dpd_12m"]["value"] == "45"
    assert (graded["value"]["score"], graded["value_grade"]) == ("83.33", "A")


def _override(grade: str, direction: str, decided_on: date | None, expires_on: date = date(2027, 1, 31)) -> Override:
    o = Override("ovr_1", "cus_1", grade, direction, "relationship review", expires_on, "maker-sub", "maker", AT)
    if decided_on is None:
        return o
    return o.decide(OverrideAction.APPROVE, "checker-sub", "checker", AT, decided_on, None)


def test_an_approved_override_grades_the_month_it_was_approved_in_but_not_earlier_months():
    facts = g.MonthFacts(outstanding=D("250000.00"), paid_contribution=D("15000.00"),
                         first_disbursed_on=date(2023, 7, 1), products_held=3, event_dates=(date(2026, 11, 3),))
    down = _override("C", "downgrade", decided_on=date(2026, 11, 10))
    assert grade_customer("2026-11", RULES, facts, [], [down])["value_grade"] == "C"
    assert grade_customer("2026-11", RULES, facts, [], [down])["computed_value_grade"] == "A"
    assert grade_customer("2026-10", RULES, facts, [], [down])["value_grade"] == "A"  # before the approval
    expired = _override("C", "downgrade", decided_on=date(2026, 11, 10), expires_on=date(2026, 11, 29))
    assert grade_customer("2026-11", RULES, facts, [], [expired])["value_grade"] == "A"
    pending = _override("C", "downgrade", decided_on=None)
    assert grade_customer("2026-11", RULES, facts, [], [pending])["value_grade"] == "A"


def test_an_upgrade_is_in_force_at_once_a_downgrade_waits_for_the_run():
    assert _override("A", "upgrade", date(2026, 12, 2)).in_force_now(date(2026, 12, 2))
    assert not _override("D", "downgrade", date(2026, 12, 2)).in_force_now(date(2026, 12, 2))


def test_the_maker_cannot_approve_their_own_override_whatever_their_roles():
    o = _override("A", "upgrade", decided_on=None)
    with pytest.raises(Forbidden) as err:
        o.decide(OverrideAction.APPROVE, "maker-sub", "maker", AT, date(2026, 11, 10), None)
    assert err.value.code == "customers.override.self_approval"
    rejected = o.decide(OverrideAction.REJECT, "maker-sub", "maker", AT, date(2026, 11, 10), None)
    assert rejected.status is OverrideStatus.REJECTED
    with pytest.raises(Conflict) as err:
        rejected.decide(OverrideAction.APPROVE, "checker-sub", "checker", AT, date(2026, 11, 10), None)
    assert err.value.code == "customers.override.illegal_transition"
    assert err.value.details["allowed_actions"] == []


@pytest.mark.parametrize("today, month", [(date(2026, 11, 30), "2026-11"), (date(2026, 12, 7), "2026-11"),
                                          (date(2027, 1, 1), "2026-12")])
def test_the_month_graded_on_demand_is_the_last_one_that_has_ended(today, month):
    assert last_ended_month(today) == month


def test_rules_refuse_bands_out_of_order_and_unknown_dimensions():
    bad = RULES.model_dump(mode="json")
    bad["value"]["bands"][0]["min_score"] = "10"
    with pytest.raises(ValueError):
        g.GradeRules.model_validate(bad)
    bad = RULES.model_dump(mode="json")
    bad["activity"]["dimensions"][0]["name"] = "avg_outstanding"
    with pytest.raises(ValueError):
        g.GradeRules.model_validate(bad)
