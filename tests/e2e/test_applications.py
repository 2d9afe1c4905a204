"""A loan's journey through the console by four users: the loan officer opens and submits it, the
first and second reviewers approve it, the officer issues and signs the contract, finance disburses —
ending on the contract page. The checklist's documents go up through the page's file chooser."""
from __future__ import annotations

import random
import re

import pytest
from playwright.sync_api import expect

from tests.builders import CHECKLISTS, LOAN_PRODUCT, individual
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
