"""Per-tenant AWS credentials: the data-access role assumed with the tenant's session policy.

In the cloud, a request never touches DynamoDB or S3 with the Lambda's own role: it assumes
``tenant_data_role_arn`` with ``tenant_session_policy(tenant)`` inline, so the credentials admit
only ``T#<tenant>#*`` keys and ``tenants/<tenant>/*`` objects — a key-building bug cannot reach a
sister company. Credentials are cached per (tenant, read-only) and renewed before they expire.
Locally (no role configured) ``credentials_for`` returns None and the process's own are used.
"""
from __future__ import annotations

from chalicelib.shared import clock

import json
import threading
from functools import lru_cache
from dataclasses import dataclass

from chalicelib.platform import aws
from chalicelib.platform.isolation import tenant_session_policy
from chalicelib.platform.settings import get_settings

RENEW_BEFORE_S = 300
DURATION_S = 3600


@dataclass(frozen=True)
class TenantCredentials:
    access_key_id: str
    secret_access_key: str
    session_token: str
    expires_at: float  # epoch seconds


_cache: dict[tuple[str, bool], TenantCredentials] = {}
_lock = threading.Lock()


def session_policy_for(tenant_id: str, read_only: bool = False) -> dict:
    s = get_settings()
    buckets = [f"arn:aws:s3:::{b}" for b in (s.documents_bucket, s.reports_bucket, s.clearing_bucket) if b]
    return tenant_session_policy(tenant_id, s.table_arn, buckets, read_only=read_only,
                                 table_key_arn=s.table_key_arn or None)


def credentials_for(tenant_id: str, read_only: bool = False) -> TenantCredentials | None:
    """Scoped credentials for a tenant, or None when no data-access role is configured (local)."""
    s = get_settings()
    if not s.tenant_data_role_arn:
        return None
    key = (tenant_id, read_only)
    now = clock.now().timestamp()
    with _lock:
        cached = _cache.get(key)
        if cached and cached.expires_at - RENEW_BEFORE_S > now:
            return cached
        resp = aws.client("sts").assume_role(
            RoleArn=s.tenant_data_role_arn,
            RoleSessionName=f"jk-{tenant_id}"[:64],
            Policy=json.dumps(session_policy_for(tenant_id, read_only), separators=(",", ":")),
            DurationSeconds=DURATION_S,
        )
        c = resp["Credentials"]
        creds = TenantCredentials(c["AccessKeyId"], c["SecretAccessKey"], c["SessionToken"],
                                  c["Expiration"].timestamp())
        _cache[key] = creds
        return creds


def forget() -> None:
    with _lock:
        _cache.clear()
    _scoped_client.cache_clear()


def tenant_client(service: str, tenant_id: str, read_only: bool = False):
    """A boto3 client acting with the tenant's scoped credentials (the shared client locally)."""
    creds = credentials_for(tenant_id, read_only)
    if creds is None:
        return aws.client(service)
    return _scoped_client(service, creds)


@lru_cache(maxsize=128)
def _scoped_client(service: str, creds: TenantCredentials):
    """One client per service and set of credentials: building a client costs tens of milliseconds."""
    import boto3

    return boto3.session.Session(
        aws_access_key_id=creds.access_key_id, aws_secret_access_key=creds.secret_access_key,
        aws_session_token=creds.session_token, region_name=get_settings().region,
    ).client(service)
