"""The platform's AWS resources, defined once.

Both the CDK stack (``infra/``) and the local provisioner (``chalicelib/local/provision.py``) build
from these definitions, so the table keys, indexes, user pool attributes and groups cannot drift
between a laptop and the cloud. Pure data: no AWS imports.
"""
from __future__ import annotations

from dataclasses import dataclass

from chalicelib.shared.tenant import ALL_ROLES

PARTITION_KEY = "PK"
SORT_KEY = "SK"


@dataclass(frozen=True)
class IndexDef:
    name: str
    partition_key: str
    sort_key: str


@dataclass(frozen=True)
class TableDef:
    logical_id: str
    partition_key: str
    sort_key: str
    indexes: tuple[IndexDef, ...]
    stream_view: str = "NEW_AND_OLD_IMAGES"
    ttl_attribute: str = "expires_at"


# Every index's partition key is tenant-prefixed too (``T#<tenant>#...``), so the IAM LeadingKeys
# condition that fences a tenant's requests applies to index queries as well as to the table.
MAIN_TABLE = TableDef(
    logical_id="MainTable",
    partition_key=PARTITION_KEY,
    sort_key=SORT_KEY,
    indexes=(
        IndexDef("GSI1", "GSI1PK", "GSI1SK"),
        IndexDef("GSI2", "GSI2PK", "GSI2SK"),
        IndexDef("GSI3", "GSI3PK", "GSI3SK"),
    ),
)


@dataclass(frozen=True)
class UserPoolDef:
    logical_id: str
    tenant_attribute: str  # custom attribute name without the "custom:" prefix
    groups: tuple[str, ...]
    explicit_auth_flows: tuple[str, ...]
    password_min_length: int = 12


USER_POOL = UserPoolDef(
    logical_id="UserPool",
    tenant_attribute="tenant_id",
    groups=tuple(r.value for r in ALL_ROLES),
    explicit_auth_flows=("ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH", "ALLOW_USER_SRP_AUTH"),
)


@dataclass(frozen=True)
class BucketDef:
    logical_id: str
    purpose: str


BUCKETS = (
    BucketDef("DocumentsBucket", "documents"),
    BucketDef("ReportsBucket", "reports"),
    BucketDef("ClearingBucket", "clearing"),
)


@dataclass(frozen=True)
class QueueDef:
    logical_id: str
    purpose: str
    max_receive_count: int = 5  # tries before a message moves to the dead-letter queue
    visibility_timeout_s: int = 60


QUEUES = (
    # max_receive_count is the worker's attempt count (payments.domain.MAX_DELIVERY_ATTEMPTS); the
    # visibility is six times the worker's 60 s timeout (infra.compute.QUEUE_CONSUMERS). Between
    # attempts the worker itself shortens a message's visibility to its backoff. Synth checks both.
    QueueDef("WebhookDeliveryQueue", "webhook-delivery", max_receive_count=6, visibility_timeout_s=360),
    QueueDef("EventsQueue", "events"),
)


@dataclass(frozen=True)
class StateMachineDef:
    logical_id: str
    name: str
    asl_file: str  # under infra/statemachines/


STATE_MACHINES = (StateMachineDef("GroupConsolidation", "group-consolidation", "group-consolidation.asl.json"),
                  StateMachineDef("CloseOfBusiness", "close-of-business", "close-of-business.asl.json"))


def resource_names(prefix: str) -> dict[str, str]:
    """Physical names for a deployment prefix (``jinkong-local``, ``jinkong-prod``, a test's prefix).

    In the cloud CDK may choose names itself; the app always reads them from settings, never from here.
    """
    names = {"table": f"{prefix}-main", "user_pool": f"{prefix}-users", "user_pool_client": f"{prefix}-console"}
    for b in BUCKETS:
        names[f"bucket:{b.purpose}"] = f"{prefix}-{b.purpose}"
    for q in QUEUES:
        names[f"queue:{q.purpose}"] = f"{prefix}-{q.purpose}"
        names[f"dlq:{q.purpose}"] = f"{prefix}-{q.purpose}-dlq"
    for sm in STATE_MACHINES:
        names[f"statemachine:{sm.name}"] = f"{prefix}-{sm.name}"
    return names


# --- partner API access (OAuth 2.0 client credentials) --------------------------------------------


@dataclass(frozen=True)
class ResourceServerDef:
    """The user pool's resource server: custom scopes a partner's app client may be granted. A
    token names each scope as ``<identifier>/<scope>``."""

    identifier: str
    name: str
    scopes: tuple[tuple[str, str], ...]  # (scope, description)

    @property
    def scope_names(self) -> tuple[str, ...]:
        return tuple(s for s, _ in self.scopes)


PARTNER_API = ResourceServerDef(
    identifier="jinkong",
    name="Jinkong partner API",
    scopes=(
        ("quotes:write", "Price loans, leases and factoring without a stored product"),
        ("customers:write", "Register customers and read the ones registered"),
        ("applications:write", "Open, change, submit and withdraw applications"),
        ("applications:read", "Read applications"),
        ("repayments:write", "Record repayments and read them"),
        ("webhooks:manage", "Manage merchant webhook subscriptions and deliveries"),
    ),
)


@dataclass(frozen=True)
class RateTier:
    """A partner's rate tier: steady requests per second, burst, and requests a day. The CDK stack
    makes one API Gateway usage plan per tier; locally ``platform.throttle`` applies the same numbers."""

    name: str
    rate_per_s: float
    burst: int
    quota_per_day: int


RATE_TIERS = (
    RateTier("sandbox", rate_per_s=2, burst=5, quota_per_day=5_000),
    RateTier("standard", rate_per_s=20, burst=40, quota_per_day=200_000),
    RateTier("premium", rate_per_s=100, burst=200, quota_per_day=2_000_000),
)
