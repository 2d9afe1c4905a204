"""The product factory in a real browser: a product manager drafts a loan product and submits it,
a tenant admin approves and activates it (and cannot approve a version of their own), a viewer
reads the shelf, the diff an approver sees and a quote, and changes nothing."""
from __future__ import annotations

import uuid

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(ui):
    """Toasts ("版本 1 已提交审批") come and go over the header; screenshots show the page itself."""
    ui.page.context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        " style.textContent = '.ant-message { visibility: hidden !important; }';"
        " document.head.appendChild(style); });"
    )


def _field_error(page, field_id: str):
    """The error message under the form field whose input has this id."""
    return page.locator(".ant-form-item", has=page.locator(f"[id='{field_id}']")).locator(".ant-form-item-explain-error")


def _act(page, action: str, reason: str | None = None) -> None:
    """Press a version's action button, confirm it (with a reason), and wait for the API's answer."""
    page.get_by_test_id(f"action-{action}").click()
    if reason:
        page.get_by_test_id("action-reason").fill(reason)
    with page.expect_response(lambda r: r.url.endswith(f"/{action}") and r.request.method == "POST") as answered:
        page.get_by_test_id("action-confirm").click()
    assert answered.value.status == 200


def _status(page) -> str:
    return page.get_by_test_id("selected-version-status").get_attribute("data-status")


def test_a_draft_loan_product_is_fixed_submitted_approved_and_activated(ui):
    ui.allowed_http_errors.add(422)  # the first save is refused, field by field
    page = ui.page
    code = f"E2E-LOAN-{uuid.uuid4().hex[:6].upper()}"

    # Given the product manager of the lending company, on the product shelf
    ui.login("product-manager@demo-lending")
    page.get_by_test_id("nav-products").click()
    page.get_by_test_id("product-link-CONSUMER-INSTALMENT").wait_for()
    ui.shot("products-list-product-manager")

    # When they draft a loan whose maximum amount is below its minimum
    page.get_by_test_id("product-new").click()
    page.locator("#code").fill(code.lower())  # typed in lower case, sent in upper case
    page.locator("[id='definition_name_zh-CN']").fill("浏览器测试消费贷")
    page.locator("[id='definition_name_en-US']").fill("Browser Test Consumer Loan")
    page.locator("#definition_terms_amount_max").fill("500.00")
    with page.expect_response(lambda r: r.url.endswith("/v1/products") and r.request.method == "POST") as refused:
        page.get_by_test_id("editor-save").click()

    # Then the API's problems appear on the fields they name, in Chinese
    assert refused.value.status == 422
    assert refused.value.request.post_data_json["code"] == code
    expect(_field_error(page, "definition_terms_amount_max")).to_have_text("不得小于下限（1000.00）")
    expect(_field_error(page, "definition_workflow_second_review_above")).to_have_text(
        "不低于最高金额（500.00），永远不会触发"
    )
    expect(page.get_by_test_id("editor-error")).to_contain_text("有 2 处参数未通过校验")
    ui.shot("product-editor-field-errors", full_page=False)

    # When they fix the amount and save, then submit the draft
    page.locator("#definition_terms_amount_max").fill("300,000")
    with page.expect_response(lambda r: r.url.endswith("/v1/products") and r.request.method == "POST") as created:
        page.get_by_test_id("editor-save").click()
    assert created.value.status == 201
    body = created.value.request.post_data_json
    assert body["definition"]["terms"]["amount"]["max"] == "300000.00"  # an exact decimal string
    assert body["definition"]["rate"]["annual_rate"]["default"] == "0.12"  # typed as 12 (%)
    expect(page.get_by_test_id("selected-version")).to_have_text("版本 1")
    assert _status(page) == "draft"
    _act(page, "submit", reason="首发")

    # Then it awaits approval, and its author has no approve button
    expect(page.get_by_test_id("selected-version-status")).to_have_attribute("data-status", "submitted")
    expect(page.get_by_test_id("action-approve")).to_have_count(0)
    expect(page.get_by_test_id("version-edit")).to_have_count(0)  # a submitted version never changes
    ui.shot("product-submitted-product-manager")
    page.get_by_test_id("logout").click()

    # When the tenant admin approves and activates it
    ui.login("tenant-admin@demo-lending")
    ui.open(f"/products/{code}")
    expect(page.get_by_test_id("selected-version-status")).to_have_attribute("data-status", "submitted")
    _act(page, "approve")
    expect(page.get_by_test_id("selected-version-status")).to_have_attribute("data-status", "approved")
    _act(page, "activate", reason="上架销售")

    # Then it is on sale, and the history says who did what, from which status to which
    expect(page.get_by_test_id("product-status")).to_have_attribute("data-status", "active")
    page.get_by_test_id("tab-history").click()
    entries = page.get_by_test_id("transition")
    expect(entries).to_have_count(4)
    assert entries.evaluate_all("els => els.map(e => e.dataset.action)") == ["activate", "approve", "submit", "create"]
    assert entries.get_by_test_id("transition-by").all_inner_texts() == [
        "tenant-admin@demo-lending", "tenant-admin@demo-lending",
        "product-manager@demo-lending", "product-manager@demo-lending",
    ]
    expect(entries.nth(0)).to_contain_text("上架销售")
    ui.shot("product-history")

    # When the admin writes version 2 themself and submits it
    page.get_by_test_id("version-new").click()
    page.locator("#definition_rate_annual_rate_default").fill("13.5")
    page.get_by_test_id("editor-save").click()
    expect(page.get_by_test_id("selected-version")).to_have_text("版本 2")
    _act(page, "submit")

    # Then the diff shows the one change, and the admin may not approve their own version
    expect(page.get_by_test_id("selected-version-status")).to_have_attribute("data-status", "submitted")
    rows = page.locator("[data-testid='diff-table'] tbody tr.ant-table-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("rate.annual_rate.default")
    assert rows.first.get_by_test_id("diff-before").inner_text() == "12%"
    assert rows.first.get_by_test_id("diff-after").inner_text() == "13.5%"
    expect(page.get_by_test_id("action-approve")).to_be_disabled()
    expect(page.get_by_test_id("action-reject")).to_be_enabled()
    expect(page.get_by_test_id("maker-checker-note")).to_contain_text("制作与审核分离")
    ui.shot("product-maker-checker")


def test_a_viewer_reads_the_shelf_the_diff_and_a_quote_but_changes_nothing(ui):
    page = ui.page
    ui.login("viewer@demo-lending")
    page.get_by_test_id("nav-products").click()
    page.get_by_test_id("product-link-SME-OPERATING").wait_for()
    expect(page.get_by_test_id("product-new")).to_have_count(0)

    # Filters: a lending company has no factoring products; one version awaits approval
    page.get_by_test_id("status-tab-submitted").click()
    expect(page.get_by_test_id("product-link-SME-OPERATING")).to_have_count(0)
    expect(page.get_by_test_id("product-link-CONSUMER-INSTALMENT")).to_be_visible()
    ui.shot("products-list-awaiting-approval", full_page=False)
    page.get_by_test_id("status-tab-all").click()
    page.get_by_test_id("filter-kind").click()
    page.locator(".ant-select-item-option:visible", has_text="保理").click()
    expect(page.get_by_test_id("state-empty")).to_contain_text("没有符合筛选条件的产品")

    # The version awaiting approval opens on what changed from the version on sale
    ui.open("/products/CONSUMER-INSTALMENT")
    expect(page.get_by_test_id("selected-version")).to_have_text("版本 3")
    rows = page.locator("[data-testid='diff-table'] tbody tr.ant-table-row")
    expect(rows).to_have_count(3)
    amount = rows.filter(has_text="terms.amount.max")
    assert amount.get_by_test_id("diff-before").inner_text() == "200,000.00"
    assert amount.get_by_test_id("diff-after").inner_text() == "300,000.00"
    expect(page.locator("[data-testid^='action-']")).to_have_count(0)
    expect(page.get_by_test_id("version-new")).to_have_count(0)
    expect(page.get_by_test_id("version-list").locator("button")).to_have_count(3)
    ui.shot("product-detail-diff")

    page.get_by_test_id("tab-parameters").click()
    expect(page.get_by_test_id("version-parameters")).to_contain_text("1,000.00 – 300,000.00")
    ui.shot("product-parameters", full_page=False)

    # A quote on the version on sale: its rate, its bounds
    form = page.get_by_test_id("product-quote-form")
    form.locator("#principal").fill("50000")
    form.locator("#term").fill("12")
    with page.expect_response(lambda r: r.url.endswith("/CONSUMER-INSTALMENT/quote")) as priced:
        page.get_by_test_id("product-quote-submit").click()
    assert priced.value.request.post_data_json == {
        "start_date": priced.value.request.post_data_json["start_date"], "principal": "50000", "term": 12,
        "frequency": "monthly", "amortization": "annuity",
    }
    expect(page.get_by_test_id("product-quote-rate")).to_have_text("10.80%")
    expect(page.locator("[data-testid='schedule-table'] tbody tr.ant-table-row")).to_have_count(12)
    page.get_by_test_id("product-quote").evaluate("e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 72)")
    ui.shot("product-quote", full_page=False)
