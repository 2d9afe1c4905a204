"""The Python partner SDK against the local stack (the real HTTP server, its token endpoint, moto):
client credentials, a quote, a customer, an application with an idempotent retry, a paginated list,
typed errors, token refresh, a 429 retried after Retry-After, and the README's snippets executed."""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from chalicelib.shared import clock
from tests.builders import individual, loan_application
from tests.partner_support import ALL_SCOPES, register, sdk_on_path

sdk_on_path()

import httpx  # noqa: E402 — after the SDK's path is set
from jinkong_partner import Jinkong, errors, webhooks  # noqa: E402

pytestmark = pytest.mark.http
README = Path(__file__).resolve().parents[2] / "README.md"
LOAN = {"kind": "loan", "principal": "30000.00", "annual_rate": "0.128", "term": 12, "frequency": "monthly",
        "amortization": "annuity", "start_date": "2026-12-01"}


@pytest.fixture(scope="module")
def demo_products(local_env):
    from chalicelib.local.demo.products import seed_demo_products

    return seed_demo_products()


@pytest.fixture(scope="module")
def api_module(chalice_app, logins):
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


@pytest.fixture(scope="module")
def partner(api_module):
    return register(api_module, "SDK partner", ALL_SCOPES, rate_tier="premium")


def _sdk(http_server, creds, **kw) -> Jinkong:
    return Jinkong(http_server.url, creds.client_id, creds.client_secret, sleep=lambda s: None, **kw)


def _snippet(marker: str) -> str:
    found = re.search(rf"<!-- quickstart:{marker} -->\s*```python\n(.*?)```", README.read_text(), re.S)
    assert found, f"README has no {marker} snippet"
    return found.group(1)


def test_a_quote_and_a_customer_through_client_credentials(http_server, partner):
    with _sdk(http_server, partner) as jk:
        quote = jk.quotes.quote_terms(body=LOAN)
        customer = jk.customers.register_customer(body=individual())
        assert jk.credentials.fetched == 1
    assert quote.totals.principal == "30000.00" and len(quote.installments) == 12
    assert customer.id and customer.type_ == "individual"


def test_an_application_is_opened_once_when_its_answer_is_lost_and_the_sdk_retries(http_server, partner, demo_products):
    class LoseFirstAnswer(httpx.HTTPTransport):
        """The first POST reaches the API and runs; its answer is lost as a 503 on the way back."""
        lost = 0

        def handle_request(self, request):
            response = super().handle_request(request)
            if request.method == "POST" and request.url.path == "/v1/applications" and not self.lost:
                self.lost += 1
                response.read()
                return httpx.Response(503, json={"error": {"code": "gateway.timeout", "message": "lost"}})
            return response

    with _sdk(http_server, partner, transport=LoseFirstAnswer()) as jk:
        customer = jk.customers.register_customer(body=individual())
        opened = jk.applications.open_application(body=loan_application(customer.id))
        mine = [a for a in jk.paginate(jk.applications.list_applications, limit=100)
                if a.customer.id == customer.id]
    assert [a.id for a in mine] == [opened.id]
    assert jk.transport.inner.lost == 1
    # The partner application is the application's originator (its maker, for segregation of duties).
    assert (opened.officer.user_id, opened.officer.username) == (partner.application_id, "SDK partner")


def test_paginate_follows_next_cursors_through_every_page(http_server, partner):
    with _sdk(http_server, partner) as jk:
        made = {jk.customers.register_customer(body=individual()).id for _ in range(3)}
        seen = []
        for customer in jk.paginate(jk.customers.list_customers, limit=2):
            seen.append(customer.id)
        assert made <= set(seen) and len(seen) == len(set(seen)) and len(seen) >= 3


def test_errors_are_typed_from_the_error_model(http_server, api_module, partner):
    quoting = register(api_module, "SDK quotes only", ["quotes:write"])
    with _sdk(http_server, partner) as jk:
        with pytest.raises(errors.RuleViolation) as bad:
            jk.quotes.quote_terms(body={**LOAN, "principal": "thirty thousand"})
        with pytest.raises(errors.NotFound) as absent:
            jk.applications.get_application("ap00000000000000")
    with _sdk(http_server, quoting) as jk:
        with pytest.raises(errors.Forbidden) as scope:
            jk.customers.register_customer(body=individual())
    assert (bad.value.status, bad.value.code) == (422, "quotes.principal.invalid")
    assert absent.value.status == 404
    assert (scope.value.code, scope.value.details["scope"]) == ("auth.scope.missing", "customers:write")


def test_a_refused_token_is_fetched_again_once(http_server, partner):
    with _sdk(http_server, partner) as jk:
        jk.quotes.quote_terms(body=LOAN)
        jk.credentials._token = "expired.or.rotated"
        assert jk.quotes.quote_terms(body=LOAN).totals.principal == "30000.00"
        assert jk.credentials.fetched == 2


def test_a_429_is_retried_after_retry_after(http_server, api_module):
    creds = register(api_module, "SDK throttled", ["customers:write"], rate_tier="sandbox")  # burst 5
    fixed = clock.FixedClock(datetime.now(timezone.utc))
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        fixed.advance(seconds=seconds)  # the API's clock moves on while the SDK waits

    wired = clock._clock
    clock.use(clock=fixed)
    try:
        with Jinkong(http_server.url, creds.client_id, creds.client_secret, sleep=sleep) as jk:
            for _ in range(6):
                jk.customers.list_customers(limit=1)
    finally:
        clock._clock = wired
    assert slept == [1.0]


def test_the_readme_quickstart_prices_a_loan_and_opens_an_application(http_server, partner, demo_products, capsys):
    with _sdk(http_server, partner) as jk:
        customer = jk.customers.register_customer(body=individual())
    code = _snippet("python")
    assert len([line for line in code.splitlines() if line.strip()]) <= 6
    exec(code, {"BASE_URL": http_server.url, "CLIENT_ID": partner.client_id,  # noqa: S102 — the README's own code
                "CLIENT_SECRET": partner.client_secret, "CUSTOMER_ID": customer.id})
    payment, application_id, status = capsys.readouterr().out.split()
    assert re.fullmatch(r"\d+\.\d{2}", payment) and application_id and status == "draft"


def test_the_readme_webhook_snippet_verifies_a_signed_delivery_and_refuses_a_forged_one(capsys):
    from chalicelib.payments import domain  # the signer the delivery worker uses

    secret = "whsec_readme_test"
    body = json.dumps({"id": "evt_1", "type": "loan.disbursed", "created": 1, "tenant_id": "demo-lending",
                       "data": {"contract_id": "ct1"}}, separators=(",", ":")).encode()
    import time

    header = domain.signature_header(secret, int(time.time()), body)
    code = _snippet("webhook")
    exec(code, {"request_body": body, "request_headers": {"Jinkong-Signature": header},  # noqa: S102
                "SIGNING_SECRET": secret})
    assert capsys.readouterr().out.startswith("loan.disbursed ")
    with pytest.raises(webhooks.InvalidSignature):
        exec(code, {"request_body": body.replace(b"ct1", b"ct2"),  # noqa: S102
                    "request_headers": {"Jinkong-Signature": header}, "SIGNING_SECRET": secret})
