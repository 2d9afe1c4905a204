"""The calculator: terms in, POST /v1/quotes, APR, schedule table and chart out — in a real browser."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AMOUNT = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d{2}$")


def _field(page, name: str):
    return page.locator(f"[data-testid='field-{name}'] input, input[data-testid='field-{name}']").first


def _fill(page, name: str, value: str) -> None:
    _field(page, name).fill(value)


def _choose(page, field_id: str, option_text: str) -> None:
    page.locator(f"#{field_id}").click()
    page.locator(".ant-select-item-option:visible", has_text=option_text).first.click()


def _schedule_rows(page):
    return page.locator("[data-testid='schedule-table'] tbody tr.ant-table-row")


def _cells(row) -> list[str]:
    return [c.strip() for c in row.locator("td").all_inner_texts()]


def _price(ui) -> dict:
    """Press Calculate; return the request body the console sent."""
    page = ui.page
    with page.expect_request(lambda r: r.url.endswith("/v1/quotes") and r.method == "POST") as sent:
        page.get_by_test_id("quote-submit").click()
    page.get_by_test_id("quote-apr").wait_for()
    return sent.value.post_data_json


def test_prices_a_loan_and_shows_apr_schedule_and_chart(ui):
    page = ui.page
    ui.login("loan-officer@demo-lending")
    ui.shot("calculator-empty")
    _fill(page, "principal", "100,000")
    _fill(page, "annual_rate", "4.9")
    _fill(page, "term", "12")

    body = _price(ui)

    # Amounts and rates leave the browser as exact decimal strings.
    assert body["kind"] == "loan"
    assert body["principal"] == "100000"
    assert body["annual_rate"] == "0.049"
    assert body["term"] == 12
    assert body["amortization"] == "annuity" and body["frequency"] == "monthly"
    # A level-payment loan without fees costs exactly its nominal rate.
    assert page.get_by_test_id("quote-apr").inner_text() == "4.90%"
    rows = _schedule_rows(page)
    assert rows.count() == 12
    first, last = _cells(rows.nth(0)), _cells(rows.nth(11))
    assert first[0] == "1" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", first[1])
    assert all(AMOUNT.match(c) for c in first[2:])
    assert last[-1] == "0.00"  # nothing owed after the last instalment
    summary = [c.strip() for c in page.locator("[data-testid='schedule-table'] .summary-row td").all_inner_texts()]
    assert summary[1] == "100,000.00"  # the principal column sums to the principal, exactly
    assert page.get_by_test_id("total-principal").inner_text().startswith("100,000.00")
    align = rows.nth(0).locator("td").nth(2).evaluate("td => getComputedStyle(td).textAlign")
    assert align == "right"
    canvas = page.locator("[data-testid='quote-chart'] canvas").first
    canvas.wait_for()  # ECharts loads with the first result
    assert canvas.bounding_box()["height"] > 200
    ui.shot("calculator-loan")


def test_prices_an_equal_principal_loan(ui):
    page = ui.page
    ui.login("product-manager@demo-lending")
    _choose(page, "amortization", "等额本金")
    _fill(page, "term", "24")

    body = _price(ui)

    assert body["amortization"] == "equal_principal"
    rows = _schedule_rows(page)
    assert rows.count() == 24
    assert _cells(rows.nth(0))[2] == _cells(rows.nth(1))[2]  # the same principal every period


def test_prices_a_lease_then_a_factoring_deal(ui):
    page = ui.page
    ui.login("tenant-admin@demo-leasing")
    # A leasing company opens the calculator on a lease.
    expect(page.locator("[data-testid='quote-form'] .ant-segmented-item-selected")).to_have_text("融资租赁")

    body = _price(ui)

    assert body["kind"] == "lease" and body["residual_value"] == "100.00" and body["timing"] == "arrears"
    assert _schedule_rows(page).count() >= 12
    ui.shot("calculator-lease")

    page.get_by_test_id("kind-factoring").click()
    page.get_by_test_id("field-invoice-debtor").fill("上海示例核心企业有限公司")
    body = _price(ui)

    assert body["kind"] == "factoring" and body["advance_rate"] == "0.8"
    assert body["invoices"][0]["face_amount"] == "200000.00"
    assert _schedule_rows(page).count() == 1
    assert page.get_by_test_id("quote-apr").inner_text().endswith("%")
    ui.shot("calculator-factoring")


def test_bad_input_is_caught_before_sending(ui):
    page = ui.page
    ui.login("loan-officer@demo-lending")
    sent = []
    page.on("request", lambda r: sent.append(r) if r.url.endswith("/v1/quotes") else None)
    _fill(page, "principal", "12abc")
    _fill(page, "annual_rate", "150")
    _fill(page, "term", "0")

    page.get_by_test_id("quote-submit").click()

    form = page.get_by_test_id("quote-form")
    expect(form.get_by_text("请输入金额，最多 2 位小数")).to_be_visible()
    expect(form.get_by_text("须在 0 到 100% 之间")).to_be_visible()
    expect(form.get_by_text("请输入 1 到 1200 之间的整数")).to_be_visible()
    assert sent == []
    ui.shot("calculator-validation")


def test_server_validation_errors_land_on_their_fields(ui):
    ui.allowed_http_errors.add(422)
    page = ui.page
    ui.login("loan-officer@demo-lending")
    _choose(page, "amortization", "气球贷")
    _fill(page, "balloon", "200000")  # more than the principal: only the API knows that rule

    with page.expect_response(lambda r: r.url.endswith("/v1/quotes")) as answered:
        page.get_by_test_id("quote-submit").click()

    assert answered.value.status == 422
    assert page.get_by_test_id("quote-error").inner_text().strip() == "请先修正标红的字段"
    balloon_item = page.locator(".ant-form-item", has=page.locator("#balloon"))
    assert balloon_item.locator(".ant-form-item-explain-error").inner_text() == "须小于本金"
    ui.shot("calculator-server-error")
