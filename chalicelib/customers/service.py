"""Customer use cases: the verification ladder, consent, grade rules, monthly grading and overrides.

Business dates come from the tenant's business date; instants from the one clock. Other contexts are
read through ``customers.sources``; HQ's directory is written through ``customers.group``.
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from chalicelib.customers import grades as g
from chalicelib.customers import sources
from chalicelib.customers.domain import (
    Consent,
    ConsentIn,
    ConsentStatus,
    Override,
    OverrideAction,
    OverrideIn,
    OverrideStatus,
    WithdrawIn,
)
from chalicelib.customers.ladder import Evidence, EvidenceIn, EvidenceKind, RevokeIn, level_for, may_record, missing_for
from chalicelib.customers.ports import FaceMatcher
from chalicelib.customers.store import CustomerFacts
from chalicelib.origination.customers.domain import Customer, VerificationLevel
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, FieldInvalid, Forbidden, NotFound, RuleViolation
from chalicelib.shared.ids import new_id
from chalicelib.shared.tenant import Role, TenantContext

ZERO = Decimal(0)
C360 = "CUSTOMER360"


def _store() -> CustomerFacts:
    from chalicelib.customers import wiring

    return wiring.facts()


def _publish(ctx: TenantContext, customer_id: str) -> None:
    from chalicelib.customers import group

    group.publish_card(ctx, customer_id)


# --- the verification ladder -----------------------------------------------------------------------


def evidence_of(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None) -> list[Evidence]:
    return [Evidence.from_json(d) for d in (store or _store()).query(ctx, (C360, customer_id), "EVIDENCE#")]


def verification(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None) -> dict[str, Any]:
    """The customer's level, the evidence on record, the level's history and what the next level needs."""
    store = store or _store()
    customer = sources.customer(ctx, customer_id)
    evidence = evidence_of(ctx, customer_id, store)
    levels = list(VerificationLevel)
    nxt = levels[customer.verification_level.rank + 1] if customer.verification_level.rank + 1 < len(levels) else None
    return {"customer_id": customer_id, "level": customer.verification_level.value,
            "evidence": [e.to_json() for e in evidence],
            "history": list(store.query(ctx, (C360, customer_id), "LEVEL#")),
            "next_level": nxt.value if nxt else None,
            "next_level_needs": missing_for(nxt, evidence) if nxt else []}


def record_evidence(ctx: TenantContext, customer_id: str, body: EvidenceIn, *, matcher: FaceMatcher | None = None,
                    store: CustomerFacts | None = None) -> dict[str, Any]:
    """Record one piece of verification evidence; the customer's level rises to what the evidence on
    record reaches (never falls). A face match asks the verification provider first: only its passing
    answer is evidence (422 ``customers.evidence.face_mismatch`` records nothing)."""
    from chalicelib.customers import wiring

    store = store or _store()
    customer = sources.customer(ctx, customer_id)
    if not may_record(body.kind, ctx.roles):
        raise Forbidden("customers.evidence.role_forbidden", f"your role may not record {body.kind.value}",
                        {"kind": body.kind.value})
    details: dict[str, Any] = {}
    if body.kind is EvidenceKind.PHONE_CONFIRMED:
        phone = (customer.contact or {}).get("phone")
        if not phone:
            raise RuleViolation("customers.evidence.no_phone", "the customer has no phone on record to confirm")
        details["phone_last4"] = phone.replace(" ", "")[-4:]
    elif body.kind is EvidenceKind.ID_DOCUMENT_CHECKED:
        if not body.document_type:
            raise FieldInvalid("customers.evidence", "document_type", "name the document that was checked")
        details["document_type"] = body.document_type
    else:
        if not body.selfie_ref or not body.document_photo_ref:
            raise FieldInvalid("customers.evidence", "selfie_ref", "a face match needs selfie_ref and document_photo_ref")
        match = (matcher or wiring.face_matcher()).match(body.selfie_ref, body.document_photo_ref)
        if not match.passed:
            raise RuleViolation("customers.evidence.face_mismatch", "the verification provider did not match the face",
                                {"score": format(match.score, "f"), "provider": match.provider})
        details.update(provider=match.provider, score=format(match.score, "f"), provider_reference=match.reference)
    if body.note:
        details["note"] = body.note
    at = clock.now()
    evidence = Evidence(new_id("evd"), body.kind, body.reference, ctx.username, at, clock.business_date(ctx), details)
    store.put(ctx, (C360, customer_id), evidence.key, "customer_evidence",
              evidence.to_json(), new_only="customers.evidence.exists")
    reached = level_for(evidence_of(ctx, customer_id, store))
    if reached.rank > customer.verification_level.rank:
        sources.set_level(ctx, customer_id, reached)
        store.put(ctx, (C360, customer_id), f"LEVEL#{at.isoformat()}", "customer_level",
                  {"from": customer.verification_level.value, "to": reached.value, "at": at,
                   "on": evidence.recorded_on, "by": ctx.username, "evidence_id": evidence.evidence_id})
        _publish(ctx, customer_id)
    return verification(ctx, customer_id, store)


def revoke_evidence(ctx: TenantContext, customer_id: str, evidence_id: str, body: RevokeIn,
                    store: CustomerFacts | None = None) -> dict[str, Any]:
    """Revoke one piece of evidence with a reason (the roles that may record its kind may revoke it; no
    second person). The level is recomputed from the evidence still in force — it falls if that reaches
    less — and the level history records the revocation either way. 404 for unknown evidence, 409
    ``customers.evidence.already_revoked`` for evidence revoked before."""
    store = store or _store()
    customer = sources.customer(ctx, customer_id)
    found = next((e for e in evidence_of(ctx, customer_id, store) if e.evidence_id == evidence_id), None)
    if found is None:
        raise NotFound("customers.evidence.not_found", "evidence not found", {"evidence_id": evidence_id})
    if not may_record(found.kind, ctx.roles):
        raise Forbidden("customers.evidence.role_forbidden", f"your role may not revoke {found.kind.value}",
                        {"kind": found.kind.value})
    if not found.in_force:
        raise Conflict("customers.evidence.already_revoked", "this evidence is revoked already",
                       {"evidence_id": evidence_id, "revoked": found.revoked})
    record = store.get(ctx, (C360, customer_id), found.key)
    if record is None:  # deleted between the read and now: nothing to revoke
        raise NotFound("customers.evidence.not_found", "evidence not found", {"evidence_id": evidence_id})
    at, on = clock.now(), clock.business_date(ctx)
    revoked = {"at": at.isoformat(), "on": on.isoformat(), "by": ctx.username, "reason": body.reason}
    store.put(ctx, (C360, customer_id), found.key, "customer_evidence", {**record[0], "revoked": revoked},
              version=record[1])
    reached = level_for(evidence_of(ctx, customer_id, store))
    if reached.rank < customer.verification_level.rank:
        sources.set_level(ctx, customer_id, reached)
    to = min(reached, customer.verification_level, key=lambda lvl: lvl.rank)
    store.put(ctx, (C360, customer_id), f"LEVEL#{at.isoformat()}", "customer_level",
              {"from": customer.verification_level.value, "to": to.value, "at": at, "on": on, "by": ctx.username,
               "evidence_id": evidence_id, "revoked": found.kind.value, "reason": body.reason})
    _publish(ctx, customer_id)
    return verification(ctx, customer_id, store)


# --- consent to group data sharing ------------------------------------------------------------------


def consents(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None) -> list[Consent]:
    return [Consent.from_json(d) for d in (store or _store()).query(ctx, (C360, customer_id), "CONSENT#")]


def record_consent(ctx: TenantContext, customer_id: str, body: ConsentIn, store: CustomerFacts | None = None) -> Consent:
    """The customer's consent, dated (not after the business date) and evidenced; HQ's directory hears of it."""
    store = store or _store()
    sources.customer(ctx, customer_id)
    clock.not_after_business_date(ctx, body.given_on, "customers.consent.future_date", "a consent")
    consent = Consent(new_id("cns"), customer_id, tuple(dict.fromkeys(body.scopes)), body.given_on, body.evidence_kind,
                      body.evidence_reference, ctx.username, clock.now())
    store.put(ctx, (C360, customer_id), f"CONSENT#{consent.consent_id}", "customer_consent", consent.to_json(),
              new_only="customers.consent.exists")
    _publish(ctx, customer_id)
    return consent


def withdraw_consent(ctx: TenantContext, customer_id: str, consent_id: str, body: WithdrawIn,
                     store: CustomerFacts | None = None) -> Consent:
    """Withdrawn from the date given (default: the business date); sisters stop seeing the customer."""
    store = store or _store()
    sources.customer(ctx, customer_id)
    found = store.get(ctx, (C360, customer_id), f"CONSENT#{consent_id}")
    if found is None:
        raise NotFound("customers.consent.not_found", "consent not found", {"consent_id": consent_id})
    data, version = found
    on = clock.not_after_business_date(ctx, body.withdrawn_on or clock.business_date(ctx),
                                       "customers.consent.future_date", "a withdrawal")
    consent = Consent.from_json(data).withdraw(on, ctx.username, body.reason)
    store.put(ctx, (C360, customer_id), f"CONSENT#{consent_id}", "customer_consent", consent.to_json(), version=version)
    _publish(ctx, customer_id)
    return consent


# --- grade rules --------------------------------------------------------------------------------------


def grade_rules(ctx: TenantContext, store: CustomerFacts | None = None) -> dict[str, Any]:
    found = (store or _store()).get(ctx, ("GRADE_RULES",))
    if found is None:
        return {"rules": g.DEFAULT_RULES.model_dump(mode="json"), "changed_by": None, "changed_at": None,
                "default": True}
    return {**found[0], "default": False}


def rules_in_force(ctx: TenantContext, store: CustomerFacts | None = None) -> g.GradeRules:
    return g.GradeRules.model_validate(grade_rules(ctx, store)["rules"])


def set_grade_rules(ctx: TenantContext, rules: g.GradeRules, store: CustomerFacts | None = None) -> dict[str, Any]:
    """The tenant's scales from the next monthly run on (each run keeps the rules it graded with)."""
    store = store or _store()
    store.put(ctx, ("GRADE_RULES",), "ROOT", "grade_rules",
              {"rules": rules.model_dump(mode="json"), "changed_by": ctx.username, "changed_at": clock.now()})
    return grade_rules(ctx, store)


# --- monthly grading ------------------------------------------------------------------------------------


def last_ended_month(today: date) -> str:
    """The latest month that has ended on ``today`` (this one on its last day, else the previous one)."""
    month = g.month_of(today)
    return month if g.month_end(month) == today else g.months_back(month, 1)


def month_facts(ctx: TenantContext, customer_id: str, contracts: list[Any]) -> g.MonthFacts:
    """The customer's facts as servicing and origination show them now (the run reads at the month end)."""
    figs = [sources.figures(c) for c in contracts]
    active = [f for f in figs if f.status == "active"]
    events: list[date] = [a.created_at.date() for a in sources.applications_of(ctx, customer_id)]
    for f in figs:
        events.append(f.disbursed_on)
        events.extend(date.fromisoformat(r["received_on"]) for r in sources.repayments(ctx, f.contract_id))
    return g.MonthFacts(
        outstanding=sum((f.outstanding_principal for f in active), ZERO),
        paid_contribution=sum((f.paid_interest_and_fees for f in figs), ZERO),
        days_past_due=max((f.days_past_due for f in active), default=0),
        first_disbursed_on=min((f.disbursed_on for f in figs), default=None),
        products_held=len({f.product_code for f in active}),
        event_dates=tuple(sorted(events)),
    )


def _past_months(ctx: TenantContext, customer_id: str, store: CustomerFacts) -> list[dict[str, Any]]:
    return list(store.query(ctx, (C360, customer_id), "GRADE#"))


def overrides_of(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None) -> list[Override]:
    return [Override.from_json(d) for d in (store or _store()).query(ctx, (C360, customer_id), "OVERRIDE#")]


def grade_customer(month: str, rules: g.GradeRules, facts: g.MonthFacts, past: list[dict[str, Any]],
                   overrides: list[Override]) -> dict[str, Any]:
    """One customer's grades for ``month`` (pure): computed scores, and the value grade in force after
    any approved override that applies to the month."""
    history = [g.PastMonth(p["month"], Decimal(p["facts"]["outstanding"]), Decimal(p["facts"]["paid_contribution"]),
                           int(p["facts"]["days_past_due"])) for p in past]
    values = g.dimension_values(month, facts, history)
    value = g.score(rules.value, values)
    activity = g.score(rules.activity, values)
    end = g.month_end(month)
    applying = sorted((o for o in overrides if o.applies_to_month(end) and o.grade in [b.grade for b in rules.value.bands]),
                      key=lambda o: o.decided_at or o.requested_at)
    override = applying[-1] if applying else None
    return {"month": month, "value": value.to_json(), "activity": activity.to_json(),
            "value_grade": override.grade if override else value.grade, "computed_value_grade": value.grade,
            "activity_grade": activity.grade, "override_id": override.override_id if override else None,
            "facts": facts.to_json()}


def run_monthly_grades(ctx: TenantContext, month: str | None = None, *, store: CustomerFacts | None = None,
                       publish: bool = True) -> dict[str, Any]:
    """Grade every customer for a month that has ended, keeping each customer's grade for the month.

    A month already graded answers its run unchanged (history is point-in-time: nothing is
    recomputed); a month before the latest graded one is refused (its facts are gone); a month that
    has not ended is refused."""
    store = store or _store()
    today = clock.business_date(ctx)
    month = month or last_ended_month(today)
    existing = store.get(ctx, ("GRADE_RUN", month))
    if existing is not None:
        return {**existing[0], "rerun": True}
    if g.month_end(month) > today:
        raise RuleViolation("customers.grades.month_not_ended", f"{month} has not ended on the business date",
                            {"month": month, "business_date": today.isoformat()})
    latest = next(iter(store.listing(ctx, ("GRADE_RUN",), limit=1)), None)
    if latest is not None and month < latest["month"]:
        raise RuleViolation("customers.grades.month_before_latest",
                            f"{latest['month']} is graded already; an earlier month cannot be graded now",
                            {"month": month, "latest": latest["month"]})
    rules = rules_in_force(ctx, store)
    contracts = sources.all_contracts_by_customer(ctx)
    value_counts: dict[str, int] = {}
    activity_counts: dict[str, int] = {}
    graded = []
    for customer in sources.all_customers(ctx):
        cid = customer.customer_id
        records = customer_records(ctx, cid, store)
        result = grade_customer(month, rules, month_facts(ctx, cid, contracts.get(cid, [])),
                                records.get("GRADE", []), [Override.from_json(d) for d in records.get("OVERRIDE", [])])
        result.update(customer_id=cid, graded_at=clock.now())
        try:
            store.put(ctx, (C360, cid), f"GRADE#{month}", "customer_grade", result, new_only="customers.grades.exists")
        except Conflict:  # a concurrent run graded this customer first: its grade stands
            pass
        value_counts[result["value_grade"]] = value_counts.get(result["value_grade"], 0) + 1
        activity_counts[result["activity_grade"]] = activity_counts.get(result["activity_grade"], 0) + 1
        graded.append(cid)
    run = {"month": month, "run_at": clock.now(), "by": ctx.username, "customers": len(graded),
           "value_grades": value_counts, "activity_grades": activity_counts, "rules": rules.model_dump(mode="json")}
    try:
        store.put(ctx, ("GRADE_RUN", month), "ROOT", "grade_run", run, list_parts=("GRADE_RUN",), list_sk=month,
                  new_only="customers.grades.run_exists")
    except Conflict:
        return {**store.get(ctx, ("GRADE_RUN", month))[0], "rerun": True}
    if publish:
        for cid in graded:
            _publish(ctx, cid)
    return {**run, "rerun": False}


def grade_runs(ctx: TenantContext, store: CustomerFacts | None = None) -> list[dict[str, Any]]:
    return [{k: v for k, v in r.items() if k != "rules"} for r in (store or _store()).listing(ctx, ("GRADE_RUN",))]


def month_end_grades(ctx: TenantContext, on: date) -> dict[str, Any]:
    """Close of business's ``customer_grades`` step: on a month's last day, grade the month."""
    if g.month_end(g.month_of(on)) != on:
        return {"graded": 0, "month": None}
    try:
        run = run_monthly_grades(ctx, g.month_of(on))
    except RuleViolation as refused:  # a later month was graded already (time travel): nothing to do
        return {"graded": 0, "month": g.month_of(on), "skipped": refused.code}
    return {"graded": run["customers"], "month": run["month"], "rerun": run.get("rerun", False)}


def customer_records(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None) -> dict[str, list]:
    """All of this context's records of a customer in one read, by kind (``GRADE``, ``CONSENT``, …)."""
    return (store or _store()).sections(ctx, (C360, customer_id))


def grades_of(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None,
              records: dict[str, list] | None = None) -> dict[str, Any]:
    """The grades in force and each month's grade.

    The value grade in force starts from the latest graded month (which already holds the overrides
    that applied to it); then approved, unexpired overrides in the order they were approved: an upgrade
    applies at once, a downgrade only once a monthly run for a month ending on or after its approval
    has graded with it."""
    records = records if records is not None else customer_records(ctx, customer_id, store)
    history = sorted(records.get("GRADE", []), key=lambda r: r["month"], reverse=True)
    latest = history[0] if history else None
    today = clock.business_date(ctx)
    overrides = [Override.from_json(d) for d in records.get("OVERRIDE", [])]
    value, activity, source = (latest["value_grade"], latest["activity_grade"], "monthly_run") if latest else (None, None, None)
    graded_through = g.month_end(latest["month"]) if latest else None
    approved = sorted((o for o in overrides if o.status is OverrideStatus.APPROVED and o.expires_on >= today),
                      key=lambda o: o.decided_at or o.requested_at)
    for o in approved:
        if o.in_force_now(today):
            value, source = o.grade, f"override:{o.override_id}"
        elif graded_through is not None and o.decided_on is not None and o.decided_on <= graded_through:
            value, source = latest["value_grade"], "monthly_run"
    return {"value_grade": value, "activity_grade": activity, "source": source,
            "month": latest["month"] if latest else None, "history": history,
            "overrides": [o.to_json() for o in sorted(overrides, key=lambda o: o.requested_at, reverse=True)]}


# --- overrides (four eyes on identity) ---------------------------------------------------------------


OVERRIDE_MAKERS = (Role.TENANT_ADMIN, Role.PRODUCT_MANAGER, Role.LOAN_OFFICER)
OVERRIDE_CHECKERS = (Role.TENANT_ADMIN, Role.PRODUCT_MANAGER)


def request_override(ctx: TenantContext, customer_id: str, body: OverrideIn,
                     store: CustomerFacts | None = None) -> Override:
    """A value grade set by hand with a reason and an expiry, pending a second person's approval."""
    store = store or _store()
    sources.customer(ctx, customer_id)
    rules = rules_in_force(ctx, store)
    names = [b.grade for b in rules.value.bands]
    if body.grade not in names:
        raise FieldInvalid("customers.override", "grade", f"not a value grade; one of {', '.join(names)}")
    today = clock.business_date(ctx)
    if body.expires_on <= today:
        raise FieldInvalid("customers.override", "expires_on", "must be after the business date")
    current = grades_of(ctx, customer_id, store)["value_grade"]
    if current in names:
        diff = rules.value.rank(body.grade) - rules.value.rank(current)
        direction = "upgrade" if diff < 0 else "downgrade" if diff > 0 else "same"
    else:
        direction = "upgrade"
    override = Override(new_id("ovr"), customer_id, body.grade, direction, body.reason, body.expires_on,
                        ctx.user_id, ctx.username, clock.now())
    store.put(ctx, (C360, customer_id), f"OVERRIDE#{override.override_id}", "grade_override", override.to_json(),
              list_parts=("GRADE_OVERRIDE",), list_sk=override.override_id, new_only="customers.override.exists")
    return override


def decide_override(ctx: TenantContext, customer_id: str, override_id: str, action: OverrideAction,
                    note: str | None, store: CustomerFacts | None = None) -> Override:
    """Approve (someone other than the maker), reject or revoke; an approved upgrade applies at once."""
    store = store or _store()
    sources.customer(ctx, customer_id)
    found = store.get(ctx, (C360, customer_id), f"OVERRIDE#{override_id}")
    if found is None:
        raise NotFound("customers.override.not_found", "override not found", {"override_id": override_id})
    data, version = found
    decided = Override.from_json(data).decide(action, ctx.user_id, ctx.username, clock.now(),
                                              clock.business_date(ctx), note)
    store.put(ctx, (C360, customer_id), f"OVERRIDE#{override_id}", "grade_override", decided.to_json(),
              list_parts=("GRADE_OVERRIDE",), list_sk=override_id, version=version)
    if decided.status is OverrideStatus.APPROVED or action is OverrideAction.REVOKE:
        _publish(ctx, customer_id)
    return decided


def pending_overrides(ctx: TenantContext, store: CustomerFacts | None = None) -> list[dict[str, Any]]:
    return [o for o in (store or _store()).listing(ctx, ("GRADE_OVERRIDE",)) if o["status"] == "pending"]


def consent_scopes(ctx: TenantContext, customer_id: str, store: CustomerFacts | None = None,
                   records: dict[str, list] | None = None) -> set[str]:
    given = ([Consent.from_json(d) for d in records.get("CONSENT", [])] if records is not None
             else consents(ctx, customer_id, store))
    return {s.value for c in given if c.status is ConsentStatus.GIVEN for s in c.scopes}


def customer_or_404(ctx: TenantContext, customer_id: str) -> Customer:
    return sources.customer(ctx, customer_id)


