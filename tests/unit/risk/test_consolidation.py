"""The consolidation engine: one customer per identity, connected groups, classes, portfolio, concentration."""
from __future__ import annotations

import random
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.risk.consolidation import (
    ClassificationPolicy,
    Override,
    TrendPoint,
    consolidate,
    consolidation_from_json,
    consolidation_to_json,
    delinquency_bucket,
    group_customer_id,
)
from chalicelib.risk.exposures import FiveCategory, ProductKind
from tests.unit.risk.builders import AS_OF, exposure, h


def run(rows, **kw):
    return consolidate(rows, as_of=AS_OF, **kw)


# --- one customer across subsidiaries ----------------------------------------------------------------------


def test_the_same_identity_in_two_subsidiaries_is_one_customer_with_summed_exposure_and_its_breakdown():
    # Given a company borrowing from the lending company and factoring with the factoring company
    rows = [exposure("lending", "shenjiang", "800000.00", interest="3266.67"),
            exposure("factoring", "shenjiang", "800000.00", interest="5600.00", kind=ProductKind.FACTORING)]
    # When the group consolidates
    c = run(rows)
    # Then it is one customer, its exposure the exact sum, broken down by subsidiary
    assert list(c.customers) == [h("shenjiang")]
    cust = c.customers[h("shenjiang")]
    assert cust.exposure == Decimal("1608866.67")
    assert {k: v.exposure for k, v in cust.by_subsidiary.items()} == {
        "lending": Decimal("803266.67"), "factoring": Decimal("805600.00")}
    assert cust.product_kinds == {"loan", "factoring"}


def test_exposure_counts_principal_interest_and_undrawn_commitment():
    c = run([exposure(principal="1000.00", interest="12.34", undrawn="500.00")])
    assert c.total.exposure == Decimal("1512.34")
    assert c.total.principal == Decimal("1000.00")


def test_a_settled_contract_with_nothing_outstanding_is_left_out():
    c = run([exposure(who="gone", principal="0.00"), exposure(who="here", principal="5.00")])
    assert list(c.customers) == [h("here")]


# --- connected customers (集团客户) ----------------------------------------------------------------------------


def test_parent_and_subsidiary_across_two_subsidiaries_form_one_group_customer():
    rows = [exposure("lending", "huanan-sub", "1200000.00", related=(("parent", "huanan"),)),
            exposure("lending", "huanan", "1500000.00", undrawn="500000.00"),
            exposure("leasing", "huanan-sub", "1650000.00", kind=ProductKind.LEASE, related=(("parent", "huanan"),)),
            exposure("leasing", "huanan", "4800000.00", kind=ProductKind.LEASE),
            exposure("lending", "stranger", "10.00")]
    c = run(rows)
    assert len(c.groups) == 1
    g = next(iter(c.groups.values()))
    assert g.exposure == Decimal("9650000.00")
    assert g.members == sorted([h("huanan"), h("huanan-sub")])
    assert g.label == "huanan"  # named after the declared parent
    assert {k: v.exposure for k, v in g.by_subsidiary.items()} == {"lending": Decimal("3200000.00"),
                                                                    "leasing": Decimal("6450000.00")}
    assert c.customers[h("huanan")].group_customer_id == g.group_customer_id
    assert c.customers[h("stranger")].group_customer_id is None


def test_connections_are_transitive_and_the_group_id_does_not_depend_on_row_order():
    # a —guarantor→ b, c —shareholder→ b: one group of three, whatever order the rows came in
    rows = [exposure(who="a", related=(("guarantor", "b"),)), exposure(who="b"),
            exposure(who="c", related=(("shareholder", "b"),)), exposure(who="d")]
    ids = set()
    for seed in range(5):
        shuffled = rows[:]
        random.Random(seed).shuffle(shuffled)
        c = run(shuffled)
        assert len(c.groups) == 1
        ids.add(next(iter(c.groups)))
    assert ids == {group_customer_id([h("a"), h("b"), h("c")])}


def test_a_related_party_without_business_here_still_joins_the_group():
    # the guarantor has no contract, but two borrowers it guarantees are one obligor through it
    rows = [exposure(who="x", related=(("guarantor", "boss"),)), exposure(who="y", related=(("guarantor", "boss"),))]
    g = next(iter(run(rows).groups.values()))
    assert h("boss") in g.members and g.exposure == Decimal("200.00")


# --- five-category classification ----------------------------------------------------------------------------


@pytest.mark.parametrize("dpd, expected", [
    (0, FiveCategory.NORMAL), (1, FiveCategory.SPECIAL_MENTION), (90, FiveCategory.SPECIAL_MENTION),
    (91, FiveCategory.SUBSTANDARD), (180, FiveCategory.SUBSTANDARD), (181, FiveCategory.DOUBTFUL),
    (360, FiveCategory.DOUBTFUL), (361, FiveCategory.LOSS),
])
def test_default_thresholds_classify_by_days_past_due(dpd, expected):
    assert ClassificationPolicy().by_dpd(dpd) is expected


def test_thresholds_are_configurable():
    policy = ClassificationPolicy(special_mention_from=31, substandard_from=61, doubtful_from=121, loss_from=241)
    assert policy.by_dpd(30) is FiveCategory.NORMAL and policy.by_dpd(61) is FiveCategory.SUBSTANDARD


def test_thresholds_must_rise():
    with pytest.raises(ValueError):
        ClassificationPolicy(substandard_from=200, doubtful_from=181)


def test_the_worse_of_the_subsidiary_s_class_and_the_days_past_due_class_applies():
    c = run([exposure(who="a", dpd=0, classification=FiveCategory.SUBSTANDARD),
             exposure(who="b", dpd=200, classification=FiveCategory.SPECIAL_MENTION)])
    by = {x.exposure.customer_hash: (x.category, x.source) for x in c.contracts}
    assert by[h("a")] == (FiveCategory.SUBSTANDARD, "subsidiary")
    assert by[h("b")] == (FiveCategory.DOUBTFUL, "dpd")


def test_a_manual_override_wins_and_carries_its_reason_contract_before_customer():
    rows = [exposure("s", "a", contract="K1", dpd=400), exposure("s", "a", contract="K2", dpd=0),
            exposure("s", "b", contract="K3", dpd=0)]
    policy = ClassificationPolicy(overrides=(
        Override(FiveCategory.DOUBTFUL, "collateral realised at 60%", subsidiary_id="s", contract_id="K1"),
        Override(FiveCategory.SPECIAL_MENTION, "sector under watch", customer_hash=h("a")),
    ))
    by = {x.exposure.contract_id: x for x in run(rows, policy=policy).contracts}
    assert (by["K1"].category, by["K1"].source, by["K1"].override_reason) == (
        FiveCategory.DOUBTFUL, "override", "collateral realised at 60%")
    assert (by["K2"].category, by["K2"].override_reason) == (FiveCategory.SPECIAL_MENTION, "sector under watch")
    assert by["K3"].source == "dpd"


def test_npl_ratio_is_substandard_doubtful_and_loss_principal_over_all_principal():
    c = run([exposure(who="a", principal="700.00"), exposure(who="b", principal="100.00", dpd=45),
             exposure(who="c", principal="100.00", dpd=100), exposure(who="d", principal="60.00", dpd=200),
             exposure(who="e", principal="40.00", dpd=400)])
    assert c.npl_ratio == Decimal("0.200000")
    split = {k: v.principal for k, v in c.portfolio["classification"].items()}
    assert split == {"normal": Decimal("700.00"), "special_mention": Decimal("100.00"),
                     "substandard": Decimal("100.00"), "doubtful": Decimal("60.00"), "loss": Decimal("40.00")}


def test_the_five_category_split_shows_all_five_even_when_empty():
    assert set(run([exposure()]).portfolio["classification"]) == {c.value for c in FiveCategory}


@pytest.mark.parametrize("dpd, bucket", [(0, "current"), (1, "1-30"), (30, "1-30"), (31, "31-60"), (90, "61-90"),
                                         (91, "91-180"), (181, "181-360"), (361, "360+")])
def test_delinquency_buckets(dpd, bucket):
    assert delinquency_bucket(dpd) == bucket


# --- portfolio and concentration ---------------------------------------------------------------------------------


def test_portfolio_splits_by_subsidiary_kind_industry_and_region():
    c = run([exposure("s1", "a", "100.00", industry="C34", region="310000"),
             exposure("s2", "b", "50.00", kind=ProductKind.LEASE, industry=None, region="440300")])
    assert c.portfolio["subsidiary"]["s1"].exposure == Decimal("100.00")
    assert c.portfolio["product_kind"]["lease"].exposure == Decimal("50.00")
    assert set(c.portfolio["industry"]) == {"C34", "unknown"}
    assert set(c.portfolio["region"]) == {"310000", "440300"}


def test_herfindahl_is_one_over_n_for_equal_customers_and_one_for_a_single_one():
    assert run([exposure(who=f"c{i}", principal="10.00") for i in range(4)]).hhi_customers == Decimal("0.250000")
    assert run([exposure(who="only")]).hhi_customers == Decimal("1.000000")


def test_top_ten_share_and_ranking():
    rows = [exposure(who=f"c{i:02d}", principal=f"{i + 1}.00") for i in range(20)]  # 1..20, total 210
    c = run(rows)
    assert [x for _, x in c.top_customers] == [Decimal(f"{v}.00") for v in range(20, 10, -1)]
    assert c.top10_share == Decimal("0.738095")  # 155 / 210


def test_obligor_herfindahl_treats_a_connected_group_as_one_obligor():
    rows = [exposure(who="p", principal="50.00"), exposure(who="s", principal="50.00", related=(("parent", "p"),))]
    c = run(rows)
    assert c.hhi_customers == Decimal("0.500000") and c.hhi_obligors == Decimal("1.000000")


def test_trend_appends_this_run_to_earlier_snapshots_in_date_order():
    earlier = [TrendPoint("r2", date(2026, 6, 29), Decimal("90"), Decimal("0.01"), Decimal("1"), Decimal("1"), 1),
               TrendPoint("r1", date(2026, 6, 28), Decimal("80"), Decimal("0.02"), Decimal("1"), Decimal("1"), 1)]
    c = run([exposure(principal="100.00")], previous=earlier, run_id="r3")
    assert [p.run_id for p in c.trend] == ["r1", "r2", "r3"]
    summary = c.summary_json("r3")
    assert summary["change"]["exposure"] == "10.00" and summary["change"]["since_run"] == "r2"


# --- findings -------------------------------------------------------------------------------------------------------


def test_a_customer_overdue_in_one_subsidiary_while_current_in_another_is_found():
    c = run([exposure("lending", "shenjiang", "800.00"), exposure("factoring", "shenjiang", "800.00", dpd=12),
             exposure("lending", "both-late", dpd=5), exposure("factoring", "both-late", dpd=9)])
    assert [(f.identity_hash, f.overdue_in, f.current_in) for f in c.cross_overdue] == [
        (h("shenjiang"), ("factoring",), ("lending",))]


def test_a_contract_in_another_currency_is_reported_apart_never_summed():
    c = run([exposure(who="a", principal="100.00"), exposure(who="b", principal="70.00", currency="USD")])
    assert c.total.exposure == Decimal("100.00")
    assert c.unconverted["USD"].exposure == Decimal("70.00")
    assert h("b") not in c.customers


def test_the_work_file_round_trips_exactly():
    rows = [exposure("lending", "a", "0.10", interest="0.20", related=(("parent", "b"),)), exposure("leasing", "b", "1.01")]
    c = run(rows, previous=[TrendPoint("r0", date(2026, 6, 1), Decimal("1"), Decimal("0"), Decimal("1"),
                                       Decimal("1"), 1)], run_id="r1")
    again = consolidation_from_json(consolidation_to_json(c))
    assert consolidation_to_json(again) == consolidation_to_json(c)
    assert again.customers[h("a")].exposure == Decimal("0.30")
