"""Contracts in force through the console: finance finds a contract, records a repayment and pays
the next instalment through the local payment simulator (a signed Stripe event through the real
webhook); a prepayment is quoted; an offline repayment goes through maker-checker with its voucher
uploaded to S3; a collector works the collections queue.

The contracts are this module's own demo-lending loans, disbursed today through the API. Their
arrears come from schedules that started in the past (no end of day is run: that moves the tenant's
books forward and the ledger refuses back-dated entries afterwards)."""
from __future__ import annotations

import re
import uuid
from datetime import date, timedelta
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.builders import LOAN_PRODUCT, adult_individual, attach_checklist, cognito_user, loan_application
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

TENANT = "demo-lending"
FINANCE = f"finance@{TENANT}"
COLLECTOR = f"collector@{TENANT}"


class _As:
    """API calls as one user, over the real HTTP server."""

    def __init__(self, server, username: str):
        self.server = server
        self.token = login(username)["IdToken"]

    def get(self, path: str):
        return self.server.request("GET", path, token=self.token)

    def post(self, path: str, body=None, headers=None):
        return self.server.request("POST", path, token=self.token, body=body, headers=headers)


def _ok(result, status: int = 200):
    assert result.status == status, (result.status, result.body)
    return result.body


def _key() -> dict[str, str]:
    return {"Idempotency-Key": uuid.uuid4().hex}


def _disbursed_loan(server, principal: str, started_days_ago: int) -> dict:
    """A consumer loan whose schedule started ``started_days_ago`` days before the tenant's business
    date, disbursed on that date."""
    officer = _As(server, f"loan-officer@{TENANT}")
    customer = _ok(officer.post("/v1/customers", adult_individual(annual_income="600000.00")), 201)
    today = date.fromisoformat(_ok(officer.get("/v1/business-date"))["business_date"])
    start = (today - timedelta(days=started_days_ago)).isoformat()
    app_id = _ok(officer.post("/v1/applications", loan_application(customer["id"], principal=principal,
                                                                    start_date=start)), 201)["id"]
    attach_checklist(officer, app_id, LOAN_PRODUCT)
    assert _ok(officer.post(f"/v1/applications/{app_id}/submit"))["status"] == "risk_checked"
    reviewer = _As(server, f"first-reviewer@{TENANT}")
    assert _ok(reviewer.post(f"/v1/applications/{app_id}/first-review",
                             {"decision": "approve", "note": "ok"}))["status"] == "approved"
    _ok(officer.post(f"/v1/applications/{app_id}/issue-contract"))
    _ok(officer.post(f"/v1/applications/{app_id}/sign", {}))
    return _ok(_As(server, FINANCE).post(f"/v1/applications/{app_id}/disburse", {}, headers=_key()))


@pytest.fixture(scope="module")
def contracts(http_server, demo_products) -> dict[str, str]:
    finance = _As(http_server, FINANCE)
    # two instalments past due: the console pays the first, the simulator the second
    repay = _disbursed_loan(http_server, "12000.00", 65)["id"]
    # four instalments due and paid: past the product's three periods, nothing in arrears — quotable
    seasoned = _disbursed_loan(http_server, "12000.00", 125)["id"]
    detail = _ok(finance.get(f"/v1/contracts/{seasoned}"))
    due = sum((Decimal(i["outstanding"]) for i in detail["schedule"] if i["due_on"] <= detail["disbursed_on"]),
              Decimal(0))
    _ok(finance.post(f"/v1/contracts/{seasoned}/repayments", {"amount": str(due)}, headers=_key()), 201)
    # first instalment ~10 days late: a 1.00 payment brings its arrears up to date (M1)
    late = _disbursed_loan(http_server, "6000.00", 41)["id"]
    _ok(finance.post(f"/v1/contracts/{late}/repayments", {"amount": "1.00"}, headers=_key()), 201)
    assert _ok(finance.get(f"/v1/contracts/{late}"))["bucket"] == "M1"
    return {"repay": repay, "seasoned": seasoned, "late": late}


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(request):
    for name in ("ui", "phone_ui"):
        if name in request.fixturenames:
            request.getfixturevalue(name).page.context.add_init_script(
                "document.addEventListener('DOMContentLoaded', () => {"
                " const style = document.createElement('style');"
                " style.textContent = '.ant-message { visibility: hidden !important; }';"
                " document.head.appendChild(style); });"
            )


def _row(page, seq: int):
    return page.locator(f"[data-testid='contract-schedule'] tr[data-seq='{seq}']")


def _switch_user(ui, username: str, path: str) -> None:
    ui.page.get_by_test_id("logout").click()
    ui.page.get_by_test_id("login-form").wait_for()
    ui.login(username)
    ui.open(path)


def test_finance_records_a_repayment_and_the_simulator_pays_the_next_instalment(ui, contracts):
    page, contract_id = ui.page, contracts["repay"]
    ui.login(FINANCE)
    page.get_by_test_id("nav-contracts").click()
    expect(page.get_by_test_id("contracts-table")).to_be_visible()
    expect(page.get_by_test_id(f"contract-link-{contract_id}")).to_be_visible()
    ui.shot("contracts-list")

    page.get_by_test_id(f"contract-link-{contract_id}").click()
    page.wait_for_url(re.compile(rf"/contracts/{contract_id}$"))
    expect(_row(page, 1)).to_have_attribute("data-status", "overdue")
    expect(_row(page, 2)).to_have_attribute("data-status", "overdue")
    expect(_row(page, 3)).to_have_attribute("data-status", "not_due")
    expect(page.get_by_test_id("contract-progress-chart")).to_be_visible()
    ui.shot("contract-overdue")

    # Finance records what the first instalment owes (the form suggests it): it is paid
    amount = page.locator("#repayment-amount")
    expect(amount).not_to_have_value("")
    page.locator("#repayment-reference").fill("BANK-0001")
    page.get_by_test_id("repayment-submit").click()
    expect(page.get_by_test_id("repayment-result")).to_be_visible()
    expect(_row(page, 1)).to_have_attribute("data-status", "paid")
    expect(_row(page, 2)).to_have_attribute("data-status", "overdue")
    expect(page.locator("[data-testid='repayments-table'] tr[data-channel='api']")).to_have_count(1)

    # A payment link for the next instalment, paid through the local simulator (Stripe's signed event)
    page.get_by_test_id("tab-link").click()
    expect(page.get_by_test_id("payment-link-panel")).to_contain_text("2")
    page.get_by_test_id("payment-link-create").click()
    expect(page.get_by_test_id("payment-intent-status")).to_have_attribute("data-status", "requires_payment")
    page.get_by_test_id("simulate-succeeded").click()
    expect(page.get_by_test_id("payment-intent-status")).to_have_attribute("data-status", "succeeded")
    expect(_row(page, 2)).to_have_attribute("data-status", "paid")
    expect(page.locator("[data-testid='repayments-table'] tr[data-channel='stripe']")).to_have_count(1)
    page.get_by_test_id("tab-intents").click()
    expect(page.locator("[data-testid='payments-table'] tr[data-status='succeeded']")).to_have_count(1)
    ui.shot("contract-paid")


def test_a_prepayment_is_quoted_with_the_schedule_left(ui, contracts):
    page = ui.page
    ui.login(FINANCE)
    ui.open(f"/contracts/{contracts['seasoned']}")
    expect(_row(page, 4)).to_have_attribute("data-status", "paid")
    page.get_by_test_id("tab-prepay").click()
    page.locator("#prepayment-amount").fill("abc")
    page.get_by_test_id("prepayment-quote").click()
    expect(page.get_by_test_id("prepayment-form")).to_contain_text("2676.70")  # the validation hint's example
    page.locator("#prepayment-amount").fill("2000.00")
    page.get_by_test_id("prepayment-quote").click()
    result = page.get_by_test_id("prepayment-quote-result")
    expect(result).to_be_visible()
    expect(page.get_by_test_id("prepayment-total")).to_contain_text("2,0")
    expect(result.get_by_test_id("schedule-table")).to_be_visible()
    expect(page.get_by_test_id("prepayment-submit")).to_be_visible()
    result.scroll_into_view_if_needed()
    ui.shot("contract-prepayment-quote")


def test_an_offline_repayment_is_recorded_with_its_voucher_and_confirmed_by_another_finance_user(ui, contracts):
    page, contract_id = ui.page, contracts["seasoned"]
    ui.login(FINANCE)
    ui.open(f"/contracts/{contract_id}")
    page.get_by_test_id("tab-offline").click()
    page.locator("#offline-amount").fill("100.00")
    page.locator("#offline-reference").fill("ICBC-20261122-001")
    page.locator("[data-testid='offline-form'] input[type=file]").set_input_files(
        files=[{"name": "voucher.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n% bank voucher\n"}]
    )
    page.get_by_test_id("offline-submit").click()
    expect(page.get_by_test_id("offline-recorded")).to_be_visible()
    link = page.get_by_test_id("offline-link")
    href = link.get_attribute("href")
    assert href and "offline=ofr_" in href
    offline_id = href.split("offline=", 1)[1].split("&", 1)[0]
    # It shows at once in the contract's list of those awaiting confirmation
    expect(page.get_by_test_id(f"offline-pending-{offline_id}")).to_contain_text("100.00")

    # The maker may not confirm their own (the hand-over link still opens it)
    link.click()
    expect(page.get_by_test_id("offline-status")).to_have_attribute("data-status", "awaiting_confirmation")
    ui.allowed_http_errors.add(403)
    page.get_by_test_id("offline-confirm").click()
    expect(page.get_by_test_id("offline-confirm-error")).to_be_visible()

    # Another finance user finds it in the contract's pending list and confirms: the repayment is posted
    checker = cognito_user(TENANT, ["finance"], prefix="checker")
    _switch_user(ui, checker, f"/contracts/{contract_id}")
    pending = page.get_by_test_id(f"offline-pending-{offline_id}")
    expect(pending).to_contain_text("100.00")
    ui.shot("contract-offline-pending-list")
    page.get_by_test_id(f"offline-confirm-{offline_id}").click()
    expect(page.get_by_test_id("offline-status")).to_have_attribute("data-status", "confirmed")
    expect(pending).to_have_count(0)
    expect(page.locator("[data-testid='repayments-table'] tr[data-channel='offline']")).to_have_count(1)
    ui.shot("contract-offline-confirmed")


def test_a_collector_works_the_queue_and_logs_an_action(ui, contracts):
    page, contract_id = ui.page, contracts["late"]
    ui.login(COLLECTOR)
    page.get_by_test_id("nav-collections").click()
    expect(page.get_by_test_id("collections-table")).to_be_visible()
    link = page.get_by_test_id(f"contract-link-{contract_id}")
    for _ in range(20):  # the queue is paged; the contract may be on a later page
        try:
            expect(link).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            page.locator(".cursor-pager button").last.click()
    expect(link).to_be_visible()
    ui.shot("collections-queue")

    # The quick form validates before sending: a note is required for a call
    page.get_by_test_id(f"collect-{contract_id}").click()
    page.get_by_test_id("collection-submit").click()
    expect(page.locator("#quick-note_help, .ant-form-item-explain-error").first).to_be_visible()
    page.locator("#quick-note").fill("客户电话未接通，已留言")
    page.get_by_test_id("collection-submit").click()
    expect(page.get_by_test_id("collection-form")).to_have_count(0)

    link.click()
    page.wait_for_url(re.compile(rf"/contracts/{contract_id}$"))
    entry = page.get_by_test_id("contract-collections").get_by_test_id("collection-entry").first
    expect(entry).to_have_attribute("data-type", "call")
    expect(entry).to_contain_text("客户电话未接通")
    expect(page.get_by_test_id("repayment-form")).to_have_count(0)  # money is finance's
    ui.shot("contract-collections")


def test_the_contract_page_and_queue_work_on_a_phone(phone_ui, contracts):
    page = phone_ui.page
    phone_ui.login(FINANCE)
    phone_ui.open(f"/contracts/{contracts['repay']}")
    expect(page.get_by_test_id("page-title")).to_contain_text(contracts["repay"])
    expect(page.get_by_test_id("contract-schedule")).to_be_visible()
    expect(page.get_by_test_id("repayment-form")).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    phone_ui.shot("contract-phone")


def test_a_write_off_waits_on_the_contract_page_until_another_user_approves_it(ui, http_server, demo_products):
    page = ui.page
    contract_id = _disbursed_loan(http_server, "6000.00", 41)["id"]
    ui.login(f"tenant-admin@{TENANT}")
    ui.open(f"/contracts/{contract_id}")
    expect(page.get_by_test_id("approval-requests-empty")).to_be_visible()
    page.locator("#write-off-reason").fill("债务人失联 (debtor absconded)")
    page.get_by_test_id("write-off-submit").click()
    page.get_by_test_id("write-off-confirm").click()
    pending = page.locator("[data-testid^='approval-request-'][data-action='write_off']")
    expect(pending).to_have_count(1)
    request_id = pending.get_attribute("data-testid").removeprefix("approval-request-")
    # Whoever asked sees that it waits for someone else, and is offered no approval
    expect(page.get_by_test_id(f"approval-own-{request_id}")).to_be_visible()
    expect(page.get_by_test_id(f"approval-approve-{request_id}")).to_have_count(0)
    expect(page.get_by_test_id("contract-status")).to_have_attribute("data-status", "active")
    ui.shot("contract-write-off-pending")

    # Another user with an approving role approves it on the same page: only now is it written off
    _switch_user(ui, FINANCE, f"/contracts/{contract_id}")
    expect(page.get_by_test_id(f"approval-request-{request_id}")).to_contain_text("债务人失联")
    page.get_by_test_id(f"approval-approve-{request_id}").click()
    expect(page.get_by_test_id(f"approval-request-{request_id}")).to_have_count(0)
    expect(page.get_by_test_id("contract-status")).to_have_attribute("data-status", "written_off")
    decided = _As(http_server, FINANCE).get(f"/v1/approval-requests/{request_id}").body
    assert decided["status"] == "approved" and decided["requested_by"] != decided["decided_by"]
