"""Real-time group limit reservation: two subsidiaries racing for the last headroom cannot both win.

The baseline is a real run's snapshot (the embedded Step Functions on the real ASL); the holds are
conditional DynamoDB transactions on the group's limit accounts.
"""
from __future__ import annotations

import threading
from decimal import Decimal

import pytest

from chalicelib.risk.reservation import (
    post_reservation,
    reserve_group_limit,
    void_reservation,
)
from chalicelib.risk.store import upsert_exposure
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from tests.integration.risk.conftest import (
    identity_hash,
    make_scratch_group,
    run_to_end,
    subsidiary_context,
    today_in_china,
)


@pytest.fixture(scope="module")
def group(risk_api):
    g = make_scratch_group("abc")
    lending = subsidiary_context(g.sub("a"))
    h = lambda who: identity_hash(f"{g.group_id}/{who}")  # noqa: E731
    upsert_exposure(lending, contract_id="K-1", customer_hash=h("known"), product_kind="loan",
                    outstanding_principal="400000.00", customer_label="known", region="310000", figures_on=today_in_china())
    upsert_exposure(lending, contract_id="K-2", customer_hash=h("parent"), product_kind="loan",
                    outstanding_principal="600000.00", customer_label="parent", region="310000",
                    figures_on=today_in_china())
    upsert_exposure(lending, contract_id="K-3", customer_hash=h("child"), product_kind="loan",
                    outstanding_principal="500000.00", customer_label="child", region="310000",
                    related_parties=[("parent", h("parent"))], figures_on=today_in_china())
    r = risk_api.as_(g.risk_user).call("PUT", "/v1/group/limits", {
        "single_customer": {"amount": "1000000"}, "group_customer": {"amount": "1500000"}})
    assert r.status == 200, r.body
    run = run_to_end(risk_api, g.risk_user)
    assert run["status"] == "SUCCEEDED", run
    g.h = h  # type: ignore[attr-defined]
    return g


def race(calls):
    """Start every call at the same instant; return their results (or exceptions) in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def go(i, fn):
        barrier.wait()
        try:
            results[i] = fn()
        except Exception as exc:  # noqa: BLE001 — reported to the test
            results[i] = exc

    threads = [threading.Thread(target=go, args=(i, fn)) for i, fn in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return results


def test_two_subsidiaries_racing_for_the_last_headroom_cannot_both_win(group):
    lending, factoring = subsidiary_context(group.sub("a")), subsidiary_context(group.sub("c"))
    for round_ in range(5):
        # A customer new to the group: the whole 1,000,000 single-customer limit is free; each wants 600,000.
        who = group.h(f"newcomer-{round_}")
        results = race([lambda w=who, n=round_: reserve_group_limit(lending, w, "600000.00", f"APP-L-{n}"),
                        lambda w=who, n=round_: reserve_group_limit(factoring, w, Decimal("600000.00"), f"APP-F-{n}")])
        assert not any(isinstance(r, Exception) for r in results), results
        assert sorted(r.approved for r in results) == [False, True]
        winner, loser = sorted(results, key=lambda r: not r.approved)
        assert (winner.status, winner.headroom) == ("pending", Decimal("400000.00"))
        assert (loser.status, loser.headroom) == ("declined", Decimal("400000.00"))


def test_the_snapshot_s_exposure_counts_against_the_limit(group):
    lending = subsidiary_context(group.sub("a"))
    known = group.h("known")  # 400,000 in the latest run
    too_much = reserve_group_limit(lending, known, "600000.01", "APP-K-1")
    assert (too_much.approved, too_much.headroom) == (False, Decimal("600000.00"))
    exactly = reserve_group_limit(lending, known, "600000.00", "APP-K-2")
    assert (exactly.approved, exactly.headroom) == (True, Decimal("0.00"))
    # the same application again gets the same answer; another amount for it is refused
    assert reserve_group_limit(lending, known, "600000.00", "APP-K-2").approved
    with pytest.raises(Conflict):
        reserve_group_limit(lending, known, "1.00", "APP-K-2")


def test_void_releases_the_hold_and_post_turns_it_into_exposure(group):
    lending, leasing = subsidiary_context(group.sub("a")), subsidiary_context(group.sub("b"))
    who = group.h("cycle")
    assert reserve_group_limit(lending, who, "700000.00", "APP-C-1").approved
    assert not reserve_group_limit(leasing, who, "400000.00", "APP-C-2").approved
    voided = void_reservation(lending, "APP-C-1", reason="customer withdrew")
    assert (voided.status, voided.headroom) == ("voided", Decimal("1000000.00"))
    assert reserve_group_limit(leasing, who, "400000.00", "APP-C-2").approved  # the declined one, tried again
    posted = post_reservation(leasing, "APP-C-2", amount="350000.00")  # disbursed a little less
    assert (posted.status, posted.headroom) == ("posted", Decimal("650000.00"))
    assert post_reservation(leasing, "APP-C-2").status == "posted"  # idempotent
    with pytest.raises(Conflict):
        void_reservation(leasing, "APP-C-2")  # disbursed money is exposure now, not a hold
    with pytest.raises(NotFound):
        void_reservation(lending, "APP-NEVER")


def test_a_connected_group_s_limit_binds_its_members_together(group):
    # parent 600,000 + child 500,000 against a 1,500,000 group limit: 400,000 left for the whole group,
    # though each alone has more than that left of its own 1,000,000 single-customer limit.
    lending, factoring = subsidiary_context(group.sub("a")), subsidiary_context(group.sub("c"))
    results = race([lambda: reserve_group_limit(lending, group.h("child"), "300000.00", "APP-G-1"),
                    lambda: reserve_group_limit(factoring, group.h("parent"), "300000.00", "APP-G-2")])
    assert sorted(r.approved for r in results) == [False, True]
    assert {r.headroom for r in results} == {Decimal("100000.00")}
    # a new company declared a subsidiary of the parent is held against the same group limit
    newcomer = reserve_group_limit(lending, group.h("grandchild"), "150000.00", "APP-G-3",
                                   related_parties=[group.h("parent")])
    assert (newcomer.approved, newcomer.headroom) == (False, Decimal("100000.00"))


def test_only_a_subsidiary_reserves_and_only_in_the_group_s_currency(group):
    from chalicelib.risk.contexts import group_context

    with pytest.raises(RuleViolation):
        reserve_group_limit(group_context(group.group_id), group.h("x"), "1.00", "APP-X")
    with pytest.raises(RuleViolation):
        reserve_group_limit(subsidiary_context(group.sub("a")), group.h("x"), "1.00", "APP-Y", currency="USD")
    with pytest.raises(RuleViolation):
        reserve_group_limit(subsidiary_context(group.sub("a")), "not-a-hash", "1.00", "APP-Z")
