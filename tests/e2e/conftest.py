"""Browser tests: the built console (``frontend/dist``) served against the real local API, driven
through Debian's Chromium by Playwright.

Nothing is built or installed here. ``scripts/setup-browser.sh`` installs Chromium and
``scripts/build-console.sh`` builds the console (``make test-deps`` runs both); a fixture fails with
that advice when either is missing. One browser serves the session; each test gets a fresh context
(its own sessionStorage and localStorage), so tests do not leak sign-ins into each other.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "frontend" / "dist"
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",  # this machine's closed network refuses Chromium's own calls home
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}

# The browser reports a refused request (400 on a wrong password, 422 on invalid terms) as a console
# error; tests that provoke one say so, every other console error fails the test.
_HTTP_ERROR = re.compile(r"Failed to load resource: the server responded with a status of (\d{3})")


@pytest.fixture(scope="session")
def console_url(http_server) -> Iterator[str]:
    """The console, served on an ephemeral loopback port, its /config.json naming the test API."""
    if not (DIST / "index.html").exists():
        pytest.fail(
            "frontend/dist is missing: build the console first with scripts/build-console.sh "
            "(`make test-deps` does it).",
            pytrace=False,
        )
    from chalicelib.local import console

    server = console.start(http_server.url, port=0)
    assert server is not None
    yield server.url
    server.stop()


@pytest.fixture(scope="session")
def demo_products(local_env) -> list[object]:
    """The demo products with their approval history (test sessions seed tenants and users only)."""
    from chalicelib.local.demo.products import seed_demo_products

    return seed_demo_products()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's Chromium with scripts/setup-browser.sh "
            "(`make test-deps` does it; Playwright's own browser download does not work here).",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Console:
    """A page of the console plus the few moves every test makes."""

    page: object
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    allowed_http_errors: set[int] = field(default_factory=set)

    def open(self, path: str = "/") -> None:
        self.page.goto(self.base_url + path)

    def login(self, username: str, password: str | None = None) -> None:
        from chalicelib.local.seed import demo_password

        page = self.page
        if "/login" not in page.url:
            self.open("/login")
        page.locator("#username").fill(username)
        page.locator("#password").fill(password or demo_password())
        page.get_by_test_id("login-submit").click()
        page.get_by_test_id("tenant-name").wait_for()

    def nav_keys(self) -> list[str]:
        ids = self.page.locator("[data-testid^='nav-']:not([data-testid='nav-toggle'])").evaluate_all(
            "els => els.map(e => e.dataset.testid)"
        )
        return [i.removeprefix("nav-") for i in ids]

    def roles_shown(self) -> list[str]:
        return self.page.locator("[data-testid='user-roles'] [data-role]").evaluate_all(
            "els => els.map(e => e.dataset.role)"
        )

    def shot(self, name: str, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if full_page:
            # From the top: a scrolled page would show the sticky header and menu mid-picture.
            self.page.evaluate("window.scrollTo(0, 0)")
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def unexpected_errors(self) -> list[str]:
        def expected(message: str) -> bool:
            m = _HTTP_ERROR.search(message)
            return bool(m) and int(m.group(1)) in self.allowed_http_errors

        return [e for e in self.console_errors if not expected(e)]


def _new_console(browser, console_url: str, viewport: dict[str, int]) -> tuple[object, Console]:
    # Reduced motion switches off antd's and ECharts' animations: nothing to wait out before a screenshot.
    context = browser.new_context(
        viewport=viewport, locale="zh-CN", timezone_id="Asia/Shanghai", reduced_motion="reduce"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    console = Console(page, console_url)
    page.on("console", lambda m: console.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: console.console_errors.append(f"uncaught: {e}"))
    return context, console


@pytest.fixture()
def ui(browser, console_url) -> Iterator[Console]:
    """A fresh browser context at 1280 px; fails the test on any console error it did not expect."""
    context, console = _new_console(browser, console_url, DESKTOP)
    yield console
    context.close()
    assert console.unexpected_errors() == [], "console errors in the browser"


@pytest.fixture()
def phone_ui(browser, console_url) -> Iterator[Console]:
    """The same at a phone's width (390 px)."""
    context, console = _new_console(browser, console_url, PHONE)
    yield console
    context.close()
    assert console.unexpected_errors() == [], "console errors in the browser"
