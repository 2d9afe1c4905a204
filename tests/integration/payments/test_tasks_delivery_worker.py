"""The webhook worker as Lambda's SQS event source drives it: a batch of real queue messages in, the
``batchItemFailures`` out. Only the records that failed are named; one that crashes, is malformed or
cannot have its backoff set fails alone, and the rest of the batch is still delivered."""
from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.integration.origination.flows import ok

TENANT = "demo-leasing"


class Merchant:
    """Loopback endpoints: ``/ok`` answers 200, ``/down`` 503. Counts the calls per path."""

    def __init__(self):
        self.calls: dict[str, int] = {}
        merchant = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 — http.server's naming
                self.rfile.read(int(self.headers["Content-Length"]))
                path = self.path.split("?")[0]
                merchant.calls[path] = merchant.calls.get(path, 0) + 1
                self.send_response(503 if path.startswith("/down") else 200)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture()
def merchant():
    m = Merchant()
    yield m
    m.server.shutdown()


@pytest.fixture()
def subscribe(leasing):
    admin, made = leasing.as_("tenant-admin"), []

    def _subscribe(url: str) -> str:
        sub = ok(admin.post("/v1/webhook-subscriptions", {"url": url, "event_types": ["repayment.received"]}), 201)
        made.append(sub["id"])
        return sub["id"]

    yield _subscribe
    for sub_id in made:
        assert admin.call("DELETE", f"/v1/webhook-subscriptions/{sub_id}").status == 204


def _sqs():
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    return aws.client("sqs"), get_settings().webhook_queue_url


def publish() -> dict[str, str]:
    """One merchant event for demo-leasing: its deliveries by subscription id."""
    from chalicelib.payments import webhooks_out
    from chalicelib.payments.service import system_context

    ctx = system_context(TENANT, "test")
    ids = webhooks_out.publish(ctx, "repayment.received", {"contract_id": "c-test"}, source_id=uuid.uuid4().hex)
    return {webhooks_out.get_delivery(ctx, d)["subscription_id"]: d for d in ids}


def receive(delivery_ids: set[str], timeout_s: float = 15.0) -> dict[str, dict]:
    """The queue messages of these deliveries as Lambda hands them over (records by delivery id).
    Anyone else's message is handed straight back."""
    sqs, url = _sqs()
    found: dict[str, dict] = {}
    deadline = time.monotonic() + timeout_s
    while set(found) != delivery_ids and time.monotonic() < deadline:
        for m in sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, WaitTimeSeconds=1,
                                     AttributeNames=["ApproximateReceiveCount"]).get("Messages", []):
            delivery_id = json.loads(m["Body"]).get("delivery_id")
            if delivery_id not in delivery_ids:
                sqs.change_message_visibility(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"], VisibilityTimeout=0)
                continue
            found[delivery_id] = {"messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
                                  "attributes": m.get("Attributes", {}), "eventSource": "aws:sqs"}
    assert set(found) == delivery_ids, f"messages not received: {delivery_ids - set(found)}"
    return found


def run_batch(records: list[dict], context=None) -> set[str]:
    """Call the real handler, then do what Lambda's poller does: delete every record not reported failed."""
    from chalicelib.payments.tasks import deliver_webhooks

    result = deliver_webhooks({"Records": records}, context)
    assert set(result) == {"batchItemFailures"}
    failed = {f["itemIdentifier"] for f in result["batchItemFailures"]}
    sqs, url = _sqs()
    forget([r for r in records if r["messageId"] not in failed])
    return failed


def forget(records: list[dict]) -> None:
    sqs, url = _sqs()
    for r in records:
        try:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=r["receiptHandle"])
        except sqs.exceptions.ClientError:
            pass  # a record this test made up, or a stale handle


def delivery(delivery_id: str) -> dict:
    from chalicelib.payments import webhooks_out
    from chalicelib.payments.service import system_context

    return webhooks_out.get_delivery(system_context(TENANT, "test"), delivery_id)


def made_up(body: str) -> dict:
    return {"messageId": str(uuid.uuid4()), "receiptHandle": "made-up", "body": body, "attributes": {},
            "eventSource": "aws:sqs"}


def test_only_failed_records_are_reported_and_a_crash_fails_alone(leasing, merchant, subscribe, monkeypatch):
    from chalicelib.payments import domain, webhooks_out

    monkeypatch.setattr(domain, "BASE_BACKOFF_S", 1)
    ok_sub, down_sub, crash_sub = (subscribe(f"{merchant.base}/{p}") for p in ("ok", "down", "crash"))
    by_sub = publish()
    records = receive(set(by_sub.values()))
    crashing = by_sub[crash_sub]
    real_attempt = webhooks_out.attempt_delivery

    def attempt(ctx, delivery_id):
        if delivery_id == crashing:
            raise RuntimeError("DynamoDB throttled")  # what any unexpected error looks like to the worker
        return real_attempt(ctx, delivery_id)

    monkeypatch.setattr(webhooks_out, "attempt_delivery", attempt)
    malformed = made_up("{not json")
    unknown_tenant = made_up(json.dumps({"tenant_id": "no-such-tenant", "delivery_id": "whd_x"}))
    batch = [malformed, records[crashing], unknown_tenant, records[by_sub[down_sub]], records[by_sub[ok_sub]]]
    try:
        failed = run_batch(batch)

        # The malformed and the crashed record fail alone; the records after them are still attempted.
        assert failed == {malformed["messageId"], records[crashing]["messageId"], records[by_sub[down_sub]]["messageId"]}
        assert merchant.calls == {"/ok": 1, "/down": 1}
        assert delivery(by_sub[ok_sub])["status"] == "delivered"
        assert (delivery(crashing)["status"], delivery(crashing)["attempts"]) == ("pending", 0)
        down = delivery(by_sub[down_sub])
        assert (down["status"], down["attempts"], down["retry_in_s"]) == ("retrying", 1, 1)

        # The failed delivery's message comes back after its backoff (not the queue's visibility
        # timeout), received a second time: the count SQS moves it to the dead-letter queue by.
        started = time.monotonic()
        again = receive({by_sub[down_sub]})[by_sub[down_sub]]
        assert time.monotonic() - started < 10
        assert again["messageId"] == records[by_sub[down_sub]]["messageId"]
        assert again["attributes"]["ApproximateReceiveCount"] == "2"
        assert run_batch([again]) == {again["messageId"]}
        assert delivery(by_sub[down_sub])["attempts"] == 2
        forget([again, records[crashing]])
    finally:
        monkeypatch.setattr(webhooks_out, "attempt_delivery", real_attempt)


def test_a_backoff_that_cannot_be_set_fails_only_its_own_record(leasing, merchant, subscribe):
    ok_sub, down_sub = subscribe(f"{merchant.base}/ok"), subscribe(f"{merchant.base}/down")
    by_sub = publish()
    records = receive(set(by_sub.values()))
    # A receipt handle SQS no longer knows (the message was received again elsewhere, say).
    stale = {**records[by_sub[down_sub]], "receiptHandle": "stale-" + uuid.uuid4().hex}

    failed = run_batch([stale, records[by_sub[ok_sub]]])

    assert failed == {stale["messageId"]}
    assert delivery(by_sub[down_sub])["status"] == "retrying"
    assert delivery(by_sub[ok_sub])["status"] == "delivered"
    forget([records[by_sub[down_sub]]])


def test_near_the_timeout_the_rest_of_the_batch_goes_back_unattempted(leasing, merchant, subscribe):
    from chalicelib.payments.tasks import RESERVE_MS

    sub = subscribe(f"{merchant.base}/ok")
    delivery_id = publish()[sub]
    record = receive({delivery_id})[delivery_id]

    class AlmostOut:
        def get_remaining_time_in_millis(self):
            return RESERVE_MS - 1

    assert run_batch([record], AlmostOut()) == {record["messageId"]}
    assert merchant.calls == {}
    assert delivery(delivery_id)["attempts"] == 0
    forget([record])
