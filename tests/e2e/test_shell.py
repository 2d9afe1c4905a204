"""Sign-in, the role-filtered shell, languages and sessions — in a real browser."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from chalicelib.local.seed import load_definitions

pytestmark = pytest.mark.browser

TENANT_NAMES = {d.id: {"zh-CN": d.name.zh_cn, "en-US": d.name.en_us} for d in load_definitions()}

HQ = ["hq-dashboard", "warnings", "limits", "consolidation", "reports"]
# Every subsidiary role reads the product shelf and the customers.
SHELF = ["products", "customers"]

# What each demo role sees in the side navigation, in menu order (one user per role).
HQ_BOOKS = ["group-facilities", "group-campaigns", "group-customers"]
BUSINESS = ["facilities", "customer-grades"]  # every subsidiary role reads facilities and grade runs
MARKETING = ["campaigns", "whitelists"]
NAVIGATION = {
    "admin@platform": ["calculator", "users", "tenants"],
    "group-admin@demo-group": ["calculator", *HQ, "onboarding", *HQ_BOOKS, "users", "tenants"],
    "group-risk@demo-group": ["calculator", *HQ, *HQ_BOOKS],
    "tenant-admin@demo-lending": [
        "calculator", *SHELF, "applications", "contracts", "collections", *BUSINESS, *MARKETING, "ledger",
        "webhooks", "admin", "users", "partners",
    ],
    "product-manager@demo-leasing": ["calculator", *SHELF, *BUSINESS, *MARKETING],
    "loan-officer@demo-lending": ["calculator", *SHELF, "applications", *BUSINESS, *MARKETING],
    "first-reviewer@demo-factoring": ["calculator", *SHELF, "applications", *BUSINESS],
    "second-reviewer@demo-leasing": ["calculator", *SHELF, "applications", *BUSINESS],
    "finance@demo-lending": ["calculator", *SHELF, "applications", "contracts", "collections", *BUSINESS, "ledger"],
    "collector@demo-leasing": ["calculator", *SHELF, "contracts", "collections", *BUSINESS],
    "viewer@demo-factoring": ["calculator", *SHELF, "applications", "contracts", "collections", *BUSINESS, *MARKETING,
                              "ledger"],
}


@pytest.mark.parametrize("username", list(NAVIGATION))
def test_each_role_sees_its_navigation_and_the_tenant_and_role_in_the_header(ui, username):
    role, tenant_id = username.split("@")

    ui.login(username)

    assert ui.nav_keys() == NAVIGATION[username]
    assert ui.page.get_by_test_id("tenant-name").inner_text() == TENANT_NAMES[tenant_id]["zh-CN"]
    assert ui.roles_shown() == [role if role != "admin" else "platform-admin"]
    assert ui.page.url.endswith("/calculator")  # everyone lands on the calculator
    # Every tenant with a business shows its business date; the platform has none.
    business_date = ui.page.get_by_test_id("business-date")
    if tenant_id == "platform":
        expect(business_date).to_have_count(0)
    else:
        expect(business_date).to_have_text(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    ui.shot(f"home-{role}-{tenant_id}", full_page=False)


def test_login_page_refuses_a_wrong_password_in_the_users_language(ui):
    ui.allowed_http_errors.add(400)  # Cognito answers NotAuthorizedException with a 400
    ui.open("/calculator")
    ui.page.get_by_test_id("login-form").wait_for()
    assert ui.page.url.endswith("/login")  # signed-out users are sent to sign in
    ui.shot("login")

    # By keyboard only: the username field has focus, Tab moves on, Enter submits.
    ui.page.keyboard.type("loan-officer@demo-lending")
    ui.page.keyboard.press("Tab")
    ui.page.keyboard.type("not-the-password")
    ui.page.keyboard.press("Enter")

    assert ui.page.get_by_test_id("login-error").inner_text() == "用户名或密码错误"
    ui.shot("login-wrong-password")


def test_empty_login_form_is_validated_before_sending(ui):
    ui.open("/login")
    ui.page.get_by_test_id("login-submit").click()
    expect(ui.page.get_by_text("请输入用户名")).to_be_visible()
    expect(ui.page.get_by_text("请输入密码")).to_be_visible()


def test_language_switch_changes_the_ui_and_is_remembered(ui):
    page = ui.page
    ui.login("loan-officer@demo-lending")
    assert page.get_by_test_id("nav-calculator").inner_text() == "报价计算器"

    page.get_by_test_id("lang-switch").click()
    page.get_by_test_id("lang-en-US").click()

    assert page.get_by_test_id("nav-calculator").inner_text() == "Quote calculator"
    assert page.get_by_test_id("page-title").inner_text() == "Quote calculator"
    assert page.get_by_test_id("tenant-name").inner_text() == TENANT_NAMES["demo-lending"]["en-US"]
    assert page.get_by_test_id("user-roles").inner_text() == "Loan officer"
    assert page.locator("html").get_attribute("lang") == "en-US"
    ui.shot("calculator-en-US", full_page=False)

    page.reload()
    page.get_by_test_id("tenant-name").wait_for()
    assert page.get_by_test_id("nav-calculator").inner_text() == "Quote calculator"  # persisted in localStorage

    page.get_by_test_id("lang-switch").click()
    page.get_by_test_id("lang-zh-CN").click()
    assert page.get_by_test_id("page-title").inner_text() == "报价计算器"
    assert page.get_by_test_id("user-roles").inner_text() == "客户经理"


# Raw message keys ("svc.col.dpd") on screen would mean a text the language lacks.
_RAW_KEY = re.compile(r"\b(?:nav|svc|hq|ledger|wh|eod|admin|clearing|appl|cust|pf|calc|inv|contract|state)\.[A-Za-z][\w.]+")


@pytest.mark.parametrize("locale", ["zh-CN", "en-US"])
@pytest.mark.parametrize("username", ["tenant-admin@demo-lending", "group-admin@demo-group"])
def test_every_page_in_the_menu_opens_under_its_own_title(ui, username, locale):
    """Each page the menu offers opens, titled as its menu entry in the user's language, with no
    message key left untranslated and no console error (what each page does is the subject of its
    own browser test)."""
    page = ui.page
    # Until HQ's first consolidation the dashboard's API answers 404 and the page offers to start one.
    ui.allowed_http_errors.add(404)
    ui.login(username)
    if locale != "zh-CN":
        page.get_by_test_id("lang-switch").click()
        page.get_by_test_id(f"lang-{locale}").click()
    for key in NAVIGATION[username][1:]:
        link = page.get_by_test_id(f"nav-{key}")
        link.click()
        expect(page.get_by_test_id("page-title")).to_have_text(link.inner_text())
        expect(page.locator("main .ant-spin-spinning")).to_have_count(0, timeout=15_000)  # loaded
        assert not _RAW_KEY.findall(page.locator("main").inner_text()), key
        ui.shot(f"page-{key}-{locale}", full_page=False)
    assert ui.unexpected_errors() == []


def test_a_page_outside_the_users_roles_is_refused(ui):
    ui.login("loan-officer@demo-lending")
    ui.open("/tenants")
    ui.page.get_by_test_id("forbidden").wait_for()
    assert "tenants" not in ui.nav_keys()
    ui.shot("forbidden", full_page=False)


def test_logout_ends_the_session(ui):
    page = ui.page
    ui.login("finance@demo-lending")
    page.get_by_test_id("logout").click()
    page.get_by_test_id("login-form").wait_for()

    ui.open("/ledger")
    page.get_by_test_id("login-form").wait_for()
    assert page.url.endswith("/login")
    assert page.evaluate("sessionStorage.getItem('jinkong.session')") is None


def test_session_survives_a_reload_and_is_refreshed_before_it_expires(ui):
    page = ui.page
    ui.login("collector@demo-leasing")
    # Pretend the ID token is about to expire: the next API call must refresh it first.
    page.evaluate(
        """() => {
            const s = JSON.parse(sessionStorage.getItem('jinkong.session'));
            s.expiresAt = Date.now() + 20000;
            sessionStorage.setItem('jinkong.session', JSON.stringify(s));
        }"""
    )
    with page.expect_request(lambda r: r.method == "POST" and "REFRESH_TOKEN_AUTH" in (r.post_data or "")):
        page.reload()
    page.get_by_test_id("tenant-name").wait_for()

    assert page.get_by_test_id("tenant-name").inner_text() == TENANT_NAMES["demo-leasing"]["zh-CN"]
    minutes_left = page.evaluate("(JSON.parse(sessionStorage.getItem('jinkong.session')).expiresAt - Date.now()) / 60000")
    assert minutes_left > 10


def test_narrow_screen_uses_a_drawer_for_navigation(phone_ui):
    page = phone_ui.page
    phone_ui.login("loan-officer@demo-lending")
    assert page.get_by_test_id("tenant-name").is_visible()
    assert page.get_by_test_id("user-roles").is_visible()
    assert not page.get_by_test_id("nav-calculator").is_visible()
    phone_ui.shot("narrow-calculator")

    page.get_by_test_id("nav-toggle").click()
    page.get_by_test_id("nav-applications").wait_for()
    phone_ui.shot("narrow-drawer", full_page=False)
    page.get_by_test_id("nav-applications").click()

    page.get_by_test_id("applications-table").wait_for()
    assert re.search(r"/applications$", page.url)
