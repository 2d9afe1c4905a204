"""One Logger, Tracer and Metrics for the whole app (Powertools), created lazily.

Every log line of a request carries ``tenant_id`` and ``correlation_id``: the request wrapper appends
them once when the caller is known, and clears them when the request ends.
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

SERVICE = "jinkong"


@lru_cache(maxsize=1)
def logger() -> Any:
    from aws_lambda_powertools import Logger

    return Logger(service=os.environ.get("POWERTOOLS_SERVICE_NAME", SERVICE))


@lru_cache(maxsize=1)
def metrics() -> Any:
    from aws_lambda_powertools import Metrics

    from chalicelib.platform.settings import get_settings

    # One namespace per stage, so a test or local run never pollutes production dashboards.
    namespace = os.environ.get("POWERTOOLS_METRICS_NAMESPACE") or f"{SERVICE}-{get_settings().stage}"
    return Metrics(namespace=namespace, service=SERVICE)


def bind_request(correlation_id: str, tenant_id: str | None = None, **extra: Any) -> None:
    log = logger()
    log.remove_keys(["tenant_id", "correlation_id", "user_id", "route"])
    keys = {"correlation_id": correlation_id, **extra}
    if tenant_id:
        keys["tenant_id"] = tenant_id
    log.append_keys(**keys)


def bind_tenant(tenant_id: str, user_id: str) -> None:
    logger().append_keys(tenant_id=tenant_id, user_id=user_id)


def unbind_request() -> None:
    logger().remove_keys(["tenant_id", "correlation_id", "user_id", "route"])
