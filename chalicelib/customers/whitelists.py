"""Pre-approval whitelists (预授信 / 营销白名单): a product manager's rule, the runs it produces, the fast path.

A whitelist rule names the product(s) it pre-approves, the eligibility (``customers.eligibility`` — the
one rule engine campaigns use too), the pre-approved amount (``fixed``, or a ``multiple`` of the
customer's outstanding exposure, capped) and how many days a run's approvals stay valid.

A **run** evaluates every customer of the tenant as of the business date and keeps the result: each
customer on the list with the pre-approved amount, the expiry and the reasons. Runs are point-in-time:
a run is written once and never recomputed; the monthly run (close of business, on a month's last day)
is keyed by its month, so re-running a month keeps the first result.

The **fast path** (``fast_path``): an application from a customer on an unexpired run (by the business
date) for one of the rule's products, within the pre-approved amount, is reviewed at one level; the
risk outcome records the run that pre-approved it (``origination.applications.whitelist_effects``, through
the ``platform.effects`` pre-approvals port: origination may not import this context).

It lives in ``customers`` beside the one rule engine it uses (credit may not import ``customers``:
customers reads origination, which draws on credit).

Partitions (``T#<tenant>#`` prefix)::

    WHITELIST#<id>                 ROOT                      the rule (listed on GSI1 ``WHITELIST``)
    WHITELIST_RUN#<id>#<run>       ROOT · ENTRY#<customer>   a run and its list (listed on GSI1 per rule)
    PREAPPROVAL#<customer>         <expires_on>#<id>#<run>       what the fast path reads: one item per entry
"""
from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from enum import Enum
from typing import Any

from pydantic import ConfigDict, Field, model_validator

from chalicelib.customers.eligibility import Candidate, EligibilityRules, ProductCode, evaluate
from chalicelib.customers.store import CustomerFacts
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.schema import Schema, decimal_string
from chalicelib.shared.spreadsheet import csv_text
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)
CENT = Decimal("0.01")
Money = decimal_string(example="50000.00", signed=False, whole_digits=15, places=2)
Factor = decimal_string(example="1.5", signed=False, whole_digits=3, places=4)
CSV_TYPE = "text/csv; charset=utf-8"
CSV_COLUMNS = ["run_id", "whitelist_id", "as_of", "expires_on", "customer_id", "label", "customer_type",
               "pre_approved_amount", "currency", "products", "reasons"]


class AmountKind(str, Enum):
    FIXED = "fixed"
    MULTIPLE = "multiple"


class AmountRule(Schema):
    """``fixed``: ``amount`` for everyone; ``multiple``: ``factor`` × outstanding exposure, at most ``cap``
    (and at least ``floor`` when set: a customer with no exposure then gets the floor)."""

    model_config = ConfigDict(extra="forbid")

    kind: AmountKind
    amount: Money | None = None
    factor: Factor | None = None
    cap: Money | None = None
    floor: Money | None = None

    @model_validator(mode="after")
    def _shape(self) -> "AmountRule":
        if self.kind is AmountKind.FIXED and (self.amount is None or Decimal(self.amount) <= 0):
            raise ValueError("a fixed amount needs amount > 0")
        if self.kind is AmountKind.MULTIPLE:
            if self.factor is None or Decimal(self.factor) <= 0 or self.cap is None or Decimal(self.cap) <= 0:
                raise ValueError("a multiple needs factor > 0 and cap > 0")
            if self.floor is not None and Decimal(self.floor) > Decimal(self.cap):
                raise ValueError("floor is above cap")
        return self


class WhitelistIn(Schema):
    """``POST /v1/whitelists`` and ``PUT /v1/whitelists/{id}``."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=120)
    products: list[ProductCode] = Field(min_length=1, max_length=10, description="products the run pre-approves")
    eligibility: EligibilityRules = Field(default_factory=EligibilityRules)
    amount: AmountRule
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    validity_days: int = Field(ge=1, le=366, description="days a run's approvals stay valid after its date")
    active: bool = True


def pre_approved_amount(rule: AmountRule, c: Candidate) -> tuple[Decimal, str]:
    """The amount and how it was reached (pure; cents, rounded down)."""
    if rule.kind is AmountKind.FIXED:
        amount = Decimal(rule.amount or 0).quantize(CENT, ROUND_DOWN)
        return amount, f"fixed {amount}"
    raw = (Decimal(rule.factor or 0) * c.exposure).quantize(CENT, ROUND_DOWN)
    amount = min(raw, Decimal(rule.cap or 0))
    how = f"{rule.factor} × exposure {c.exposure} = {raw}"
    if amount < raw:
        how += f", capped at {rule.cap}"
    if rule.floor is not None and amount < Decimal(rule.floor):
        amount = Decimal(rule.floor)
        how += f", raised to the floor {rule.floor}"
    return amount.quantize(CENT, ROUND_DOWN), how


def entry_of(body: WhitelistIn, c: Candidate) -> dict[str, Any] | None:
    """One customer's place on the list, with every reason, or None (pure)."""
    verdict = evaluate(body.eligibility, c)
    if not verdict.eligible:
        return None
    amount, how = pre_approved_amount(body.amount, c)
    if amount <= 0:
        return None
    reasons = [r.to_json() for r in verdict.reasons] + [{"rule": "amount", "passed": True, "detail": how}]
    return {"customer_id": c.customer_id, "label": c.name, "customer_type": c.customer_type,
            "pre_approved_amount": amount, "reasons": reasons}


# --- storage -----------------------------------------------------------------------------------------


class WhitelistStore(CustomerFacts):
    """The whitelists' records: the customers context's record shape, under this feature's partitions."""


_STORE = WhitelistStore()


def _store() -> WhitelistStore:
    return _STORE


# --- rules -------------------------------------------------------------------------------------------


def _rule_json(ctx: TenantContext, wid: str, body: WhitelistIn, created: dict[str, Any] | None) -> dict[str, Any]:
    return {"whitelist_id": wid, **body.model_dump(mode="json"),
            "created_by": (created or {}).get("created_by", ctx.username),
            "created_at": (created or {}).get("created_at", clock.now()),
            "updated_by": ctx.username, "updated_at": clock.now()}


def create(ctx: TenantContext, body: WhitelistIn) -> dict[str, Any]:
    wid = new_id("wl")
    rule = _rule_json(ctx, wid, body, None)
    _store().put(ctx, ("WHITELIST", wid), "ROOT", "whitelist", rule, list_parts=("WHITELIST",), list_sk=wid,
                 new_only="credit.whitelist.exists")
    return rule


def _load(ctx: TenantContext, wid: str) -> tuple[dict[str, Any], int]:
    found = _store().get(ctx, ("WHITELIST", wid))
    if found is None:
        raise NotFound("credit.whitelist.not_found", "whitelist not found", {"whitelist_id": wid})
    return found


def get(ctx: TenantContext, wid: str) -> dict[str, Any]:
    rule, _ = _load(ctx, wid)
    return {**rule, "runs": list_runs(ctx, wid)}


def update(ctx: TenantContext, wid: str, body: WhitelistIn) -> dict[str, Any]:
    """Change the rule for runs from now on (runs already made keep what they said)."""
    old, version = _load(ctx, wid)
    rule = _rule_json(ctx, wid, body, old)
    _store().put(ctx, ("WHITELIST", wid), "ROOT", "whitelist", rule, list_parts=("WHITELIST",), list_sk=wid,
                 version=version)
    return rule


def list_rules(ctx: TenantContext) -> list[dict[str, Any]]:
    return list(_store().listing(ctx, ("WHITELIST",)))


# --- runs --------------------------------------------------------------------------------------------


def _candidates(ctx: TenantContext) -> list[Candidate]:
    from chalicelib.customers import campaigns, sources

    contracts = sources.all_contracts_by_customer(ctx)
    return [campaigns.candidate_of(ctx, c, contracts.get(c.customer_id, [])) for c in sources.all_customers(ctx)]


def run(ctx: TenantContext, wid: str, *, run_id: str | None = None,
        candidates: list[Candidate] | None = None) -> dict[str, Any]:
    """Evaluate every customer as of the business date and keep the list. With ``run_id`` (the monthly
    run's month) a run that exists already is returned as it was: the first result stands."""
    rule, _ = _load(ctx, wid)
    if run_id is not None:
        kept = _store().get(ctx, ("WHITELIST_RUN", wid, run_id))
        if kept is not None:
            return {**kept[0], "rerun": True}
    body = WhitelistIn.model_validate({k: rule[k] for k in WhitelistIn.model_fields})
    as_of = clock.business_date(ctx)
    expires_on = as_of + timedelta(days=body.validity_days)
    rid = run_id or new_id("wlr")
    entries = [e for e in (entry_of(body, c) for c in (candidates if candidates is not None else _candidates(ctx)))
               if e is not None]
    summary = {"run_id": rid, "whitelist_id": wid, "name": body.name, "products": body.products,
               "currency": body.currency, "as_of": as_of, "expires_on": expires_on, "customers": len(entries),
               "total_pre_approved": sum((e["pre_approved_amount"] for e in entries), ZERO),
               "run_by": ctx.username, "run_at": clock.now()}
    store = _store()
    try:
        store.put(ctx, ("WHITELIST_RUN", wid, rid), "ROOT", "whitelist_run", summary,
                  list_parts=("WHITELIST_RUNS", wid), list_sk=f"{as_of.isoformat()}#{rid}",
                  new_only="credit.whitelist.run.exists")
    except Conflict:  # a racing monthly run wrote it first: its result stands
        kept = store.get(ctx, ("WHITELIST_RUN", wid, rid))
        assert kept is not None
        return {**kept[0], "rerun": True}
    for e in entries:
        store.put(ctx, ("WHITELIST_RUN", wid, rid), f"ENTRY#{e['customer_id']}", "whitelist_entry", e,
                  new_only="credit.whitelist.entry.exists")
        store.put(ctx, ("PREAPPROVAL", e["customer_id"]), f"{expires_on.isoformat()}#{wid}#{rid}", "preapproval",
                  {"run_id": rid, "whitelist_id": wid, "products": body.products, "currency": body.currency,
                   "as_of": as_of, "expires_on": expires_on, "pre_approved_amount": e["pre_approved_amount"]},
                  new_only="credit.whitelist.entry.exists")
    return {**summary, "entries": entries}


def list_runs(ctx: TenantContext, wid: str) -> list[dict[str, Any]]:
    return list(_store().listing(ctx, ("WHITELIST_RUNS", wid)))


def get_run(ctx: TenantContext, wid: str, rid: str) -> dict[str, Any]:
    _load(ctx, wid)
    found = _store().get(ctx, ("WHITELIST_RUN", wid, rid))
    if found is None:
        raise NotFound("credit.whitelist.run.not_found", "whitelist run not found", {"run_id": rid})
    entries = sorted(_store().query(ctx, ("WHITELIST_RUN", wid, rid), "ENTRY#"), key=lambda e: e["customer_id"])
    return {**found[0], "entries": entries}


def run_csv(ctx: TenantContext, wid: str, rid: str) -> dict[str, Any]:
    """The run as a CSV file for marketing (text that looks like a formula is neutralised)."""
    r = get_run(ctx, wid, rid)
    rows = [[r["run_id"], wid, r["as_of"], r["expires_on"], e["customer_id"], e["label"], e["customer_type"],
             e["pre_approved_amount"], r["currency"], " ".join(r["products"]),
             "; ".join(f"{x['rule']}: {x['detail']}" for x in e["reasons"])] for e in r["entries"]]
    return {"name": f"whitelist-{wid}-{rid}.csv", "content_type": CSV_TYPE, "content": csv_text(CSV_COLUMNS, rows)}


def month_end_runs(ctx: TenantContext, on: date) -> dict[str, Any]:
    """Close of business's ``whitelists`` step: on a month's last day, each active rule's monthly run."""
    nxt = on + timedelta(days=1)
    if nxt.month == on.month:
        return {"runs": 0, "month": None}
    month = f"{on.year:04d}-{on.month:02d}"
    rules = [r for r in list_rules(ctx) if r.get("active", True)]
    candidates = _candidates(ctx) if rules else []
    made = [run(ctx, r["whitelist_id"], run_id=f"M{month}", candidates=candidates) for r in rules]
    return {"runs": len(made), "month": month, "rerun": sum(1 for m in made if m.get("rerun"))}


# --- the fast path -----------------------------------------------------------------------------------


def fast_path(ctx: TenantContext, customer_id: str, product_code: str, amount: Decimal,
              currency: str | None = None) -> dict[str, Any] | None:
    """The pre-approval that covers this application on the business date, or None: an unexpired run
    (``as_of ≤ today ≤ expires_on``) for the product, in the currency, with at least ``amount``."""
    today = clock.business_date(ctx).isoformat()
    best = None
    for p in _store().query(ctx, ("PREAPPROVAL", customer_id)):
        if not (p["as_of"] <= today <= p["expires_on"]) or product_code not in p["products"]:
            continue
        if currency is not None and p["currency"] != currency:
            continue
        if Decimal(p["pre_approved_amount"]) < amount:
            continue
        if best is None or (p["as_of"], p["run_id"]) > (best["as_of"], best["run_id"]):
            best = p
    return best


def check_not_group(ctx: TenantContext) -> None:
    if not ctx.kind.is_subsidiary:
        raise RuleViolation("credit.whitelist.not_a_subsidiary", "whitelists belong to a subsidiary")
