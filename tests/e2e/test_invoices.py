"""A factored invoice confirmed by its debtor in the console: the factoring company's admin creates a
debtor user for the core enterprise, who signs in for the first time with the temporary password,
chooses a new one, and confirms one invoice and disputes another (a dispute needs a reason)."""
from __future__ import annotations

import random

import pytest
from playwright.sync_api import expect

from tests.builders import enterprise, factoring_application, invoice
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

TENANT = "demo-factoring"
NEW_PASSWORD = "Debtor-Console-2026!"


class _As:
    def __init__(self, server, username: str):
        self.server = server
        self.token = login(username)["IdToken"]

    def post(self, path: str, body=None):
        r = self.server.request("POST", path, token=self.token, body=body)
        assert r.status in (200, 201), r.body
        return r.body


@pytest.fixture()
def debtor_with_invoices(http_server) -> dict:
    """Two invoices of one factoring application, assigned against a fresh core enterprise, and a
    debtor user for it with a temporary password (as the admin would hand it over)."""
    officer = _As(http_server, f"loan-officer@{TENANT}")
    admin = _As(http_server, f"tenant-admin@{TENANT}")
    tag = random.randint(100000, 999999)
    seller = officer.post("/v1/customers", enterprise(name=f"苏州供应商{tag}有限公司"))["id"]
    debtor = officer.post("/v1/customers", enterprise(name=f"核心企业{tag}集团有限公司", is_core_enterprise=True))["id"]
    invoices = [invoice(debtor, number=f"INV-E2E-{tag}-1", face_amount="480000.00"),
                invoice(debtor, number=f"INV-E2E-{tag}-2", face_amount="125000.50")]
    app = officer.post("/v1/applications", factoring_application(seller, debtor, invoices=invoices))
    user = admin.post(f"/v1/customers/{debtor}/debtor-users", {"username": f"debtor-e2e-{tag}"})
    return {"user": user, "application": app, "invoices": {i["number"]: i["id"] for i in app["invoices"]}}


def test_a_debtor_confirms_and_disputes_its_invoices(ui, debtor_with_invoices):
    page = ui.page
    user = debtor_with_invoices["user"]
    (first, second) = sorted(debtor_with_invoices["invoices"].items())

    # First sign-in: the temporary password leads to choosing a new one.
    ui.open("/login")
    page.locator("#username").fill(user["username"])
    page.locator("#password").fill(user["temporary_password"])
    page.get_by_test_id("login-submit").click()
    page.locator("#newPassword").fill(NEW_PASSWORD)
    page.locator("#confirm").fill(NEW_PASSWORD)
    page.get_by_role("button", name="设置密码并登录").click()
    page.get_by_test_id("tenant-name").wait_for()

    assert ui.nav_keys() == ["invoices"]
    page.get_by_test_id("nav-invoices").click()
    expect(page.get_by_test_id("page-title")).to_have_text("待确认发票")
    table = page.get_by_test_id("invoice-table")
    expect(table).to_contain_text(first[0])
    expect(table).to_contain_text("CNY 480,000.00")
    expect(table).to_contain_text("CNY 125,000.50")
    ui.shot("invoices")

    page.get_by_test_id(f"invoice-confirm-{first[1]}").click()
    page.get_by_test_id("invoice-note").fill("货物已验收")
    page.get_by_test_id("invoice-dialog-ok").click()
    # Confirmed invoices leave the pending list.
    expect(page.get_by_test_id(f"invoice-confirm-{first[1]}")).to_have_count(0)

    # A dispute is refused in the browser until it says why.
    page.get_by_test_id(f"invoice-dispute-{second[1]}").click()
    page.get_by_test_id("invoice-dialog-ok").click()
    expect(page.get_by_text("请说明异议原因")).to_be_visible()
    page.get_by_test_id("invoice-note").fill("部分货物退回")
    page.get_by_test_id("invoice-dialog-ok").click()
    expect(page.get_by_test_id(f"invoice-dispute-{second[1]}")).to_have_count(0)

    page.get_by_test_id("invoice-filter").get_by_text("全部").click()
    expect(page.get_by_test_id(f"invoice-state-{first[1]}")).to_have_text("已确认")
    expect(page.get_by_test_id(f"invoice-state-{second[1]}")).to_have_text("有异议")
    expect(page.get_by_test_id("invoice-table")).to_contain_text("部分货物退回")
    ui.shot("invoices-decided")
    assert ui.unexpected_errors() == []
