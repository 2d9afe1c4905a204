"""Partner applications: a tenant's OAuth 2.0 machine clients for the partner API. Pure.

A tenant admin registers a partner application (a name, the scopes it may ask for, an optional IP
allowlist, a rate tier). It gets a Cognito app client with the client-credentials flow and a
generated secret, shown once. Its lifecycle, ONE table:

    active ─rotate→ active      (a new client id and secret; the old pair stops working at once)
    active ─revoke→ revoked     (its tokens are refused from then on, before they expire)

Anything else is 409 ``partners.application.illegal_transition`` naming the allowed actions. Every
change is recorded with its actor, instant and the application's state before and after.

Rules, each refused with nothing changed: scopes are ``resources.PARTNER_API``'s (422
``partners.application.scope_invalid``), the tier one of ``resources.RATE_TIERS`` (422
``partners.application.tier_invalid``), each allowlist entry an IP network (422
``partners.application.ip_invalid``).
"""
from __future__ import annotations

import ipaddress
from dataclasses import dataclass, replace
from datetime import datetime
from enum import Enum
from typing import Any

from chalicelib.platform.resources import PARTNER_API, RATE_TIERS
from chalicelib.shared.errors import Conflict, RuleViolation
from chalicelib.shared.tenant import TenantContext


class Status(str, Enum):
    ACTIVE = "active"
    REVOKED = "revoked"


class Action(str, Enum):
    REGISTER = "register"
    ROTATE = "rotate"
    REVOKE = "revoke"


TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.ACTIVE, Action.ROTATE): Status.ACTIVE,
    (Status.ACTIVE, Action.REVOKE): Status.REVOKED,
}


def allowed_actions(status: Status) -> list[str]:
    return [a.value for (s, a) in TRANSITIONS if s is status]


def transition(status: Status, action: Action) -> Status:
    after = TRANSITIONS.get((status, action))
    if after is None:
        raise Conflict("partners.application.illegal_transition",
                       f"a {status.value} partner application cannot {action.value}",
                       {"status": status.value, "action": action.value, "allowed": allowed_actions(status)})
    return after


@dataclass(frozen=True)
class ActorRef:
    user_id: str
    username: str

    def as_json(self) -> dict[str, str]:
        return {"user_id": self.user_id, "username": self.username}


def actor_of(ctx: TenantContext) -> ActorRef:
    return ActorRef(ctx.user_id, ctx.username)


@dataclass(frozen=True)
class PartnerApplication:
    application_id: str
    name: str
    client_id: str
    scopes: tuple[str, ...]
    ip_allowlist: tuple[str, ...]
    rate_tier: str
    status: Status
    created_at: datetime
    created_by: ActorRef
    rotated_at: datetime | None = None
    revoked_at: datetime | None = None
    revision: int | None = None

    def state(self) -> dict[str, Any]:
        """What a change record keeps of the application, before and after (never a secret)."""
        return {"status": self.status.value, "client_id": self.client_id, "scopes": list(self.scopes),
                "ip_allowlist": list(self.ip_allowlist), "rate_tier": self.rate_tier}


@dataclass(frozen=True)
class PartnerChange:
    change_id: str
    application_id: str
    action: Action
    actor: ActorRef
    at: datetime
    before: dict[str, Any] | None
    after: dict[str, Any]


def parse_scopes(requested: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    valid = set(PARTNER_API.scope_names)
    bad = [s for s in requested if s not in valid]
    if bad or not requested:
        raise RuleViolation("partners.application.scope_invalid",
                            f"{bad[0]} is not a partner scope" if bad else "name at least one scope",
                            {"scopes": bad, "valid": list(PARTNER_API.scope_names)})
    return tuple(s for s in PARTNER_API.scope_names if s in set(requested))


def parse_tier(tier: str) -> str:
    names = [t.name for t in RATE_TIERS]
    if tier not in names:
        raise RuleViolation("partners.application.tier_invalid", f"{tier} is not a rate tier",
                            {"tier": tier, "valid": names})
    return tier


def parse_allowlist(entries: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    networks = []
    for entry in entries:
        try:
            networks.append(str(ipaddress.ip_network(entry, strict=False)))
        except ValueError as exc:
            raise RuleViolation("partners.application.ip_invalid", f"{entry} is not an IP address or network",
                                {"entry": entry}) from exc
    return tuple(dict.fromkeys(networks))


def registered(actor: TenantContext, app: PartnerApplication, change_id: str) -> PartnerChange:
    return PartnerChange(change_id, app.application_id, Action.REGISTER, actor_of(actor), app.created_at, None,
                         app.state())


def rotated(actor: TenantContext, app: PartnerApplication, new_client_id: str, at: datetime,
            change_id: str) -> tuple[PartnerApplication, PartnerChange]:
    status = transition(app.status, Action.ROTATE)
    after = replace(app, client_id=new_client_id, status=status, rotated_at=at)
    return after, PartnerChange(change_id, app.application_id, Action.ROTATE, actor_of(actor), at, app.state(),
                                after.state())


def revoked(actor: TenantContext, app: PartnerApplication, at: datetime,
            change_id: str) -> tuple[PartnerApplication, PartnerChange]:
    status = transition(app.status, Action.REVOKE)
    after = replace(app, status=status, revoked_at=at)
    return after, PartnerChange(change_id, app.application_id, Action.REVOKE, actor_of(actor), at, app.state(),
                                after.state())
