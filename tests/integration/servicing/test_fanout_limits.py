"""Limits on what a tenant can make grow without bound: webhook subscriptions (each event fans out
to every one), collection actions per contract and business day (read whole with the contract), and
consolidation runs HQ starts per hour (each extracts every subsidiary's book). At the limit the
answer is a stable 409 or 429 and nothing is created. On a group of our own."""
from __future__ import annotations

from datetime import timedelta

import pytest

from tests.integration.origination.flows import Desk, ok
from tests.integration.servicing.flows import disbursed_loan
from tests.integration.servicing.holding_group import make_lending_group


@pytest.fixture(scope="module")
def client(chalice_app, logins, servicing_routes):
    from chalice.test import Client

    from chalicelib.payments import api as payments_api
    from chalicelib.risk import api as risk_api
    from tests.support import Api

    if "/v1/webhook-subscriptions" not in chalice_app.routes:
        chalice_app.register_blueprint(payments_api.api.blueprint)
    if "/v1/group/consolidations" not in chalice_app.routes:
        chalice_app.register_blueprint(risk_api.api.blueprint)
    with Client(chalice_app, stage_name="local") as c:
        yield Api(c, logins)


@pytest.fixture(scope="module")
def grp():
    return make_lending_group("a")


def test_a_tenant_keeps_a_bounded_number_of_webhook_subscriptions(client, grp):
    from chalicelib.payments.domain import MAX_SUBSCRIPTIONS

    admin = client.as_(f"tenant-admin@{grp.sub('a')}")
    body = {"url": "http://127.0.0.1:9/hooks", "event_types": ["loan.disbursed"]}
    made = [ok(admin.post("/v1/webhook-subscriptions", body), 201)["id"] for _ in range(MAX_SUBSCRIPTIONS)]
    refused = admin.post("/v1/webhook-subscriptions", body)
    assert (refused.status, refused.code) == (409, "payments.subscription.limit")
    listed = ok(admin.get("/v1/webhook-subscriptions?limit=200"))["items"]
    assert len(listed) == MAX_SUBSCRIPTIONS
    admin.call("DELETE", f"/v1/webhook-subscriptions/{made[0]}")  # one deleted makes room for one
    assert admin.post("/v1/webhook-subscriptions", body).status == 201


def test_collection_actions_on_one_contract_are_bounded_per_business_day(client, grp, demo_products):
    from chalicelib.servicing.service import MAX_COLLECTION_ACTIONS_PER_DAY

    desk = Desk(client, grp.sub("a"))
    contract_id = disbursed_loan(desk)["id"]
    collector = desk.as_("collector")
    path = f"/v1/contracts/{contract_id}/collection-actions"
    for n in range(MAX_COLLECTION_ACTIONS_PER_DAY):
        ok(collector.post(path, {"type": "call", "note": f"call {n}"}), 201)
    refused = collector.post(path, {"type": "call", "note": "one more"})
    assert (refused.status, refused.code) == (409, "servicing.collection.limit")
    actions = ok(collector.get(path))["items"]
    assert len(actions) == MAX_COLLECTION_ACTIONS_PER_DAY
    assert {a["business_date"] for a in actions} == {ok(collector.get("/v1/business-date"))["business_date"]}


def test_hq_starts_a_bounded_number_of_consolidation_runs_an_hour(client, grp):
    from chalicelib.risk import wiring
    from chalicelib.risk.contexts import group_context
    from chalicelib.risk.service import MAX_RUNS_PER_HOUR
    from chalicelib.shared import clock
    from tests.support import TEST_BUSINESS_DATE

    hq, store = group_context(grp.group_id), wiring.group_store()
    now = clock.now()
    # The hour's runs, as the API records them (the machine itself is not what this is about)...
    for n in range(MAX_RUNS_PER_HOUR):
        store.create_run(hq, f"csr_limit{n:03d}", TEST_BUSINESS_DATE, {
            "run_id": f"csr_limit{n:03d}", "group_id": grp.group_id, "as_of": TEST_BUSINESS_DATE.isoformat(),
            "status": "SUCCEEDED", "trigger": "api", "requested_by": "test",
            "created_at": (now - timedelta(minutes=50) + timedelta(seconds=n)).isoformat(timespec="milliseconds")})
    risk = client.as_(grp.risk_user)
    before = len(ok(risk.get("/v1/group/consolidations?limit=200"))["items"])
    refused = risk.post("/v1/group/consolidations", {"as_of": TEST_BUSINESS_DATE.isoformat()})
    assert (refused.status, refused.code) == (429, "risk.consolidation.rate_limited")
    assert 0 < refused.body["error"]["details"]["retry_after_s"] <= 600
    assert len(ok(risk.get("/v1/group/consolidations?limit=200"))["items"]) == before
