"""Merchant webhook URLs go only to the public internet: checked at subscription and again at every
delivery, never following a redirect. Receivers here are on loopback (the local stage admits it);
addresses refused by the guard are IP literals, so refusing them queries no DNS and contacts nothing."""
from __future__ import annotations

import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.integration.origination.flows import ok

TENANT = "demo-leasing"


class Loopback:
    """An endpoint on 127.0.0.1 that answers every request with ``status`` (and ``location``)."""

    def __init__(self, status: int = 200, location: str | None = None):
        self.requests: list[str] = []
        endpoint = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                length = int(self.headers.get("Content-Length") or 0)
                self.rfile.read(length)
                endpoint.requests.append(self.command)
                self.send_response(status)
                if location:
                    self.send_header("Location", location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = do_POST = do_PUT = do_HEAD = _answer  # noqa: N815 — http.server's naming

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def endpoints():
    made: list[Loopback] = []

    def _make(status: int = 200, location: str | None = None) -> Loopback:
        made.append(Loopback(status, location))
        return made[-1]

    yield _make
    for endpoint in made:
        endpoint.close()


@pytest.fixture()
def admin(leasing):
    return leasing.as_("tenant-admin")


@pytest.fixture()
def subscribe(admin):
    made: list[str] = []

    def _subscribe(url: str) -> dict:
        sub = ok(admin.post("/v1/webhook-subscriptions", {"url": url, "event_types": ["repayment.received"]}), 201)
        made.append(sub["id"])
        return sub

    yield _subscribe
    for sub_id in made:
        assert admin.call("DELETE", f"/v1/webhook-subscriptions/{sub_id}").status == 204


def in_stage(monkeypatch, stage: str) -> None:
    """Payments' merchant webhooks as a deployed ``stage`` sees them (the rest of the app unchanged)."""
    from chalicelib.payments import webhooks_out
    from chalicelib.platform.settings import get_settings

    monkeypatch.setattr(webhooks_out, "get_settings", lambda: get_settings().model_copy(update={"stage": stage}))


def published_delivery(subscription_id: str) -> tuple[object, str]:
    """One merchant event published for demo-leasing: the system context and its delivery to the subscription."""
    from chalicelib.payments import webhooks_out
    from chalicelib.payments.service import system_context

    ctx = system_context(TENANT, "test")
    ids = webhooks_out.publish(ctx, "repayment.received", {"contract_id": "c-egress"}, source_id=uuid.uuid4().hex)
    [delivery_id] = [d for d in ids if webhooks_out.get_delivery(ctx, d)["subscription_id"] == subscription_id]
    return ctx, delivery_id


def subscription_urls(admin) -> list[str]:
    return [s["url"] for s in ok(admin.get("/v1/webhook-subscriptions?limit=200"))["items"]]


@pytest.mark.parametrize("url", [
    "https://169.254.169.254/latest/meta-data/", "https://10.0.0.1/hooks", "https://[fd00::1]/hooks",
    "https://100.64.0.1/hooks", "https://[::ffff:192.168.0.1]/hooks", "https://0xa9.0xfe.0xa9.0xfe/hooks",
    "https://2852039166/hooks", "https://224.0.0.1/hooks", "https://0.0.0.0/hooks", "https://192.0.2.1/hooks",
    "http://10.0.0.1/hooks",
])
def test_a_subscription_to_an_address_outside_the_public_internet_is_422_and_stores_nothing(admin, url):
    before = subscription_urls(admin)
    refused = admin.post("/v1/webhook-subscriptions", {"url": url, "event_types": ["repayment.received"]})

    assert (refused.status, refused.code) == (422, "payments.webhook.url_refused"), refused.body
    assert "169.254" not in refused.body["error"]["message"]  # the answer does not map the network
    assert subscription_urls(admin) == before


@pytest.mark.parametrize("url, code", [
    ("https://127.0.0.1/hooks", "payments.webhook.url_refused"),
    ("https://127.1/hooks", "payments.webhook.url_refused"),
    ("https://2130706433/hooks", "payments.webhook.url_refused"),
    ("https://0x7f.1/hooks", "payments.webhook.url_refused"),
    ("https://[::1]/hooks", "payments.webhook.url_refused"),
    ("https://[::ffff:127.0.0.1]/hooks", "payments.webhook.url_refused"),
    ("https://localhost/hooks", "payments.webhook.url_refused"),  # /etc/hosts: no DNS query leaves
    ("http://127.0.0.1:8080/hooks", "payments.subscription.url.invalid"),
    ("http://localhost:8080/hooks", "payments.subscription.url.invalid"),
])
def test_outside_the_local_stage_loopback_and_plain_http_are_refused(admin, monkeypatch, url, code):
    in_stage(monkeypatch, "dev")
    before = subscription_urls(admin)
    refused = admin.post("/v1/webhook-subscriptions", {"url": url, "event_types": ["repayment.received"]})

    assert (refused.status, refused.code) == (422, code), refused.body
    assert subscription_urls(admin) == before


def test_a_delivery_whose_destination_is_now_refused_fails_for_good_and_sends_nothing(
        subscribe, endpoints, monkeypatch):
    from chalicelib.payments import webhooks_out

    receiver = endpoints(200)
    sub = subscribe(receiver.url)  # the local stage admits a loopback receiver
    ctx, delivery_id = published_delivery(sub["id"])
    in_stage(monkeypatch, "prod")  # the same URL, judged again where loopback is refused

    after = webhooks_out.attempt_delivery(ctx, delivery_id)

    assert receiver.requests == []
    assert after["status"] == "failed" and after["attempts"] == 1
    [attempt] = webhooks_out.get_delivery(ctx, delivery_id)["attempt_log"]
    assert (attempt["status"], attempt["error"], attempt["retry_in_s"]) == (None, "destination_refused", None)


def test_a_redirect_is_a_failed_attempt_and_its_target_receives_nothing(subscribe, endpoints):
    from chalicelib.payments import webhooks_out

    target = endpoints(200)
    redirecting = endpoints(302, location=target.url)
    sub = subscribe(redirecting.url)
    ctx, delivery_id = published_delivery(sub["id"])

    after = webhooks_out.attempt_delivery(ctx, delivery_id)

    assert redirecting.requests == ["POST"] and target.requests == []
    assert after["status"] == "retrying" and after["last_status"] == 302
    [attempt] = webhooks_out.get_delivery(ctx, delivery_id)["attempt_log"]
    assert attempt["status"] == 302 and attempt["retry_in_s"]


def test_a_loopback_receiver_still_gets_its_signed_event_in_the_local_stage(subscribe, endpoints):
    from chalicelib.payments import webhooks_out

    receiver = endpoints(204)
    sub = subscribe(receiver.url.replace("127.0.0.1", "localhost"))
    ctx, delivery_id = published_delivery(sub["id"])

    assert webhooks_out.attempt_delivery(ctx, delivery_id)["status"] == "delivered"
    assert receiver.requests == ["POST"]
