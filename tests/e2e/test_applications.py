"""A loan's journey through the console by four users: the loan officer opens and submits it, the
first and second reviewers approve it, the officer issues and signs the contract, finance disburses —
ending on the contract page. The checklist's documents go up through the page's file chooser."""
from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import expect

from tests.builders import CHECKLISTS, FACTORING_PRODUCT, LEASE_PRODUCT, LOAN_PRODUCT, enterprise, individual
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

OFFICER = "loan-officer@demo-lending"
FIRST = "first-reviewer@demo-lending"
SECOND = "second-reviewer@demo-lending"
FINANCE = "finance@demo-lending"
# Above the product's second-review threshold, well inside its debt-to-income and exposure limits.
AMOUNT = "120000.00"


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(ui):
    ui.page.context.add_init_script(
        "document.addEventListener('DOMContentLoaded', () => {"
        " const style = document.createElement('style');"
        " style.textContent = '.ant-message { visibility: hidden !important; }';"
        " document.head.appendChild(style); });"
    )


class _As:
    """The few API calls the fixture makes, as one user, over the real HTTP server."""

    def __init__(self, server, username: str):
        self.server = server
        self.token = login(username)["IdToken"]

    def post(self, path: str, body=None):
        return self.server.request("POST", path, token=self.token, body=body)

    def get(self, path: str):
        return self.server.request("GET", path, token=self.token)


@pytest.fixture()
def officer_api(http_server) -> _As:
    return _As(http_server, OFFICER)


@pytest.fixture()
def customer(officer_api) -> dict:
    """An individual customer registered through the API, with an income the product's rules accept."""
    name = f"旅程{random.randint(10000, 99999)}"
    r = officer_api.post("/v1/customers", individual(name=name, annual_income="600000.00"))
    assert r.status == 201, r.body
    return r.body


def _upload_checklist(page) -> None:
    """Each checklist item through the file chooser: hashed in the browser, PUT to S3, confirmed."""
    expect(page.get_by_test_id("doc-checklist-missing")).to_be_visible()
    for type_ in CHECKLISTS[LOAN_PRODUCT]:
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id(f"doc-upload-{type_}").click()
        chooser.value.set_files({"name": f"{type_.lower()}.pdf", "mimeType": "application/pdf",
                                 "buffer": f"%PDF-1.4 {type_}".encode()})
        expect(page.get_by_test_id(f"doc-status-{type_}")).to_have_text("已上传")
    expect(page.get_by_test_id("doc-checklist-complete")).to_be_visible()


def _status(page, status: str) -> None:
    expect(page.get_by_test_id("application-detail").get_by_test_id("application-status")).to_have_attribute(
        "data-status", status
    )


def _switch_user(ui, username: str, path: str) -> None:
    ui.page.get_by_test_id("logout").click()
    ui.page.get_by_test_id("login-form").wait_for()
    ui.login(username)
    ui.open(path)


def _pick(page, select_id: str, text: str) -> None:
    page.locator(f"#{select_id}").click()
    page.locator(f"#{select_id}").fill(text)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).first.click()


def test_a_loan_goes_from_application_to_contract_through_four_users(ui, customer):
    page = ui.page

    # The loan officer opens a draft: product defaults fill the terms, the amount is changed
    ui.login(OFFICER)
    page.get_by_test_id("nav-applications").click()
    page.get_by_test_id("applications-table").wait_for()
    page.get_by_test_id("application-new").click()
    _pick(page, "product_code", LOAN_PRODUCT)
    expect(page.locator("#principal")).not_to_have_value("")  # the product's default amount
    _pick(page, "customer_id", customer["name"])
    page.locator("#principal").fill(AMOUNT)
    page.locator("#term").fill("24")
    page.get_by_test_id("application-create").click()
    page.wait_for_url(re.compile(r"/applications/app_[^/]+$"))
    application_id = page.url.rsplit("/", 1)[1]
    path = f"/applications/{application_id}"
    _status(page, "draft")
    expect(page.get_by_test_id("action-submit")).to_be_visible()
    expect(page.get_by_test_id("review-form")).to_have_count(0)

    # The officer uploads the checklist and submits: priced, risk-checked
    _upload_checklist(page)
    page.get_by_test_id("action-submit").click()
    _status(page, "risk_checked")
    expect(page.get_by_test_id("risk-rules").locator("tr.ant-table-row").first).to_be_visible()
    expect(page.get_by_test_id("schedule-table")).to_be_visible()
    expect(page.get_by_test_id("action-submit")).to_have_count(0)
    expect(page.get_by_test_id("action-withdraw")).to_be_visible()

    # The first reviewer finds it in the work list and approves with a note
    _switch_user(ui, FIRST, "/applications?status=risk_checked")
    row = page.locator("[data-testid='applications-table'] tr.ant-table-row", has_text=customer["name"])
    expect(row).to_have_count(1)
    ui.shot("applications-list")
    row.get_by_test_id(f"application-link-{application_id}").click()
    expect(page.get_by_test_id("action-withdraw")).to_have_count(0)  # not the reviewer's to withdraw
    page.locator("#review-note").fill("收入稳定，负债率低，同意")
    page.get_by_test_id("review-submit").click()
    _status(page, "second_review")
    expect(page.get_by_test_id("review-form")).to_have_count(0)

    # The second reviewer sees the first reviewer's note, and approves
    _switch_user(ui, SECOND, path)
    expect(page.get_by_test_id("review-first").get_by_test_id("review-note")).to_have_text("收入稳定，负债率低，同意")
    page.get_by_test_id("review-submit").click()
    _status(page, "approved")

    # The officer issues the contract and signs it
    _switch_user(ui, OFFICER, path)
    page.get_by_test_id("action-issue-contract").click()
    _status(page, "contract_issued")
    page.get_by_test_id("action-sign").click()
    _status(page, "signed")

    # Finance disburses; the contract is in force
    _switch_user(ui, FINANCE, path)
    expect(page.get_by_test_id("action-disburse")).to_be_visible()
    expect(page.get_by_test_id("review-second")).to_be_visible()
    ui.shot("application-detail")
    page.get_by_test_id("action-disburse").click()
    page.get_by_test_id("action-disburse-confirm").click()
    page.wait_for_url(re.compile(r"/contracts/[^/]+$"))
    expect(page.get_by_test_id("contract-detail")).to_be_visible()
    expect(page.get_by_test_id("contract-principal")).to_contain_text("120,000.00")
    expect(page.get_by_test_id("contract-schedule").locator("tr.ant-table-row")).to_have_count(24)
    ui.shot("contract-detail")


def test_a_viewer_reads_applications_but_opens_none(ui):
    page = ui.page
    ui.login("viewer@demo-factoring")
    page.get_by_test_id("nav-applications").click()
    page.get_by_test_id("applications-table").wait_for()
    expect(page.get_by_test_id("application-new")).to_have_count(0)
    ui.open("/applications/new")
    page.get_by_test_id("forbidden").wait_for()


def _fill(page, field_id: str, value: str) -> None:
    page.locator(f"#{field_id}").fill(value)


def _date(page, field_id: str, value: str) -> None:
    """Type a date and leave the field (Enter would submit the form, as in any HTML form)."""
    page.locator(f"#{field_id}").click()
    page.locator(f"#{field_id}").fill(value)
    page.locator(f"#{field_id}").press("Tab")


def test_a_lease_is_opened_with_its_assets(ui, http_server):
    officer = _As(http_server, "loan-officer@demo-leasing")
    lessee = officer.post("/v1/customers", enterprise(name=f"租赁客户{random.randint(10000, 99999)}有限公司")).body
    page = ui.page
    ui.login("loan-officer@demo-leasing")
    ui.open("/applications/new")
    _pick(page, "product_code", LEASE_PRODUCT)
    expect(page.get_by_test_id("asset-0")).to_be_visible()  # a lease starts with one asset row
    expect(page.locator("#frequency")).to_be_visible()
    _pick(page, "customer_id", lessee["name"])
    page.locator("#principal").fill("1000000.00")
    page.locator("#term").fill("12")

    # The form refuses to send an asset without its supplier and price
    _fill(page, "asset-0-description", "数控加工中心 CNC machining centre")
    page.get_by_test_id("application-create").click()
    expect(page.get_by_test_id("asset-0").get_by_text("必填")).to_have_count(2)
    _fill(page, "asset-0-supplier", "沈阳机床股份有限公司")
    _fill(page, "asset-0-price", "1200000.00")
    page.get_by_test_id("asset-add").click()
    _fill(page, "asset-1-description", "配套刀库")
    _fill(page, "asset-1-supplier", "沈阳机床股份有限公司")
    _fill(page, "asset-1-price", "80000.50")
    ui.shot("application-new-lease")
    page.get_by_test_id("application-create").click()
    page.wait_for_url(re.compile(r"/applications/app_[^/]+$"))
    _status(page, "draft")

    created = officer.get(f"/v1/applications/{page.url.rsplit('/', 1)[1]}").body
    assert [(a["description"], a["price"]) for a in created["assets"]] == [
        ("数控加工中心 CNC machining centre", "1200000.00"), ("配套刀库", "80000.50")]
    assert ui.unexpected_errors() == []


def test_a_factoring_application_assigns_invoices_against_a_debtor(ui, http_server):
    officer = _As(http_server, "loan-officer@demo-factoring")
    tag = random.randint(10000, 99999)
    seller = officer.post("/v1/customers", enterprise(name=f"保理卖方{tag}有限公司")).body
    debtor = officer.post("/v1/customers", enterprise(name=f"保理买方{tag}集团", is_core_enterprise=True)).body
    page = ui.page
    ui.login("loan-officer@demo-factoring")
    ui.open("/applications/new")
    _pick(page, "product_code", FACTORING_PRODUCT)
    expect(page.locator("#principal")).to_have_count(0)  # the amount follows from the invoices
    expect(page.locator("#advance_rate")).to_have_value("80")
    _pick(page, "customer_id", seller["name"])
    _fill(page, "invoice-0-number", f"INV-UI-{tag}")
    _pick(page, "invoice-0-debtor", debtor["name"])
    _fill(page, "invoice-0-amount", "600000.00")
    _date(page, "invoice-0-issued", "2026-11-15")
    _date(page, "invoice-0-due", "2026-11-01")
    page.get_by_test_id("application-create").click()
    expect(page.get_by_text("到期日不能早于开票日")).to_be_visible()
    _date(page, "invoice-0-due", "2027-01-14")
    page.locator("#advance_rate").fill("85")
    ui.shot("application-new-factoring")
    page.get_by_test_id("application-create").click()
    page.wait_for_url(re.compile(r"/applications/app_[^/]+$"))

    created = officer.get(f"/v1/applications/{page.url.rsplit('/', 1)[1]}").body
    (inv,) = created["invoices"]
    assert (inv["number"], inv["debtor_customer_id"], inv["face_amount"], inv["due_date"]) == (
        f"INV-UI-{tag}", debtor["id"], "600000.00", "2027-01-14")
    assert created["terms"]["advance_rate"] == "0.85"
    assert ui.unexpected_errors() == []
