"""Customer 360, verification ladder, consent, grades, campaigns (subsidiaries) and the group view (HQ)."""
from __future__ import annotations

from typing import Any

from pydantic import ConfigDict, Field

from chalicelib.customers import campaigns, group, profile360, service
from chalicelib.customers.campaigns import CampaignIn
from chalicelib.customers.domain import ConsentIn, OverrideDecisionIn, OverrideAction, OverrideIn, WithdrawIn
from chalicelib.customers.grades import GradeRules
from chalicelib.customers.ladder import RECORDERS, EvidenceIn, RevokeIn
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import GROUP_ROLES, SUBSIDIARY_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="customers")

CONSENT_RECORDERS = (Role.LOAN_OFFICER, Role.TENANT_ADMIN)
GRADE_ADMINS = (Role.TENANT_ADMIN, Role.PRODUCT_MANAGER)
CAMPAIGN_OWNERS = (Role.PRODUCT_MANAGER, Role.TENANT_ADMIN)
CONTACTERS = (Role.LOAN_OFFICER, Role.PRODUCT_MANAGER, Role.TENANT_ADMIN, Role.COLLECTOR)


class RunIn(Schema):
    model_config = ConfigDict(extra="forbid")

    month: str | None = Field(default=None, pattern=r"^20\d{2}-(0[1-9]|1[0-2])$", description="default: the last ended month")


# --- customer 360 and the ladder ---------------------------------------------------------------------


@api.route("/v1/customers/{customer_id}/360", "GET", roles=SUBSIDIARY_ROLES)
def customer_360(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """Everything about one customer here, with the fields the caller's role may not see left out."""
    return profile360.customer_360(ctx, customer_id)


@api.route("/v1/customers/{customer_id}/verification", "GET", roles=SUBSIDIARY_ROLES)
def get_verification(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """The customer's verification level, its evidence and history, and what the next level needs."""
    return service.verification(ctx, customer_id)


@api.route("/v1/customers/{customer_id}/verification/evidence", "POST", roles=RECORDERS, body=EvidenceIn, status=201)
def record_evidence(ctx: TenantContext, customer_id: str, body: EvidenceIn) -> dict[str, Any]:
    """Record verification evidence; the level rises to what the evidence on record reaches."""
    return service.record_evidence(ctx, customer_id, body)


@api.route("/v1/customers/{customer_id}/verification/evidence/{evidence_id}/revoke", "POST", roles=RECORDERS,
           body=RevokeIn)
def revoke_evidence(ctx: TenantContext, customer_id: str, evidence_id: str, body: RevokeIn) -> dict[str, Any]:
    """Revoke evidence with a reason; the level is recomputed from what remains and the history says so."""
    return service.revoke_evidence(ctx, customer_id, evidence_id, body)


# --- consent -----------------------------------------------------------------------------------------------


@api.route("/v1/customers/{customer_id}/consents", "GET", roles=SUBSIDIARY_ROLES)
def list_consents(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """The customer's consents to group data sharing, given and withdrawn."""
    service.customer_or_404(ctx, customer_id)
    return {"items": [c.to_json() for c in service.consents(ctx, customer_id)]}


@api.route("/v1/customers/{customer_id}/consents", "POST", roles=CONSENT_RECORDERS, body=ConsentIn, status=201)
def record_consent(ctx: TenantContext, customer_id: str, body: ConsentIn) -> dict[str, Any]:
    """Record the customer's consent with its date, scope and evidence."""
    return service.record_consent(ctx, customer_id, body).to_json()


@api.route("/v1/customers/{customer_id}/consents/{consent_id}/withdraw", "POST", roles=CONSENT_RECORDERS,
           body=WithdrawIn)
def withdraw_consent(ctx: TenantContext, customer_id: str, consent_id: str, body: WithdrawIn) -> dict[str, Any]:
    """Withdraw a consent (409 if already withdrawn); sisters stop seeing the relationship."""
    return service.withdraw_consent(ctx, customer_id, consent_id, body).to_json()


@api.route("/v1/customers/{customer_id}/group-relationships", "GET", roles=SUBSIDIARY_ROLES)
def sister_relationships(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """Which sister subsidiaries also serve this customer, where the customer's consent allows it."""
    return {"items": group.sister_relationships(ctx, customer_id)}


# --- grades -------------------------------------------------------------------------------------------


@api.route("/v1/customers/{customer_id}/grades", "GET", roles=SUBSIDIARY_ROLES)
def customer_grades(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    """The grades in force, each month's grade and the overrides."""
    service.customer_or_404(ctx, customer_id)
    return service.grades_of(ctx, customer_id)


@api.route("/v1/customers/{customer_id}/grade-overrides", "POST", roles=service.OVERRIDE_MAKERS, body=OverrideIn,
           status=201)
def request_override(ctx: TenantContext, customer_id: str, body: OverrideIn) -> dict[str, Any]:
    """Ask for a value grade by hand (reason and expiry required); a second person approves it."""
    return service.request_override(ctx, customer_id, body).to_json()


def _decide(action: OverrideAction):
    def route(ctx: TenantContext, customer_id: str, override_id: str, body: OverrideDecisionIn) -> dict[str, Any]:
        return service.decide_override(ctx, customer_id, override_id, action, body.note).to_json()
    return route


for _action in OverrideAction:
    _fn = _decide(_action)
    _fn.__name__ = f"{_action.value}_override"
    _fn.__doc__ = f"{_action.value.capitalize()} a grade override (approval: someone other than its maker)."
    api.route(f"/v1/customers/{{customer_id}}/grade-overrides/{{override_id}}/{_action.value}", "POST",
              roles=service.OVERRIDE_CHECKERS, body=OverrideDecisionIn)(_fn)


@api.route("/v1/customer-grades/overrides", "GET", roles=GRADE_ADMINS)
def pending_overrides(ctx: TenantContext) -> dict[str, Any]:
    """Overrides waiting for a second person."""
    return {"items": service.pending_overrides(ctx)}


@api.route("/v1/customer-grades/rules", "GET", roles=SUBSIDIARY_ROLES)
def get_grade_rules(ctx: TenantContext) -> dict[str, Any]:
    """The tenant's value and activity grade rules (the defaults until it sets its own)."""
    return service.grade_rules(ctx)


@api.route("/v1/customer-grades/rules", "PUT", roles=GRADE_ADMINS, body=GradeRules)
def set_grade_rules(ctx: TenantContext, body: GradeRules) -> dict[str, Any]:
    """Set the value and activity grade rules, used from the next monthly run."""
    return service.set_grade_rules(ctx, body)


@api.route("/v1/customer-grades/runs", "GET", roles=SUBSIDIARY_ROLES)
def grade_runs(ctx: TenantContext) -> dict[str, Any]:
    """Monthly grade runs, newest first."""
    return {"items": service.grade_runs(ctx)}


@api.route("/v1/customer-grades/runs", "POST", roles=GRADE_ADMINS, body=RunIn, status=201)
def run_grades(ctx: TenantContext, body: RunIn) -> Reply:
    """Grade every customer for an ended month (200 with the kept run if the month is graded already)."""
    run = service.run_monthly_grades(ctx, body.month)
    return Reply(run, 200 if run.get("rerun") else 201)


# --- campaigns ------------------------------------------------------------------------------------------


@api.route("/v1/campaigns", "POST", roles=CAMPAIGN_OWNERS, body=CampaignIn, status=201)
def create_campaign(ctx: TenantContext, body: CampaignIn) -> dict[str, Any]:
    """Define a cross-sell campaign; its list is produced at once, each lead with its reasons."""
    return campaigns.create_campaign(ctx, body)


@api.route("/v1/campaigns", "GET", roles=SUBSIDIARY_ROLES)
def list_campaigns(ctx: TenantContext) -> dict[str, Any]:
    """This subsidiary's campaigns and HQ's campaigns that hand it leads."""
    return {"items": campaigns.list_campaigns(ctx)}


@api.route("/v1/campaigns/{campaign_id}", "GET", roles=SUBSIDIARY_ROLES)
def campaign_results(ctx: TenantContext, campaign_id: str) -> dict[str, Any]:
    """The campaign, this subsidiary's leads with reasons, and contacted / applied / converted."""
    return campaigns.campaign_results(ctx, campaign_id)


@api.route("/v1/campaigns/{campaign_id}/leads/{lead_id}/contacted", "POST", roles=CONTACTERS)
def mark_contacted(ctx: TenantContext, campaign_id: str, lead_id: str) -> dict[str, Any]:
    """Record that a lead was contacted."""
    return campaigns.mark_contacted(ctx, campaign_id, lead_id)


# --- HQ: the group view -----------------------------------------------------------------------------------


@api.route("/v1/group/relationships", "GET", roles=GROUP_ROLES)
def group_customers(ctx: TenantContext) -> dict[str, Any]:
    """Group customers by keyed identity: subsidiaries, exposure, group grade, consent."""
    return {"items": group.group_customers(ctx)}


@api.route("/v1/group/relationships/{identity_hash}", "GET", roles=GROUP_ROLES)
def group_customer(ctx: TenantContext, identity_hash: str) -> dict[str, Any]:
    """One group customer's relationships across subsidiaries: products, exposures, grades."""
    return group.group_customer(ctx, identity_hash)


@api.route("/v1/group/campaigns", "POST", roles=(Role.GROUP_ADMIN,), body=CampaignIn, status=201)
def create_group_campaign(ctx: TenantContext, body: CampaignIn) -> dict[str, Any]:
    """A group campaign: each subsidiary gets its own customers and its sisters' consenting ones."""
    return campaigns.create_group_campaign(ctx, body)


@api.route("/v1/group/campaigns", "GET", roles=GROUP_ROLES)
def list_group_campaigns(ctx: TenantContext) -> dict[str, Any]:
    """HQ's campaigns."""
    return {"items": campaigns.list_campaigns(ctx)}


@api.route("/v1/group/campaigns/{campaign_id}", "GET", roles=GROUP_ROLES)
def group_campaign_results(ctx: TenantContext, campaign_id: str) -> dict[str, Any]:
    """HQ's campaign with every subsidiary's leads and who was contacted."""
    return campaigns.campaign_results(ctx, campaign_id)
