"""The consolidation state machine's Lambda handlers: thin, one per state, each calling one step.

They are module-level functions on a Chalice ``Blueprint`` (``app.py`` registers it), so Chalice
packages each as its own Lambda function with the handler ``chalicelib.risk.tasks.<function>``, and
the local stack registers each in-process for the embedded Step Functions. The ASL names them by
their Chalice names (``${consolidation_extract}``), which the CDK stack and ``risk.local`` bind to ARNs.

An exception's class name is the error ``Retry``/``Catch`` match on: ``ExtractTransientError`` is
retried with backoff; ``ExtractFailedError`` (and anything unknown) goes straight to the Catch.
"""
from __future__ import annotations

import time
from typing import Any, Callable

from chalice import Blueprint

from chalicelib.risk import pipeline
from chalicelib.risk.pipeline import ConsolidationError, ExtractFailedError, ExtractTransientError

blueprint = Blueprint(__name__)

__all__ = ["blueprint", "FUNCTION_NAMES", "ExtractTransientError", "ExtractFailedError", "ConsolidationError"]

FUNCTION_NAMES = (
    "consolidation_begin", "consolidation_extract", "consolidation_record_failure", "consolidation_consolidate",
    "consolidation_check_limits", "consolidation_persist", "consolidation_finish",
)


def _run(step: str, fn: Callable[[dict[str, Any]], dict[str, Any]], event: dict[str, Any]) -> dict[str, Any]:
    from chalicelib.platform import observability

    log = observability.logger()
    where = {k: event.get(k) for k in ("run_id", "group_id", "subsidiary_id") if event.get(k)}
    if isinstance(event.get("input"), dict):
        where["group_id"] = event["input"].get("group_id")
    started = time.perf_counter()
    try:
        result = fn(event)
    except Exception as exc:
        log.warning("consolidation step failed", extra={"step": step, "error": type(exc).__name__, **where})
        raise
    ms = round((time.perf_counter() - started) * 1000, 1)
    log.info("consolidation step", extra={"step": step, "ms": ms, **where})
    return result


@blueprint.lambda_function(name="consolidation_begin")
def consolidation_begin(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("begin", pipeline.begin, event)


@blueprint.lambda_function(name="consolidation_extract")
def consolidation_extract(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("extract", pipeline.extract, event)


@blueprint.lambda_function(name="consolidation_record_failure")
def consolidation_record_failure(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("record_failure", pipeline.record_failure, event)


@blueprint.lambda_function(name="consolidation_consolidate")
def consolidation_consolidate(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("consolidate", pipeline.consolidate_step, event)


@blueprint.lambda_function(name="consolidation_check_limits")
def consolidation_check_limits(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("check_limits", pipeline.check_limits_step, event)


@blueprint.lambda_function(name="consolidation_persist")
def consolidation_persist(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("persist", pipeline.persist, event)


@blueprint.lambda_function(name="consolidation_finish")
def consolidation_finish(event: dict[str, Any], context: Any) -> dict[str, Any]:
    return _run("finish", pipeline.finish, event)
