"""The demo scenarios cover every status in each subsidiary and the group's shared customers."""
from __future__ import annotations

from chalicelib.origination.applications.lifecycle import Status
from chalicelib.local.demo.applications import HUANAN_PARENT, HUANAN_SUB, SHENJIANG, demo_resident_id, demo_uscc, scenarios
from chalicelib.shared.identity import IdentityType, validation_problem


def test_every_status_is_shown_in_each_demo_subsidiary():
    by_tenant: dict[str, set[Status]] = {}
    for s in scenarios():
        by_tenant.setdefault(s.tenant, set()).add(s.target)
    assert set(by_tenant) == {"demo-lending", "demo-leasing", "demo-factoring"}
    for tenant, statuses in by_tenant.items():
        assert statuses == set(Status), (tenant, set(Status) - statuses)


def test_scenario_keys_are_unique():
    keys = [s.key for s in scenarios()]
    assert len(keys) == len(set(keys))


def test_one_enterprise_borrows_and_factors_and_one_group_spans_lending_and_leasing():
    tenants_of = {}
    for s in scenarios():
        tenants_of.setdefault(s.customer["identity_number"], set()).add(s.tenant)
    assert tenants_of[SHENJIANG["identity_number"]] == {"demo-lending", "demo-factoring"}
    assert tenants_of[HUANAN_PARENT["identity_number"]] == tenants_of[HUANAN_SUB["identity_number"]] == {
        "demo-lending", "demo-leasing"}
    assert HUANAN_SUB["_parent"] == HUANAN_PARENT["name"]


def test_demo_identity_numbers_are_valid():
    assert validation_problem(IdentityType.USCC, demo_uscc(7)) is None
    assert validation_problem(IdentityType.RESIDENT_ID, demo_resident_id("19850315", 12)) is None
