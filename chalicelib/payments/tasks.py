"""Payments' functions outside API Gateway: the merchant-webhook delivery worker (SQS)."""
from __future__ import annotations

import json
from typing import Any

from chalicelib.payments import webhooks_out
from chalicelib.shared.errors import NotFound
from chalicelib.platform.observability import log


# An attempt may wait webhooks_out.TIMEOUT_S for the merchant; with less time left than this the
# worker stops starting attempts and hands the rest of the batch back rather than time out mid-way
# (a timed-out invocation returns the whole batch, its delivered records included).
RESERVE_MS = (webhooks_out.TIMEOUT_S + 5) * 1000


def _backoff(record: dict[str, Any], seconds: int) -> None:
    """Keep the failed message invisible for the backoff; SQS then offers it again (or to the DLQ)."""
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    aws.client("sqs").change_message_visibility(QueueUrl=get_settings().webhook_queue_url,
                                                ReceiptHandle=record["receiptHandle"], VisibilityTimeout=seconds)


def _out_of_time(context: Any) -> bool:
    remaining = getattr(context, "get_remaining_time_in_millis", None)
    return callable(remaining) and remaining() < RESERVE_MS


def _deliver(record: dict[str, Any]) -> bool:
    """One attempt for one message. True when the message is done with (delivered, failed for good,
    or pointing at nothing); False when SQS should offer it again."""
    from chalicelib.payments.service import system_context

    try:
        message = json.loads(record["body"])
        ctx = system_context(message["tenant_id"], "webhook-delivery")
        if ctx is None:
            log.warning("webhook delivery for an unknown tenant dropped")
            return True
        delivery = webhooks_out.attempt_delivery(ctx, message["delivery_id"])
    except NotFound:
        return True  # the delivery is gone: nothing to retry
    except Exception:  # noqa: BLE001 — one bad message must not fail the batch
        # A malformed message or a crash: it comes back after the queue's visibility timeout, and
        # after the last receive SQS moves it to the dead-letter queue.
        log.exception("webhook delivery attempt crashed")
        return False
    if delivery["status"] != "retrying":
        return True
    try:
        _backoff(record, int(delivery.get("retry_in_s") or 0))
    except Exception:  # noqa: BLE001 — the retry still happens, only later
        log.exception("webhook backoff not set; the message returns after the queue's visibility timeout")
    return False


def deliver_webhooks(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """SQS batch handler: one attempt per message; failed ones are reported back (ReportBatchItemFailures)
    so only they return to the queue, after their exponential backoff. Never raises for one record."""
    failures = []
    for record in event.get("Records", []):
        if _out_of_time(context) or not _deliver(record):
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
