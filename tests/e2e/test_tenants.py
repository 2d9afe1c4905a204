"""The tenant registry page for platform and group admins."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def _tenant_ids(page) -> set[str]:
    page.locator("[data-testid='tenants-table'] tbody tr.ant-table-row").first.wait_for()
    return set(page.locator("[data-testid='tenants-table'] tbody tr.ant-table-row td:first-child").all_inner_texts())


def test_platform_admin_lists_every_tenant_after_a_failed_load_is_retried(ui):
    page = ui.page
    ui.allowed_http_errors.add(500)
    ui.login("admin@platform")
    failure = {"error": {"code": "internal.error", "message": "internal error", "details": {}}}
    page.route("**/v1/tenants", lambda route: route.fulfill(status=500, json=failure))

    page.get_by_test_id("nav-tenants").click()

    assert page.get_by_test_id("state-error").inner_text() == "服务器内部错误，请稍后重试"
    ui.shot("tenants-error", full_page=False)
    page.unroute("**/v1/tenants")
    page.get_by_role("button", name="重试").click()
    # Other tests in the same session may onboard more tenants: the demo ones must all be there.
    assert _tenant_ids(page) >= {"platform", "demo-group", "demo-lending", "demo-leasing", "demo-factoring"}
    assert ui.page.get_by_text("演示小额贷款有限公司").is_visible()
    ui.shot("tenants-platform-admin")


def test_group_admin_lists_its_group(ui):
    ui.login("group-admin@demo-group")
    ui.page.get_by_test_id("nav-tenants").click()

    ids = _tenant_ids(ui.page)
    assert ids >= {"demo-group", "demo-lending", "demo-leasing", "demo-factoring"}
    assert "platform" not in ids  # nothing outside the group
    groups = ui.page.locator("[data-testid='tenants-table'] tbody tr.ant-table-row td:nth-child(4)").all_inner_texts()
    assert set(groups) == {"demo-group"}
    ui.shot("tenants-group-admin", full_page=False)
