"""A tenant's staff in DynamoDB: one partition per user, listed by username through GSI1.

* ``T#<tenant>#USER#<sub>`` / ``ROOT`` — the user (roles and enabled mirror Cognito, which decides);
* ``…`` / ``SIGNIN`` — the last sign-in, written apart from the root so that a sign-in never races an
  admin's change (it carries no version);
* ``…`` / ``CHANGE#<at>#<id>`` — the change history, append-only; GSI2 on ``T#<tenant>#USERCHANGE``
  lists every user's changes, newest first.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pynamodb.attributes import UnicodeAttribute, UTCDateTimeAttribute
from pynamodb.exceptions import TransactWriteError, UpdateError

from chalicelib.platform import keys
from chalicelib.platform.dynamo import TenantModel, conditional_failed, decode_cursor, encode_cursor, transaction
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import TenantContext
from chalicelib.tenancy.staff.domain import ActorRef, ChangeAction, StaffUser, UserChange

MAX_PAGE = 100


class StaffRecord(TenantModel):
    user_id = UnicodeAttribute()
    username = UnicodeAttribute(null=True)
    email = UnicodeAttribute(null=True)
    display_name = UnicodeAttribute(null=True)
    roles = UnicodeAttribute(null=True)  # JSON list
    status = UnicodeAttribute(null=True)  # enabled | disabled
    created_by = UnicodeAttribute(null=True)  # JSON actor
    last_sign_in_at = UTCDateTimeAttribute(null=True)
    data = UnicodeAttribute(null=True)  # a change: JSON


def _user(r: StaffRecord, last_sign_in_at: datetime | None = None) -> StaffUser:
    return StaffUser(user_id=r.user_id, username=r.username or "", email=r.email,
                     display_name=r.display_name or "", roles=tuple(json.loads(r.roles or "[]")),
                     enabled=r.status != "disabled", created_at=r.created_at,
                     created_by=ActorRef(**json.loads(r.created_by or '{"user_id": "system", "username": "system"}')),
                     last_sign_in_at=last_sign_in_at, revision=r.version)


def _change(r: StaffRecord) -> UserChange:
    d = json.loads(r.data or "{}")
    return UserChange(change_id=d["change_id"], user_id=r.user_id, username=r.username or "",
                      action=ChangeAction(d["action"]), actor=ActorRef(**d["actor"]),
                      at=datetime.fromisoformat(d["at"]), before=d.get("before"), after=d["after"])


class StaffDirectory(TenantRepository[StaffRecord]):
    record = StaffRecord
    aggregate = "USER"

    def changes_pk(self, ctx: TenantContext) -> str:
        return keys.partition(ctx.tenant_id, "USERCHANGE")

    # reading ----------------------------------------------------------------------------------------

    def get(self, ctx: TenantContext, user_id: str) -> StaffUser | None:  # type: ignore[override]
        if not user_id or keys.SEP in user_id:
            return None
        items = {i.SK: i for i in self.items(ctx, user_id) if i.SK in ("ROOT", "SIGNIN")}
        root = items.get("ROOT")
        if root is None:
            return None
        signin = items.get("SIGNIN")
        return _user(root, signin.last_sign_in_at if signin else None)

    def page(self, ctx: TenantContext, cursor: str | None, limit: int = 50) -> tuple[list[StaffUser], str | None]:  # type: ignore[override]
        """One page of the tenant's users by username, with each one's last sign-in."""
        model = self.model(ctx)
        list_key = self.list_pk(ctx)
        result = model.gsi1.query(list_key, limit=max(1, min(limit, MAX_PAGE)),
                                  last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key))
        roots = list(result)
        signins: dict[str, datetime | None] = {}
        if roots:
            for s in model.batch_get([(r.PK, "SIGNIN") for r in roots]):
                signins[s.PK] = s.last_sign_in_at
        return [_user(r, signins.get(r.PK)) for r in roots], encode_cursor(result.last_evaluated_key, list_key=list_key)

    def enabled_admins(self, ctx: TenantContext, admin_role: str) -> list[StaffUser]:
        """Every enabled user holding ``admin_role`` (the last-admin rule counts them)."""
        model = self.model(ctx)
        found = model.gsi1.query(self.list_pk(ctx), filter_condition=(model.status == "enabled")
                                 & model.roles.contains(f'"{admin_role}"'))
        return [_user(r) for r in found]

    def history(self, ctx: TenantContext, user_id: str | None, cursor: str | None,
                limit: int = 50) -> tuple[list[UserChange], str | None]:
        """Changes newest first: one user's (its partition) or the whole tenant's (GSI2)."""
        model = self.model(ctx)
        limit = max(1, min(limit, MAX_PAGE))
        if user_id is not None:
            list_key = self.pk(ctx, user_id)
            result = model.query(list_key, model.SK.startswith("CHANGE#"), limit=limit, scan_index_forward=False,
                                 last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key))
        else:
            list_key = self.changes_pk(ctx)
            result = model.gsi2.query(list_key, limit=limit, scan_index_forward=False,
                                      last_evaluated_key=decode_cursor(cursor, ctx, list_key=list_key))
        return [_change(r) for r in result], encode_cursor(result.last_evaluated_key, list_key=list_key)

    # writing ----------------------------------------------------------------------------------------

    def _root(self, ctx: TenantContext, u: StaffUser) -> StaffRecord:
        r = self.new(ctx, u.user_id, "ROOT", list_sk=u.username.lower(), user_id=u.user_id, username=u.username,
                     email=u.email, display_name=u.display_name, roles=json.dumps(list(u.roles)),
                     status="enabled" if u.enabled else "disabled",
                     created_by=json.dumps(u.created_by.as_json()), created_at=u.created_at)
        r.entity = "staff_user"
        if u.revision is not None:
            r.version = u.revision
        return r

    def _change_item(self, ctx: TenantContext, c: UserChange) -> StaffRecord:
        at = c.at.isoformat()
        data: dict[str, Any] = {"change_id": c.change_id, "action": c.action.value, "actor": c.actor.as_json(),
                                "at": at, "before": c.before, "after": c.after}
        r = self.new(ctx, c.user_id, keys.sort("CHANGE", at, c.change_id), user_id=c.user_id, username=c.username,
                     data=json.dumps(data, sort_keys=True), GSI2PK=self.changes_pk(ctx),
                     GSI2SK=keys.sort(at, c.change_id))
        r.entity = "staff_user_change"
        return r

    def commit(self, ctx: TenantContext, user: StaffUser, change: UserChange) -> StaffUser:
        """Write the user and its change record in one transaction, conditional on the user's revision
        (a new user: on its absence). A lost race is 409 ``tenancy.user.changed``."""
        root = self._root(ctx, user)
        self._check_owner(ctx, root)
        model = self.model(ctx)
        try:
            with transaction(ctx) as tx:
                tx.save(root)
                tx.save(self._change_item(ctx, change), condition=model.PK.does_not_exist())
        except TransactWriteError as exc:
            if conditional_failed(exc):
                raise Conflict("tenancy.user.changed", "the user was changed by someone else; reload and retry",
                               {"user_id": user.user_id}) from exc
            raise
        return StaffUser(**{**vars(user), "revision": (user.revision or 0) + 1})

    def record_sign_in(self, ctx: TenantContext, user_id: str, at: datetime) -> bool:
        """Keep ``at`` as the user's last sign-in if it is later than the one kept (and the user is one
        of this tenant's staff). False when nothing was written."""
        model = self.model(ctx)
        item = model(PK=self.pk(ctx, user_id), SK="SIGNIN")
        try:
            item.update(actions=[model.last_sign_in_at.set(at), model.entity.set("staff_user_sign_in"),
                                 model.user_id.set(user_id)],
                        condition=model.last_sign_in_at.does_not_exist() | (model.last_sign_in_at < at),
                        add_version_condition=False)
        except UpdateError as exc:
            if conditional_failed(exc):
                return False
            raise
        return True
