"""What Lambda's SQS event source mapping does, for the local stack: receive a batch, call the
handler with it, delete every message the handler did not report in ``batchItemFailures`` (those
come back after their visibility timeout — or sooner, if the handler changed it to back off).

``make run`` runs one poller per queue consumer in a thread, so merchant webhooks are delivered
locally as they are in the cloud; tests call ``poll_once`` to drain a queue deterministically.
"""
from __future__ import annotations

import logging
import threading
from typing import Any, Callable

log = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]


def poll_once(sqs: Any, queue_url: str, handler: Handler, *, max_messages: int = 10, wait_s: int = 1) -> int:
    """One receive → invoke → delete round; returns how many messages the handler was given."""
    got = sqs.receive_message(QueueUrl=queue_url, MaxNumberOfMessages=max_messages, WaitTimeSeconds=wait_s,
                              AttributeNames=["All"]).get("Messages", [])
    if not got:
        return 0
    records = [{"messageId": m["MessageId"], "receiptHandle": m["ReceiptHandle"], "body": m["Body"],
                "attributes": m.get("Attributes", {}), "eventSource": "aws:sqs"} for m in got]
    try:
        result = handler({"Records": records}, None) or {}
        failed = {f["itemIdentifier"] for f in result.get("batchItemFailures", [])}
    except Exception:  # noqa: BLE001 — as in Lambda: a failed invocation returns the whole batch
        log.exception("queue consumer failed; the batch returns to the queue")
        return len(got)
    for m in got:
        if m["MessageId"] not in failed:
            sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=m["ReceiptHandle"])
    return len(got)


class Poller:
    """A daemon thread polling one queue for one handler until ``stop()``."""

    def __init__(self, sqs: Any, queue_url: str, handler: Handler, name: str) -> None:
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(sqs, queue_url, handler), name=name, daemon=True)

    def start(self) -> "Poller":
        self._thread.start()
        return self

    def _run(self, sqs: Any, queue_url: str, handler: Handler) -> None:
        while not self._stop.is_set():
            try:
                poll_once(sqs, queue_url, handler)
            except Exception:  # noqa: BLE001 — the emulator went away (shutting down) or hiccupped
                log.warning("polling %s failed; retrying", queue_url, exc_info=True)
                self._stop.wait(1.0)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
