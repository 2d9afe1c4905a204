"""Users and roles in the console: a tenant admin invites a user with two roles (loan officer and
first reviewer); the user signs in with the temporary password, sets its own (Cognito's
NEW_PASSWORD_REQUIRED challenge, which the embedded Cognito emulates), opens and submits an
application, and cannot approve it: the segregation rule, not a role check, refuses, and the page
says why."""
from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import expect

from tests.builders import CHECKLISTS, LOAN_PRODUCT, individual
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

ADMIN = "tenant-admin@demo-lending"
NEW_PASSWORD = "Own-Password-2026!"


@pytest.fixture()
def customer(http_server) -> dict:
    """A customer of demo-lending, registered through the API by the demo loan officer."""
    token = login("loan-officer@demo-lending")["IdToken"]
    r = http_server.request("POST", "/v1/customers", token=token,
                            body=individual(name=f"职责{random.randint(10000, 99999)}", annual_income="600000.00"))
    assert r.status == 201, r.body
    return r.body


def _pick(page, select_id: str, text: str) -> None:
    page.locator(f"#{select_id}").click()
    page.locator(f"#{select_id}").fill(text)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).first.click()


def _status(page, status: str) -> None:
    expect(page.get_by_test_id("application-detail").get_by_test_id("application-status")).to_have_attribute(
        "data-status", status)


def test_an_admin_adds_a_user_with_two_roles_who_cannot_approve_what_it_made(ui, customer):
    page = ui.page
    username = f"zhang-{random.randint(10**5, 10**6 - 1)}@demo-lending"

    # The tenant admin invites a user as loan officer and first reviewer
    ui.login(ADMIN)
    page.get_by_test_id("nav-users").click()
    page.get_by_test_id("users-table").wait_for()
    expect(page.locator("[data-testid='users-table'] tr.ant-table-row", has_text=ADMIN)).to_have_count(1)
    page.get_by_test_id("user-invite").click()
    page.get_by_test_id("invite-username").fill(username)
    page.get_by_test_id("invite-name").fill("张三")
    roles = page.get_by_test_id("invite-roles")
    roles.get_by_text("客户经理").click()
    roles.get_by_text("初审", exact=True).click()
    ui.shot("users-invite")
    page.get_by_test_id("invite-submit").click()
    temporary = page.get_by_test_id("user-temporary-password").inner_text().strip()
    assert len(temporary) >= 12
    row = page.locator("[data-testid='users-table'] tr.ant-table-row", has_text=username)
    expect(row).to_contain_text("客户经理")
    expect(row).to_contain_text("初审")
    expect(row).to_contain_text("从未登录")
    ui.shot("users-page")
    row.get_by_test_id("user-history").click()
    expect(page.get_by_test_id("user-changes").locator("tr.ant-table-row")).to_have_count(1)
    expect(page.get_by_test_id("user-changes")).to_contain_text(ADMIN)
    ui.shot("users-history", full_page=False)
    page.keyboard.press("Escape")

    # The user signs in with the temporary password and sets its own
    page.get_by_test_id("logout").click()
    page.get_by_test_id("login-form").wait_for()
    page.locator("#username").fill(username)
    page.locator("#password").fill(temporary)
    page.get_by_test_id("login-submit").click()
    page.locator("#newPassword").fill(NEW_PASSWORD)
    page.locator("#confirm").fill(NEW_PASSWORD)
    page.get_by_role("button", name="设置密码并登录").click()
    page.get_by_test_id("tenant-name").wait_for()
    assert sorted(ui.roles_shown()) == ["first-reviewer", "loan-officer"]

    # It opens an application, uploads the checklist and submits it
    page.get_by_test_id("nav-applications").click()
    page.get_by_test_id("applications-table").wait_for()
    page.get_by_test_id("application-new").click()
    _pick(page, "product_code", LOAN_PRODUCT)
    expect(page.locator("#principal")).not_to_have_value("")
    _pick(page, "customer_id", customer["name"])
    page.locator("#principal").fill("30000.00")
    page.locator("#term").fill("12")
    page.get_by_test_id("application-create").click()
    page.wait_for_url(re.compile(r"/applications/app_[^/]+$"))
    for type_ in CHECKLISTS[LOAN_PRODUCT]:
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id(f"doc-upload-{type_}").click()
        chooser.value.set_files({"name": f"{type_.lower()}.pdf", "mimeType": "application/pdf",
                                 "buffer": f"%PDF-1.4 {type_}".encode()})
        expect(page.get_by_test_id(f"doc-status-{type_}")).to_have_text("已上传")
    page.get_by_test_id("action-submit").click()
    _status(page, "risk_checked")

    # As first reviewer it may review others' applications, so the form is there; approving its own is refused
    ui.allowed_http_errors.add(403)
    page.locator("#review-note").fill("同意")
    page.get_by_test_id("review-submit").click()
    expect(page.get_by_test_id("action-error")).to_contain_text("不能审核（制作与审核须分离）")
    _status(page, "risk_checked")
    ui.shot("users-segregation-refused")
