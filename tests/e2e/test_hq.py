"""HQ's pages in a real browser: group risk starts a consolidation from the console and follows it to
SUCCEEDED, reads the dashboard (charts drawn with data) and drills into a top-10 customer, works a
warning, sets a limit and downloads a report; the group admin onboards a subsidiary."""
from __future__ import annotations

import csv
import io
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from chalicelib.local.seed import load_definitions

TENANT_NAMES = {d.id: d.name.zh_cn for d in load_definitions()}

pytestmark = pytest.mark.browser

RISK = "group-risk@demo-group"
ADMIN = "group-admin@demo-group"
RUN_TIMEOUT_MS = 60_000


@pytest.fixture(scope="module", autouse=True)
def demo_exposures(local_env, demo_products, group_api) -> int:
    """The demo group's applications and contracts, disbursed through servicing on the session's
    business date (test sessions seed tenants and users only): HQ consolidates what servicing projects.
    Then HQ's risk officer sets a single-customer limit the largest borrowers exceed, so the first
    run raises warnings to work."""
    from chalicelib.local.demo.applications import seed_demo_applications

    seeded = seed_demo_applications()
    set_limits = group_api.call("PUT", "/v1/group/limits", {"single_customer": {"amount": "2000000.00"}})
    assert set_limits.status == 200, set_limits.body
    return len(seeded)


@pytest.fixture(scope="module")
def group_api(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins).as_(RISK)


@pytest.fixture()
def snapshot(group_api) -> dict:
    """A complete consolidation of the demo group: the one the first test starts from the console,
    or (when this test runs alone) one started through the API."""
    import time

    dash = group_api.get("/v1/group/dashboard")
    if dash.status == 200:
        return dash.body
    today = group_api.get("/v1/business-date").body["business_date"]  # HQ's business date
    started = group_api.call("POST", "/v1/group/consolidations", {"as_of": today})
    assert started.status == 202, started.body
    deadline = time.monotonic() + RUN_TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        run = group_api.get(f"/v1/group/consolidations/{started.body['run_id']}").body
        if run["status"] not in ("QUEUED", "RUNNING"):
            break
        time.sleep(0.25)
    assert run["status"] == "SUCCEEDED", run
    return group_api.get("/v1/group/dashboard").body


@pytest.fixture(autouse=True)
def _screenshots_without_toasts(request):
    """Toasts come and go over the header; screenshots show the page itself."""
    for name in ("ui", "phone_ui"):
        if name in request.fixturenames:
            request.getfixturevalue(name).page.context.add_init_script(
                "document.addEventListener('DOMContentLoaded', () => {"
                " const style = document.createElement('style');"
                " style.textContent = '.ant-message { visibility: hidden !important; }';"
                " document.head.appendChild(style); });"
            )


def _field_error(page, field_id: str):
    return page.locator(".ant-form-item", has=page.locator(f"[id='{field_id}']")).locator(".ant-form-item-explain-error")


def _points(page, test_id: str) -> tuple[int, int]:
    """What the chart drew: (series, data points), read back from the ECharts instance's option."""
    chart = page.get_by_test_id(test_id)
    expect(chart).to_have_attribute("data-points", _nonzero)
    return int(chart.get_attribute("data-series")), int(chart.get_attribute("data-points"))


_nonzero = __import__("re").compile(r"^[1-9]\d*$")


def test_hq_starts_a_consolidation_follows_it_and_reads_the_dashboard(ui, group_api):
    page = ui.page
    before = group_api.get("/v1/group/dashboard")
    if before.status == 404:
        ui.allowed_http_errors.add(404)  # the dashboard has no snapshot to show yet

    # Given HQ's risk officer, signed in, on the group dashboard
    ui.login(RISK)
    page.get_by_test_id("nav-hq-dashboard").click()
    expect(page.get_by_test_id("page-title")).to_have_text("集团驾驶舱")
    if before.status == 404:
        expect(page.get_by_test_id("state-empty")).to_be_visible()
        ui.shot("hq-dashboard-empty", full_page=False)

    # When they start a consolidation of today from the runs page
    page.get_by_test_id("nav-consolidation").click()
    page.get_by_test_id("runs-table").wait_for()
    ui.shot("hq-consolidation-runs")
    page.get_by_test_id("run-start").click()

    # Then the run view follows it, step by step, to SUCCEEDED
    expect(page.get_by_test_id("run-detail")).to_be_visible()
    expect(page.get_by_test_id("run-status")).to_have_attribute("data-status", "SUCCEEDED", timeout=RUN_TIMEOUT_MS)
    for step in ("list_subsidiaries", "extract", "consolidate", "check_limits", "persist", "raise_warnings"):
        expect(page.get_by_test_id(f"step-{step}")).to_have_attribute("data-state", "finish")
    for sub in ("demo-lending", "demo-leasing", "demo-factoring"):
        expect(page.get_by_test_id(f"sub-status-{sub}")).to_have_attribute("data-status", "extracted")
    run_id = page.url.rsplit("/", 1)[-1]
    ui.shot("hq-consolidation-run")

    # And the dashboard of that date charts the snapshot
    page.get_by_test_id("run-to-dashboard").click()
    expect(page.get_by_test_id("hq-dashboard")).to_have_attribute("data-run", run_id)
    assert _points(page, "chart-subsidiary") == (1, 3)
    assert _points(page, "chart-product-kind") == (1, 3)
    assert _points(page, "chart-classification") == (1, 5)  # 正常 关注 次级 可疑 损失
    assert _points(page, "chart-delinquency") == (1, 7)
    assert _points(page, "chart-industry")[1] >= 5
    series, points = _points(page, "chart-npl-trend")
    assert series == 2 and points >= 2
    series, points = _points(page, "chart-top10")
    assert series >= 2 and points == 10 * series  # stacked by subsidiary
    expect(page.get_by_test_id("top10-table").locator("tbody tr.ant-table-row")).to_have_count(10)
    assert page.get_by_test_id("kpi-hhi").inner_text().split()[-1].startswith("0.")
    page.wait_for_timeout(300)
    ui.shot("hq-dashboard")  # docs/screenshots/hq-dashboard.png is a copy of it (the README shows it)

    # When they open the largest customer: its exposure by subsidiary, then its connected group
    top = group_api.get(f"/v1/group/dashboard?as_of={page.url.split('as_of=')[1][:10]}").body["top10"][0]
    page.get_by_test_id("top10-link-1").click()
    detail = page.get_by_test_id("customer-detail")
    expect(detail).to_have_attribute("data-level", "customer")
    rows = page.get_by_test_id("customer-breakdown").locator("tbody tr.ant-table-row")
    expect(rows).to_have_count(len(top["by_subsidiary"]))
    for sub in top["by_subsidiary"]:  # each subsidiary by its name, not its id
        expect(page.get_by_test_id("customer-breakdown")).to_contain_text(TENANT_NAMES[sub])
    _points(page, "chart-customer-subsidiary")
    ui.shot("hq-customer-drilldown")
    if top.get("group_customer_id"):
        page.get_by_test_id("customer-group-link").click()
        expect(detail).to_have_attribute("data-level", "group_customer")
        assert page.get_by_test_id("customer-members").locator("tbody tr.ant-table-row").count() >= 2
        ui.shot("hq-group-customer-drilldown")


def test_hq_acknowledges_a_warning_with_a_note(ui, snapshot):
    page = ui.page
    ui.login(RISK)
    page.get_by_test_id("nav-warnings").click()
    page.get_by_test_id("warning-status-filter").click()
    page.locator(".ant-select-item-option", has_text="待处理").click()
    expect(page).to_have_url(__import__("re").compile(r"status=open"))
    button = page.locator("[data-testid^='warning-ack-wrn_']").first
    button.wait_for()
    warning_id = button.get_attribute("data-testid").removeprefix("warning-ack-")
    ui.shot("hq-warnings")

    button.click()
    page.get_by_test_id("warning-ack-submit").click()  # no note yet: refused on the spot
    expect(_field_error(page, "note")).to_have_text("必填")
    page.get_by_test_id("warning-note").fill("已通知保理公司催收，暂停贷款公司新增授信")
    with page.expect_response(lambda r: r.url.endswith("/acknowledge")) as answered:
        page.get_by_test_id("warning-ack-submit").click()
    assert answered.value.status == 200

    # Acknowledged, it leaves the open list and shows, with its note, under "acknowledged"
    expect(page.get_by_test_id(f"warning-ack-{warning_id}")).to_have_count(0)
    page.goto(ui.base_url + "/hq/warnings?status=acknowledged")
    row = page.locator("tr", has=page.get_by_test_id(f"warning-status-{warning_id}"))
    row.locator(".ant-table-row-expand-icon").click()
    expect(page.get_by_test_id(f"warning-note-{warning_id}")).to_contain_text("暂停贷款公司新增授信")
    ui.shot("hq-warnings-acknowledged")


def test_hq_sets_a_limit_after_the_form_points_out_what_is_missing(ui, group_api):
    page = ui.page
    version = group_api.get("/v1/group/limits").body["version"]
    ui.login(RISK)
    page.get_by_test_id("nav-limits").click()
    page.get_by_test_id("limits-save").wait_for()

    # A limit given only as a share of net capital, with no net capital: refused before sending
    page.locator("#limits_net_capital").fill("")
    page.locator("#limits_single_customer_amount").fill("")
    page.locator("#limits_single_customer_share_of_net_capital").fill("10")
    page.get_by_test_id("limits-add-industries").click()
    page.locator("#limits_industries_0_code").fill("x1")
    page.locator("#limits_industries_0_amount").fill("3000000")
    page.get_by_test_id("limits-save").click()
    expect(_field_error(page, "limits_single_customer_share_of_net_capital")).to_have_text("仅按净资本比例设置时，须先填写集团净资本")
    expect(_field_error(page, "limits_industries_0_code")).to_have_text("行业代码为门类字母加 2–4 位数字，如 C 或 C33")
    ui.shot("hq-limits-invalid")

    # Fixed, it is saved: the single-customer limit is the lower of 10% of net capital and the amount
    page.locator("#limits_net_capital").fill("80000000.00")
    page.locator("#limits_single_customer_amount").fill("12000000.00")
    page.locator("#limits_industries_0_code").fill("C33")
    with page.expect_response(lambda r: r.url.endswith("/v1/group/limits") and r.request.method == "PUT") as answered:
        page.get_by_test_id("limits-save").click()
    assert answered.value.status == 200
    expect(page.get_by_test_id("limits-effective")).to_contain_text("8,000,000.00")
    saved = group_api.get("/v1/group/limits").body
    assert saved["version"] == version + 1
    assert saved["single_customer"] == {"amount": "12000000.00", "share_of_net_capital": "0.1"}
    assert saved["industries"] == {"C33": {"amount": "3000000", "share_of_net_capital": None}}
    ui.shot("hq-limits")


def test_hq_downloads_a_report_dataset_with_its_token(ui, snapshot, group_api):
    page = ui.page
    ui.login(RISK)
    page.get_by_test_id("nav-reports").click()
    expect(page.get_by_test_id("reports-run")).to_be_visible()
    # Passed or failed depends on what else this session booked: the demo exposures tie to a
    # subsidiary's ledger only until other tests disburse real contracts there. The page shows the
    # run's own verdict and the rules behind it.
    run_id = page.get_by_test_id("reports-run").get_attribute("data-run")
    verdict = group_api.get(f"/v1/group/consolidations/{run_id}").body["validation_status"]
    expect(page.get_by_test_id("report-validation")).to_have_attribute("data-status", verdict)
    page.get_by_test_id("validation-rules").locator("tbody tr.ant-table-row").first.wait_for()
    ui.shot("hq-reports")

    with page.expect_download() as downloaded:
        page.get_by_test_id("report-download-exposures.csv").click()
    download = downloaded.value
    assert download.suggested_filename.endswith("exposures.csv")
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows and "contract_id" in rows[0]
    run = group_api.get(f"/v1/group/consolidations/{run_id}").body
    assert len(rows) == run["headline"]["contracts"]
    assert any("申江" in r["customer_label"] for r in rows)  # the shared customer, booked in two subsidiaries


def test_group_admin_onboards_a_subsidiary(ui):
    page = ui.page
    tenant_id = f"e2e-sub-{uuid.uuid4().hex[:6]}"
    ui.login(ADMIN)
    page.get_by_test_id("nav-onboarding").click()
    page.get_by_test_id("onboard-submit").wait_for()

    page.get_by_test_id("onboard-submit").click()  # empty: every required field says so
    expect(_field_error(page, "onboarding_id")).to_have_text("必填")
    page.locator("#onboarding_id").fill(tenant_id)
    page.locator("#onboarding_kind").click()
    page.locator(".ant-select-item-option", has_text="融资担保").click()
    page.locator("[id='onboarding_name_zh-CN']").fill("浏览器测试融资担保有限公司")
    page.locator("[id='onboarding_name_en-US']").fill("Browser Test Guarantee Co.")
    page.locator("#onboarding_admin_username").fill(f"tenant-admin@{tenant_id}")
    ui.shot("hq-onboarding")
    with page.expect_response(lambda r: r.url.endswith("/v1/tenants") and r.request.method == "POST") as answered:
        page.get_by_test_id("onboard-submit").click()
    assert answered.value.status == 201

    expect(page.get_by_test_id("onboard-done")).to_contain_text("浏览器测试融资担保有限公司")
    expect(page.get_by_test_id("onboard-tenant-id")).to_have_text(tenant_id)
    expect(page.get_by_test_id("onboard-temp-password")).not_to_be_empty()
    ui.shot("hq-onboarding-done")


def test_the_dashboard_and_a_run_fit_a_phone(phone_ui, snapshot):
    page = phone_ui.page
    phone_ui.login(RISK)
    phone_ui.open("/hq/dashboard")
    expect(page.get_by_test_id("chart-subsidiary")).to_have_attribute("data-points", "3")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_ui.shot("hq-dashboard-phone")
    phone_ui.open(f"/hq/consolidation/{snapshot['run']['run_id']}")
    expect(page.get_by_test_id("run-status")).to_have_attribute("data-status", "SUCCEEDED")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    phone_ui.shot("hq-consolidation-run-phone")


def test_a_partial_run_names_the_missing_subsidiary_and_a_failed_load_can_be_retried(ui):
    page = ui.page
    ui.allowed_http_errors.add(500)
    run = {
        "run_id": "csr_PARTIAL", "group_id": "demo-group", "as_of": "2026-11-20", "status": "PARTIAL", "trigger": "api",
        "requested_by": RISK, "missing_subsidiaries": ["demo-factoring"], "reports": [], "headline": None,
        "steps": [{"step": "list_subsidiaries", "status": "succeeded"}, {"step": "extract", "status": "partial"}],
        "subsidiary_progress": [
            {"subsidiary_id": "demo-lending", "status": "extracted", "attempts": 1, "exposures": 14, "error": None},
            {"subsidiary_id": "demo-factoring", "status": "failed", "attempts": 3, "exposures": None,
             "error": {"name": "ThrottlingException", "message": "Rate exceeded"}},
        ],
    }
    ui.login(RISK)
    page.route("**/v1/group/consolidations/csr_PARTIAL", lambda route: route.fulfill(status=200, json=run))
    ui.open("/hq/consolidation/csr_PARTIAL")
    expect(page.get_by_test_id("run-partial")).to_contain_text("demo-factoring")
    expect(page.get_by_test_id("sub-status-demo-factoring")).to_have_attribute("data-status", "failed")
    expect(page.get_by_test_id("step-extract")).to_have_attribute("data-state", "error")
    ui.shot("hq-consolidation-run-partial", full_page=False)

    failure = {"error": {"code": "internal.error", "message": "internal error", "details": {}}}
    page.route("**/v1/group/warnings*", lambda route: route.fulfill(status=500, json=failure))
    ui.open("/hq/warnings")
    expect(page.get_by_test_id("state-error")).to_have_text("服务器内部错误，请稍后重试")
    page.unroute("**/v1/group/warnings*")
    page.get_by_role("button", name="重试").click()
    page.get_by_test_id("warnings-table").wait_for()
    expect(page.get_by_test_id("state-error")).to_have_count(0)
