"""Test helpers: demo logins through Cognito, and small clients for the API."""
from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterator

from chalicelib.local.seed import demo_password
from chalicelib.platform import aws
from chalicelib.platform.settings import get_settings

# Read once, at collection, before the embedded AWS sets AWS_ENDPOINT_URL for this process.
EXTERNAL_AWS = bool(os.environ.get("AWS_ENDPOINT_URL"))
# Every tenant's books start on this business date in a test session, whatever the machine's clock
# says; tests that need later dates move a tenant's business date forward explicitly.
TEST_BUSINESS_DATE = date(2026, 11, 23)


@contextmanager
def fixed_business_calendar(on: date) -> Iterator[None]:
    """Every tenant on business date ``on`` for the duration: for tests of a context on its own
    (the ledger's postings on made-up tenants), not about business dates themselves."""
    from chalicelib.shared import clock

    wired = clock._calendar
    clock.use(calendar=clock.FixedCalendar(on))
    try:
        yield
    finally:
        clock._calendar = wired


def login(username: str, password: str | None = None, client_id: str | None = None) -> dict[str, str]:
    """Sign in with USER_PASSWORD_AUTH, as the console does; returns Cognito's AuthenticationResult."""
    result = aws.client("cognito-idp").initiate_auth(
        ClientId=client_id or get_settings().user_pool_client_id,
        AuthFlow="USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": username, "PASSWORD": password or demo_password()},
    )
    return result["AuthenticationResult"]


class LoginCache:
    """ID tokens per demo user, fetched once per session (they live an hour)."""

    def __init__(self) -> None:
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()

    def token(self, username: str) -> str:
        with self._lock:
            if username not in self._tokens:
                self._tokens[username] = login(username)["IdToken"]
            return self._tokens[username]


@dataclass
class Result:
    status: int
    body: Any
    headers: dict[str, str]

    @property
    def code(self) -> str | None:
        return (self.body or {}).get("error", {}).get("code") if isinstance(self.body, dict) else None


class Api:
    """Chalice test-client calls as a named user: ``api.as_("loan-officer@demo-lending").get(...)``."""

    def __init__(self, client: Any, logins: LoginCache, token: str | None = None):
        self._client = client
        self._logins = logins
        self._token = token

    def as_(self, username: str) -> "Api":
        return Api(self._client, self._logins, self._logins.token(username))

    def with_token(self, token: str | None) -> "Api":
        return Api(self._client, self._logins, token)

    def call(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None) -> Result:
        h = {"Content-Type": "application/json", **(headers or {})}
        if self._token:
            h["Authorization"] = f"Bearer {self._token}"
        raw = body if isinstance(body, (str, bytes)) else (json.dumps(body) if body is not None else None)
        resp = self._client.http.request(method, path, headers=h, body=raw)
        text = resp.body.decode() if isinstance(resp.body, bytes) else resp.body
        return Result(resp.status_code, json.loads(text) if text else None, dict(resp.headers))

    def get(self, path: str, **kw: Any) -> Result:
        return self.call("GET", path, **kw)

    def post(self, path: str, body: Any = None, **kw: Any) -> Result:
        return self.call("POST", path, body, **kw)

    def put(self, path: str, body: Any = None, **kw: Any) -> Result:
        return self.call("PUT", path, body, **kw)


@dataclass
class LocalHttpServer:
    url: str

    def request(self, method: str, path: str, token: str | None = None, body: Any = None,
                headers: dict[str, str] | None = None) -> Result:
        h = dict(headers or {})
        if token:
            h["Authorization"] = f"Bearer {token}"
        data = None
        if body is not None:
            data = body if isinstance(body, bytes) else json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        req = urllib.request.Request(self.url + path, data=data, headers=h, method=method)
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:  # noqa: S310 — loopback test server
                text = resp.read().decode()
                return Result(resp.status, json.loads(text) if text else None, dict(resp.headers))
        except urllib.error.HTTPError as err:
            text = err.read().decode()
            return Result(err.code, json.loads(text) if text else None, dict(err.headers))
