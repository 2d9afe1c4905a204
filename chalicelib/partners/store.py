"""Partner applications in DynamoDB.

In the tenant's partition (its table, its credentials):

* ``T#<tenant>#PARTNERAPP#<id>`` / ``ROOT`` — the application; GSI1 lists the tenant's by name;
* ``…`` / ``CHANGE#<at>#<id>`` — its change history, append-only;
* ``…`` / ``CALLS#<yyyy-mm-ddThh>`` — admitted calls per UTC hour (an atomic counter).

In the platform's partition, the **client directory**: ``T#platform#PARTNERCLIENT`` /
``CLIENT#<client id>`` → tenant, application, tier, allowlist, status. The auth layer resolves a
verified token's ``client_id`` here, so a machine caller's tenant comes from this record, never
from the caller. It is written under the platform's role (like the tenant registry) and ahead of
the tenant's records on register, after them on rotation, and first on revocation: a failure in
between leaves a client refused, never one admitted that should not be.
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from pynamodb.attributes import NumberAttribute, UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import TransactWriteError

from chalicelib.partners.domain import Action, ActorRef, PartnerApplication, PartnerChange, Status
from chalicelib.platform import keys
from chalicelib.platform.auth import MachineClient
from chalicelib.platform.dynamo import TenantModel, bound, conditional_failed, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext

PLATFORM_TENANT_ID = "platform"
MAX_PAGE = 100


class PartnerRecord(TenantModel):
    application_id = UnicodeAttribute()
    name = UnicodeAttribute(null=True)
    client_id = UnicodeAttribute(null=True)
    scopes = UnicodeAttribute(null=True)  # JSON list
    ip_allowlist = UnicodeAttribute(null=True)  # JSON list
    rate_tier = UnicodeAttribute(null=True)
    status = UnicodeAttribute(null=True)
    created_by = UnicodeAttribute(null=True)  # JSON actor
    rotated_at = UTCDateTimeAttribute(null=True)
    revoked_at = UTCDateTimeAttribute(null=True)
    calls = NumberAttribute(null=True)  # an hour's count: an integer, never money
    data = UnicodeAttribute(null=True)  # a change: JSON


class ClientRecord(TenantModel):
    client_id = UnicodeAttribute()
    tenant_id = UnicodeAttribute()
    application_id = UnicodeAttribute()
    name = UnicodeAttribute()
    rate_tier = UnicodeAttribute()
    ip_allowlist = UnicodeAttribute(null=True)  # JSON list
    status = UnicodeAttribute()


def _application(r: PartnerRecord) -> PartnerApplication:
    return PartnerApplication(
        application_id=r.application_id, name=r.name or "", client_id=r.client_id or "",
        scopes=tuple(json.loads(r.scopes or "[]")), ip_allowlist=tuple(json.loads(r.ip_allowlist or "[]")),
        rate_tier=r.rate_tier or "sandbox", status=Status(r.status or "active"), created_at=r.created_at,
        created_by=ActorRef(**json.loads(r.created_by or '{"user_id": "system", "username": "system"}')),
        rotated_at=r.rotated_at, revoked_at=r.revoked_at, revision=r.version)


def _change(r: PartnerRecord) -> PartnerChange:
    d = json.loads(r.data or "{}")
    return PartnerChange(change_id=d["change_id"], application_id=r.application_id, action=Action(d["action"]),
                         actor=ActorRef(**d["actor"]), at=datetime.fromisoformat(d["at"]), before=d.get("before"),
                         after=d["after"])


def _hour(at: datetime) -> str:
    return at.strftime("%Y-%m-%dT%H")


class PartnerApplications(TenantRepository[PartnerRecord]):
    record = PartnerRecord
    aggregate = "PARTNERAPP"

    def get(self, ctx: TenantContext, application_id: str) -> PartnerApplication | None:  # type: ignore[override]
        if not application_id or keys.SEP in application_id:
            return None
        root = super().get(ctx, application_id)
        return _application(root) if root is not None else None

    def page(self, ctx: TenantContext, cursor: str | None, limit: int = 50) -> tuple[list[PartnerApplication], str | None]:  # type: ignore[override]
        records, nxt = super().page(ctx, cursor, max(1, min(limit, MAX_PAGE)), newest_first=False)
        return [_application(r) for r in records], nxt

    def history(self, ctx: TenantContext, application_id: str) -> list[PartnerChange]:
        model = self.model(ctx)
        found = model.query(self.pk(ctx, application_id), model.SK.startswith("CHANGE#"), scan_index_forward=False)
        return [_change(r) for r in found]

    def commit(self, ctx: TenantContext, app: PartnerApplication, change: PartnerChange) -> PartnerApplication:
        """The application and its change record in one transaction, conditional on the revision
        (a new one: on its absence). A lost race is 409 ``partners.application.changed``."""
        root = self.new(ctx, app.application_id, "ROOT", list_sk=f"{app.name.lower()}#{app.application_id}",
                        application_id=app.application_id, name=app.name, client_id=app.client_id,
                        scopes=json.dumps(list(app.scopes)), ip_allowlist=json.dumps(list(app.ip_allowlist)),
                        rate_tier=app.rate_tier, status=app.status.value,
                        created_by=json.dumps(app.created_by.as_json()), created_at=app.created_at,
                        rotated_at=app.rotated_at, revoked_at=app.revoked_at)
        root.entity = "partner_application"
        if app.revision is not None:
            root.version = app.revision
        at = change.at.isoformat()
        data: dict[str, Any] = {"change_id": change.change_id, "action": change.action.value,
                                "actor": change.actor.as_json(), "at": at, "before": change.before,
                                "after": change.after}
        item = self.new(ctx, app.application_id, keys.sort("CHANGE", at, change.change_id),
                        application_id=app.application_id, data=json.dumps(data, sort_keys=True))
        item.entity = "partner_application_change"
        self._check_owner(ctx, root)
        model = self.model(ctx)
        try:
            with transaction(ctx) as tx:
                tx.save(root)
                tx.save(item, condition=model.PK.does_not_exist())
        except TransactWriteError as exc:
            if conditional_failed(exc):
                raise Conflict("partners.application.changed", "the partner application was changed meanwhile; "
                               "reload and retry", {"application_id": app.application_id}) from exc
            raise
        return PartnerApplication(**{**vars(app), "revision": (app.revision or 0) + 1})

    def count_call(self, ctx: TenantContext, application_id: str, at: datetime) -> None:
        model = self.model(ctx)
        item = model(PK=self.pk(ctx, application_id), SK=keys.sort("CALLS", _hour(at)))
        item.update(actions=[model.calls.add(1), model.entity.set("partner_application_calls"),
                             model.application_id.set(application_id)], add_version_condition=False)

    def calls_since(self, ctx: TenantContext, application_id: str, since: datetime) -> int:
        """Admitted calls in the hours from ``since``'s hour on (the last 24 h: 24 or 25 hourly counts)."""
        model = self.model(ctx)
        found = model.query(self.pk(ctx, application_id),
                            model.SK.between(keys.sort("CALLS", _hour(since)), keys.sort("CALLS", "~")))
        return sum(int(r.calls or 0) for r in found)


class ClientDirectory:
    """Platform-level: app client id → the partner application and tenant it belongs to."""

    def _model(self) -> type[ClientRecord]:
        return bound(ClientRecord)

    @staticmethod
    def _pk() -> str:
        return keys.partition(PLATFORM_TENANT_ID, "PARTNERCLIENT")

    def get(self, client_id: str) -> MachineClient | None:
        if not client_id or keys.SEP in client_id:
            return None
        model = self._model()
        try:
            r = model.get(self._pk(), keys.sort("CLIENT", client_id), consistent_read=True)
        except model.DoesNotExist:
            return None
        return MachineClient(client_id=r.client_id, tenant_id=r.tenant_id, application_id=r.application_id,
                             name=r.name, rate_tier=r.rate_tier, ip_allowlist=tuple(json.loads(r.ip_allowlist or "[]")),
                             active=r.status == Status.ACTIVE.value)

    def put(self, ctx: TenantContext, app: PartnerApplication, client_id: str, status: Status) -> None:
        model = self._model()
        model(PK=self._pk(), SK=keys.sort("CLIENT", client_id), entity="partner_client", client_id=client_id,
              tenant_id=ctx.tenant_id, application_id=app.application_id, name=app.name, rate_tier=app.rate_tier,
              ip_allowlist=json.dumps(list(app.ip_allowlist)), status=status.value).save()

    def set_status(self, client_id: str, status: Status) -> None:
        model = self._model()
        item = model(PK=self._pk(), SK=keys.sort("CLIENT", client_id))
        item.update(actions=[model.status.set(status.value)], condition=model.PK.exists(), add_version_condition=False)


def last_day(at: datetime) -> datetime:
    return at - timedelta(hours=23)
