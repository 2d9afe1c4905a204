"""Partner applications in the console: the tenant admin registers one (the secret shown once works
at the token endpoint and on a scoped route), then revokes it (the same token is refused at once)."""
from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

from tests.partner_support import Credentials, access_token
from tests.support import login

pytestmark = [pytest.mark.browser]

QUOTE = {"kind": "loan", "principal": "10000.00", "annual_rate": "0.06", "term": 6, "frequency": "monthly",
         "amortization": "annuity", "start_date": "2026-12-01"}


def test_a_tenant_admin_registers_a_partner_application_and_revokes_it(ui, http_server):
    page = ui.page
    name = f"合作方 {uuid.uuid4().hex[:6]}"
    ui.login("tenant-admin@demo-lending")
    ui.open("/partners")
    expect(page.get_by_test_id("page-title")).to_have_text("合作方应用")

    page.get_by_test_id("pa-new").click()
    page.get_by_test_id("pa-name").fill(name)
    page.get_by_test_id("pa-scope-quotes:write").click()
    page.locator("#pa-submit").click()
    secret = page.get_by_test_id("pa-secret")
    expect(secret).to_be_visible()
    creds = Credentials("", page.get_by_test_id("pa-client-id").inner_text().strip(), secret.inner_text().strip())
    ui.shot("partners-credentials")
    page.get_by_test_id("pa-secret-done").click()
    expect(secret).to_have_count(0)

    token = access_token(http_server.url, creds)
    assert http_server.request("POST", "/v1/quotes", token=token, body=QUOTE).status == 200

    admin = login("tenant-admin@demo-lending")["IdToken"]
    listed = http_server.request("GET", "/v1/partner-applications?limit=100", token=admin).body["items"]
    [app] = [a for a in listed if a["name"] == name]
    expect(page.get_by_test_id(f"pa-calls-{app['id']}")).to_be_visible()
    page.get_by_test_id(f"pa-revoke-{app['id']}").click()
    page.locator(".ant-popconfirm:visible .ant-btn-dangerous").click()
    expect(page.get_by_test_id(f"pa-status-{app['id']}")).to_have_attribute("data-status", "revoked")
    ui.shot("partners-revoked")

    refused = http_server.request("POST", "/v1/quotes", token=token, body=QUOTE)
    assert (refused.status, refused.code) == (401, "auth.client.revoked")
