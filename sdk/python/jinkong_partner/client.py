"""The hand-written core of Jinkong's partner SDK; the operations and models are generated
(``jinkong_api``, openapi-python-client) from the API's OpenAPI document and plugged in here.

    jk = Jinkong("https://api.example.com", client_id, client_secret)
    quote = jk.quotes.quote_terms(body={...})          # operation id "quotes.quote_terms"
    for app in jk.paginate(jk.applications.list_applications):  ...

What the core adds to every generated operation:

* client-credentials token fetch, kept until a minute before it expires, and fetched again once
  if the API answers 401 (a rotated or expired token);
* ``Idempotency-Key`` on every call that changes something (money-moving calls included), one key
  per logical call, kept across its retries — pass ``idempotency_key=`` to choose it;
* retries with exponential backoff (honouring ``Retry-After``) on 429 and 5xx and on connection
  errors, for idempotent calls: GETs, and calls carrying an ``Idempotency-Key``;
* typed errors (``jinkong_partner.errors``) from the error model, instead of a status to check;
* ``paginate``: an iterator over every item of a list, following its ``next`` cursors.
"""
from __future__ import annotations

import contextvars
import importlib
import threading
import time
import uuid
from typing import Any, Callable, Iterator

import httpx

from jinkong_partner.errors import JinkongError, Unauthorized, error_for

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
_chosen_key: contextvars.ContextVar[str | None] = contextvars.ContextVar("idempotency_key", default=None)
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class _Raw:
    """A request body given as a dict: sent as is (decimal strings stay strings)."""

    def __init__(self, data: dict[str, Any]):
        self._data = data

    def to_dict(self) -> dict[str, Any]:
        return self._data


class ClientCredentials(httpx.Auth):
    """OAuth 2.0 client credentials against Cognito's token endpoint (or the local stack's)."""

    requires_response_body = True

    def __init__(self, token_url: str, client_id: str, client_secret: str, scopes: list[str] | None = None,
                 clock: Callable[[], float] = time.time):
        self.token_url, self.client_id, self.client_secret = token_url, client_id, client_secret
        self.scopes, self._clock = scopes, clock
        self._token: str | None = None
        self._expires_at = 0.0
        self._lock = threading.Lock()
        self.fetched = 0  # how many tokens were fetched (a refresh counts)

    def _fetch(self) -> str:
        form = {"grant_type": "client_credentials"}
        if self.scopes:
            form["scope"] = " ".join(self.scopes)
        r = httpx.post(self.token_url, data=form, auth=(self.client_id, self.client_secret), timeout=30)
        if r.status_code != 200:
            raise Unauthorized(r.status_code, f"oauth.{r.json().get('error', 'token_refused')}",
                               "the token endpoint refused these client credentials")
        body = r.json()
        self._token = body["access_token"]
        self._expires_at = self._clock() + int(body.get("expires_in", 3600)) - 60
        self.fetched += 1
        return self._token

    def token(self, *, renew: bool = False) -> str:
        with self._lock:
            if renew or self._token is None or self._clock() >= self._expires_at:
                return self._fetch()
            return self._token

    def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
        request.headers["Authorization"] = f"Bearer {self.token()}"
        response = yield request
        if response.status_code == 401:
            request.headers["Authorization"] = f"Bearer {self.token(renew=True)}"
            yield request


class _Transport(httpx.BaseTransport):
    """Idempotency keys and retries with backoff around the real transport."""

    def __init__(self, inner: httpx.BaseTransport, max_retries: int, backoff_s: float,
                 sleep: Callable[[float], None]):
        self.inner, self.max_retries, self.backoff_s, self.sleep = inner, max_retries, backoff_s, sleep
        self.attempts = 0  # every attempt sent (tests and metrics read it)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method not in SAFE_METHODS and "Idempotency-Key" not in request.headers:
            request.headers["Idempotency-Key"] = _chosen_key.get() or str(uuid.uuid4())
        retryable = request.method in SAFE_METHODS or "Idempotency-Key" in request.headers
        attempt = 0
        while True:
            attempt += 1
            self.attempts += 1
            try:
                response = self.inner.handle_request(request)
            except httpx.TransportError:
                if not retryable or attempt > self.max_retries:
                    raise
                self.sleep(self.backoff_s * 2 ** (attempt - 1))
                continue
            if response.status_code not in RETRY_STATUSES or not retryable or attempt > self.max_retries:
                return response
            response.read()
            retry_after = response.headers.get("Retry-After")
            wait = float(retry_after) if retry_after and retry_after.isdigit() else self.backoff_s * 2 ** (attempt - 1)
            response.close()
            self.sleep(wait)

    def close(self) -> None:
        self.inner.close()


class Operation:
    """One generated operation (``jinkong_api.api.<tag>.<tag>_<name>``) bound to a ``Jinkong``."""

    def __init__(self, owner: "Jinkong", tag: str, name: str):
        module_tag = tag.replace("-", "_")
        self.operation_id = f"{tag}.{name}"
        self.module = importlib.import_module(f"jinkong_api.api.{module_tag}.{module_tag}_{name}")
        self.owner = owner

    def __call__(self, *args: Any, idempotency_key: str | None = None, **kwargs: Any) -> Any:
        if isinstance(kwargs.get("body"), dict):
            kwargs["body"] = _Raw(kwargs["body"])
        chosen = _chosen_key.set(idempotency_key)
        try:
            response = self.module.sync_detailed(*args, client=self.owner.generated, **kwargs)
        finally:
            _chosen_key.reset(chosen)
        if response.status_code >= 400:
            import json

            try:
                body = json.loads(response.content or b"null")
            except ValueError:
                body = None
            raise error_for(int(response.status_code), body, response.headers.get("X-Correlation-Id"))
        return response.parsed


class _Tag:
    def __init__(self, owner: "Jinkong", tag: str):
        self._owner, self._tag = owner, tag

    def __getattr__(self, name: str) -> Operation:
        if name.startswith("_"):
            raise AttributeError(name)
        try:
            return Operation(self._owner, self._tag, name)
        except ModuleNotFoundError as exc:
            raise AttributeError(f"no operation {self._tag}.{name} in this SDK") from exc


class Jinkong:
    """A partner's client: ``Jinkong(base_url, client_id, client_secret)``; operations by tag and name."""

    def __init__(self, base_url: str, client_id: str, client_secret: str, *, token_url: str | None = None,
                 scopes: list[str] | None = None, timeout_s: float = 30.0, max_retries: int = 3,
                 backoff_s: float = 0.5, sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None):
        from jinkong_api import Client

        self.base_url = base_url.rstrip("/")
        self.credentials = ClientCredentials(token_url or f"{self.base_url}/oauth2/token", client_id, client_secret,
                                             scopes)
        self.transport = _Transport(transport or httpx.HTTPTransport(), max_retries, backoff_s, sleep)
        self.http = httpx.Client(base_url=self.base_url, auth=self.credentials, transport=self.transport,
                                 timeout=timeout_s)
        self.generated = Client(base_url=self.base_url, raise_on_unexpected_status=False)
        self.generated.set_httpx_client(self.http)

    def __getattr__(self, tag: str) -> _Tag:
        if tag.startswith("_"):
            raise AttributeError(tag)
        return _Tag(self, tag)

    def paginate(self, operation: Operation, **kwargs: Any) -> Iterator[Any]:
        """Every item of a paginated list, page after page, following ``next`` until it is empty."""
        from jinkong_api.types import UNSET

        cursor: Any = UNSET
        while True:
            page = operation(next_=cursor, **kwargs) if cursor is not UNSET else operation(**kwargs)
            yield from page.items
            cursor = page.next_
            if not cursor or cursor is UNSET:
                return

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> "Jinkong":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


__all__ = ["ClientCredentials", "Jinkong", "JinkongError", "Operation"]
