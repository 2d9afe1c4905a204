"""Cross-sell campaigns: target products, eligibility (``customers.eligibility``), a channel, a validity.

A campaign produces its list at once, each lead with the reasons it is on it. Audiences:

- ``own`` (a subsidiary's product manager): the subsidiary's own customers;
- ``group`` (HQ, or a subsidiary reaching its sisters' customers): each subsidiary receives its own
  customers, plus sisters' customers as leads only where their consent to ``group_marketing`` is in
  force. A group campaign must say so — its eligibility must require ``group_marketing`` consent —
  or it is refused (422 ``customers.campaign.consent_required``); the consent rule is waived only for
  a subsidiary's own customers.

Results are tracked against applications: a lead is *applied* when the customer (found in the
receiving subsidiary by the keyed identity hash) opened an application for a target product within
the validity, and *converted* when one was disbursed. *Contacted* is recorded by staff. HQ sees all
three for a group campaign's leads, each read in its receiving subsidiary.
"""
from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from chalicelib.customers import group, service, sources
from chalicelib.customers.domain import ConsentScope
from chalicelib.customers.eligibility import Candidate, EligibilityRules, ProductCode, evaluate
from chalicelib.origination.customers.domain import Customer, VerificationLevel
from chalicelib.shared import clock
from chalicelib.shared.errors import NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import TenantContext, TenantKind

ZERO = Decimal(0)
MARKETING = ConsentScope.GROUP_MARKETING.value


class CampaignChannel(str, Enum):
    SMS = "sms"
    CALL = "call"
    APP_PUSH = "app_push"
    BRANCH = "branch"
    EMAIL = "email"


class Audience(str, Enum):
    OWN = "own"
    GROUP = "group"


class CampaignIn(Schema):
    """``POST /v1/campaigns`` (a subsidiary) or ``POST /v1/group/campaigns`` (HQ)."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    target_products: list[ProductCode] = Field(min_length=1, max_length=10,
                                               description="product codes the campaign recommends")
    eligibility: EligibilityRules = Field(default_factory=EligibilityRules)
    channel: CampaignChannel
    valid_from: date
    valid_to: date
    audience: Audience = Audience.OWN

    @model_validator(mode="after")
    def _window(self) -> "CampaignIn":
        if self.valid_to < self.valid_from:
            raise ValueError("valid_to is before valid_from")
        return self


def _store():
    from chalicelib.customers import wiring

    return wiring.facts()


def candidate_of(ctx: TenantContext, customer: Customer, contracts: list[Any]) -> Candidate:
    """One of this subsidiary's customers as the eligibility rules see it (grades in force now)."""
    records = service.customer_records(ctx, customer.customer_id)  # grades, overrides, consents: one read
    grades = service.grades_of(ctx, customer.customer_id, records=records)
    figs = [sources.figures(c) for c in contracts if c.status.value == "active"]
    return Candidate(
        customer_id=customer.customer_id, subsidiary_id=ctx.tenant_id, identity_hash=customer.identity_hash,
        name=group.label_of(customer.name, customer.type.value), customer_type=customer.type.value,
        verification_level=customer.verification_level, value_grade=grades["value_grade"],
        activity_grade=grades["activity_grade"], exposure=sum((f.outstanding for f in figs), ZERO),
        days_past_due=max((f.days_past_due for f in figs), default=0), industry=customer.industry,
        region=customer.region, products_held=frozenset(f.product_code for f in figs),
        consent_scopes=frozenset(service.consent_scopes(ctx, customer.customer_id, records=records)),
    )


def candidate_of_card(card: dict[str, Any]) -> Candidate:
    return Candidate(
        customer_id=card["customer_id"], subsidiary_id=card["subsidiary_id"], identity_hash=card["identity_hash"],
        name=card["label"], customer_type=card["customer_type"],
        verification_level=VerificationLevel(card["verification_level"]), value_grade=card["value_grade"],
        activity_grade=card["activity_grade"], exposure=Decimal(card["exposure"]),
        days_past_due=int(card["days_past_due"]), industry=card.get("industry"), region=card.get("region"),
        products_held=frozenset(card["products"]), consent_scopes=frozenset(card["consent_scopes"]),
    )


def _own_rules(rules: EligibilityRules) -> EligibilityRules:
    """The rules for a subsidiary's own customers: no group consent is needed to market to them."""
    return rules.model_copy(update={"requires_consent": [s for s in rules.requires_consent if s != MARKETING]})


def _lead(receiver: str, c: Candidate, reasons: list[dict[str, Any]]) -> dict[str, Any]:
    own = c.subsidiary_id == receiver
    return {"lead_id": f"{receiver}.{c.identity_hash[:20]}", "receiving_subsidiary": receiver,
            "source_subsidiary": c.subsidiary_id, "own_customer": own,
            "customer_id": c.customer_id if own else None, "identity_hash": c.identity_hash, "label": c.name,
            "value_grade": c.value_grade, "reasons": reasons, "contacted_at": None, "contacted_by": None}


def leads_for(receiver: str, own: list[Candidate], sisters: list[Candidate],
              rules: EligibilityRules) -> list[dict[str, Any]]:
    """The receiving subsidiary's list: its own eligible customers, then eligible consenting customers of
    sisters it does not already serve (pure)."""
    leads, seen = [], set()
    for c in own:
        verdict = evaluate(_own_rules(rules), c)
        if verdict.eligible:
            leads.append(_lead(receiver, c, [r.to_json() for r in verdict.reasons]))
            seen.add(c.identity_hash)
    for c in sisters:
        if c.identity_hash in seen or c.subsidiary_id == receiver:
            continue
        verdict = evaluate(rules, c)
        if verdict.eligible and MARKETING in c.consent_scopes:
            leads.append(_lead(receiver, c, [r.to_json() for r in verdict.reasons]))
            seen.add(c.identity_hash)
    return leads


def _check_group_consent(body: CampaignIn) -> None:
    if MARKETING not in body.eligibility.requires_consent:
        raise RuleViolation("customers.campaign.consent_required",
                            "a campaign across subsidiaries must require the customers' consent to group_marketing",
                            {"field": "eligibility.requires_consent", "required": MARKETING})


def _own_candidates(ctx: TenantContext) -> list[Candidate]:
    contracts = sources.all_contracts_by_customer(ctx)
    return [candidate_of(ctx, c, contracts.get(c.customer_id, [])) for c in sources.all_customers(ctx)]


def _save(ctx: TenantContext, campaign: dict[str, Any], leads: list[dict[str, Any]]) -> dict[str, Any]:
    store = _store()
    cid = campaign["campaign_id"]
    store.put(ctx, ("CAMPAIGN", cid), "ROOT", "campaign", campaign, list_parts=("CAMPAIGN",), list_sk=cid,
              new_only="customers.campaign.exists")
    for lead in leads:
        store.put(ctx, ("CAMPAIGN", cid), f"LEAD#{lead['receiving_subsidiary']}#{lead['lead_id']}", "campaign_lead", lead)
    return {**campaign, "leads": leads}


def _campaign(ctx: TenantContext, body: CampaignIn, campaign_id: str, owner: str, counts: dict[str, int]) -> dict[str, Any]:
    return {"campaign_id": campaign_id, "owner": owner, "name": body.name, "target_products": body.target_products,
            "eligibility": body.eligibility.model_dump(mode="json"), "channel": body.channel.value,
            "valid_from": body.valid_from, "valid_to": body.valid_to, "audience": body.audience.value,
            "created_by": ctx.username, "created_at": clock.now(), "leads_by_subsidiary": counts}


def create_campaign(ctx: TenantContext, body: CampaignIn) -> dict[str, Any]:
    """A subsidiary's campaign and its list (sisters' consenting customers too, for audience ``group``)."""
    if body.audience is Audience.GROUP:
        _check_group_consent(body)
    own = _own_candidates(ctx)
    sisters: list[Candidate] = []
    if body.audience is Audience.GROUP:
        hq = group._group_ctx(ctx)
        if hq is not None:
            sisters = [candidate_of_card(c) for c in group.all_cards(hq) if c["subsidiary_id"] != ctx.tenant_id]
    leads = leads_for(ctx.tenant_id, own, sisters, body.eligibility)
    return _save(ctx, _campaign(ctx, body, new_id("cmp"), ctx.tenant_id, {ctx.tenant_id: len(leads)}), leads)


def create_group_campaign(hq: TenantContext, body: CampaignIn) -> dict[str, Any]:
    """HQ's campaign: every subsidiary receives its own eligible customers and its sisters' consenting ones."""
    if hq.kind is not TenantKind.GROUP:
        raise RuleViolation("customers.campaign.not_a_group", "only a holding group runs group campaigns")
    body = body.model_copy(update={"audience": Audience.GROUP})
    _check_group_consent(body)
    cards = [candidate_of_card(c) for c in group.all_cards(hq)]
    receivers = group.subsidiaries(hq)
    leads: list[dict[str, Any]] = []
    counts = {}
    for sub in receivers:
        mine = leads_for(sub, [c for c in cards if c.subsidiary_id == sub],
                         [c for c in cards if c.subsidiary_id != sub], body.eligibility)
        counts[sub] = len(mine)
        leads.extend(mine)
    return _save(hq, _campaign(hq, body, new_id("gcm"), hq.tenant_id, counts), leads)


# --- reading, contact and results ---------------------------------------------------------------------


def _where(ctx: TenantContext, campaign_id: str) -> TenantContext:
    """Where a campaign lives: a group campaign (``gcm_``) in HQ's partition, others in the caller's."""
    if campaign_id.startswith("gcm_") and ctx.kind.is_subsidiary:
        hq = group._group_ctx(ctx)
        if hq is None:
            raise NotFound("customers.campaign.not_found", "campaign not found", {"campaign_id": campaign_id})
        return hq
    return ctx


def _load(ctx: TenantContext, campaign_id: str) -> tuple[TenantContext, dict[str, Any]]:
    where = _where(ctx, campaign_id)
    found = _store().get(where, ("CAMPAIGN", campaign_id))
    if found is None or (where is not ctx and ctx.tenant_id not in found[0]["leads_by_subsidiary"]):
        raise NotFound("customers.campaign.not_found", "campaign not found", {"campaign_id": campaign_id})
    return where, found[0]


def _leads(where: TenantContext, campaign_id: str, receiver: str | None) -> list[dict[str, Any]]:
    prefix = f"LEAD#{receiver}#" if receiver else "LEAD#"
    return list(_store().query(where, ("CAMPAIGN", campaign_id), prefix))


def list_campaigns(ctx: TenantContext) -> list[dict[str, Any]]:
    """This tenant's campaigns, and (for a subsidiary) HQ's campaigns that hand it leads."""
    rows = list(_store().listing(ctx, ("CAMPAIGN",)))
    hq = group._group_ctx(ctx)
    if hq is not None:
        rows += [c for c in _store().listing(hq, ("CAMPAIGN",)) if ctx.tenant_id in c["leads_by_subsidiary"]]
    return sorted(rows, key=lambda c: c["created_at"], reverse=True)


def outcome(ctx: TenantContext, campaign: dict[str, Any], lead: dict[str, Any]) -> dict[str, Any]:
    """Applied / converted for one lead, from the receiving subsidiary's applications."""
    customer = sources.customer_by_identity(ctx, lead["identity_hash"])
    if customer is None:
        return {"applied": False, "converted": False, "applications": []}
    # Applications opened after the campaign produced its list, up to the end of its validity.
    launched = datetime.fromisoformat(str(campaign["created_at"]))
    end = date.fromisoformat(str(campaign["valid_to"]))
    apps = [a for a in sources.applications_of(ctx, customer.customer_id)
            if a.product_code in campaign["target_products"] and launched <= a.created_at and a.created_at.date() <= end]
    return {"applied": bool(apps), "converted": any(a.disbursement for a in apps),
            "applications": [{"application_id": a.application_id, "status": a.status.value} for a in apps]}


def _receiver(hq: TenantContext, subsidiary_id: str) -> TenantContext:
    """A receiving subsidiary's read context for HQ (refused unless it belongs to HQ's group): the
    group extract's channel, as group risk reads its subsidiaries."""
    from chalicelib.risk.contexts import subsidiary_context

    return subsidiary_context(subsidiary_id, hq.tenant_id)


def campaign_results(ctx: TenantContext, campaign_id: str) -> dict[str, Any]:
    """The campaign, the caller's leads with their reasons and outcomes, and the totals."""
    where, campaign = _load(ctx, campaign_id)
    if ctx.kind.is_subsidiary:
        leads = [{**lead, **outcome(ctx, campaign, lead)} for lead in _leads(where, campaign_id, ctx.tenant_id)]
    else:  # HQ sees every subsidiary's list, who was contacted, and each lead's outcome in its subsidiary
        leads = _leads(where, campaign_id, None)
        receivers = {sub: _receiver(ctx, sub) for sub in {x["receiving_subsidiary"] for x in leads}}
        leads = [{**lead, **outcome(receivers[lead["receiving_subsidiary"]], campaign, lead)} for lead in leads]
    totals = {"leads": len(leads), "contacted": sum(1 for x in leads if x.get("contacted_at")),
              "applied": sum(1 for x in leads if x.get("applied")),
              "converted": sum(1 for x in leads if x.get("converted"))}
    return {**campaign, "leads": leads, "totals": totals}


def mark_contacted(ctx: TenantContext, campaign_id: str, lead_id: str) -> dict[str, Any]:
    where, campaign = _load(ctx, campaign_id)
    key = f"LEAD#{ctx.tenant_id}#{lead_id}"
    found = _store().get(where, ("CAMPAIGN", campaign_id), key)
    if found is None:
        raise NotFound("customers.campaign.lead_not_found", "lead not found", {"lead_id": lead_id})
    lead, version = found
    if not lead.get("contacted_at"):
        lead.update(contacted_at=clock.now().isoformat(), contacted_by=ctx.username)
        _store().put(where, ("CAMPAIGN", campaign_id), key, "campaign_lead", lead, version=version)
    return {**lead, **outcome(ctx, campaign, lead)}
