"""The customer 360 and a campaign's results in a real browser: the desk sees income and grades, a
collector sees the same customer with them withheld; the campaign shows its converted lead; HQ sees the
customer among the group's customers with the consent indicator."""
from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.builders import adult_individual
from tests.integration.customers.journeys import disbursed_to
from tests.integration.origination.flows import Desk, ok

pytestmark = pytest.mark.browser


def test_the_360_page_redacts_by_role_and_the_campaign_shows_its_conversion(api, demo_products, browser, console_url):
    from tests.e2e.conftest import DESKTOP, _new_console

    # Given a customer of demo-lending, phone-verified, on a campaign's list, who then borrows
    desk = Desk(api, "demo-lending")
    cid = desk.customer(adult_individual(name="欧阳明", region="650103"))
    ok(desk.officer.post(f"/v1/customers/{cid}/verification/evidence", {"kind": "phone_confirmed", "reference": "otp"}), 201)
    today = ok(desk.as_("viewer").get("/v1/business-date"))["business_date"]
    until = (__import__("datetime").date.fromisoformat(today) + timedelta(days=30)).isoformat()
    made = ok(desk.as_("product-manager").post("/v1/campaigns", {
        "name": "浏览器测试活动", "target_products": ["CONSUMER-INSTALMENT"], "channel": "sms", "valid_from": today,
        "valid_to": until, "eligibility": {"regions": ["650103"], "min_verification_level": "phone_verified"}}), 201)
    disbursed_to(desk, cid)

    # The desk: everything, income included; the campaign's converted lead
    context, ui = _new_console(browser, console_url, DESKTOP)
    page = ui.page
    ui.login("tenant-admin@demo-lending")
    ui.open(f"/customers/{cid}/360")
    expect(page.get_by_test_id("page-title")).to_have_text("欧阳明")
    expect(page.get_by_test_id("c360-income")).to_be_visible()
    expect(page.get_by_test_id("c360-redacted")).to_have_count(0)
    expect(page.get_by_test_id("c360-contracts")).to_contain_text("CONSUMER-INSTALMENT")
    expect(page.get_by_test_id("c360-facilities")).to_be_visible()
    ui.shot("customer-360-desk")
    ui.open(f"/campaigns/{made['campaign_id']}")
    expect(page.get_by_test_id("campaign-leads")).to_contain_text("欧*")
    expect(page.get_by_test_id("lead-converted")).to_be_visible()
    expect(page.get_by_test_id("campaign-totals")).to_contain_text("已转化")
    ui.shot("campaign-results")
    context.close()
    assert ui.unexpected_errors() == []

    # A collector: the same customer, the contracts, no income and no grades
    context, ui = _new_console(browser, console_url, DESKTOP)
    page = ui.page
    ui.login("collector@demo-lending")
    ui.open(f"/customers/{cid}/360")
    expect(page.get_by_test_id("c360-redacted")).to_be_visible()
    expect(page.get_by_test_id("c360-redacted")).to_contain_text("年收入")  # readable labels, not field paths
    expect(page.get_by_test_id("c360-redacted")).not_to_contain_text("annual_income")
    expect(page.get_by_test_id("c360-contracts")).to_contain_text("CONSUMER-INSTALMENT")
    expect(page.get_by_test_id("c360-income")).to_have_count(0)
    expect(page.get_by_test_id("c360-grades")).to_contain_text("按您的角色不显示")
    ui.shot("customer-360-collector")
    context.close()
    assert ui.unexpected_errors() == []

    # HQ: the same person as a group customer, with no consent to share the relationship
    context, ui = _new_console(browser, console_url, DESKTOP)
    page = ui.page
    ui.login("group-risk@demo-group")
    page.get_by_test_id("nav-group-customers").click()
    row = page.get_by_test_id("group-customers").locator("tr", has_text="欧**")
    expect(row).to_contain_text("demo-lending")
    expect(row).to_contain_text("未授权")
    ui.shot("hq-group-customers")
    context.close()
    assert ui.unexpected_errors() == []
