"""Payments' functions outside API Gateway: the merchant-webhook delivery worker (SQS)."""
from __future__ import annotations

import json
import logging
from typing import Any

from chalicelib.payments import webhooks_out
from chalicelib.shared.errors import NotFound

log = logging.getLogger(__name__)


def _backoff(record: dict[str, Any], seconds: int) -> None:
    """Keep the failed message invisible for the backoff; SQS then offers it again (or to the DLQ)."""
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    aws.client("sqs").change_message_visibility(QueueUrl=get_settings().webhook_queue_url,
                                                ReceiptHandle=record["receiptHandle"], VisibilityTimeout=seconds)


def deliver_webhooks(event: dict[str, Any], context: Any = None) -> dict[str, Any]:
    """SQS batch handler: one attempt per message; failed ones are reported back (ReportBatchItemFailures)
    so only they return to the queue, after their exponential backoff."""
    from chalicelib.payments.service import system_context

    failures = []
    for record in event.get("Records", []):
        try:
            message = json.loads(record["body"])
            ctx = system_context(message["tenant_id"], "webhook-delivery")
            if ctx is None:
                log.warning("webhook delivery for an unknown tenant dropped")
                continue
            delivery = webhooks_out.attempt_delivery(ctx, message["delivery_id"])
        except NotFound:
            continue  # the delivery is gone: nothing to retry
        except Exception:  # noqa: BLE001 — one bad message must not fail the batch
            log.exception("webhook delivery attempt crashed")
            failures.append({"itemIdentifier": record["messageId"]})
            continue
        if delivery["status"] == "retrying":
            _backoff(record, int(delivery.get("retry_in_s") or 0))
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
