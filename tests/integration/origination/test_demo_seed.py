"""The demo applications: seeded through the use cases on the business date, idempotent, and what
consolidation needs (the shared customers' applications disbursed through servicing).

Seeding all of them takes a while on the embedded AWS, so by default these tests seed a sample — the
scenarios the group's shared customers appear in, and factoring ones that exercise the debtor's
confirmation and withdrawal; the unit tests check that the full list covers every status in each
subsidiary. ``ORIGINATION_FULL_SEED=1`` seeds and checks every scenario. An application meant to
expire is approved here: only the history's close of business, days later, expires it.
"""
from __future__ import annotations

import os

import pytest

SHARED = {"lending-sme-shenjiang", "factoring-shenjiang", "lending-sme-huanan-sub", "leasing-huanan-sub"}
SAMPLE = SHARED | {"factoring-submitted", "factoring-approved", "factoring-withdrawn"}
FULL = bool(os.environ.get("ORIGINATION_FULL_SEED"))


@pytest.fixture(scope="module")
def seeded(shared_api):
    from chalicelib.local.demo.applications import scenarios, seed_demo_applications

    keys = {s.key for s in scenarios()} if FULL else SAMPLE
    return keys, seed_demo_applications(only=keys)


def test_demo_applications_reach_their_status_and_are_seeded_once(seeded):
    from chalicelib.local.demo.applications import scenarios, seed_demo_applications

    keys, first = seeded
    assert [s.error for s in first if s.error] == []
    target = {s.key: "approved" if s.target.value == "expired" else s.target.value for s in scenarios()}
    assert {s.key: s.status for s in first} == {k: target[k] for k in keys}
    again = seed_demo_applications(only=keys)
    assert not any(s.created for s in again)
    assert {s.application_id for s in again} == {s.application_id for s in first}


def test_the_demo_debtor_confirms_the_core_enterprises_invoices(seeded, shared_api):
    items = shared_api.as_("debtor@demo-factoring").get("/v1/debtor/invoices").body["items"]
    assert any(i["invoice"]["confirmation"]["via"] == "debtor" for i in items)
    assert all(i["invoice"]["debtor_name"] == "华东重工集团有限公司" for i in items)


def test_the_group_shares_customers_across_subsidiaries(seeded, shared_api):
    names = {}
    for tenant in ("demo-lending", "demo-leasing", "demo-factoring"):
        items = shared_api.as_(f"viewer@{tenant}").get("/v1/applications?limit=200").body["items"]
        names[tenant] = {a["customer"]["identity_hash"]: a["customer"]["name"] for a in items}
    shenjiang = {h for h, n in names["demo-lending"].items() if n == "上海申江精密机械有限公司"}
    assert shenjiang and shenjiang <= set(names["demo-factoring"])
    sub = {h for h, n in names["demo-lending"].items() if n == "华南智能装备有限公司"}
    assert sub and sub <= set(names["demo-leasing"])
    for tenant in ("demo-lending", "demo-leasing"):  # the subsidiary names its parent in both
        customers = shared_api.as_(f"viewer@{tenant}").get("/v1/customers?limit=200").body["items"]
        child = next(c for c in customers if c["name"] == "华南智能装备有限公司")
        parent = next(c for c in customers if c["name"] == "华南控股集团有限公司")
        assert child["related_parties"] == [{"relation": "parent", "customer_id": parent["id"]}]
