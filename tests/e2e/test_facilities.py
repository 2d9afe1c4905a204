"""Credit facilities in the console: a loan officer picks the customer's facility on the application form,
submits, and sees the facility's availability fall by the amount blocked (and the drawdown listed); HQ
reallocates a group facility (one user proposes, another approves) and the subsidiary sees its new limit."""
from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from playwright.sync_api import expect

from tests.builders import CHECKLISTS, LOAN_PRODUCT, individual
from tests.integration.facilities.conftest import active_facility
from tests.support import login

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("demo_products")]

OFFICER = "loan-officer@demo-lending"


def _pick(page, select_id: str, text: str) -> None:
    page.locator(f"#{select_id}").click()
    page.locator(f"#{select_id}").fill(text)
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text=text).first.click()


def test_an_officer_draws_on_a_facility_and_sees_availability_fall(ui, http_server):
    token = login(OFFICER)["IdToken"]
    name = f"额度{random.randint(10000, 99999)}"
    r = http_server.request("POST", "/v1/customers", token=token,
                            body=individual(name=name, annual_income="600000.00"))
    assert r.status == 201, r.body
    fid = active_facility("demo-lending", r.body["id"], "200000.00", revolving=True)
    page = ui.page

    ui.login(OFFICER)
    ui.open(f"/facilities/{fid}")
    expect(page.get_by_test_id("facility-available")).to_contain_text("200,000.00")
    expect(page.get_by_test_id("facility-status")).to_have_text("生效")

    # the application form offers the customer's facility with what is available
    ui.open("/applications/new")
    _pick(page, "product_code", LOAN_PRODUCT)
    _pick(page, "customer_id", name)
    page.locator("#facility_id").click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text="200,000.00").first.click()
    page.locator("#principal").fill("120000.00")
    page.locator("#term").fill("24")
    page.get_by_test_id("application-create").click()
    page.wait_for_url(re.compile(r"/applications/app_[^/]+$"))

    for type_ in CHECKLISTS[LOAN_PRODUCT]:
        with page.expect_file_chooser() as chooser:
            page.get_by_test_id(f"doc-upload-{type_}").click()
        chooser.value.set_files({"name": f"{type_.lower()}.pdf", "mimeType": "application/pdf",
                                 "buffer": f"%PDF-1.4 {type_}".encode()})
        expect(page.get_by_test_id(f"doc-status-{type_}")).to_have_text("已上传")
    page.get_by_test_id("action-submit").click()
    expect(page.get_by_test_id("application-detail").get_by_test_id("application-status")).to_have_attribute(
        "data-status", "risk_checked")

    # submission blocked the amount: availability falls from 200,000.00 to 80,000.00
    ui.open(f"/facilities/{fid}")
    expect(page.get_by_test_id("facility-available")).to_contain_text("80,000.00")
    expect(page.get_by_text("占用中").first).to_be_visible()
    facility = http_server.request("GET", f"/v1/facilities/{fid}", token=token).body
    assert Decimal(facility["available"]) == Decimal("80000.00") and Decimal(facility["blocked"]) == Decimal("120000.00")
    ui.shot("facility-after-drawdown")


def test_hq_reallocates_and_the_subsidiary_sees_its_new_limit(ui, http_server):
    from chalicelib.credit import group
    from tests.builders import uscc
    from tests.integration.facilities.conftest import new_customer, staff

    number = uscc()
    lending, _ = new_customer("demo-lending", number), new_customer("demo-leasing", number)
    label = f"再分配{random.randint(10000, 99999)}"
    gid = group.grant(staff("demo-group", "group-risk"), label=label, subjects=[lending.identity_hash],
                      amount=Decimal("1000.00"), currency="CNY", valid_to=None,
                      allocations={"demo-lending": Decimal("600.00"), "demo-leasing": Decimal("400.00")})["group_facility_id"]
    fid = active_facility("demo-lending", lending.customer_id, "600.00")
    page = ui.page

    ui.login("group-risk@demo-group")
    ui.open("/hq/facilities")
    card = page.get_by_test_id(f"group-facility-{gid}")
    expect(card).to_contain_text(label)
    page.locator(f"#realloc-from-{gid}").click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text="demo-lending").first.click()
    page.locator(f"#realloc-to-{gid}").click()
    page.locator(".ant-select-dropdown:visible .ant-select-item-option", has_text="demo-leasing").first.click()
    card.get_by_test_id("realloc-amount").fill("100.00")
    card.get_by_test_id("realloc-propose").click()
    expect(card.get_by_test_id("realloc-approve")).to_be_visible()

    # the checker is another HQ user
    page.get_by_test_id("logout").click()
    page.get_by_test_id("login-form").wait_for()
    ui.login("group-admin@demo-group")
    ui.open("/hq/facilities")
    card = page.get_by_test_id(f"group-facility-{gid}")
    card.get_by_test_id("realloc-approve").click()
    expect(card.get_by_test_id("realloc-approve")).to_have_count(0)
    expect(card).to_contain_text("500.00")

    page.get_by_test_id("logout").click()
    page.get_by_test_id("login-form").wait_for()
    ui.login(OFFICER)
    ui.open(f"/facilities/{fid}")
    expect(page.get_by_test_id("facility-allocation")).to_contain_text("500.00")
    expect(page.get_by_test_id("facility-available")).to_contain_text("500.00")
