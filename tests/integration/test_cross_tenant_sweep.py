"""A generated cross-tenant sweep: every id-bearing route that subsidiary staff can reach, called by a
sister subsidiary's user holding every staff role with the first subsidiary's real ids, answers 404
and changes nothing.

Given two subsidiaries A and B of one holding group of our own, and in A (through the API) a customer,
applications (a draft with a document, a disbursed loan, a factoring draft with an invoice), a
repayment, an offline repayment, a payment intent, a product whose code only A has, a journal
proposal, ledger entries, a webhook subscription on a loopback receiver with a delivery, a blacklist
entry and a collection action;
when B's user calls each such route of the route table (``ROUTES``), its path filled from A's ids by
parameter name and its body a minimal valid one for the route's model;
then every answer is 404, and every GET of A's objects, as A, answers the same before and after.

The route set is computed from the table, so a new id-bearing route fails this test until it is given
ids here (or a commented exclusion). HQ's routes get the same treatment one level up: another
group's HQ on this group's consolidation run, report, customer and subsidiary.
"""
from __future__ import annotations

import hashlib
import itertools
import json
import re
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Iterator

import pytest

from tests.builders import attach, cognito_user, enterprise, upload_body
from tests.integration.origination.flows import Desk, ok
from tests.integration.risk.conftest import risk_stack, run_to_end  # noqa: F401 — fixture reused
from tests.support import Api

SUBSIDIARY = {"tenant-admin", "product-manager", "loan-officer", "first-reviewer", "second-reviewer", "finance",
              "collector", "viewer"}
PARAM = re.compile(r"{(\w+)}")

# Id-bearing routes subsidiary staff reach that the sweep deliberately leaves out, and why.
EXCLUDED: dict[tuple[str, str], str] = {
    # The "id" is a date of the caller's own calendar: B asking for 2026-11-23 gets B's own close of that
    # day (or 404 if B never closed it). Nothing of A's is named.
    ("GET", "/v1/servicing/end-of-day/{business_date}"): "a date on the caller's own calendar",
    # Account ids are the chart of accounts' codes (``1002`` bank), the same in every tenant: B reading
    # ``/v1/ledger/accounts/1002`` reads B's own bank account. A's entries are swept instead.
    ("GET", "/v1/ledger/accounts/{account_id}"): "chart codes are shared by every tenant",
    ("GET", "/v1/ledger/accounts/{account_id}/entries"): "chart codes are shared by every tenant",
}

# A minimal valid body per request model: enough for validation to pass, so the request reaches the
# lookup of A's object. Checked against the models in ``test_every_body_is_valid_for_its_model``.
VOUCHER = b"%PDF-1.4 sweep voucher"
VALID_BODIES: dict[str, dict[str, Any]] = {
    "ChangeApplication": {"terms": {"principal": "31000.00"}},
    "Withdrawal": {"reason": "customer changed their mind"},
    "ReviewDecision": {"decision": "approve", "note": "fine"},
    "SignContract": {},
    "RequestUpload": upload_body("ID_CARD"),
    "ConfirmInvoice": {"decision": "confirm"},
    "NewDebtorUser": {"username": "debtor-sweep@example.com"},
    "RejectRequest": {"reason": "not ours"},
    "ApprovalRejectIn": {"reason": "not ours"},
    "RolesRequest": {"roles": ["viewer"]},
    "ReverseRequest": {"memo": "reverse it"},
    "PaymentIntentIn": {"amount": "10.00"},
    "SimulateIn": {"outcome": "succeeded"},
    "NewVersionRequest": {},
    "PatchVersionRequest": {"definition": {"name": {"zh-CN": "改名", "en-US": "Renamed"}}},
    "TransitionRequest": {"reason": "sweep"},
    "QuoteTerms": {},
    "DisburseIn": {"reference": "SWEEP-1"},
    "RepaymentIn": {"amount": "10.00"},
    "ReverseIn": {"reason": "sweep"},
    "PrepaymentIn": {},
    "CollectionActionIn": {"type": "call", "note": "sweep"},
    "WriteOffIn": {"reason": "sweep"},
    "RecoveryIn": {"amount": "10.00"},
    "OfflineRepaymentIn": {"amount": "10.00", "voucher": {"file_name": "v.pdf", "content_type": "application/pdf",
                                                          "size": len(VOUCHER),
                                                          "sha256": hashlib.sha256(VOUCHER).hexdigest()}},
    "Acknowledge": {"note": "seen"},
    "TransitionIn": {"action": "freeze", "reason": "sweep"},
    "ReallocationIn": {"amount": "10.00"},
    "ReallocationDecisionIn": {"decision": "approve"},
    # customers (issue 23): evidence, consent, grade overrides
    "EvidenceIn": {"kind": "phone_confirmed", "reference": "sweep"},
    "ConsentIn": {"scopes": ["group_relationships"], "given_on": "2026-01-05", "evidence_kind": "signed_form",
                  "evidence_reference": "sweep"},
    "WithdrawIn": {},
    "OverrideIn": {"grade": "A", "reason": "sweep test", "expires_on": "2099-12-31"},
    "RevokeIn": {"reason": "sweep"},
    "WhitelistIn": {"name": "sweep", "products": ["CONSUMER-INSTALMENT"], "validity_days": 30,
                    "amount": {"kind": "fixed", "amount": "1000.00"}, "eligibility": {"regions": ["99"]}},
    "OverrideDecisionIn": {},
}
# Likewise a valid query string for a query model with a required parameter.
VALID_QUERIES: dict[str, dict[str, str]] = {"DiffQuery": {"from": "1", "to": "2"}}


def staff_id_routes() -> list[Any]:
    """Routes with a path parameter that some subsidiary staff role may call, as this stage serves them."""
    import app  # noqa: F401 — registers every blueprint's routes
    from chalicelib.platform.http import ROUTES

    return [r for r in ROUTES if PARAM.search(r.path) and r.roles and SUBSIDIARY & {x.value for x in r.roles}
            and (r.available is None or r.available())]


def group_id_routes() -> list[Any]:
    import app  # noqa: F401
    from chalicelib.platform.http import ROUTES

    return [r for r in ROUTES if PARAM.search(r.path) and r.roles
            and {"group-admin", "group-risk"} & {x.value for x in r.roles}]


class Receiver:
    """A merchant's endpoint on loopback that acknowledges everything."""

    def __init__(self) -> None:
        self.calls = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — http.server's naming
                self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls += 1
                self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


def key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def drain_webhook_queue(until, timeout_s: float = 20.0) -> None:
    """Poll the delivery queue as Lambda's event source mapping does, until ``until()``."""
    from chalicelib.local.event_source import poll_once
    from chalicelib.payments.tasks import deliver_webhooks
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    sqs, url = aws.client("sqs"), get_settings().webhook_queue_url
    deadline = time.monotonic() + timeout_s
    while not until() and time.monotonic() < deadline:
        poll_once(sqs, url, deliver_webhooks)


@pytest.fixture(scope="module")
def api_client(chalice_app, logins) -> Iterator[Api]:
    from chalice.test import Client

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


@pytest.fixture(scope="module")
def world(api_client, local_env) -> Iterator[dict[str, Any]]:
    """Sister subsidiaries A and B, and A's real objects, made through the API."""
    from chalicelib.local.demo.products import PRODUCTS_DIR, seed_demo_products
    from tests.integration.servicing.holding_group import make_lending_group
    from tests.unit.products.builders import definition_data, product_code

    grp = make_lending_group("ab")
    a, b = grp.sub("a"), grp.sub("b")
    seed_demo_products(PRODUCTS_DIR, tenants={"demo-factoring": a})  # A factors too: invoices to sweep
    desk = Desk(api_client, a)
    receiver = Receiver()
    try:
        admin, finance = desk.as_("tenant-admin"), desk.as_("finance")
        sub = ok(admin.post("/v1/webhook-subscriptions", {"url": receiver.url, "event_types": ["loan.disbursed"]}), 201)

        draft = desk.loan_draft()
        document = attach(desk.officer, draft, "ID_CARD")
        factoring, _debtor = desk.factoring_draft()
        invoice = ok(desk.as_("viewer").get(f"/v1/applications/{factoring}"))["invoices"][0]["id"]

        loan_app = desk.loan_approved()
        desk.signed(loan_app)
        contract = ok(finance.post(f"/v1/applications/{loan_app}/disburse", {}, headers=key()))
        contract_id = contract["id"]
        repayment = ok(finance.post(f"/v1/contracts/{contract_id}/repayments", {"amount": "100.00"},
                                    headers=key()), 201)
        offline = ok(finance.post(f"/v1/contracts/{contract_id}/offline-repayments",
                                  VALID_BODIES["OfflineRepaymentIn"], headers=key()), 201)
        intent = ok(finance.post(f"/v1/contracts/{contract_id}/payment-intents", {"amount": "50.00"},
                                 headers=key()), 201)
        ok(desk.as_("collector").post(f"/v1/contracts/{contract_id}/collection-actions",
                                      {"type": "call", "note": "reminded"}), 201)
        approval = ok(admin.post(f"/v1/contracts/{contract_id}/write-off", {"reason": "sweep"}, headers=key()), 202)
        staff = ok(admin.post("/v1/users", {"username": f"clerk-{a}", "display_name": "Clerk",
                                            "roles": ["viewer"]}), 201)["user"]["id"]

        code = product_code("ONLYA")
        ok(desk.as_("product-manager").post("/v1/products", {"code": code, "kind": "loan",
                                                             "definition": definition_data("loan")}), 201)
        ok(desk.as_("product-manager").post(f"/v1/products/{code}/versions", {}), 201)
        proposal = ok(finance.post("/v1/ledger/journal-proposals", {
            "memo": "audit fee", "lines": [{"account_id": "6602", "side": "debit", "amount": "6.00"},
                                           {"account_id": "1002", "side": "credit", "amount": "6.00"}]},
            headers=key()), 201)
        ledger_entry = repayment.get("entry_id") or ok(finance.get("/v1/ledger/accounts/1002/entries"))["items"][0]["entry_id"]

        blacklisted = desk.customer(enterprise(name="黑名单测试有限公司"))
        blacklist = ok(admin.post("/v1/blacklist", {"reason": "fraud", "customer_id": blacklisted}), 201)

        partner = ok(admin.post("/v1/partner-applications", {"name": "Sweep partner", "scopes": ["quotes:write"]}),
                     201)["application"]["id"]
        # customers (issue 23): a consent, an override and a campaign of A's borrower
        borrower = desk.get(loan_app)["customer"]["id"]
        consent = ok(desk.officer.post(f"/v1/customers/{borrower}/consents", {
            "scopes": ["group_relationships", "group_marketing"], "given_on": "2026-01-05",
            "evidence_kind": "signed_form", "evidence_reference": "sweep"}), 201)
        evidence = ok(desk.officer.post(f"/v1/customers/{borrower}/verification/evidence",
                                        {"kind": "phone_confirmed", "reference": "sweep"}), 201)["evidence"][0]
        override = ok(admin.post(f"/v1/customers/{borrower}/grade-overrides",
                                 {"grade": "B", "reason": "sweep test", "expires_on": "2099-12-31"}), 201)
        campaign = ok(desk.as_("product-manager").post("/v1/campaigns", {
            "name": "sweep", "target_products": ["CONSUMER-INSTALMENT"], "channel": "sms", "valid_from": "2026-01-05",
            "valid_to": "2099-12-31", "eligibility": {"customer_types": ["individual"]}}), 201)
        whitelist = ok(desk.as_("product-manager").post("/v1/whitelists", VALID_BODIES["WhitelistIn"]), 201)
        whitelist_run = ok(desk.as_("product-manager").post(f"/v1/whitelists/{whitelist['whitelist_id']}/runs"), 201)

        drain_webhook_queue(lambda: bool(ok(admin.get("/v1/webhook-deliveries"))["items"]))
        delivery = ok(admin.get("/v1/webhook-deliveries"))["items"][0]["id"]

        today = ok(desk.officer.get("/v1/business-date"))["business_date"]
        facility = ok(desk.officer.post("/v1/facilities", {
            "customer_id": desk.get(draft)["customer"]["id"], "amount": "1000.00", "valid_from": today,
            "valid_to": today}), 201)["facility_id"]

        ids = {
            "facility_id": [facility],
            "application_id": [draft, loan_app, factoring],
            "document_id": [document],
            "invoice_id": [invoice],
            "customer_id": [desk.get(draft)["customer"]["id"]],
            "contract_id": [contract_id],
            "repayment_id": [repayment["id"]],
            "offline_id": [offline["id"]],
            "intent_id": [intent["id"]],
            "code": [code],
            "version": ["1"],
            "proposal_id": [proposal["id"]],
            "subscription_id": [sub["id"]],
            "delivery_id": [delivery],
            "request_id": [approval["id"]],
            "user_id": [staff],
            "consent_id": [consent["consent_id"]],
            "override_id": [override["override_id"]],
            "evidence_id": [evidence["evidence_id"]],
            "campaign_id": [campaign["campaign_id"]],
            "lead_id": [campaign["leads"][0]["lead_id"]],
            "whitelist_id": [whitelist["whitelist_id"]],
            "run_id": [whitelist_run["run_id"]],
        }
        # Two contexts call their own ids ``entry_id``.
        by_prefix = {"/v1/blacklist/": {"entry_id": [blacklist["id"]]},
                     "/v1/ledger/": {"entry_id": [ledger_entry]},
                     "/v1/partner-applications/": {"application_id": [partner]}}
        yield {"a": a, "b": b, "group": grp, "desk": desk, "ids": ids, "by_prefix": by_prefix,
               "a_reader": cognito_user(a, sorted(SUBSIDIARY), prefix="reader"),
               "b_caller": cognito_user(b, sorted(SUBSIDIARY), prefix="sweeper")}
    finally:
        receiver.close()


def values_for(world: dict[str, Any], path: str, name: str) -> list[str]:
    for prefix, table in world["by_prefix"].items():
        if path.startswith(prefix) and name in table:
            return table[name]
    return world["ids"].get(name, [])


def fillings(world: dict[str, Any], path: str, query: Any = None) -> list[str]:
    """Every path the route takes with A's ids (the product of each parameter's candidates), with a
    valid query string where the route's query model requires one."""
    from urllib.parse import urlencode

    names = PARAM.findall(path)
    qs = "?" + urlencode(VALID_QUERIES[query.__name__]) if query is not None and query.__name__ in VALID_QUERIES else ""
    out = []
    for combo in itertools.product(*(values_for(world, path, n) for n in names)):
        filled = path
        for name, value in zip(names, combo):
            filled = filled.replace("{" + name + "}", value)
        out.append(filled + qs)
    return out


_PRESIGNED = re.compile(r"https?://[^\"\s]*X-Amz-[^\"\s]*")


def normalised(body: Any) -> Any:
    """The body with presigned URLs (new signature on every call) blanked."""
    return json.loads(_PRESIGNED.sub("<presigned>", json.dumps(body, sort_keys=True)))


def snapshot(api: Api, world: dict[str, Any]) -> dict[str, Any]:
    """Every GET route of the sweep (and the lists) as A's reader sees them, presigned URLs blanked."""
    reader = api.as_(world["a_reader"])
    admin = world["desk"].as_("tenant-admin")
    seen: dict[str, Any] = {}
    paths = [p for r in staff_id_routes() if r.method == "GET" and (r.method, r.path) not in EXCLUDED
             for p in fillings(world, r.path, r.query)]
    paths += ["/v1/customers", "/v1/applications", "/v1/contracts", "/v1/products", "/v1/blacklist",
              "/v1/offline-repayments", "/v1/ledger/journal-proposals", "/v1/collections"]
    for path in paths:
        r = reader.get(path)
        seen[path] = (r.status, normalised(r.body))
    for path in ("/v1/webhook-subscriptions", "/v1/webhook-deliveries"):
        r = admin.get(path)
        seen[path] = (r.status, r.body)
    return seen


def test_every_body_is_valid_for_its_model():
    models = {r.body for r in staff_id_routes() + group_id_routes() if r.body is not None}
    missing = sorted(m.__name__ for m in models if m.__name__ not in VALID_BODIES)
    assert not missing, f"give these request models a minimal valid body in VALID_BODIES: {missing}"
    for model in models:
        model.model_validate(VALID_BODIES[model.__name__])  # raises if the table is stale
    queries = {r.query for r in staff_id_routes() + group_id_routes() if r.query is not None}
    for query in queries:
        if any(f.is_required() for f in query.model_fields.values()):
            query.model_validate(VALID_QUERIES[query.__name__])


def test_a_sister_subsidiary_with_every_staff_role_gets_404_on_every_id_route_and_changes_nothing(
        world, api_client, http_server):
    routes = [r for r in staff_id_routes() if (r.method, r.path) not in EXCLUDED]
    uncovered = sorted(f"{r.method} {r.path}" for r in routes
                       if not all(values_for(world, r.path, n) for n in PARAM.findall(r.path)))
    assert not uncovered, f"new id-bearing routes: give them A's ids in the sweep, or exclude them: {uncovered}"
    covered = {(r.method, r.path) for r in routes}
    assert covered | set(EXCLUDED) == {(r.method, r.path) for r in staff_id_routes()}

    before = snapshot(api_client, world)
    # A's ids are real: every GET route answers A's own reader 200 for at least one of them.
    unreal = [r.path for r in routes if r.method == "GET"
              and not any(before[p][0] == 200 for p in fillings(world, r.path, r.query))]
    assert not unreal, {p: s for p, (s, _) in before.items() if s != 200}

    token = api_client.as_(world["b_caller"])._token
    answers = []
    for r in routes:
        body = VALID_BODIES[r.body.__name__] if r.body is not None else None
        for path in fillings(world, r.path, r.query):
            got = http_server.request(r.method, path, token=token, body=body, headers=key())
            answers.append((r.method, path, got.status, (got.body or {}).get("error", {}).get("code")
                            if isinstance(got.body, dict) else got.body))
    # 404 for A's object, not for the route: the simulator (local stage) is a route here.
    leaks = [a for a in answers if a[2] != 404 or a[3] == "request.route.not_found"]
    assert not leaks, leaks
    assert len(answers) >= len(routes)

    after = snapshot(api_client, world)
    changed = sorted(p for p in before if before[p] != after[p])
    assert not changed, changed


# HQ routes with an id that another group's HQ could aim at this group's objects.
GROUP_EXCLUDED: dict[tuple[str, str], str] = {}


@pytest.fixture(scope="module")
def hq_world(world, risk_stack, api_client) -> dict[str, Any]:  # noqa: F811 — risk_stack is a fixture
    """A consolidation of the sweep's group (A's disbursed loan in it), with a limit low enough to warn."""
    grp = world["group"]
    hq = api_client.as_(grp.risk_user)
    ok(hq.put("/v1/group/limits", {"net_capital": "5000000", "single_customer": {"amount": "1000"}}))
    run = run_to_end(api_client, grp.risk_user)
    assert run["status"] == "SUCCEEDED", run
    warning = ok(hq.get("/v1/group/warnings?status=open"))["items"][0]["warning_id"]
    customer = ok(hq.get("/v1/group/exposures"))["items"][0]
    hq_staff = ok(api_client.as_(f"group-admin@{grp.group_id}").post("/v1/users", {
        "username": f"analyst-{grp.group_id}", "display_name": "Analyst", "roles": ["group-risk"]}), 201)["user"]["id"]
    granted = ok(hq.post("/v1/group/facilities", {"label": "sweep", "subjects": [customer["identity_hash"]],
                                                  "amount": "1000.00", "allocations": {grp.sub("a"): "600.00"}}), 201)
    gid = granted["group_facility_id"]
    realloc = ok(hq.post(f"/v1/group/facilities/{gid}/reallocations", {"amount": "100.00",
                                                                       "to_subsidiary": grp.sub("a")}), 201)
    ids = {"run_id": [run["run_id"]], "name": sorted(run["reports"]), "warning_id": [warning],
           "group_facility_id": [gid], "reallocation_id": [realloc["reallocation_id"]],
           "key": [customer["identity_hash"]],
           "tenant_id": [grp.sub("a"), grp.group_id], "user_id": [hq_staff],
           "identity_hash": [customer["identity_hash"]],  # customers (issue 23): the group's relationship view
           "campaign_id": [ok(api_client.as_(f"group-admin@{grp.group_id}").post("/v1/group/campaigns", {
               "name": "sweep", "target_products": ["CONSUMER-INSTALMENT"], "channel": "sms",
               "valid_from": "2026-01-05", "valid_to": "2099-12-31",
               "eligibility": {"requires_consent": ["group_marketing"]}}), 201)["campaign_id"]]}
    # This group's own HQ reads everything before and after (both HQ roles: the users pages are the admin's).
    return {"ids": ids, "by_prefix": {}, "hq": cognito_user(grp.group_id, ["group-admin", "group-risk"], prefix="hq-reader"),
            "other_hq": cognito_user("demo-group", ["group-admin", "group-risk"], prefix="other-hq")}


def test_another_groups_hq_gets_404_on_this_groups_runs_reports_warnings_customers_and_tenants(
        hq_world, api_client, http_server):
    import app  # noqa: F401
    from chalicelib.platform.http import ROUTES

    routes = [r for r in ROUTES if PARAM.search(r.path) and r.roles and (r.method, r.path) not in GROUP_EXCLUDED
              and {"group-admin", "group-risk"} & {x.value for x in r.roles}]
    uncovered = sorted(f"{r.method} {r.path}" for r in routes
                       if not all(values_for(hq_world, r.path, n) for n in PARAM.findall(r.path)))
    assert not uncovered, f"new id-bearing HQ routes: give them the group's ids in the sweep: {uncovered}"
    hq = api_client.as_(hq_world["hq"])
    gets = {p: hq.get(p) for r in routes if r.method == "GET" for p in fillings(hq_world, r.path, r.query)}
    assert all(res.status == 200 for res in gets.values()), {p: (r.status, r.body) for p, r in gets.items()}

    token = api_client.as_(hq_world["other_hq"])._token
    answers = []
    for r in routes:
        body = VALID_BODIES[r.body.__name__] if r.body is not None else None
        for path in fillings(hq_world, r.path, r.query):
            got = http_server.request(r.method, path, token=token, body=body, headers=key())
            answers.append((r.method, path, got.status, got.code))
    leaks = [a for a in answers if a[2] != 404 or a[3] == "request.route.not_found"]
    assert not leaks, leaks
    after = {p: hq.get(p) for p in gets}
    assert {p: (r.status, normalised(r.body)) for p, r in after.items()} == {
        p: (r.status, normalised(r.body)) for p, r in gets.items()}
