"""Idempotency-Key for partners' machine calls, at the HTTP edge (Stripe's model).

A partner's SDK sends ``Idempotency-Key`` on every call that changes something and retries a call
that timed out or met a 5xx with the same key. The first request with a key runs; its answer
(status and body, anything below 500) is kept for a day, in the tenant's partition, per machine
caller. A request again with the key and the same method, path and body gets the kept answer
(``Idempotent-Replayed: true``) and runs nothing; with another body, 422
``request.idempotency.key_reused``; while the first still runs, 409
``request.idempotency.in_progress``. A 5xx keeps nothing, so a retry runs again.
"""
from __future__ import annotations

import hashlib
import json
from datetime import timedelta
from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute
from pynamodb.exceptions import PutError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, bound, conditional_failed
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, RuleViolation
from chalicelib.shared.tenant import TenantContext

KEEP = timedelta(hours=24)


class IdempotentCall(TenantModel):
    request_hash = UnicodeAttribute()
    state = UnicodeAttribute()  # in_progress | completed
    status = NumberAttribute(null=True)  # the HTTP status kept: an integer
    body = UnicodeAttribute(null=True)  # the JSON answer kept
    expires_at = NumberAttribute()  # epoch seconds: the table's TTL attribute


def _pk(ctx: TenantContext, key: str) -> str:
    caller = hashlib.sha256(f"{ctx.user_id}\x00{key}".encode()).hexdigest()[:40]
    return keys.partition(ctx.tenant_id, "IDEMPOTENCY", caller)


def request_hash(method: str, path: str, raw_body: bytes | str | None) -> str:
    data = raw_body.encode() if isinstance(raw_body, str) else (raw_body or b"")
    return hashlib.sha256(method.encode() + b"\x00" + path.encode() + b"\x00" + data).hexdigest()


def begin(ctx: TenantContext, key: str, fingerprint: str) -> tuple[int, Any] | None:
    """Claim ``key`` for this call (None: run it), or the kept answer of the call that claimed it."""
    model = bound(IdempotentCall, ctx)
    now = clock.now()
    record = model(PK=_pk(ctx, key), SK="CALL", entity="idempotent_call", request_hash=fingerprint,
                   state="in_progress", expires_at=int((now + KEEP).timestamp()))
    try:
        record.save(condition=model.PK.does_not_exist() | (model.expires_at < int(now.timestamp())))
        return None
    except PutError as exc:
        if not conditional_failed(exc):
            raise
    kept = model.get(_pk(ctx, key), "CALL", consistent_read=True)
    if kept.request_hash != fingerprint:
        raise RuleViolation("request.idempotency.key_reused",
                            "this Idempotency-Key was used for another request; use a new key per request")
    if kept.state != "completed":
        raise Conflict("request.idempotency.in_progress", "a request with this Idempotency-Key is still running")
    return int(kept.status or 200), (json.loads(kept.body) if kept.body else None)


def finish(ctx: TenantContext, key: str, status: int, body_text: str | None) -> None:
    """Keep the answer (below 500), or release the key so that a retry runs again."""
    model = bound(IdempotentCall, ctx)
    item = model(PK=_pk(ctx, key), SK="CALL")
    if status >= 500:
        item.delete(add_version_condition=False)
        return
    item.update(actions=[model.state.set("completed"), model.status.set(status), model.body.set(body_text or "")],
                add_version_condition=False)
