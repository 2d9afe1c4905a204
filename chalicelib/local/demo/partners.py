"""The sandbox's demo partner application for ``demo-lending``, made through the partners service as
its tenant admin would make it. A secret is shown once, so each start rotates the existing demo
application (through the service too) and prints the fresh pair."""
from __future__ import annotations

from dataclasses import dataclass

from chalicelib.shared.tenant import Role, TenantContext, TenantKind

DEMO_PARTNER_NAME = "Demo partner (sandbox)"
DEMO_PARTNER_SCOPES = ["quotes:write", "customers:write", "applications:write", "applications:read",
                       "repayments:write", "webhooks:manage"]
DEMO_TENANT = "demo-lending"
DEMO_ADMIN = f"tenant-admin@{DEMO_TENANT}"


@dataclass(frozen=True)
class DemoPartner:
    tenant_id: str
    application_id: str
    client_id: str
    client_secret: str
    scopes: tuple[str, ...]


def _admin_context() -> TenantContext:
    from chalicelib.tenancy.identity import CognitoDirectory
    from chalicelib.tenancy.service import lookup_tenant

    held = CognitoDirectory().get_user(DEMO_ADMIN)
    info = lookup_tenant(DEMO_TENANT)
    if held is None or info is None:
        raise RuntimeError(f"{DEMO_ADMIN} is not seeded")
    return TenantContext(tenant_id=DEMO_TENANT, kind=TenantKind(info.kind), user_id=held.user_id, username=DEMO_ADMIN,
                         roles=frozenset({Role.TENANT_ADMIN}), group_id=info.group_id, isolation=info.isolation)


def demo_partner() -> DemoPartner:
    """Register the demo partner application, or rotate it if a previous run registered it."""
    from chalicelib.partners import service

    ctx = _admin_context()
    cursor, existing = None, None
    while existing is None:
        page, cursor = service.list_applications(ctx, cursor, 100)
        existing = next((a for a in page if a.name == DEMO_PARTNER_NAME and a.status.value == "active"), None)
        if not cursor:
            break
    if existing is not None:
        app, issued = service.rotate(ctx, existing.application_id)
    else:
        app, issued = service.register(ctx, DEMO_PARTNER_NAME, DEMO_PARTNER_SCOPES, rate_tier="standard")
    return DemoPartner(DEMO_TENANT, app.application_id, issued.client_id, issued.client_secret, app.scopes)
