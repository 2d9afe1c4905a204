"""Partner applications and machine clients, through the real local HTTP server and its token endpoint."""
from __future__ import annotations

from datetime import datetime, timezone

import jwt
import pytest

from chalicelib.shared import clock
from tests.builders import individual
from tests.partner_support import access_token, register, token_request

pytestmark = pytest.mark.http

LOAN_QUOTE = {"kind": "loan", "principal": "120000.00", "annual_rate": "0.0435", "term": 12, "frequency": "monthly",
              "amortization": "annuity", "day_count": None, "start_date": "2026-12-01", "rounding": "HALF_EVEN"}


@pytest.fixture(scope="module")
def quoting_partner(api_module):
    return register(api_module, "Quote-only partner", ["quotes:write"])


@pytest.fixture(scope="module")
def api_module(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


def test_a_registered_application_gets_a_secret_once_and_its_registration_is_recorded(api_module, http_server):
    creds = register(api_module, "Registered once", ["quotes:write", "applications:read"])
    admin = api_module.as_("tenant-admin@demo-lending")
    got = admin.get(f"/v1/partner-applications/{creds.application_id}")
    assert got.status == 200 and got.body["status"] == "active" and got.body["client_id"] == creds.client_id
    assert creds.client_secret not in str(got.body) and "client_secret" not in got.body
    listed = admin.get("/v1/partner-applications?limit=100")
    assert creds.application_id in [a["id"] for a in listed.body["items"]]
    changes = admin.get(f"/v1/partner-applications/{creds.application_id}/changes").body["items"]
    assert [(c["action"], c["actor"]["username"], c["before"]) for c in changes] == [
        ("register", "tenant-admin@demo-lending", None)]
    assert changes[0]["after"]["scopes"] == ["quotes:write", "applications:read"]


def test_the_token_endpoint_issues_cognitos_access_token_and_the_api_takes_the_tenant_from_the_registry(
        quoting_partner, http_server):
    token = access_token(http_server.url, quoting_partner)
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["client_id"] == quoting_partner.client_id and claims["scope"] == "jinkong/quotes:write"
    r = http_server.request("POST", "/v1/quotes", token=token, body=LOAN_QUOTE)
    assert r.status == 200 and r.body["totals"]["principal"] == "120000.00"


def test_a_wrong_secret_or_an_unallowed_scope_gets_no_token(quoting_partner, http_server):
    assert token_request(http_server.url, quoting_partner.client_id, "wrong")[0] == 401
    status, body = token_request(http_server.url, quoting_partner.client_id, quoting_partner.client_secret,
                                 ["customers:write"])
    assert (status, body) == (400, {"error": "invalid_scope"})


def test_a_machine_token_on_a_staff_only_route_is_403(quoting_partner, http_server):
    token = access_token(http_server.url, quoting_partner)
    r = http_server.request("GET", "/v1/tenants/me", token=token)
    assert (r.status, r.code) == (403, "auth.client.forbidden")


def test_a_missing_scope_is_403_naming_it_and_registers_nothing(api_module, quoting_partner, http_server):
    token = access_token(http_server.url, quoting_partner)
    officer = api_module.as_("loan-officer@demo-lending")
    before = officer.get("/v1/customers?limit=100").body["items"]
    r = http_server.request("POST", "/v1/customers", token=token, body=individual())
    assert (r.status, r.code, r.body["error"]["details"]["scope"]) == (403, "auth.scope.missing", "customers:write")
    assert officer.get("/v1/customers?limit=100").body["items"] == before


def test_a_machine_client_acts_in_its_own_tenant_only(api_module, http_server):
    creds = register(api_module, "Customer registrar", ["customers:write"])
    token = access_token(http_server.url, creds)
    made = http_server.request("POST", "/v1/customers", token=token, body=individual(),
                               headers={"X-Tenant-Id": "demo-leasing"})
    assert made.status == 201, made.body
    customer_id = made.body["id"]
    assert api_module.as_("loan-officer@demo-lending").get(f"/v1/customers/{customer_id}").status == 200
    assert api_module.as_("loan-officer@demo-leasing").get(f"/v1/customers/{customer_id}").status == 404


def test_a_revoked_clients_unexpired_token_is_401_and_revoking_again_is_409(api_module, http_server):
    creds = register(api_module, "Revoked soon", ["quotes:write"])
    token = access_token(http_server.url, creds)
    admin = api_module.as_("tenant-admin@demo-lending")
    assert admin.post(f"/v1/partner-applications/{creds.application_id}/revoke").body["status"] == "revoked"
    r = http_server.request("POST", "/v1/quotes", token=token, body=LOAN_QUOTE)
    assert (r.status, r.code) == (401, "auth.client.revoked")
    again = admin.post(f"/v1/partner-applications/{creds.application_id}/revoke")
    assert (again.status, again.code, again.body["error"]["details"]["allowed"]) == (
        409, "partners.application.illegal_transition", [])
    assert token_request(http_server.url, creds.client_id, creds.client_secret)[0] == 401  # the client is gone


def test_rotation_issues_a_new_pair_and_refuses_the_old_one(api_module, http_server):
    creds = register(api_module, "Rotated", ["quotes:write"])
    old_token = access_token(http_server.url, creds)
    rotated = api_module.as_("tenant-admin@demo-lending").post(f"/v1/partner-applications/{creds.application_id}/rotate")
    assert rotated.status == 200 and rotated.body["client_id"] != creds.client_id
    assert http_server.request("POST", "/v1/quotes", token=old_token, body=LOAN_QUOTE).status == 401
    new = type(creds)(creds.application_id, rotated.body["client_id"], rotated.body["client_secret"])
    assert http_server.request("POST", "/v1/quotes", token=access_token(http_server.url, new), body=LOAN_QUOTE).status == 200
    changes = api_module.as_("tenant-admin@demo-lending").get(
        f"/v1/partner-applications/{creds.application_id}/changes").body["items"]
    assert [c["action"] for c in changes] == ["rotate", "register"]
    assert (changes[0]["before"]["client_id"], changes[0]["after"]["client_id"]) == (creds.client_id, new.client_id)


def test_another_tenants_application_is_404_and_other_staff_cannot_register(api_module, quoting_partner):
    path = f"/v1/partner-applications/{quoting_partner.application_id}"
    assert api_module.as_("tenant-admin@demo-leasing").get(path).status == 404
    assert api_module.as_("tenant-admin@demo-leasing").post(path + "/revoke").status == 404
    r = api_module.as_("loan-officer@demo-lending").post("/v1/partner-applications",
                                                          {"name": "x", "scopes": ["quotes:write"]})
    assert (r.status, r.code) == (403, "auth.role.forbidden")


@pytest.mark.parametrize("body, code", [
    ({"name": "x", "scopes": ["loans:everything"]}, "partners.application.scope_invalid"),
    ({"name": "x", "scopes": ["quotes:write"], "rate_tier": "unlimited"}, "partners.application.tier_invalid"),
    ({"name": "x", "scopes": ["quotes:write"], "ip_allowlist": ["10.0.0.999"]}, "partners.application.ip_invalid"),
])
def test_bad_registrations_are_422_and_register_nothing(api_module, body, code):
    admin = api_module.as_("tenant-admin@demo-lending")
    before = len(admin.get("/v1/partner-applications?limit=100").body["items"])
    r = admin.post("/v1/partner-applications", body)
    assert (r.status, r.code) == (422, code)
    assert len(admin.get("/v1/partner-applications?limit=100").body["items"]) == before


def test_a_call_from_outside_the_ip_allowlist_is_403(api_module, http_server):
    creds = register(api_module, "Fenced", ["quotes:write"], ip_allowlist=["192.0.2.0/24"])
    r = http_server.request("POST", "/v1/quotes", token=access_token(http_server.url, creds), body=LOAN_QUOTE)
    assert (r.status, r.code) == (403, "auth.client.ip_forbidden")


def test_past_the_rate_tier_a_call_is_429_with_retry_after_and_changes_nothing(api_module, http_server):
    creds = register(api_module, "Throttled", ["customers:write"], rate_tier="sandbox")  # burst 5, 2 a second
    token = access_token(http_server.url, creds)
    wired = clock._clock
    clock.use(clock=clock.FixedClock(datetime.now(timezone.utc)))  # no refill while the burst is spent
    try:
        for _ in range(5):
            assert http_server.request("GET", "/v1/customers?limit=1", token=token).status == 200
        refused = http_server.request("POST", "/v1/customers", token=token, body=individual(name="限流"))
        assert (refused.status, refused.code, refused.headers["Retry-After"]) == (429, "request.rate_limited", "1")
    finally:
        clock._clock = wired
    names = [c["name"] for c in api_module.as_("loan-officer@demo-lending").get("/v1/customers?limit=100").body["items"]]
    assert "限流" not in names
    calls = api_module.as_("tenant-admin@demo-lending").get(f"/v1/partner-applications/{creds.application_id}")
    assert calls.body["calls_last_24h"] == 5


def test_the_sandbox_partner_is_registered_then_rotated_through_the_service_and_its_pair_works(api_module, http_server):
    from chalicelib.local.demo.partners import demo_partner

    first, second = demo_partner(), demo_partner()
    assert first.application_id == second.application_id and first.client_id != second.client_id
    from tests.partner_support import Credentials

    token = access_token(http_server.url, Credentials(second.application_id, second.client_id, second.client_secret))
    assert http_server.request("POST", "/v1/quotes", token=token, body=LOAN_QUOTE).status == 200
    assert token_request(http_server.url, first.client_id, first.client_secret)[0] == 401


@pytest.fixture(scope="module")
def demo_products(local_env):
    from chalicelib.local.demo.products import seed_demo_products

    return seed_demo_products()


def test_an_idempotency_key_replays_the_first_answer_and_refuses_another_body(api_module, http_server, demo_products):
    from tests.builders import loan_application

    creds = register(api_module, "Idempotent", ["customers:write", "applications:write", "applications:read"])
    token = access_token(http_server.url, creds)
    customer = http_server.request("POST", "/v1/customers", token=token, body=individual()).body
    body = loan_application(customer["id"])
    key = {"Idempotency-Key": f"open-{creds.application_id}"}
    first = http_server.request("POST", "/v1/applications", token=token, body=body, headers=key)
    again = http_server.request("POST", "/v1/applications", token=token, body=body, headers=key)
    assert first.status == 201, first.body
    assert (again.status, again.body, again.headers.get("Idempotent-Replayed")) == (201, first.body, "true")
    listed = http_server.request("GET", "/v1/applications?limit=100", token=token).body["items"]
    assert [a["id"] for a in listed if a["customer"]["id"] == customer["id"]] == [first.body["id"]]
    other = http_server.request("POST", "/v1/applications", token=token, body={**body, "term": 6}, headers=key)
    assert (other.status, other.code) == (422, "request.idempotency.key_reused")
