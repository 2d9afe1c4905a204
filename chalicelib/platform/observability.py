"""One Logger, Tracer and Metrics for the whole app (Powertools), created lazily.

Every log line of a request carries ``tenant_id`` and ``correlation_id``: the request wrapper appends
them once when the caller is known, and clears them when the request ends. Modules log through
``log`` (``from chalicelib.platform.observability import log``), never the stdlib's own loggers.

Business metrics (``count``) go out as CloudWatch embedded metric format with the tenant as a
dimension: postings, closes, consolidation runs, webhook deliveries, declines. ``traced`` marks the
use cases X-Ray shows as subsegments; tracing is on only inside a deployed Lambda.
"""
from __future__ import annotations

import functools
import os
from functools import lru_cache
from typing import Any, Callable, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

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


class _LazyLogger:
    """The app's Powertools Logger, built on first use (a module's ``log = …`` costs no import)."""

    def __getattr__(self, name: str) -> Any:
        return getattr(logger(), name)


log: Any = _LazyLogger()


def count(name: str, tenant_id: str, value: int = 1, **dimensions: str) -> None:
    """One business metric, flushed at once as EMF: ``name`` (Count) by tenant (and ``dimensions``).
    Off where ``POWERTOOLS_METRICS_DISABLED`` is true (the local stack); never fails the business step."""
    if os.environ.get("POWERTOOLS_METRICS_DISABLED", "").lower() == "true":
        return
    try:
        from aws_lambda_powertools.metrics import MetricUnit, single_metric

        namespace = metrics().namespace
        with single_metric(name=name, unit=MetricUnit.Count, value=value, namespace=namespace) as metric:
            metric.add_dimension(name="tenant_id", value=tenant_id)
            for key, val in dimensions.items():
                metric.add_dimension(name=key, value=str(val))
    except Exception:  # noqa: BLE001 — observability must not change the outcome
        log.exception("metric %s not emitted", name)


@lru_cache(maxsize=1)
def tracer() -> Any | None:
    """Powertools' Tracer inside a deployed Lambda (X-Ray is on there); None elsewhere."""
    if not os.environ.get("AWS_LAMBDA_FUNCTION_NAME") or os.environ.get("POWERTOOLS_TRACE_DISABLED") == "true":
        return None
    from aws_lambda_powertools import Tracer

    return Tracer(service=os.environ.get("POWERTOOLS_SERVICE_NAME", SERVICE))


def traced(fn: F) -> F:
    """Record a call as an X-Ray subsegment named after the function (a no-op outside Lambda)."""
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t = tracer()
        if t is None:
            return fn(*args, **kwargs)
        with t.provider.in_subsegment(f"## {fn.__module__}.{fn.__qualname__}"):
            return fn(*args, **kwargs)

    return wrapper  # type: ignore[return-value]
