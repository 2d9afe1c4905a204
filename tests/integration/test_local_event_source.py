"""The local stand-in for Lambda's SQS event source mapping, on the embedded SQS: what the handler
reports failed stays on the queue; the rest is deleted; a thread keeps polling until stopped."""
from __future__ import annotations

import threading
import time
import uuid

import pytest


@pytest.fixture()
def queue(local_env):
    from chalicelib.platform import aws

    sqs = aws.client("sqs")
    url = sqs.create_queue(QueueName=f"event-source-{uuid.uuid4().hex[:8]}",
                           Attributes={"VisibilityTimeout": "1"})["QueueUrl"]
    yield sqs, url
    sqs.delete_queue(QueueUrl=url)


def _left(sqs, url) -> int:
    attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=[
        "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"])["Attributes"]
    return int(attrs["ApproximateNumberOfMessages"]) + int(attrs["ApproximateNumberOfMessagesNotVisible"])


def test_only_what_the_handler_reports_failed_stays_on_the_queue(queue):
    from chalicelib.local.event_source import poll_once

    sqs, url = queue
    for body in ("one", "two", "three"):
        sqs.send_message(QueueUrl=url, MessageBody=body)
    seen: list[str] = []

    def handler(event, _context):
        seen.extend(r["body"] for r in event["Records"])
        return {"batchItemFailures": [{"itemIdentifier": r["messageId"]} for r in event["Records"]
                                      if r["body"] == "two"]}

    while len(seen) < 3:
        assert poll_once(sqs, url, handler, wait_s=1) > 0
    assert sorted(seen) == ["one", "three", "two"]
    assert _left(sqs, url) == 1  # "two" comes back after its visibility timeout


def test_a_handler_that_raises_returns_the_whole_batch(queue):
    from chalicelib.local.event_source import poll_once

    sqs, url = queue
    sqs.send_message(QueueUrl=url, MessageBody="boom")

    def handler(event, _context):
        raise RuntimeError("worker crashed")

    assert poll_once(sqs, url, handler) == 1
    assert _left(sqs, url) == 1


def test_the_poller_thread_feeds_the_handler_until_stopped(queue):
    from chalicelib.local.event_source import Poller

    sqs, url = queue
    got, done = [], threading.Event()

    def handler(event, _context):
        got.extend(r["body"] for r in event["Records"])
        if len(got) >= 2:
            done.set()
        return {"batchItemFailures": []}

    poller = Poller(sqs, url, handler, "test-poller").start()
    try:
        sqs.send_message(QueueUrl=url, MessageBody="a")
        sqs.send_message(QueueUrl=url, MessageBody="b")
        assert done.wait(15)
    finally:
        poller.stop()
    assert sorted(got) == ["a", "b"]
    deadline = time.monotonic() + 3
    while _left(sqs, url) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _left(sqs, url) == 0
