"""The finance and system pages: the ledger (trial balance, account statement, entry, clearing),
merchant webhooks (subscription with its secret shown once, the delivery log, redelivery) and end of
day with its progress.

Tenants and dates are chosen not to disturb the session's other tests:
- the ledger and webhooks use a demo-leasing lease this module disburses itself, booked on its
  business date (servicing's time-travel tests move demo-lending forward, and a ledger account
  refuses dates before its last one);
- end of day closes demo-factoring's business date (`GET /v1/business-date`), catching up any date
  before it not yet closed, and does not move that date. Re-running a closed date is a no-op, so
  other tests booking on it are unaffected; only an earlier date that never ran becomes refused,
  which this module shows on purpose.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect

from tests.integration.origination.flows import Desk, ok
from tests.integration.payments.flows import disbursed_lease, payment_intent
from tests.integration.payments.test_merchant_webhooks import Receiver, drain_queue

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

LEASING = "demo-leasing"
FACTORING = "demo-factoring"
BANK = "1002"  # the chart's bank account: every disbursement moves it


def _business_date(api, tenant: str) -> dict:
    """The tenant's business date as the API tells any of its users (the console's "today")."""
    return ok(api.as_(f"viewer@{tenant}").get("/v1/business-date"))


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(ui):
    ui.page.context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        " style.textContent = '.ant-message { visibility: hidden !important; }';"
        " document.head.appendChild(style); });"
    )


@pytest.fixture(scope="module")
def api(chalice_app, logins):
    """The API over Chalice's test client (in-process, like the HTTP server the console uses)."""
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


@pytest.fixture(scope="module")
def leasing(api, demo_products):
    """demo-leasing's staff."""
    return Desk(api, LEASING)


@pytest.fixture(scope="module")
def lease(leasing) -> dict:
    return disbursed_lease(leasing)


@pytest.fixture()
def receiver():
    r = Receiver(failures=0)
    yield r
    r.close()


def _open(ui, nav: str) -> None:
    ui.page.get_by_test_id(f"nav-{nav}").click()


# --- ledger -------------------------------------------------------------------------------------


def test_finance_sees_a_balanced_trial_balance_and_opens_the_bank_account_statement(ui, lease):
    page = ui.page
    ui.login(f"finance@{LEASING}")
    _open(ui, "ledger")

    expect(page.get_by_test_id("page-title")).to_have_text("会计账簿")
    check = page.get_by_test_id("tb-balanced")
    expect(check).to_have_attribute("data-balanced", "true")
    expect(page.get_by_test_id("tb-check-CNY")).to_have_text("借贷平衡")
    debit = page.get_by_test_id("tb-total-debit-CNY").inner_text()
    assert debit == page.get_by_test_id("tb-total-credit-CNY").inner_text() and debit != "0.00"
    expect(page.get_by_test_id("tb-group-asset")).to_be_visible()
    expect(page.get_by_test_id("tb-chart")).to_be_visible()
    ui.shot("ledger-trial-balance")

    page.get_by_test_id(f"tb-account-{BANK}").click()
    expect(page.get_by_test_id("page-title")).to_contain_text("科目明细账")
    rows = page.locator("[data-testid='statement-table'] tbody tr.ant-table-row")
    expect(rows.first).to_be_visible()
    ui.shot("ledger-account-statement")

    # The lease's disbursement is on the statement; its entry shows balanced lines.
    entry = page.locator("[data-testid^='statement-entry-']").last
    entry_id = entry.inner_text()
    entry.click()
    expect(page.get_by_test_id("page-title")).to_have_text(f"记账凭证 {entry_id}")
    expect(page.get_by_test_id("entry-lines-balanced").first).to_have_text("借贷平衡")
    ui.shot("ledger-entry")


def test_finance_sees_the_days_clearing_and_downloads_the_netting_csv(ui, api, lease):
    page = ui.page
    business_date = _business_date(api, LEASING)["business_date"]
    ui.login(f"finance@{LEASING}")
    ui.open("/ledger?tab=clearing")

    expect(page.get_by_test_id("netting-records")).to_be_visible()
    expect(page.get_by_test_id("recon-ok").or_(page.get_by_test_id("recon-bad"))).to_be_visible()
    with page.expect_download() as download:
        page.get_by_test_id("netting-download").click()
    assert download.value.suggested_filename == f"netting-{LEASING}-{business_date}.csv"
    with open(download.value.path(), encoding="utf-8") as f:
        assert f.readline().strip() == "channel,counterparty,currency,count,gross_in,gross_out,net,instruction"
    ui.shot("ledger-clearing")


def test_the_trial_balance_reads_on_a_phone(phone_ui, lease):
    page = phone_ui.page
    phone_ui.login(f"viewer@{LEASING}")
    phone_ui.open("/ledger")
    expect(page.get_by_test_id("tb-balanced")).to_have_attribute("data-balanced", "true")
    expect(page.get_by_test_id("ledger-tab-clearing")).to_have_count(0)  # the viewer has no clearing
    phone_ui.shot("ledger-trial-balance-phone")


# --- webhooks -----------------------------------------------------------------------------------


def _find_delivery_row(page, delivery_id: str):
    """The row on whichever page of the log it is (the log is shared with the session's other tests)."""
    row = page.get_by_test_id(f"delivery-row-{delivery_id}")
    page.locator("[data-testid='deliveries-table'] tbody tr.ant-table-row").first.wait_for()
    while not row.is_visible():
        nxt = page.locator(".cursor-pager button").last
        assert nxt.is_visible() and nxt.is_enabled(), f"delivery {delivery_id} is not in the log"
        nxt.click()
        page.wait_for_timeout(300)
    return row


def test_tenant_admin_subscribes_sees_the_delivery_and_redelivers_it(ui, leasing, lease, receiver):
    page = ui.page
    admin = leasing.as_("tenant-admin")
    ui.login(f"tenant-admin@{LEASING}")
    _open(ui, "webhooks")
    expect(page.get_by_test_id("page-title")).to_have_text("Webhook 推送")

    page.get_by_test_id("sub-new").click()
    page.get_by_role("button", name="创建订阅").click()  # validated before sending: nothing is sent
    expect(page.get_by_text("请输入接收地址")).to_be_visible()
    expect(page.get_by_text("请至少选择一种事件")).to_be_visible()
    page.get_by_test_id("sub-url").fill(receiver.url)
    page.get_by_test_id("sub-event-repayment.received").click()
    page.get_by_role("button", name="创建订阅").click()

    secret = page.get_by_test_id("sub-secret")
    expect(secret).to_contain_text("whsec_")
    expect(page.get_by_test_id("sub-secret-warning")).to_contain_text("只显示这一次")
    ui.shot("webhooks-secret-once", full_page=False)
    receiver.secret = secret.inner_text().strip()
    page.get_by_test_id("sub-secret-done").click()
    expect(secret).to_have_count(0)

    [sub] = [s for s in ok(admin.get("/v1/webhook-subscriptions?limit=200"))["items"] if s["url"] == receiver.url]
    try:
        expect(page.get_by_test_id(f"sub-url-{sub['id']}")).to_have_text(receiver.url)
        assert "secret" not in sub
        ui.shot("webhooks-subscriptions")

        # A repayment on the lease publishes repayment.received; the queue worker delivers it.
        intent = payment_intent(leasing, lease["id"], "10.00")
        ok(leasing.as_("finance").post(f"/v1/contracts/{lease['id']}/payment-intents/{intent['id']}/simulate",
                                       {"outcome": "succeeded"}))
        drain_queue(lambda: bool(receiver.acknowledged))
        assert receiver.bad_signatures == 0  # signed with the secret the page showed
        deliveries = ok(admin.get("/v1/webhook-deliveries?limit=200"))["items"]
        [delivery] = [d for d in deliveries if d["subscription_id"] == sub["id"]]

        page.get_by_test_id("wh-tab-deliveries").click()
        row = _find_delivery_row(page, delivery["id"])
        expect(row.get_by_test_id(f"delivery-status-{delivery['id']}")).to_have_attribute("data-status", "delivered")
        ui.shot("webhooks-deliveries")

        page.get_by_test_id(f"delivery-open-{delivery['id']}").click()
        expect(page.get_by_test_id("delivery-drawer-attempts")).to_have_text("1")
        expect(page.locator("[data-testid='delivery-attempts'] tbody tr.ant-table-row")).to_have_count(1)
        ui.shot("webhooks-delivery-drawer", full_page=False)

        page.get_by_test_id("delivery-redeliver").click()
        expect(page.get_by_test_id("delivery-drawer-status")).to_have_attribute("data-status", "pending")
        drain_queue(lambda: receiver.calls >= 2)
        page.keyboard.press("Escape")
        page.get_by_test_id("deliveries-refresh").click()
        _find_delivery_row(page, delivery["id"])
        page.get_by_test_id(f"delivery-open-{delivery['id']}").click()
        expect(page.get_by_test_id("delivery-drawer-attempts")).to_have_text("2")
        expect(page.get_by_test_id("delivery-drawer-status")).to_have_attribute("data-status", "delivered")
        ui.shot("webhooks-redelivered", full_page=False)
        page.keyboard.press("Escape")

        page.get_by_test_id("wh-tab-subscriptions").click()
        page.get_by_test_id(f"sub-delete-{sub['id']}").click()
        page.locator(".ant-popconfirm:visible .ant-btn-dangerous").click()
        expect(page.get_by_test_id(f"sub-url-{sub['id']}")).to_have_count(0)
    finally:
        admin.call("DELETE", f"/v1/webhook-subscriptions/{sub['id']}")  # 204, or 404 once the page deleted it


# --- end of day ---------------------------------------------------------------------------------


def _pick_date(page, on: date) -> None:
    field = page.locator("input[data-testid='eod-date'], [data-testid='eod-date'] input")
    field.click()
    field.fill(on.isoformat())
    field.press("Enter")


def _a_date_never_closed(api, before: date) -> date:
    """The latest date before `before` that no end of day has run for (the API answers 404): one
    before the tenant's books opened, since every date after it is closed in order."""
    admin = api.as_(f"tenant-admin@{FACTORING}")
    for back in range(1, 60):
        on = before - timedelta(days=back)
        if admin.get(f"/v1/servicing/end-of-day/{on.isoformat()}").status == 404:
            return on
    raise AssertionError(f"every date in the 60 days before {before} has an end-of-day run")


def test_tenant_admin_runs_end_of_day_and_sees_it_complete_then_an_earlier_date_refused(ui, api):
    page = ui.page
    # The progress poll may ask before the run record exists (404); the earlier date is refused (422).
    ui.allowed_http_errors.update({404, 422})
    current = _business_date(api, FACTORING)
    today = date.fromisoformat(current["business_date"])
    ui.login(f"tenant-admin@{FACTORING}")
    expect(page.get_by_test_id("business-date")).to_have_text(today.isoformat())
    _open(ui, "admin")
    expect(page.get_by_test_id("page-title")).to_have_text("日终批处理")
    expect(page.locator("input[data-testid='eod-date'], [data-testid='eod-date'] input")).to_have_value(today.isoformat())
    expect(page.get_by_test_id("eod-business-date")).to_have_text(today.isoformat())
    expect(page.get_by_test_id("eod-last-closed-on")).to_have_text(current["last_closed_on"] or "尚未执行过日终")

    page.get_by_test_id("eod-run").click()
    page.locator(".ant-popconfirm:visible .ant-btn-primary").click()
    progress = page.get_by_test_id("eod-progress")
    expect(progress).to_have_attribute("data-status", "completed", timeout=60_000)
    expect(page.get_by_test_id("eod-status")).to_have_text("已完成")
    expect(page.get_by_test_id("eod-bar")).to_have_class(re.compile(r"ant-progress-status-success"))
    total = page.get_by_test_id("eod-total").inner_text()
    assert page.get_by_test_id("eod-processed").inner_text() == total
    expect(page.get_by_test_id("eod-count")).to_have_text(f"已处理 {total} / {total} 笔合同")
    # The dates between the last closed one and the business date were caught up in the same run.
    last = current["last_closed_on"]
    skipped = (today - date.fromisoformat(last)).days - 1 if last and last < today.isoformat() else 0
    if skipped > 0:
        expect(page.get_by_test_id("eod-caught-up-count")).to_have_text(f"补跑 {skipped} 天")
    else:
        expect(page.get_by_test_id("eod-caught-up")).to_have_count(0)
    # Every phase of the close finished; the chart counts the contracts each business step changed.
    from chalicelib.closing.cob import PHASES  # every phase of a close, contexts' steps included

    expect(page.locator("[data-testid='eod-steps'] [data-phase]")).to_have_count(len(PHASES))
    expect(page.locator("[data-testid='eod-steps'] [data-state='finish']")).to_have_count(len(PHASES))
    expect(page.get_by_test_id("eod-steps-chart")).to_be_visible()
    # The close is recorded; a closed date takes no more postings, so the business date moves past it.
    expect(page.get_by_test_id("eod-last-closed-on")).to_have_text(today.isoformat())
    expect(page.get_by_test_id("business-date")).to_have_text((today + timedelta(days=1)).isoformat())
    ui.shot("admin-end-of-day-completed")

    earlier = _a_date_never_closed(api, today)
    _pick_date(page, earlier)
    page.get_by_test_id("eod-run").click()
    page.locator(".ant-popconfirm:visible .ant-btn-primary").click()
    # Every date since the books opened has its run: the latest never closed lies before the opening.
    expect(page.get_by_test_id("eod-error")).to_have_text("该营业日早于本公司账簿启用日，不能执行日终")
    expect(page.get_by_test_id("eod-last-closed-on")).to_have_text(today.isoformat())  # nothing changed
    ui.shot("admin-end-of-day-out-of-order")


def test_tenant_admin_sees_the_business_date_control_offering_only_later_dates(ui, api):
    """Test stages allow time travel: the control is there, set to the day after the business date.
    It is not used here: moving demo-factoring's date would move it for the session's other tests."""
    current = _business_date(api, FACTORING)
    assert current["time_travel"] is True
    today = date.fromisoformat(current["business_date"])
    page = ui.page
    ui.login(f"tenant-admin@{FACTORING}")
    _open(ui, "admin")
    expect(page.get_by_test_id("business-date-current")).to_have_text(today.isoformat())
    field = page.locator("input[data-testid='business-date-input'], [data-testid='business-date-input'] input")
    expect(field).to_have_value((today + timedelta(days=1)).isoformat())
    expect(page.get_by_test_id("business-date-set")).to_be_enabled()

    # The business date itself cannot be chosen again: the picker greys it out.
    field.click()
    cell = page.locator(f".ant-picker-dropdown:visible td[title='{today.isoformat()}']")
    expect(cell).to_have_class(re.compile(r"ant-picker-cell-disabled"))
    page.keyboard.press("Escape")

    page.get_by_test_id("business-date-set").click()
    confirm = page.locator(".ant-popconfirm:visible")
    expect(confirm).to_contain_text(f"将营业日期推进到 {(today + timedelta(days=1)).isoformat()}？")
    ui.shot("admin-business-date-confirm", full_page=False)
    confirm.locator(".ant-btn:not(.ant-btn-primary)").click()
    assert _business_date(api, FACTORING)["business_date"] == today.isoformat()


def test_the_end_of_day_page_reads_on_a_phone(phone_ui):
    phone_ui.login(f"tenant-admin@{FACTORING}")
    phone_ui.open("/admin")
    expect(phone_ui.page.get_by_test_id("eod-run")).to_be_visible()
    phone_ui.shot("admin-end-of-day-phone")


def test_a_manual_journal_is_checked_before_sending_then_proposed_by_finance_and_approved_by_the_admin(ui, browser, console_url, lease):
    from tests.e2e.conftest import DESKTOP, _new_console

    page = ui.page
    ui.login(f"finance@{LEASING}")
    ui.open("/ledger?tab=journal")
    page.get_by_test_id("proposal-new").click()
    page.get_by_test_id("proposal-memo").fill("调整：测试手工凭证")
    lines = page.locator("[data-testid='proposal-form'] .journal-line")
    lines.nth(0).locator("input").first.fill(BANK)
    lines.nth(1).locator("input").first.fill("2241")
    page.get_by_test_id("line-amount-0").fill("1.00")
    page.get_by_test_id("line-amount-1").fill("0.99")
    page.get_by_test_id("proposal-submit").click()
    expect(page.get_by_test_id("proposal-error")).to_contain_text("借贷不平衡")  # refused here, never sent
    page.get_by_test_id("line-amount-1").fill("1.00")
    page.get_by_test_id("proposal-submit").click()
    expect(page.get_by_test_id("proposal-status")).to_have_attribute("data-status", "pending")
    proposal_id = page.url.rsplit("/", 1)[-1]
    expect(page.get_by_test_id("proposal-approve")).to_have_count(0)  # never the maker's own
    ui.shot("ledger-proposal-pending")

    # The checker is another user, in another browser.
    context, checker = _new_console(browser, console_url, DESKTOP)
    try:
        checker.login(f"tenant-admin@{LEASING}")
        checker.open("/ledger?tab=journal")
        # The checker finds it in the pending-review queue, newest first
        queued = checker.page.get_by_test_id(f"proposal-row-{proposal_id}")
        expect(queued).to_be_visible()
        checker.shot("ledger-proposal-queue")
        queued.click()
        checker.page.get_by_test_id("proposal-approve").click()
        checker.page.locator(".ant-popconfirm:visible .ant-btn-primary").click()
        expect(checker.page.get_by_test_id("proposal-status")).to_have_attribute("data-status", "approved")
        checker.page.get_by_test_id("proposal-entry").click()
        expect(checker.page.get_by_test_id("entry-lines-balanced").first).to_have_text("借贷平衡")
        checker.shot("ledger-proposal-approved-entry")
        # Decided, it leaves the queue for the approved list
        checker.open("/ledger?tab=journal")
        expect(checker.page.get_by_test_id("proposal-queue-table")).to_be_visible()
        expect(checker.page.get_by_test_id(f"proposal-row-{proposal_id}")).to_have_count(0)
        checker.page.get_by_test_id("proposal-queue-approved").click()
        expect(checker.page.get_by_test_id(f"proposal-row-{proposal_id}")).to_be_visible()
        assert checker.unexpected_errors() == []
    finally:
        context.close()
