"""Merchant webhooks: signed like Stripe, queued, retried with backoff, each attempt logged."""
from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.integration.origination.flows import ok
from tests.integration.payments.flows import payment_intent


class Receiver:
    """A merchant's endpoint on loopback: verifies our signature, fails the first ``failures`` calls."""

    def __init__(self, failures: int):
        self.failures, self.secret = failures, None
        self.calls, self.acknowledged, self.bad_signatures = 0, [], 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — http.server's naming
                from chalicelib.payments.domain import verify_signature_header

                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.calls += 1
                if not verify_signature_header(receiver.secret, self.headers.get("Jinkong-Signature"), body,
                                               int(time.time())):
                    receiver.bad_signatures += 1
                    self.send_response(400)
                elif receiver.calls <= receiver.failures:
                    self.send_response(503)
                else:
                    receiver.acknowledged.append(json.loads(body))
                    self.send_response(200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self):
        self.server.shutdown()


def drain_queue(until, timeout_s: float = 20.0) -> int:
    """Poll the delivery queue as Lambda's event source mapping (and ``make run``) does, until done."""
    from chalicelib.local.event_source import poll_once
    from chalicelib.payments.tasks import deliver_webhooks
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    sqs, url, calls = aws.client("sqs"), get_settings().webhook_queue_url, 0
    deadline = time.monotonic() + timeout_s
    while not until() and time.monotonic() < deadline:
        calls += 1 if poll_once(sqs, url, deliver_webhooks) else 0
    return calls


@pytest.fixture()
def flaky_receiver():
    receiver = Receiver(failures=2)
    yield receiver
    receiver.close()


def test_a_receiver_that_fails_twice_gets_the_event_once_after_three_logged_attempts(
        leasing, lease, flaky_receiver, monkeypatch):
    from chalicelib.payments import domain

    monkeypatch.setattr(domain, "BASE_BACKOFF_S", 1)  # 1 s, 2 s: the same doubling, quicker
    admin = leasing.as_("tenant-admin")
    sub = ok(admin.post("/v1/webhook-subscriptions", {"url": flaky_receiver.url,
                                                       "event_types": ["repayment.received"]}), 201)
    flaky_receiver.secret = sub["secret"]
    assert sub["secret"].startswith("whsec_")
    assert all("secret" not in s for s in ok(admin.get("/v1/webhook-subscriptions"))["items"])
    try:
        intent = payment_intent(leasing, lease["id"], "10.00")
        ok(leasing.as_("finance").post(f"/v1/contracts/{lease['id']}/payment-intents/{intent['id']}/simulate",
                                       {"outcome": "succeeded"}))
        drain_queue(lambda: bool(flaky_receiver.acknowledged))
        drain_queue(lambda: False, timeout_s=3)  # nothing more arrives: no duplicate acknowledgement
    finally:
        assert admin.call("DELETE", f"/v1/webhook-subscriptions/{sub['id']}").status == 204

    assert flaky_receiver.bad_signatures == 0 and flaky_receiver.calls == 3
    [event] = flaky_receiver.acknowledged
    assert event["type"] == "repayment.received" and event["data"]["contract_id"] == lease["id"]
    deliveries = ok(admin.get("/v1/webhook-deliveries"))["items"]
    delivery = next(d for d in deliveries if d["event_id"] == event["id"])
    detail = ok(admin.get(f"/v1/webhook-deliveries/{delivery['id']}"))
    assert detail["status"] == "delivered" and detail["attempts"] == 3
    assert [(a["attempt"], a["status"], a["retry_in_s"]) for a in detail["attempt_log"]] == [
        (1, 503, 1), (2, 503, 2), (3, 200, None)]
    assert all(a["latency_ms"] >= 0 for a in detail["attempt_log"])


def test_subscriptions_need_the_tenant_admin_a_known_event_and_a_safe_url(leasing):
    admin = leasing.as_("tenant-admin")
    assert leasing.as_("finance").post("/v1/webhook-subscriptions", {"url": "https://example.com/h",
                                                                      "event_types": ["loan.disbursed"]}).status == 403
    bad_type = admin.post("/v1/webhook-subscriptions", {"url": "https://example.com/h", "event_types": ["nope"]})
    plain_http = admin.post("/v1/webhook-subscriptions", {"url": "http://example.com/h",
                                                          "event_types": ["loan.disbursed"]})
    assert bad_type.status == 422
    assert (plain_http.status, plain_http.code) == (422, "payments.subscription.url.invalid")
