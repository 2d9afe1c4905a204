"""DynamoDB base: exact decimal attributes, tenant-bound PynamoDB models, opaque cursors.

Repositories never name a table. They call ``bound(Model, ctx)`` which returns the model class
pointed at the right table for the tenant — the shared pool table, or the tenant's own table when its
isolation is ``silo`` — so the same code serves both.
"""
from __future__ import annotations

from chalicelib.shared import clock

import base64
import json
import threading
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import TYPE_CHECKING, Any, TypeVar

from pynamodb.attributes import Attribute, UnicodeAttribute, UTCDateTimeAttribute, VersionAttribute
from pynamodb.constants import NUMBER
from pynamodb.indexes import AllProjection, GlobalSecondaryIndex
from pynamodb.models import Model

from chalicelib.platform.keys import tenant_prefix
from chalicelib.platform.settings import get_settings
from chalicelib.shared.errors import MalformedRequest
from chalicelib.shared.tenant import TenantContext

if TYPE_CHECKING:
    from pynamodb.connection import Connection
    from pynamodb.transactions import TransactWrite


class DecimalAttribute(Attribute[Decimal]):
    """A DynamoDB Number written from and read into ``Decimal`` — never through ``float``.

    PynamoDB's stock ``NumberAttribute`` round-trips through ``json``/``float`` and would turn
    ``0.1`` into ``0.1000000000000000055511151231257827``; money cannot take that.
    """

    attr_type = NUMBER

    def serialize(self, value: Decimal) -> str:
        if isinstance(value, float) or not isinstance(value, (Decimal, int)):
            raise TypeError(f"DecimalAttribute takes Decimal or int, not {type(value).__name__}")
        d = Decimal(value)
        if not d.is_finite():
            raise ValueError("DynamoDB cannot store NaN or infinity")
        return format(d, "f")

    def deserialize(self, value: str) -> Decimal:
        try:
            return Decimal(value)
        except InvalidOperation as exc:  # corrupt data must not pass silently
            raise ValueError(f"not a decimal number: {value!r}") from exc


def _index(index_name: str) -> GlobalSecondaryIndex:
    hash_name, range_name = f"{index_name}PK", f"{index_name}SK"
    meta = type("Meta", (), {"index_name": index_name, "projection": AllProjection()})
    attrs = {"Meta": meta, hash_name: UnicodeAttribute(hash_key=True, attr_name=hash_name),
             range_name: UnicodeAttribute(range_key=True, attr_name=range_name)}
    return type(f"{index_name}Index", (GlobalSecondaryIndex,), attrs)()


class TenantModel(Model):
    """Base of every tenant-scoped record: PK/SK plus three generic indexes, all tenant-prefixed."""

    class Meta:
        # Never used directly: ``bound()`` derives the real table name per tenant.
        table_name = "jinkong-unbound"

    PK = UnicodeAttribute(hash_key=True)
    SK = UnicodeAttribute(range_key=True)
    GSI1PK = UnicodeAttribute(null=True)
    GSI1SK = UnicodeAttribute(null=True)
    GSI2PK = UnicodeAttribute(null=True)
    GSI2SK = UnicodeAttribute(null=True)
    GSI3PK = UnicodeAttribute(null=True)
    GSI3SK = UnicodeAttribute(null=True)
    entity = UnicodeAttribute()
    created_at = UTCDateTimeAttribute(default_for_new=lambda: clock.now())
    updated_at = UTCDateTimeAttribute(default=lambda: clock.now())
    version = VersionAttribute()

    gsi1 = _index("GSI1")
    gsi2 = _index("GSI2")
    gsi3 = _index("GSI3")


@lru_cache(maxsize=64)
def _connection(region: str, access_key_id: str | None, secret: str | None, token: str | None) -> "Connection":
    from pynamodb.connection import Connection

    return Connection(region=region, aws_access_key_id=access_key_id, aws_secret_access_key=secret,
                      aws_session_token=token)


def conditional_failed(exc: Exception) -> bool:
    """Whether a PynamoDB write (or transaction) failed on its condition: a lost optimistic race."""
    reasons = getattr(exc, "cancellation_reasons", None) or []
    codes = {getattr(r, "code", None) for r in reasons if r is not None}
    return "ConditionalCheckFailed" in codes or getattr(exc, "cause_response_code", None) in (
        "ConditionalCheckFailedException", "TransactionCanceledException")


def transaction(ctx: TenantContext | None = None) -> "TransactWrite":
    """A PynamoDB write transaction on a cached connection (building one costs ~0.3 s).

    Pass the tenant context for tenant data: in the cloud the transaction then runs with the
    tenant's scoped credentials, like every other read and write of the request.
    """
    from pynamodb.transactions import TransactWrite

    from chalicelib.platform.tenant_credentials import credentials_for

    creds = credentials_for(ctx.tenant_id) if ctx is not None else None
    keys_ = (creds.access_key_id, creds.secret_access_key, creds.session_token) if creds else (None, None, None)
    return TransactWrite(connection=_connection(get_settings().region, *keys_))


M = TypeVar("M", bound=Model)
_bound_lock = threading.Lock()
_bound_models: dict[tuple[type, str, str], type] = {}


def table_name_for(isolation: str, tenant_id: str) -> str:
    """The physical table holding a tenant's items."""
    base = get_settings().table_name
    return f"{base}-{tenant_id}" if isolation == "silo" else base


def bound(model: type[M], ctx: TenantContext | None = None, *, table_name: str | None = None) -> type[M]:
    """``model`` pointed at the tenant's table (or an explicit one, for platform-level records).

    With a tenant context in the cloud, the model also acts with the tenant's scoped credentials
    (``tenant_credentials``), so IAM fences the request to the tenant's keys. Each set of
    credentials gets its own bound class; renewed credentials replace the tenant's old class.
    """
    from chalicelib.platform.tenant_credentials import credentials_for

    name = table_name or (table_name_for(ctx.isolation, ctx.tenant_id) if ctx else get_settings().table_name)
    region = get_settings().region
    creds = credentials_for(ctx.tenant_id) if ctx is not None else None
    key = (model, name, region, ctx.tenant_id if creds else None)
    cls = _bound_models.get(key)
    if cls is None or getattr(cls.Meta, "aws_access_key_id", None) != (creds.access_key_id if creds else None):
        with _bound_lock:
            meta_attrs: dict[str, Any] = {"table_name": name, "region": region}
            if creds is not None:
                meta_attrs.update(aws_access_key_id=creds.access_key_id, aws_secret_access_key=creds.secret_access_key,
                                  aws_session_token=creds.session_token)
            meta = type("Meta", (), meta_attrs)
            cls = type(model.__name__, (model,), {"Meta": meta, "__module__": model.__module__})
            _bound_models[key] = cls
    return cls  # type: ignore[return-value]


# --- cursors -------------------------------------------------------------------------------------
#
# A cursor is bound to the list that issued it: it carries the partition the list queries (which
# starts with ``T#<tenant>#``, so it names the tenant too) beside DynamoDB's LastEvaluatedKey. A
# cursor handed to another list — another aggregate, another status, another account, another
# tenant — answers 400 ``request.cursor.invalid`` instead of steering the query into keys it does
# not own. Not signed: a caller who edits one can only move within its own tenant's list, which it
# may read anyway.

_CURSOR_INVALID = "the pagination cursor is not valid (cursors work only on the list that issued them)"


def encode_cursor(last_evaluated_key: dict[str, Any] | None, *, list_key: str) -> str | None:
    """An opaque ``next`` cursor from a DynamoDB LastEvaluatedKey (or None at the end), bound to
    ``list_key``: the partition key value the list queries."""
    if not last_evaluated_key:
        return None
    raw = json.dumps({"l": list_key, "k": last_evaluated_key}, separators=(",", ":"), sort_keys=True).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None, ctx: TenantContext, *, list_key: str) -> dict[str, Any] | None:
    """Decode a cursor, refusing one issued by another list (``list_key``) or another tenant."""
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        payload = json.loads(base64.urlsafe_b64decode(padded.encode()))
        key = payload["k"]
        issued_by = payload["l"]
        pk_values = [v.get("S", "") for k, v in key.items() if k.endswith("PK")]
    except (ValueError, AttributeError, TypeError, KeyError, RecursionError) as exc:
        raise MalformedRequest("request.cursor.invalid", _CURSOR_INVALID) from exc
    prefix = tenant_prefix(ctx.tenant_id)
    if issued_by != list_key or not pk_values or not all(isinstance(v, str) and v.startswith(prefix) for v in pk_values):
        raise MalformedRequest("request.cursor.invalid", _CURSOR_INVALID)
    return key
