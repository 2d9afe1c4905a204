"""Shims for the embedded AWS (moto), written for and pinned to moto 5.2.5.

Each shim patches exactly one behaviour named in shared/LOCAL_AWS.md, and each has a test in
``tests/integration/test_moto_shims.py`` that fails if an upgrade changes what it patches:

1. ``transact_write_items`` deep-copies every touched *table* per item for rollback, so throughput
   collapses with table size and concurrent transactions crash. The shim serialises DynamoDB writes
   under one lock and snapshots only the touched items (and stream lengths) for rollback.
   Single-item writes go under the same lock so a conditional put is atomic against a transaction,
   as it is in DynamoDB.
2. Lambda cannot run code without Docker. The shim routes ``LambdaFunction._invoke_lambda`` to a
   registry of in-process handlers (Chalice handlers are ``callable(event, context)``), so Step
   Functions tasks and event sources call the app itself.
3. Step Functions execution is switched on per server (``enable_step_functions``).
"""
from __future__ import annotations

import copy
import os
import json
import threading
import traceback
from dataclasses import dataclass
from typing import Any, Callable

MOTO_VERSION = "5.2.5"

_applied = False
_write_lock = threading.RLock()
_lambda_handlers: dict[str, Callable[[dict[str, Any], Any], Any]] = {}
# moto's own implementations, kept so tests can check they still behave as the shims assume.
_UPSTREAM: dict[str, Callable[..., Any]] = {}


def apply() -> None:
    """Install every shim once (idempotent). Refuses a moto version it was not written for."""
    global _applied
    if _applied:
        return
    import moto

    if moto.__version__ != MOTO_VERSION:
        raise RuntimeError(
            f"chalicelib.local.moto_shims was written for moto {MOTO_VERSION}, found {moto.__version__}: "
            "re-check each shim against the new version and its tests before changing the pin"
        )
    _patch_dynamodb()
    _patch_dynamodb_queries()
    _patch_lambda()
    _patch_step_functions_clients()
    _applied = True


# --- 1. DynamoDB: fast, thread-safe transactions -------------------------------------------------


def _patch_dynamodb() -> None:
    from moto.dynamodb.models import DynamoDBBackend

    _UPSTREAM["transact_write_items"] = DynamoDBBackend.transact_write_items
    for name in ("put_item", "update_item", "delete_item", "batch_write_item"):
        original = getattr(DynamoDBBackend, name)
        setattr(DynamoDBBackend, name, _serialised(original))
    DynamoDBBackend.transact_write_items = _transact_write_items  # type: ignore[method-assign]


_query_scope = threading.local()


def _patch_dynamodb_queries() -> None:
    """moto 5.2.5's ``Table.query`` reads ``all_items()``: every item of the table, sorted, for each
    query — a base-table query of one partition costs O(n log n) in the table's size (~28 ms at a
    demo's size). During a query, ``all_items`` here returns only the queried partition for a
    base-table query, and the items unsorted for an index query (which sorts what matches itself)."""
    from moto.dynamodb.models.table import Table

    original_query, original_all_items = Table.query, Table.all_items
    _UPSTREAM["Table.query"] = original_query

    def all_items(self: Any) -> list[Any]:
        if getattr(_query_scope, "table", None) is not self:
            return original_all_items(self)
        hash_key = _query_scope.hash_key
        if hash_key is not None:
            partition = self.items.get(hash_key)
            if partition is None:
                return []
            return list(partition.values()) if self.range_key_attr else [partition]
        if not self.range_key_attr:
            return list(self.items.values())
        return [item for partition in self.items.values() for item in partition.values()]

    def query(self: Any, hash_key: Any, *args: Any, **kwargs: Any) -> Any:
        previous = getattr(_query_scope, "table", None), getattr(_query_scope, "hash_key", None)
        index_name = kwargs.get("index_name", args[6] if len(args) > 6 else None)  # the backend passes it 8th
        _query_scope.table, _query_scope.hash_key = self, (None if index_name else hash_key)
        try:
            return original_query(self, hash_key, *args, **kwargs)
        finally:
            _query_scope.table, _query_scope.hash_key = previous

    Table.query, Table.all_items = query, all_items  # type: ignore[method-assign]


def _serialised(fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with _write_lock:
            return fn(*args, **kwargs)

    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


@dataclass
class _Snapshot:
    table: Any
    key: dict[str, Any]
    item: Any  # moto Item or None


def _transact_write_items(self: Any, transact_items: list[dict[str, Any]]) -> None:
    from moto.dynamodb.exceptions import (
        ConditionalCheckFailed,
        MockValidationException,
        MultipleTransactionsException,
        TooManyTransactionsException,
        TransactionCanceledException,
        TransactWriteSingleOpException,
    )
    from moto.dynamodb.comparisons import get_filter_expression as filter_expression

    if len(transact_items) > 100:
        raise TooManyTransactionsException()

    with _write_lock:
        snapshots: list[_Snapshot] = []
        stream_lengths: dict[str, int] = {}
        seen: set[tuple[str, str]] = set()
        errors: list[tuple[Any, Any, Any]] = []

        def rollback() -> None:
            for snap in reversed(snapshots):
                _restore_item(snap.table, snap.key, snap.item)
            for table_name, length in stream_lengths.items():
                shard = self.tables[table_name].stream_shard
                if shard is not None:
                    del shard.items[length:]

        for entry in transact_items:
            original_item = None
            if len(entry) > 1:
                raise TransactWriteSingleOpException
            try:
                op_type, op = next(iter(entry.items()))
                if op_type not in {"ConditionCheck", "Put", "Delete", "Update"}:
                    raise ValueError("Unsupported transaction operation")
                table_name = op["TableName"]
                table = self.get_table(table_name)
                if op_type == "Put":
                    attrs = op["Item"]
                    key = {table.hash_key_attr: attrs[table.hash_key_attr]}
                    if table.range_key_attr is not None:
                        key[table.range_key_attr] = attrs[table.range_key_attr]
                else:
                    key = op["Key"]
                marker = (str(table_name), str(dict(sorted(key.items()))))
                if marker in seen:
                    raise MultipleTransactionsException()
                seen.add(marker)

                current = self.get_item(table_name, key)
                if table_name not in stream_lengths and table.stream_shard is not None:
                    stream_lengths[table_name] = len(table.stream_shard.items)
                snapshots.append(_Snapshot(table, key, copy.deepcopy(current)))

                names = op.get("ExpressionAttributeNames")
                values = op.get("ExpressionAttributeValues")
                condition = op.get("ConditionExpression")
                if condition is not None:
                    if not filter_expression(condition, names, values).expr(current):
                        if op.get("ReturnValuesOnConditionCheckFailure") == "ALL_OLD" and current:
                            original_item = current.to_json()["Attributes"]
                        raise ConditionalCheckFailed(item=original_item)
                if op_type == "Put":
                    self.put_item.__wrapped__(  # type: ignore[attr-defined]
                        self, table_name, op["Item"], condition_expression=condition,
                        expression_attribute_names=names, expression_attribute_values=values,
                    )
                elif op_type == "Delete":
                    self.delete_item.__wrapped__(  # type: ignore[attr-defined]
                        self, table_name, key, condition_expression=condition,
                        expression_attribute_names=names, expression_attribute_values=values,
                    )
                elif op_type == "Update":
                    self.update_item.__wrapped__(  # type: ignore[attr-defined]
                        self, table_name, key, update_expression=op["UpdateExpression"],
                        condition_expression=condition,
                        expression_attribute_names=names, expression_attribute_values=values,
                    )
                errors.append((None, None, None))
            except (MultipleTransactionsException, MockValidationException):
                rollback()
                raise
            except ConditionalCheckFailed as e:
                errors.append(("ConditionalCheckFailed", str(e.message), original_item))
            except Exception as e:  # noqa: BLE001 — moto reports any other failure as a cancellation reason
                errors.append((type(e).__name__, str(e), original_item))

        if any(code is not None for code, _, _ in errors):
            rollback()
            raise TransactionCanceledException(errors)


def _restore_item(table: Any, key: dict[str, Any], item: Any) -> None:
    """Put an item back exactly as it was (or remove it), without emitting stream records."""
    from moto.dynamodb.models.dynamo_type import DynamoType

    hash_value = DynamoType(key[table.hash_key_attr])
    if table.range_key_attr is not None:
        range_value = DynamoType(key[table.range_key_attr])
        bucket = table.items[hash_value]
        if item is None:
            bucket.pop(range_value, None)
            if not bucket:
                table.items.pop(hash_value, None)
        else:
            bucket[range_value] = item
    elif item is None:
        table.items.pop(hash_value, None)
    else:
        table.items[hash_value] = item


# --- 2. Lambda: call the app's handlers in-process -----------------------------------------------


def register_lambda_handler(function_name: str, handler: Callable[[dict[str, Any], Any], Any]) -> None:
    """Make invocations of ``function_name`` (by name, in any region) call ``handler`` in-process."""
    _lambda_handlers[function_name] = handler


def registered_lambda_handlers() -> dict[str, Callable[[dict[str, Any], Any], Any]]:
    return dict(_lambda_handlers)


class _LocalLambdaContext:
    def __init__(self, fn: Any):
        self.function_name = fn.function_name
        self.function_version = fn.version
        self.invoked_function_arn = fn.function_arn
        self.memory_limit_in_mb = fn.memory_size
        self.aws_request_id = "local"
        self.log_group_name = fn.logs_group_name
        self.log_stream_name = "local"

    def get_remaining_time_in_millis(self) -> int:
        return 300_000


def _patch_lambda() -> None:
    from moto.awslambda.models import LambdaFunction

    _UPSTREAM["_invoke_lambda"] = LambdaFunction._invoke_lambda

    def _invoke_in_process(self: Any, event: Any = None) -> tuple[str, bool, str]:
        handler = _lambda_handlers.get(self.function_name)
        if handler is None:
            msg = f"no in-process handler registered for Lambda function {self.function_name!r}"
            return json.dumps({"errorType": "HandlerNotRegistered", "errorMessage": msg}), True, msg
        if isinstance(event, str):
            event = json.loads(event or "{}")
        try:
            result = handler(event if event is not None else {}, _LocalLambdaContext(self))
        except Exception as exc:  # noqa: BLE001 — becomes the Lambda error, as in AWS
            # The exception's class name is the error name Step Functions Retry/Catch match on.
            payload = {"errorType": type(exc).__name__, "errorMessage": str(exc),
                       "stackTrace": traceback.format_exception(exc)[-3:]}
            return json.dumps(payload), True, traceback.format_exc()
        return json.dumps(result, default=str), False, ""

    LambdaFunction._invoke_lambda = _invoke_in_process  # type: ignore[method-assign]


# --- 3. Step Functions ---------------------------------------------------------------------------


# The modules of moto 5.2.5's interpreter that import ``boto_client_for`` by name (each holds its own
# reference); a test fails if an upgrade adds one.
_BOTO_CLIENT_USERS = (
    "moto.stepfunctions.parser.asl.component.state.exec.state_map.item_reader.eval.resource_eval_s3",
    "moto.stepfunctions.parser.asl.component.state.exec.state_map.result_writer.resource_eval.resource_eval_s3",
    "moto.stepfunctions.parser.asl.component.state.exec.state_task.lambda_eval_utils",
    "moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_aws_sdk",
    "moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_sfn",
    "moto.stepfunctions.parser.asl.component.state.exec.state_task.service.state_task_service_sqs",
)


def _patch_step_functions_clients() -> None:
    """moto's interpreter builds a new boto3 client for every Task, ItemReader and ResultWriter it runs
    (``boto_client_for``: tens of milliseconds of CPU each, the largest cost of an emulated close of
    business). Clients are thread-safe: one per region, service and server port serves every execution."""
    import importlib

    from moto.stepfunctions.parser.asl.utils import boto_client

    upstream = boto_client.boto_client_for
    _UPSTREAM["boto_client_for"] = upstream
    cache: dict[tuple[str, str, int], Any] = {}
    lock = threading.Lock()

    def cached(region: str, service: str, state_credentials: Any = None) -> Any:
        from moto.settings import moto_server_port

        key = (region, service, moto_server_port())
        with lock:
            if key not in cache:
                cache[key] = upstream(region, service, state_credentials)
            return cache[key]

    boto_client.boto_client_for = cached
    for name in _BOTO_CLIENT_USERS:
        importlib.import_module(name).boto_client_for = cached


def enable_step_functions(endpoint_url: str) -> None:
    """Switch on real execution of state machines in a moto server."""
    import urllib.request

    req = urllib.request.Request(
        f"{endpoint_url.rstrip('/')}/moto-api/config",
        data=json.dumps({"stepfunctions": {"execute_state_machine": True}}).encode(),
        headers={"Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(req, timeout=10) as resp:  # noqa: S310 — loopback moto server
        resp.read()


# --- DynamoDB calls dispatched in-process ----------------------------------------------------------------

class _InProcessDynamoDB:
    """A botocore ``before-send`` handler: a DynamoDB request addressed to the embedded server is
    answered by moto's own request handler in this process, skipping the HTTP round trip (a GetItem
    falls from ~4.3 ms to ~1.3 ms). Same backend, same handler code as the server runs; other
    services, the browser and the Step Functions interpreter still go through the server."""

    def __init__(self) -> None:
        self.endpoint_url = ""
        self.calls = 0

    def __call__(self, event_name: str, request: Any, **kwargs: Any) -> Any:
        if not self.endpoint_url or not event_name.startswith("before-send.dynamodb."):
            return None
        if not request.url.startswith(self.endpoint_url):
            return None
        from botocore.awsrequest import AWSResponse
        from moto.core.botocore_stubber import MockRawResponse

        region = os.environ.get("AWS_DEFAULT_REGION", "us-east-1")
        request.url = f"https://dynamodb.{region}.amazonaws.com{request.url[len(self.endpoint_url):]}"
        answered = _moto_stubber().process_request(request)
        if answered is None:  # not a URL moto knows: let it go over HTTP after all
            return None
        self.calls += 1
        status, headers, body = answered
        return AWSResponse(request.url, status, headers, MockRawResponse(body))


in_process_dynamodb = _InProcessDynamoDB()


def _moto_stubber() -> Any:
    from moto.core.botocore_stubber import BotocoreStubber

    global _stubber
    if _stubber is None:
        _stubber = BotocoreStubber()  # only its request router is used; it patches nothing
    return _stubber


_stubber: Any = None


def dispatch_dynamodb_in_process(endpoint_url: str) -> None:
    """Answer DynamoDB calls to ``endpoint_url`` (the embedded server) in-process, for every botocore
    session created from now on (boto3's and PynamoDB's alike)."""
    from botocore.handlers import BUILTIN_HANDLERS

    in_process_dynamodb.endpoint_url = endpoint_url.rstrip("/")
    if ("before-send", in_process_dynamodb) not in BUILTIN_HANDLERS:
        BUILTIN_HANDLERS.insert(0, ("before-send", in_process_dynamodb))
