"""The domain's side effects, end to end on the embedded AWS: group limit holds placed at the final
approval and voided or posted after it, the exposure projection's customer fields, merchant webhook
events (each once), and the bank transfers in the day's clearing.

All of it on a group of our own (``holding_group.make_lending_group``): its limits and its books' dates
are this module's to set.
"""
from __future__ import annotations

import threading
from datetime import date, timedelta
from decimal import Decimal

import pytest

from tests.builders import LOAN_PRODUCT, adult_individual, cognito_user, loan_application, put_presigned
from tests.integration.origination.conftest import staff_context
from tests.integration.origination.flows import Desk, ok
from tests.integration.servicing.flows import key
from tests.integration.servicing.holding_group import make_lending_group
from chalicelib.shared import clock
from tests.support import TEST_BUSINESS_DATE

LIMIT = Decimal("50000.00")
DECLINED = "origination.application.group_limit_declined"
ALL_EVENTS = ["application.approved", "contract.signed", "loan.disbursed", "repayment.received",
              "instalment.overdue", "contract.settled"]


@pytest.fixture(scope="module")
def client(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as c:
        yield Api(c, logins)


@pytest.fixture(scope="module")
def grp(client):
    g = make_lending_group("abc")
    limits = client.as_(g.risk_user).call("PUT", "/v1/group/limits", {"single_customer": {"amount": str(LIMIT)}})
    assert limits.status == 200, limits.body
    subscriptions = []
    for letter in "ac":  # b subscribes to nothing
        admin = client.as_(f"tenant-admin@{g.sub(letter)}")
        sub = ok(admin.post("/v1/webhook-subscriptions", {"url": "http://127.0.0.1:9/hooks",
                                                          "event_types": ALL_EVENTS}), 201)
        subscriptions.append((admin, sub["id"]))
    yield g
    for admin, sub_id in subscriptions:  # what is still queued for them then fails without sending
        admin.call("DELETE", f"/v1/webhook-subscriptions/{sub_id}")


@pytest.fixture(scope="module")
def desks(grp, client):
    return {letter: Desk(client, grp.sub(letter)) for letter in "abc"}


# --- helpers -------------------------------------------------------------------------------------------


def identity_hash(person: dict, group_id: str) -> str:
    from chalicelib.platform.settings import identity_hash_key
    from chalicelib.shared.identity import IdentityType, keyed_hash

    return keyed_hash(identity_hash_key(group_id), IdentityType(person["identity_type"]), person["identity_number"])


def _figures(text: str) -> set[str]:
    """The amounts and the limit vocabulary a text mentions."""
    import re

    return set(re.findall(r"\d+\.\d{2}|headroom|group_limit|exposure", text))


def risk_checked(desk: Desk, customer_id: str, **over) -> str:
    app_id = ok(desk.officer.post("/v1/applications", loan_application(customer_id, **over)), 201)["id"]
    assert desk.submitted(app_id, LOAN_PRODUCT)["status"] == "risk_checked"
    return app_id


def approve(tenant: str, app_id: str, reviewer: str = "first-reviewer", **kw):
    from chalicelib.origination.applications import service
    from chalicelib.origination.applications.domain import Decision

    ctx = staff_context(tenant, "first-reviewer", f"{reviewer}@{tenant}")
    return service.first_review(ctx, app_id, Decision.APPROVE, None, **kw)


def hold(grp, tenant: str, app_id: str):
    """The group limit hold of an application, as the group's partition holds it (or None)."""
    from chalicelib.platform.dynamo import bound
    from chalicelib.risk.contexts import group_context
    from chalicelib.risk.reservation import HoldRecord, _hold_pk

    model = bound(HoldRecord, group_context(grp.group_id))
    try:
        return model.get(_hold_pk(grp.group_id, tenant, app_id), "ROOT", consistent_read=True)
    except model.DoesNotExist:
        return None


def headroom(grp, person: dict) -> Decimal:
    from chalicelib.platform import keys
    from chalicelib.platform.dynamo import bound
    from chalicelib.risk.contexts import group_context
    from chalicelib.risk.reservation import LimitAccountRecord

    model = bound(LimitAccountRecord, group_context(grp.group_id))
    pk = keys.partition(grp.group_id, "GROUP_LIMIT", "customer", identity_hash(person, grp.group_id))
    return model.get(pk, "ACCOUNT", consistent_read=True).headroom


def deliveries(desk: Desk, event_type: str, source_id: str) -> list[dict]:
    """The tenant's deliveries of one event (one subscription each here), read through the API."""
    from chalicelib.payments.webhooks_out import _digest

    event_id = "evt_" + _digest(desk.tenant, event_type, source_id)
    found, cursor = [], None
    while True:
        page = ok(desk.as_("tenant-admin").get("/v1/webhook-deliveries?limit=200" + (f"&next={cursor}" if cursor
                                                                                      else "")))
        found += [d for d in page["items"] if d["event_id"] == event_id]
        cursor = page.get("next")
        if not cursor:
            return found


def payload(desk: Desk, delivery: dict) -> dict:
    import json

    return json.loads(ok(desk.as_("tenant-admin").get(f"/v1/webhook-deliveries/{delivery['id']}"))["payload"])


def race(*calls):
    barrier, results = threading.Barrier(len(calls)), [None] * len(calls)

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
        t.join(60)
    return results


class Interleaved:
    """The real application repository, except that someone else's decision lands just before our commit."""

    def __init__(self, meanwhile):
        from chalicelib.origination import wiring

        self.real, self.meanwhile = wiring.applications(), meanwhile

    def __getattr__(self, name):
        return getattr(self.real, name)

    def commit(self, ctx, app, **kw):
        if self.meanwhile is not None:
            meanwhile, self.meanwhile = self.meanwhile, None
            meanwhile()
        return self.real.commit(ctx, app, **kw)


def sign_and_disburse(desk: Desk, app_id: str) -> dict:
    desk.signed(app_id)
    return ok(desk.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))


# --- holds at approval ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def shared_customer(desks, grp):
    """One person, a customer of both a and b; guaranteed by another customer of a."""
    a, b = desks["a"], desks["b"]
    guarantor = a.customer(adult_individual(name="李大山"))
    person = adult_individual(name="王小明")
    at_a = a.customer({**person, "related_parties": [{"relation": "guarantor", "customer_id": guarantor}]})
    at_b = b.customer(person)
    return person, at_a, at_b


@pytest.fixture(scope="module")
def raced(desks, grp, shared_customer):
    """Sisters a and b each approve 30,000 for the same person, at the same instant, against 50,000."""
    person, at_a, at_b = shared_customer
    apps = {"a": risk_checked(desks["a"], at_a), "b": risk_checked(desks["b"], at_b)}
    results = dict(zip("ab", race(lambda: approve(grp.sub("a"), apps["a"]),
                                  lambda: approve(grp.sub("b"), apps["b"]))))
    return person, apps, results


def test_the_final_approval_holds_the_group_limit_and_a_sister_racing_for_the_last_headroom_is_declined(
        desks, grp, raced):
    from chalicelib.shared.errors import Conflict

    person, apps, results = raced
    winners = [k for k, r in results.items() if not isinstance(r, Exception)]
    losers = [k for k, r in results.items() if isinstance(r, Conflict) and r.code == DECLINED]
    assert len(winners) == 1 and len(losers) == 1, results
    win, lose = winners[0], losers[0]
    assert results[win].status.value == "approved"
    assert (hold(grp, grp.sub(win), apps[win]).status, hold(grp, grp.sub(win), apps[win]).amount) == (
        "pending", Decimal("30000.00"))
    assert headroom(grp, person) == LIMIT - Decimal("30000.00")
    # The loser's application is as it was; asking again answers 409 with nothing numeric about the
    # group: only its own application's amount, no headroom, limit or exposure
    assert desks[lose].get(apps[lose])["status"] == "risk_checked"
    again = desks[lose].review(apps[lose], "first")
    assert (again.status, again.code) == (409, DECLINED)
    assert again.body["error"]["details"] == {"application_id": apps[lose], "amount": "30000.00", "currency": "CNY"}
    assert not {"20000.00", "50000.00", "30000.00"} & _figures(again.body["error"]["message"])
    seen = desks[lose].get(apps[lose])  # nor in what the subsidiary reads back of its application
    assert not {"20000.00", "50000.00", "headroom", "group_limit"} & _figures(str(seen))
    assert desks[lose].get(apps[lose])["status"] == "risk_checked"
    assert hold(grp, grp.sub(lose), apps[lose]).status == "declined"


def test_approved_is_announced_once_and_only_to_the_subscribed_tenant(desks, grp, raced):
    _, apps, results = raced
    win = next(k for k, r in results.items() if not isinstance(r, Exception))
    if win == "a":
        [delivery] = deliveries(desks["a"], "application.approved", apps["a"])
        data = payload(desks["a"], delivery)["data"]
        assert (data["application_id"], data["amount"], data["currency"]) == (apps["a"], "30000.00", "CNY")
        assert "王小明" not in str(data) and "identity" not in str(data)
    assert deliveries(desks["b"], "application.approved", apps["b"]) == []  # b subscribes to nothing


def test_a_racing_double_approval_of_one_application_holds_once(desks, grp):
    from chalicelib.shared.errors import Conflict

    a, person = desks["a"], adult_individual()
    app_id = risk_checked(a, a.customer(person))
    store = Interleaved(lambda: approve(grp.sub("a"), app_id, "other-reviewer"))
    with pytest.raises(Conflict):  # the other reviewer's approval landed first
        approve(grp.sub("a"), app_id, store=store)
    assert a.get(app_id)["status"] == "approved"
    assert hold(grp, grp.sub("a"), app_id).status == "pending"  # theirs: not voided by our failure
    assert headroom(grp, person) == LIMIT - Decimal("30000.00")  # held once
    assert len(deliveries(a, "application.approved", app_id)) == 1


def test_a_rejection_landing_before_the_approval_commits_leaves_no_hold(desks, grp):
    from chalicelib.origination.applications import service
    from chalicelib.origination.applications.domain import Decision
    from chalicelib.shared.errors import Conflict

    a, person = desks["a"], adult_individual()
    app_id = risk_checked(a, a.customer(person))
    reviewer = staff_context(grp.sub("a"), "first-reviewer", f"strict-reviewer@{grp.sub('a')}")
    store = Interleaved(lambda: service.first_review(reviewer, app_id, Decision.REJECT, "income not verified"))
    with pytest.raises(Conflict):
        approve(grp.sub("a"), app_id, store=store)
    assert a.get(app_id)["status"] == "rejected"
    assert hold(grp, grp.sub("a"), app_id).status == "voided"
    assert headroom(grp, person) == LIMIT
    assert deliveries(a, "application.approved", app_id) == []


def test_a_subsidiary_without_a_group_approves_as_before(desks, grp):
    from dataclasses import replace

    a = desks["a"]
    app_id = risk_checked(a, a.customer(adult_individual()))
    ctx = replace(staff_context(grp.sub("a"), "first-reviewer"), group_id=None)
    from chalicelib.origination.applications import service
    from chalicelib.origination.applications.domain import Decision

    assert service.first_review(ctx, app_id, Decision.APPROVE, None).status.value == "approved"
    assert hold(grp, grp.sub("a"), app_id) is None


# --- disbursement: the hold posted, the exposure, the transfer in clearing, the events ----------------------


@pytest.fixture(scope="module")
def disbursed(desks, grp, raced):
    """The winner of the race, signed and disbursed (its tenant's books stay on today's date)."""
    _, apps, results = raced
    win = next(k for k, r in results.items() if not isinstance(r, Exception))
    if win != "a":  # a is the subscribed tenant: disburse there, for a customer with headroom left
        person = adult_individual(name="王小明")
        apps = {**apps, "a": risk_checked(desks["a"], desks["a"].customer(person))}
        approve(grp.sub("a"), apps["a"])
    return apps["a"], sign_and_disburse(desks["a"], apps["a"])


def test_disbursement_posts_the_hold_and_is_announced_once(desks, grp, disbursed):
    a = desks["a"]
    app_id, made = disbursed
    posted = hold(grp, grp.sub("a"), app_id)
    assert (posted.status, posted.posted_amount) == ("posted", Decimal("30000.00"))
    again = ok(a.as_("finance").post(f"/v1/applications/{app_id}/disburse", {}, headers=key()))
    assert again["id"] == made["id"]
    [signed] = deliveries(a, "contract.signed", made["id"])
    [paid] = deliveries(a, "loan.disbursed", made["id"])
    data = payload(a, paid)["data"]
    assert (data["contract_id"], data["application_id"], data["principal"], data["paid_out"]) == (
        made["id"], app_id, "30000.00", "30000.00")
    assert payload(a, signed)["data"]["contract_id"] == made["id"]


def test_the_projected_exposure_carries_the_customer_as_declared_and_masked(desks, grp, disbursed,
                                                                            shared_customer):
    from chalicelib.risk.store import DynamoExposureSource

    person = shared_customer[0]
    _, made = disbursed
    ctx = staff_context(grp.sub("a"), "finance")
    [exposure] = [e for e in DynamoExposureSource().extract(ctx, clock.business_date(ctx))
                  if e.contract_id == made["id"]]
    assert (exposure.customer_type, exposure.customer_label, exposure.region, exposure.industry) == (
        "individual", "王*明", "310000", None)
    assert exposure.classification is None  # HQ classifies
    assert exposure.outstanding_principal == Decimal("30000.00")
    if exposure.customer_hash == identity_hash(person, grp.group_id):  # the race's winner was a's customer
        assert [(p.relation.value, len(p.identity_hash)) for p in exposure.related_parties] == [("guarantor", 64)]
    assert person["identity_number"] not in repr(exposure)


def test_the_disbursement_and_a_confirmed_offline_repayment_are_in_the_day_s_clearing(desks, grp, disbursed):
    import hashlib

    from chalicelib.payments import wiring

    a = desks["a"]
    _, made = disbursed
    body = b"%PDF-1.4 bank voucher " + b"v" * 40
    recorded = ok(a.as_("finance").post(f"/v1/contracts/{made['id']}/offline-repayments", {
        "amount": "250.00", "reference": "BANK-9", "voucher": {
            "file_name": "voucher.pdf", "content_type": "application/pdf", "size": len(body),
            "sha256": hashlib.sha256(body).hexdigest()}}, headers=key()), 201)
    assert put_presigned(recorded["upload"], body) == 200
    checker = cognito_user(grp.sub("a"), ["finance"], prefix="checker")
    confirm = f"/v1/offline-repayments/{recorded['id']}/confirm"
    confirmed = ok(a.api.as_(checker).post(confirm))
    assert confirmed["status"] == "confirmed"
    ok(a.api.as_(checker).post(confirm))  # confirming again registers (and announces) nothing more
    [received] = deliveries(a, "repayment.received", f"repayment:{confirmed['repayment_id']}")
    data = payload(a, received)["data"]
    assert (data["channel"], data["amount"], data["contract_id"]) == ("offline", "250.00", made["id"])

    ctx = staff_context(grp.sub("a"), "finance")
    today = clock.business_date(ctx)
    records = {r["source"]: r for r in wiring.payments_store().clearing_records(ctx, today)}
    out, into = records[f"disbursement:{made['id']}"], records[f"offline:{recorded['id']}"]
    assert (out["channel"], out["direction"], out["amount"], out["counterparty"]) == (
        "bank_transfer", "out", "30000.00", "王*明")
    assert (into["channel"], into["direction"], into["amount"]) == ("bank_transfer", "in", "250.00")
    report = ok(a.as_("finance").get(f"/v1/clearing/reports?date={today.isoformat()}"))
    assert report["records"] == len(records)
    assert sum(Decimal(p["net"]) for p in report["positions"]) == sum(
        Decimal(r["amount"]) * (1 if r["direction"] == "in" else -1) for r in records.values())
    recon = ok(a.as_("finance").get(f"/v1/clearing/reconciliation?date={today.isoformat()}"))
    assert not [m for m in recon["mismatches"] if m["source"] in records], recon["mismatches"]


# --- end of day: expiry voids, overdue once per instalment, settled once ----------------------------------


def eod(desk: Desk, on: date) -> dict:
    """Close ``on``, moving the tenant's business date there first (which closes the days before it)."""
    admin = desk.as_("tenant-admin")
    if ok(admin.get("/v1/business-date"))["business_date"] < on.isoformat():
        ok(admin.put("/v1/business-date", {"business_date": on.isoformat()}))
    return ok(desk.as_("finance").post("/v1/servicing/end-of-day", {"date": on.isoformat()}))


def test_end_of_day_expires_and_voids_announces_overdue_once_and_a_full_repayment_settles_once(desks, grp):
    c = desks["c"]
    borrower, waiting = adult_individual(), adult_individual()
    loan_app = risk_checked(c, c.customer(borrower), principal="3000.00", term=3)
    approve(grp.sub("c"), loan_app)
    made = sign_and_disburse(c, loan_app)
    stale = risk_checked(c, c.customer(waiting))
    approve(grp.sub("c"), stale)  # approved, never signed
    assert hold(grp, grp.sub("c"), stale).status == "pending"
    schedule = ok(c.as_("viewer").get(f"/v1/contracts/{made['id']}"))["schedule"]
    first, last = (date.fromisoformat(schedule[i]["due_on"]) for i in (0, 2))

    eod(c, first + timedelta(days=4))  # past the 3 days' tolerance, and the 7 days' signing window
    closed = [TEST_BUSINESS_DATE + timedelta(days=n) for n in range((first - TEST_BUSINESS_DATE).days + 5)]
    runs = [ok(c.as_("finance").get(f"/v1/servicing/end-of-day/{d.isoformat()}")) for d in closed]
    assert [r["business_date"] for r in runs if stale in r["expired_applications"]] != []  # expired by one close
    assert sum(r["expired_applications"].count(stale) for r in runs) == 1
    assert c.get(stale)["status"] == "expired"
    assert hold(grp, grp.sub("c"), stale).status == "voided"
    assert headroom(grp, waiting) == LIMIT
    [overdue] = deliveries(c, "instalment.overdue", f"{made['id']}:1")
    data = payload(c, overdue)["data"]
    assert (data["contract_id"], data["instalment_seq"], data["due_on"]) == (made["id"], 1, first.isoformat())
    assert Decimal(data["outstanding"]) > 0

    eod(c, first + timedelta(days=4))  # re-running the date
    eod(c, first + timedelta(days=5))  # and the next: still overdue, not newly
    eod(c, last)
    assert len(deliveries(c, "instalment.overdue", f"{made['id']}:1")) == 1
    assert len(deliveries(c, "instalment.overdue", f"{made['id']}:2")) == 1
    assert deliveries(c, "instalment.overdue", f"{made['id']}:3") == []  # due today: not overdue yet

    owed = ok(c.as_("viewer").get(f"/v1/contracts/{made['id']}"))["outstanding"]
    headers = key()
    for _ in range(2):  # the same repayment, retried
        ok(c.as_("finance").post(f"/v1/contracts/{made['id']}/repayments",
                                 {"amount": owed, "received_on": last.isoformat()}, headers=headers), 201)
    assert ok(c.as_("viewer").get(f"/v1/contracts/{made['id']}"))["status"] == "closed"
    [settled] = deliveries(c, "contract.settled", made["id"])
    # received on the closed date, booked on the next: the books settle the contract there
    assert payload(c, settled)["data"]["settled_on"] == (last + timedelta(days=1)).isoformat()
    assert hold(grp, grp.sub("c"), loan_app).status == "posted"
