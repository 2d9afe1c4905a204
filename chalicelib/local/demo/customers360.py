"""The demo's customer 360 data, through the real services: verification evidence, a consented
cross-subsidiary customer, monthly grades, one approved override, and one cross-sell campaign whose
lead applies and is disbursed (a conversion). Idempotent: each part is skipped once it is there.

Grades of past months are made by the history's close of business (its ``customer_grades`` step at
each month end); this adds the last ended month if the history did not close it.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Callable
from zoneinfo import ZoneInfo

from chalicelib.customers import campaigns, service
from chalicelib.customers.campaigns import CampaignIn
from chalicelib.customers.domain import ConsentIn, OverrideAction, OverrideIn
from chalicelib.customers.eligibility import EligibilityRules
from chalicelib.customers.ladder import EvidenceIn, EvidenceKind
from chalicelib.local.demo import applications
from chalicelib.local.demo.group import DEMO, DemoGroup, staff_context
from chalicelib.origination.applications.lifecycle import Status
from chalicelib.shared import clock
from chalicelib.shared.errors import DomainError
from chalicelib.shared.tenant import Role, TenantContext

CAMPAIGN = "老客户复贷 · Repeat borrowers top-up"
CONVERTED = applications.person("曹雪", "19880808", 161)
STRONG_FIRST = 6  # the first of the history's people reach strong real-name; the rest phone-verified


def seed_demo_customers(group: DemoGroup = DEMO, progress: Callable[[str], None] = lambda m: None) -> None:
    lending = {r: staff_context(group.lending, r) for r in (Role.LOAN_OFFICER, Role.TENANT_ADMIN, Role.PRODUCT_MANAGER)}
    progress("customer 360: verification evidence, consent, grades, an override, a campaign")
    _verify(lending[Role.LOAN_OFFICER])
    _consent(staff_context(group.factoring, Role.LOAN_OFFICER))
    for tenant in group.subsidiaries:
        try:
            service.run_monthly_grades(staff_context(tenant, Role.TENANT_ADMIN))
        except DomainError as err:  # a later month graded already: nothing to add
            progress(f"  grades of {tenant}: {err.code}")
    _override(lending[Role.LOAN_OFFICER], lending[Role.PRODUCT_MANAGER], lending[Role.TENANT_ADMIN])
    _campaign(lending[Role.LOAN_OFFICER], lending[Role.PRODUCT_MANAGER], group)


def _find(ctx: TenantContext, body: dict):
    """The tenant's customer with a demo body's identity, if the history registered it."""
    from chalicelib.customers import sources
    from chalicelib.origination import wiring
    from chalicelib.shared.identity import IdentityType, keyed_hash

    identity = keyed_hash(wiring.identity_key(ctx), IdentityType(body["identity_type"]), body["identity_number"])
    return sources.customer_by_identity(ctx, identity)


def _verify(officer: TenantContext) -> None:
    """The history's borrowers and applicants: phone-verified, the first few to strong real-name."""
    people = [c for c in (_find(officer, b) for b in applications._people() + applications._borrowers()) if c]
    for n, customer in enumerate(people):
        held = {e.kind for e in service.evidence_of(officer, customer.customer_id)}
        wanted = [EvidenceIn(kind=EvidenceKind.PHONE_CONFIRMED, reference=f"otp-{customer.customer_id[-6:]}")]
        if n < STRONG_FIRST:
            wanted += [EvidenceIn(kind=EvidenceKind.ID_DOCUMENT_CHECKED, reference=f"idc-{n}", document_type="resident_id"),
                       EvidenceIn(kind=EvidenceKind.FACE_MATCHED, reference=f"face-{n}", selfie_ref=f"selfie-{n}",
                                  document_photo_ref=f"id-photo-{n}")]
        for evidence in wanted:
            if evidence.kind not in held and customer.contact.get("phone"):
                service.record_evidence(officer, customer.customer_id, evidence)


def _consent(officer: TenantContext) -> None:
    """上海申江精密机械 borrows from the lending and the factoring company; at the factoring company it
    consents to the group sharing the relationship and marketing to it."""
    customer = _find(officer, applications.SHENJIANG)
    if customer is None or service.consents(officer, customer.customer_id):
        return
    service.record_consent(officer, customer.customer_id, ConsentIn(
        scopes=["group_relationships", "group_marketing"], given_on=clock.business_date(officer),
        evidence_kind="signed_form", evidence_reference="授权书 GS-2026-0031"))


def _override(officer: TenantContext, maker: TenantContext, checker: TenantContext) -> None:
    """申江精密 at the lending company: raised to A by hand for the group relationship, approved by another user."""
    customer = _find(officer, applications.SHENJIANG)
    if customer is None or service.overrides_of(officer, customer.customer_id):
        return
    today = clock.business_date(officer)
    made = service.request_override(maker, customer.customer_id, OverrideIn(
        grade="A", reason="集团战略客户，多家子公司合作 (group strategic client, served by several subsidiaries)",
        expires_on=today + timedelta(days=180)))
    service.decide_override(checker, customer.customer_id, made.override_id, OverrideAction.APPROVE, "同意")


def _campaign(officer: TenantContext, manager: TenantContext, group: DemoGroup) -> None:
    if any(c["name"] == CAMPAIGN for c in campaigns.list_campaigns(manager)):
        return
    from chalicelib.closing.service import tenant_timezone

    answering = applications._customer(officer, CONVERTED)  # the customer who will answer the campaign
    if not service.evidence_of(officer, answering):
        service.record_evidence(officer, answering, EvidenceIn(kind=EvidenceKind.PHONE_CONFIRMED, reference="otp-161"))
    today = clock.business_date(manager)
    wall = clock.clock()
    # Launched before the desk's day starts (the scenario below runs from 09:20 on the business date).
    clock.use(clock=clock.FixedClock(datetime.combine(today, time(8, 30), ZoneInfo(tenant_timezone(manager)))))
    try:
        campaigns.create_campaign(manager, CampaignIn(
            name=CAMPAIGN, target_products=["CONSUMER-INSTALMENT"], channel="sms", valid_from=today,
            valid_to=today + timedelta(days=60),
            eligibility=EligibilityRules(customer_types=["individual"], regions=["31"], max_days_past_due=0,
                                         min_verification_level="phone_verified")))
    finally:
        clock.use(clock=wall)
    applications.run_scenarios([applications.Scenario(
        "campaign-conversion", "demo-lending", "CONSUMER-INSTALMENT", CONVERTED, Status.DISBURSED, 0,
        {"principal": "20000.00"}, note="answered the repeat-borrower SMS campaign")], group)
