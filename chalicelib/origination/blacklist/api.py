"""Blacklist routes: reviewers and admins add, admins remove, staff read."""
from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict, Field

from chalicelib.shared.ids import ResourceId
from chalicelib.origination.blacklist import service
from chalicelib.origination.blacklist.domain import BlacklistEntry
from chalicelib.platform.http import ApiBlueprint, Reply
from chalicelib.shared.identity import IdentityType
from chalicelib.shared.schema import Schema
from chalicelib.shared.tenant import SUBSIDIARY_ROLES, Role, TenantContext

api = ApiBlueprint(__name__, tag="blacklist")

LISTERS = (Role.TENANT_ADMIN, Role.FIRST_REVIEWER, Role.SECOND_REVIEWER)


class NewBlacklistEntry(Schema):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)
    customer_id: ResourceId | None = None
    identity_type: IdentityType | None = None
    identity_number: str | None = Field(default=None, min_length=6, max_length=40)


class BlacklistView(Schema):
    """An entry as staff see it. Never the identity hash: handing back the hash of a number the caller
    chose would let it test guesses against customers' hashes."""

    id: str
    identity_masked: str | None
    name: str | None
    reason: str
    added_by: str
    added_at: datetime

    @classmethod
    def of(cls, e: BlacklistEntry) -> "BlacklistView":
        return cls(id=e.entry_id, identity_masked=e.identity_masked, name=e.name, reason=e.reason,
                   added_by=e.added_by, added_at=e.added_at)


class BlacklistPage(Schema):
    items: list[BlacklistView]
    next: str | None = None


class BlacklistQuery(Schema):
    limit: int = Field(default=50, ge=1, le=200)
    next: str | None = None


@api.route("/v1/blacklist", "POST", roles=LISTERS, body=NewBlacklistEntry, response=BlacklistView, status=201,
           error_scope="origination.blacklist")
def add_entry(ctx: TenantContext, body: NewBlacklistEntry) -> Reply:
    """Put a customer (or an identity number, hashed on arrival) on this tenant's blacklist."""
    entry = service.add_to_blacklist(ctx, body.reason, body.customer_id, body.identity_type, body.identity_number)
    return Reply(BlacklistView.of(entry), 201)


@api.route("/v1/blacklist", "GET", roles=SUBSIDIARY_ROLES, query=BlacklistQuery, response=BlacklistPage)
def list_entries(ctx: TenantContext, query: BlacklistQuery) -> BlacklistPage:
    """This tenant's blacklist."""
    items, nxt = service.list_blacklist(ctx, query.next, query.limit)
    return BlacklistPage(items=[BlacklistView.of(e) for e in items], next=nxt)


@api.route("/v1/blacklist/{entry_id}", "DELETE", roles=(Role.TENANT_ADMIN,))
def remove_entry(ctx: TenantContext, entry_id: str) -> Reply:
    """Take an entry off the blacklist."""
    service.remove_from_blacklist(ctx, entry_id)
    return Reply(None, 204)
