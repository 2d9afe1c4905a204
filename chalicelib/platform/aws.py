"""AWS clients, created lazily on first use and cached for the life of the process.

boto3 is imported here only when a client is first asked for, which keeps cold starts short for
routes that never touch AWS. ``AWS_ENDPOINT_URL`` (moto, LocalStack) is honoured by botocore itself.
"""
from __future__ import annotations

import threading
from typing import Any

_clients: dict[str, Any] = {}
_lock = threading.Lock()


def client(service: str) -> Any:
    cached = _clients.get(service)
    if cached is not None:
        return cached
    with _lock:
        if service not in _clients:
            import boto3

            from chalicelib.platform.settings import get_settings

            _clients[service] = boto3.session.Session().client(service, region_name=get_settings().region)
        return _clients[service]


def reset_clients() -> None:
    with _lock:
        _clients.clear()


def is_transient(exc: BaseException) -> bool:
    """Throttling, timeouts and AWS server errors: worth retrying the step or batch that met them; the
    rest is the work's own failure. Follows a wrapped cause (PynamoDB's ``cause``, ``raise … from``)."""
    from botocore.exceptions import ClientError, ReadTimeoutError
    from botocore.exceptions import ConnectionError as BotoConnectionError

    if isinstance(exc, (BotoConnectionError, ReadTimeoutError, TimeoutError, ConnectionError)):
        return True
    if isinstance(exc, ClientError):
        code = exc.response.get("Error", {}).get("Code", "")
        status = exc.response.get("ResponseMetadata", {}).get("HTTPStatusCode", 0)
        return status >= 500 or "Throttl" in code or code in ("ProvisionedThroughputExceededException",
                                                                  "RequestLimitExceeded", "InternalServerError")
    cause = getattr(exc, "cause", None) or exc.__cause__
    return isinstance(cause, BaseException) and cause is not exc and is_transient(cause)
