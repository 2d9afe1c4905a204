"""Shared fixtures.

Integration tests run against the embedded AWS (moto on loopback, with the project's shims) — or,
when ``AWS_ENDPOINT_URL`` is set, against that endpoint (a LocalStack, say), creating everything
under a unique prefix and removing it afterwards.
"""
from __future__ import annotations

import os
import threading
import uuid
from datetime import datetime, timezone
from typing import Iterator

import pytest

from tests.support import EXTERNAL_AWS, TEST_BUSINESS_DATE, Api, LocalHttpServer, LoginCache


def pytest_configure(config: pytest.Config) -> None:
    """``JINKONG_TEST_AT=2028-02-29T12:00:00`` starts this process's wall clock at that instant (UTC)
    and lets it tick on (scripts/test-on-dates.sh). time-machine replaces Python's wall-clock reads
    only; monotonic time, sleeps and timed waits stay real."""
    at = os.environ.get("JINKONG_TEST_AT")
    if not at:
        return
    import time_machine

    instant = datetime.fromisoformat(at)
    traveller = time_machine.travel(instant if instant.tzinfo else instant.replace(tzinfo=timezone.utc), tick=True)
    traveller.start()
    config.add_cleanup(traveller.stop)


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
