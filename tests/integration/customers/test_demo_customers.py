"""The demo's customer 360 seed, through the real services: evidence for the history's people, a
consented cross-subsidiary customer, an approved override, and a campaign whose lead converted. Run
twice, it adds nothing."""
from __future__ import annotations

from chalicelib.shared.tenant import Role


def test_the_demo_seeds_consent_an_override_and_a_converted_campaign_once(servicing_routes, demo_products):
    from chalicelib.customers import campaigns, group, service
    from chalicelib.local.demo import applications
    from chalicelib.local.demo.customers360 import CAMPAIGN, seed_demo_customers
    from chalicelib.local.demo.group import DEMO, staff_context

    factoring = staff_context(DEMO.factoring, Role.LOAN_OFFICER)
    lending = staff_context(DEMO.lending, Role.LOAN_OFFICER)
    shenjiang = applications._customer(factoring, applications.SHENJIANG)
    applications._customer(lending, applications.SHENJIANG)
    first = applications._customer(lending, applications._people()[0])  # the history's first applicant

    seed_demo_customers()
    seed_demo_customers()  # idempotent

    consents = service.consents(factoring, shenjiang)
    assert len(consents) == 1 and {s.value for s in consents[0].scopes} == {"group_relationships", "group_marketing"}
    lending_shenjiang = applications._customer(lending, applications.SHENJIANG)
    assert {"subsidiary_id": DEMO.factoring, "since_consent": True} in group.sister_relationships(lending, lending_shenjiang)

    from chalicelib.customers import sources

    assert sources.customer(lending, first).verification_level.value == "strong_real_name"
    assert len(service.evidence_of(lending, first)) == 3  # once, though seeded twice

    made = [c for c in campaigns.list_campaigns(lending) if c["name"] == CAMPAIGN]
    assert len(made) == 1
    results = campaigns.campaign_results(lending, made[0]["campaign_id"])
    assert results["totals"]["converted"] >= 1

    overrides = list(service._store().listing(lending, ("GRADE_OVERRIDE",)))
    assert [o["status"] for o in overrides if o["reason"].startswith("集团战略客户")] == ["approved"]
