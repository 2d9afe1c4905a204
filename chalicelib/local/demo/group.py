"""Which tenants play the demo group's parts: the shipped ``demo-*`` tenants by default, or a copy of
them under other ids (tests seed the same history for a group of their own)."""
from __future__ import annotations

from dataclasses import dataclass

from chalicelib.shared.tenant import TenantContext


@dataclass(frozen=True)
class DemoGroup:
    hq: str = "demo-group"
    lending: str = "demo-lending"
    leasing: str = "demo-leasing"
    factoring: str = "demo-factoring"

    def tenant(self, part: str) -> str:
        """The tenant playing a demo part, named by the shipped tenant's id (``demo-lending`` …)."""
        return {"demo-group": self.hq, "demo-lending": self.lending, "demo-leasing": self.leasing,
                "demo-factoring": self.factoring}[part]

    @property
    def subsidiaries(self) -> tuple[str, str, str]:
        return self.lending, self.leasing, self.factoring

    @property
    def debtor_username(self) -> str:
        """The core enterprise's console user, who confirms invoices assigned against it."""
        return f"debtor@{self.factoring}"


DEMO = DemoGroup()


def staff_context(tenant_id: str, role, username: str | None = None) -> TenantContext:
    """A demo user of the tenant as its token would say (the Cognito ``sub`` as user id when it exists)."""
    from chalicelib import bootstrap
    from chalicelib.shared.tenant import TenantKind

    registered = bootstrap.tenant_registry().get(tenant_id)
    if registered is None:
        raise LookupError(f"tenant {tenant_id} is not registered: seed the tenants first")
    d = registered.definition
    username = username or f"{role.value}@{tenant_id}"
    return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id=cognito_sub(username),
                         username=username, roles=frozenset({role}), group_id=d.group_id, isolation=d.isolation)


def cognito_sub(username: str) -> str:
    """The Cognito ``sub`` of a demo user (what its token carries), so "assigned to me" matches; the
    username when there is no such user."""
    from botocore.exceptions import ClientError

    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    try:
        user = aws.client("cognito-idp").admin_get_user(UserPoolId=get_settings().user_pool_id, Username=username)
    except ClientError:
        return username
    return next((a["Value"] for a in user["UserAttributes"] if a["Name"] == "sub"), username)
