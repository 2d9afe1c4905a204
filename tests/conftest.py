"""Shared fixtures.

Integration tests run against the embedded AWS (moto on loopback, with the project's shims) — or,
when ``AWS_ENDPOINT_URL`` is set, against that endpoint (a LocalStack, say), creating everything
under a unique prefix and removing it afterwards.
"""
from __future__ import annotations

import os
import threading
import uuid
from typing import Iterator

import pytest

from tests.support import EXTERNAL_AWS, TEST_BUSINESS_DATE, Api, LocalHttpServer, LoginCache


def pytest_configure(config: pytest.Config) -> None:
    """Under libfaketime (scripts/test-on-dates.sh runs the date-sensitive suites at chosen dates),
    Python's ``time.sleep`` fails: it sleeps with ``clock_nanosleep`` to an absolute deadline on the
    monotonic clock, which libfaketime 0.9.10 answers with EINVAL even when told to leave the
    monotonic clock alone. A timed wait on an ``Event`` sleeps just as long without that call, so the
    session sleeps that way. Nothing else about time changes: the faked wall clock is the point."""
    if "faketime" not in os.environ.get("LD_PRELOAD", ""):
        return
    import time

    def sleep(seconds: float) -> None:
        threading.Event().wait(max(0.0, float(seconds)))

    time.sleep = sleep


# When `make test` spreads the suite over the machine's cores (pytest-xdist, ``--dist loadscope``),
# each family with session fixtures of its own (a browser, DynamoDB Local, months of closes) runs whole
# on one worker: tests/e2e, tests/infra and each folder under tests/integration. The rest are grouped
# by file. The slowest family is handed out first. (xdist's own ``loadgroup`` renames node ids through
# an attribute pytest 9 no longer reads, so the families are xdist scopes here instead.)
_SLOWEST_FAMILY = "tests/integration/risk"


def _work_group(nodeid: str) -> str:
    path = nodeid.split("::", 1)[0]
    parts = path.split("/")
    if len(parts) > 2 and parts[1] in ("e2e", "infra"):
        return "/".join(parts[:2])
    if len(parts) > 3 and parts[1] == "integration":
        return "/".join(parts[:3])
    return path


def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    from xdist.scheduler import LoadScopeScheduling

    class FamilyScheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return _work_group(nodeid)

    return FamilyScheduling(config, log)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if hasattr(config, "workerinput"):  # an xdist worker: its collection order is the hand-out order
        items.sort(key=lambda item: _work_group(item.nodeid) != _SLOWEST_FAMILY)  # stable: keeps file order


@pytest.fixture(scope="session")
def local_env() -> Iterator[object]:
    from chalicelib.local import seed, stack

    prefix = f"jk-test-{uuid.uuid4().hex[:8]}"
    env = stack.start(prefix=prefix)
    # Each suite seeds the business data it relies on; every tenant's books start on a fixed date.
    seed.seed(business_data=False, business_date=TEST_BUSINESS_DATE)
    yield env
    env.close(remove_resources=EXTERNAL_AWS)


@pytest.fixture(scope="session")
def logins(local_env) -> LoginCache:
    return LoginCache()


@pytest.fixture(scope="session")
def chalice_app(local_env):
    import app as chalice_app

    return chalice_app.app


@pytest.fixture()
def api(chalice_app, logins) -> Iterator[Api]:
    """Calls routes through Chalice's test client, as a named demo user."""
    from chalice.test import Client

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


@pytest.fixture(scope="session")
def http_server(chalice_app) -> Iterator[LocalHttpServer]:
    """The real local HTTP server (Chalice's dev server, as ``make run`` serves it) on an ephemeral loopback port."""
    from chalicelib.local.http_server import create_server

    server = create_server(chalice_app, "127.0.0.1", 0)
    thread = threading.Thread(target=server.server.serve_forever, daemon=True)
    thread.start()
    yield LocalHttpServer(f"http://127.0.0.1:{server.server.server_address[1]}")
    server.server.shutdown()


