"""The tenant registry in DynamoDB.

Registry entries live in the platform tenant's partition (``T#platform#REGISTRY``); GSI1 keys each
subsidiary under its group's own prefix (``T#<group>#SUBSIDIARIES``), so a group admin's listing is a
query inside the group's leading key, as the IAM isolation policy requires.
"""
from __future__ import annotations

import json
from pynamodb.attributes import UnicodeAttribute
from pynamodb.exceptions import PutError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, bound, conditional_failed, decode_cursor, encode_cursor
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext
from chalicelib.tenancy.domain import PLATFORM_TENANT_ID, RegisteredTenant, TenantDefinition

PAGE_SIZE = 50


class TenantRecord(TenantModel):
    tenant_id = UnicodeAttribute()
    kind = UnicodeAttribute()
    group_id = UnicodeAttribute(null=True)
    isolation = UnicodeAttribute()
    status = UnicodeAttribute(default="active")
    definition = UnicodeAttribute()  # the TenantDefinition as JSON, secrets removed


def _registry_pk() -> str:
    return keys.partition(PLATFORM_TENANT_ID, "REGISTRY")


def _public_definition(d: TenantDefinition) -> str:
    data = d.model_dump(mode="json", by_alias=True)
    data["stripe"] = {k: v for k, v in data.get("stripe", {}).items() if k != "webhook_secret"}
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def _to_domain(r: TenantRecord) -> RegisteredTenant:
    return RegisteredTenant(TenantDefinition.model_validate(json.loads(r.definition)), r.status)


class TenantRegistry:
    """Platform-level repository: it runs under the platform's role, not a tenant's session policy."""

    def _model(self) -> type[TenantRecord]:
        return bound(TenantRecord)

    def _record(self, d: TenantDefinition) -> TenantRecord:
        model = self._model()
        return model(
            PK=_registry_pk(), SK=keys.sort("TENANT", d.id), entity="tenant",
            GSI1PK=keys.partition(d.group_id, "SUBSIDIARIES") if d.group_id else None,
            GSI1SK=d.id if d.group_id else None,
            tenant_id=d.id, kind=d.kind.value, group_id=d.group_id, isolation=d.isolation,
            definition=_public_definition(d),
        )

    def get(self, tenant_id: str) -> RegisteredTenant | None:
        if not keys.valid_tenant_id(tenant_id):
            return None
        try:
            return _to_domain(self._model().get(_registry_pk(), keys.sort("TENANT", tenant_id)))
        except self._model().DoesNotExist:
            return None

    def add(self, d: TenantDefinition) -> RegisteredTenant:
        record = self._record(d)
        try:
            record.save(condition=self._model().PK.does_not_exist())
        except PutError as exc:
            if conditional_failed(exc):
                raise Conflict("tenancy.tenant.exists", f"tenant {d.id} already exists", {"tenant_id": d.id}) from exc
            raise
        return RegisteredTenant(d, "active")

    def upsert(self, d: TenantDefinition) -> RegisteredTenant:
        """Create or refresh a tenant from its definition (seeding from ``tenants/*.yaml``).

        An existing record keeps its version and status, so re-seeding a persistent endpoint works.
        """
        record = self._record(d)
        model = self._model()
        try:
            existing = model.get(record.PK, record.SK, consistent_read=True)
        except model.DoesNotExist:
            record.save(condition=model.PK.does_not_exist())
            return RegisteredTenant(d, "active")
        for name in ("GSI1PK", "GSI1SK", "tenant_id", "kind", "group_id", "isolation", "definition"):
            setattr(existing, name, getattr(record, name))
        existing.save()
        return RegisteredTenant(d, existing.status)

    def page_all(self, cursor: str | None, ctx: TenantContext) -> tuple[list[RegisteredTenant], str | None]:
        model = self._model()
        start = decode_cursor(cursor, _platform_view(ctx), list_key=_registry_pk())
        result = model.query(_registry_pk(), model.SK.startswith("TENANT#"), limit=PAGE_SIZE, last_evaluated_key=start)
        items = [_to_domain(r) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=_registry_pk())

    def page_group(self, group_id: str, cursor: str | None, ctx: TenantContext) -> tuple[list[RegisteredTenant], str | None]:
        model = self._model()
        list_key = keys.partition(group_id, "SUBSIDIARIES")
        start = decode_cursor(cursor, ctx, list_key=list_key)
        result = model.query(list_key, index_name="GSI1", limit=PAGE_SIZE, last_evaluated_key=start)
        items = [_to_domain(r) for r in result]
        return items, encode_cursor(result.last_evaluated_key, list_key=list_key)


def _platform_view(ctx: TenantContext) -> TenantContext:
    """Cursor checks for the registry's own partition (platform-level listing)."""
    from dataclasses import replace

    return replace(ctx, tenant_id=PLATFORM_TENANT_ID)
