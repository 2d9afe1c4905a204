"""Customers in a real browser: a loan officer registers one and only ever sees its identity masked;
a viewer reads the list and registers no one."""
from __future__ import annotations

import random

import pytest
from playwright.sync_api import expect

from chalicelib.shared.identity import resident_id_check_digit

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(ui):
    """Toasts ("版本 1 已提交审批") come and go over the header; screenshots show the page itself."""
    ui.page.context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        " style.textContent = '.ant-message { visibility: hidden !important; }';"
        " document.head.appendChild(style); });"
    )


def _resident_id() -> str:
    """A valid resident ID number nobody else in the session registers."""
    first17 = f"110101{random.randint(1960, 1999)}0307{random.randint(0, 999):03d}"
    return first17 + resident_id_check_digit(first17)


def test_a_loan_officer_registers_a_customer_and_sees_only_the_masked_identity(ui):
    ui.allowed_http_errors.add(422)  # the mistyped check character is the API's to find
    page = ui.page
    number = _resident_id()
    mistyped = number[:-1] + ("1" if number[-1] != "1" else "2")

    ui.login("loan-officer@demo-lending")
    page.get_by_test_id("nav-customers").click()
    page.get_by_test_id("customer-new").click()

    # Shape first, in the browser: nothing is sent
    form = page.get_by_test_id("customer-form")
    form.locator("#identity_number").fill("12345")
    page.get_by_test_id("customer-submit").click()
    expect(form.get_by_text("请填写姓名")).to_be_visible()
    expect(form.get_by_text("身份证号应为 17 位数字加 1 位校验码（数字或 X）")).to_be_visible()

    # Then the check character, by the API, on the identity field
    form.locator("#name").fill("王小明")
    form.locator("#identity_number").fill(mistyped)
    form.locator("#contact_phone").fill("13800138000")
    with page.expect_response(lambda r: r.url.endswith("/v1/customers") and r.request.method == "POST") as refused:
        page.get_by_test_id("customer-submit").click()
    assert refused.value.status == 422
    error = page.locator(".ant-form-item", has=page.locator("#identity_number")).locator(".ant-form-item-explain-error")
    expect(error).to_have_text("身份证号校验位不正确，请核对号码")
    ui.shot("customer-register-error")

    form.locator("#identity_number").fill(number)
    with page.expect_response(lambda r: r.url.endswith("/v1/customers") and r.request.method == "POST") as registered:
        page.get_by_test_id("customer-submit").click()
    assert registered.value.status == 201

    masked = "*" * 16 + number[-2:]  # only the last two characters (shared.identity.masked)
    expect(page.get_by_test_id("customer-identity")).to_have_text(masked)
    assert number not in page.content()  # the number itself never comes back
    # Nor the birth date: beside the mask it would narrow the number to guess
    expect(page.get_by_test_id("customer-detail")).not_to_contain_text(f"{number[6:10]}-{number[10:12]}-{number[12:14]}")
    ui.shot("customer-detail")

    page.get_by_test_id("nav-customers").click()
    row = page.locator("[data-testid='customers-table'] tr.ant-table-row", has_text="王小明").first
    expect(row.get_by_test_id("customer-identity-masked")).to_have_text(masked)
    ui.shot("customers-list")


def test_a_viewer_reads_customers_but_registers_no_one(ui):
    page = ui.page
    ui.login("viewer@demo-lending")
    page.get_by_test_id("nav-customers").click()
    page.get_by_test_id("customers-table").wait_for()
    expect(page.get_by_test_id("customer-new")).to_have_count(0)
    ui.open("/customers/new")
    page.get_by_test_id("forbidden").wait_for()
