"""The customer 360: one view of a customer in this subsidiary, redacted by the caller's roles.

Sections: profile, verification (level, evidence, history), consents, facilities (status, amount,
utilized, blocked, available, validity; read through credit's service), applications, contracts with
balances and delinquency buckets, repayments by channel, collection actions, grades with history,
sister relationships (consented only), and one timeline of every event, newest first.

Redaction is one table (``shared.redaction.HIDDEN``, also applied to the plain customer read): a field
path is shown when any of the caller's roles may see it.
A collector sees what collections needs — contact, contracts, arrears, repayments, collection actions —
not income, documents, evidence detail or grades.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from chalicelib.customers import group, service, sources
from chalicelib.shared.redaction import hidden_for
from chalicelib.shared.tenant import TenantContext

ZERO = Decimal(0)

def _redact(view: dict[str, Any], hidden: set[str]) -> dict[str, Any]:
    for path in sorted(hidden):
        section, _, field = path.partition(".")
        if not field:
            view[section] = None
        elif isinstance(view.get(section), dict):
            view[section].pop(field, None)
        elif isinstance(view.get(section), list):
            for row in view[section]:
                row.pop(field, None)
    view["redacted"] = sorted(hidden)
    return view


def customer_360(ctx: TenantContext, customer_id: str) -> dict[str, Any]:
    customer = sources.customer(ctx, customer_id)
    apps = [sources.application_in_full(ctx, a.application_id) for a in sources.applications_of(ctx, customer_id)]
    contracts = sources.contracts_of(ctx, apps)
    figures = [sources.figures(c) for c in contracts]
    repayments = [r for f in figures for r in sources.repayments(ctx, f.contract_id)]
    actions = [{**a, "contract_id": f.contract_id} for f in figures for a in sources.collection_actions(ctx, f.contract_id)]
    verification = service.verification(ctx, customer_id)
    consents = [c.to_json() for c in service.consents(ctx, customer_id)]
    grades = service.grades_of(ctx, customer_id)
    facilities = [_facility(f) for f in sources.facilities_of(ctx, customer_id)]
    by_channel: dict[str, dict[str, Any]] = {}
    for r in repayments:
        row = by_channel.setdefault(r["channel"], {"channel": r["channel"], "count": 0, "amount": ZERO})
        row["count"] += 1
        row["amount"] += Decimal(r["amount"])
    view = {
        "profile": {"customer_id": customer.customer_id, "type": customer.type.value, "name": customer.name,
                    "identity_masked": customer.identity_masked, "identity_hash": customer.identity_hash,
                    "contact": customer.contact, "industry": customer.industry, "region": customer.region,
                    "annual_income": customer.annual_income, "established_on": customer.established_on},
        "verification": verification,
        "consents": consents,
        "facilities": facilities,
        "applications": [{"application_id": a.application_id, "product_code": a.product_code, "status": a.status.value,
                          "amount": a.amount, "currency": a.currency, "created_at": a.created_at,
                          "contract_id": a.contract_id,
                          "documents": [{"type": d.type, "file_name": d.file_name, "status": d.status.value}
                                        for d in a.documents]} for a in apps],
        "contracts": [{"contract_id": f.contract_id, "product_code": f.product_code, "kind": f.kind, "status": f.status,
                       "currency": f.currency, "principal": f.principal,
                       "outstanding_principal": f.outstanding_principal, "outstanding": f.outstanding,
                       "days_past_due": f.days_past_due, "bucket": f.bucket, "disbursed_on": f.disbursed_on}
                      for f in figures],
        "repayments": {"by_channel": [{**v, "amount": format(v["amount"], "f")} for v in by_channel.values()],
                       "items": sorted(repayments, key=lambda r: r["received_on"], reverse=True)},
        "collection_actions": actions,
        "grades": grades,
        "sister_relationships": group.sister_relationships(ctx, customer_id),
        "timeline": timeline(verification, consents, apps, figures, repayments, actions, grades, facilities),
    }
    return _redact(view, hidden_for(ctx.roles))


def _money(v: Any) -> str:
    return format(Decimal(v), "f")


def _facility(f: dict[str, Any]) -> dict[str, Any]:
    """One facility row of the 360: status, amounts (decimal strings) and validity, with its history."""
    return {"facility_id": f["facility_id"], "status": f["status"], "currency": f["currency"],
            "revolving": f["revolving"], "amount": _money(f["amount"]), "utilized": _money(f["utilized"]),
            "blocked": _money(f["blocked"]), "available": _money(f["available"]),
            "valid_from": f["valid_from"].isoformat(), "valid_to": f["valid_to"].isoformat(),
            "drawable": f["drawable"], "history": f["history"]}


def timeline(verification: dict[str, Any], consents: list[dict[str, Any]], apps: list[Any], figures: list[Any],
             repayments: list[dict[str, Any]], actions: list[dict[str, Any]], grades: dict[str, Any],
             facilities: list[dict[str, Any]] | None = None) -> list[dict[str, Any]]:
    """Every event of the customer, newest first: one row each, ``at`` an instant or a business date."""
    rows: list[dict[str, Any]] = []
    for e in verification["evidence"]:
        rows.append({"at": e["recorded_at"], "kind": "evidence", "summary": e["kind"], "by": e["recorded_by"]})
    for h in verification["history"]:
        revoked = f" ({h['revoked']} revoked: {h['reason']})" if h.get("revoked") else ""
        rows.append({"at": h["at"], "kind": "level", "summary": f"{h['from']} → {h['to']}{revoked}", "by": h["by"]})
    for c in consents:
        rows.append({"at": c["recorded_at"], "kind": "consent", "summary": f"given: {', '.join(c['scopes'])}",
                     "by": c["recorded_by"]})
        if c["withdrawn_on"]:
            rows.append({"at": c["withdrawn_on"], "kind": "consent", "summary": "withdrawn", "by": c["withdrawn_by"]})
    for a in apps:
        for t in a.timeline:
            rows.append({"at": t.at.isoformat(), "kind": "application",
                         "summary": f"{a.product_code} {t.action}" + (f" → {t.to_status}" if t.to_status else ""),
                         "by": t.actor.username})
    for fac in facilities or []:
        for h in fac["history"]:
            rows.append({"at": h["at"], "kind": "facility",
                         "summary": f"{fac['facility_id']} {h['action']}" + (f" → {h['to_status']}" if h["to_status"] else ""),
                         "by": h["by"]})
    for f in figures:
        rows.append({"at": f.disbursed_on.isoformat(), "kind": "disbursement",
                     "summary": f"{f.contract_id} {f.principal} {f.currency}", "by": None})
    for r in repayments:
        rows.append({"at": r["at"], "kind": "repayment", "summary": f"{r['amount']} via {r['channel']}", "by": None})
    for a in actions:
        rows.append({"at": str(a.get("at", "")), "kind": "collection", "summary": str(a.get("action", "")),
                     "by": a.get("actor")})
    for m in grades["history"]:
        rows.append({"at": str(m.get("graded_at", m["month"])), "kind": "grade",
                     "summary": f"{m['month']}: {m['value_grade']} / {m['activity_grade']}", "by": None})
    for o in grades["overrides"]:
        rows.append({"at": o["requested_at"], "kind": "override", "summary": f"{o['grade']} requested ({o['status']})",
                     "by": o["requested_by_name"]})
    return sorted(rows, key=lambda r: str(r["at"]), reverse=True)
