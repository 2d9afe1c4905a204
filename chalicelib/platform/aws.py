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
