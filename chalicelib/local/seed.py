"""Seed the demo group from ``tenants/*.yaml``: registry entries and one Cognito user per role.

Idempotent: tenants are upserted, users that exist are left alone. Demo users are named
``<role>@<tenant>`` and share ``DEMO_PASSWORD`` (default below), plus ``admin@platform``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml

from chalicelib.shared.tenant import Role, TenantContext, TenantKind, roles_for_kind
from chalicelib.tenancy.domain import TenantDefinition
from chalicelib.tenancy.identity import CognitoDirectory
from chalicelib import bootstrap

DEFAULT_DEMO_PASSWORD = "Jinkong-Demo-2026!"
TENANTS_DIR = Path(__file__).resolve().parents[2] / "tenants"


@dataclass(frozen=True)
class DemoUser:
    username: str
    tenant_id: str
    role: Role


def demo_password() -> str:
    return os.environ.get("DEMO_PASSWORD") or DEFAULT_DEMO_PASSWORD


def load_definitions(directory: Path = TENANTS_DIR) -> list[TenantDefinition]:
    """Tenant definitions, groups and the platform before subsidiaries (so groups exist first)."""
    defs = [TenantDefinition.model_validate(yaml.safe_load(p.read_text(encoding="utf-8")))
            for p in sorted(directory.glob("*.yaml"))]
    return sorted(defs, key=lambda d: (d.kind.is_subsidiary, d.id))


def demo_users(definitions: list[TenantDefinition]) -> list[DemoUser]:
    users = []
    for d in definitions:
        if d.kind is TenantKind.PLATFORM:
            users.append(DemoUser(f"admin@{d.id}", d.id, Role.PLATFORM_ADMIN))
            continue
        users += [DemoUser(f"{role.value}@{d.id}", d.id, role) for role in roles_for_kind(d.kind)]
    return users


def seed(directory: Path = TENANTS_DIR, user_pool_id: str | None = None, business_data: bool = True,
         progress=lambda message: None, business_date: date | None = None) -> list[DemoUser]:
    """Tenants and demo users; with ``business_data`` also demo products, applications and the rest.

    With ``business_date`` every tenant's calendar starts on that date (a new tenant's only; time
    travel moves it on from there). Test sessions seed tenants and users only, on a fixed date, so
    that no test depends on the machine's clock; each suite seeds the business data it relies on.
    """
    definitions = load_definitions(directory)
    registry = bootstrap.tenant_registry()
    for d in definitions:
        registry.upsert(d)
    if business_date is not None:
        open_calendars(definitions, business_date)
    people = CognitoDirectory(user_pool_id)
    users = demo_users(definitions)
    by_id = {d.id: d for d in definitions}
    for u in users:
        if not people.user_exists(u.username):
            people.create_user(u.username, u.tenant_id, [u.role], password=demo_password(), permanent=True)
        register_staff(people, system_context(by_id[u.tenant_id]), u.username)
    if business_data:
        seed_business_data(progress)
    return users


def register_staff(people: CognitoDirectory, ctx: TenantContext, username: str) -> None:
    """The users page lists a demo user like any invited one (once; a later run finds it there)."""
    from chalicelib.tenancy.staff import service as staff
    from chalicelib.tenancy.staff.store import StaffDirectory

    held = people.get_user(username)
    if held is None or StaffDirectory().get(ctx, held.user_id) is not None:
        return
    staff.register(ctx, held.user_id, username, username, held.roles, held.email, enabled=held.enabled)


def system_context(d: TenantDefinition, actor: str = "system:seed") -> TenantContext:
    return TenantContext(tenant_id=d.id, kind=d.kind, user_id=actor, username=actor, group_id=d.group_id,
                         isolation=d.isolation)


def open_calendars(definitions: list[TenantDefinition], on: date) -> None:
    """Start each tenant's business calendar on ``on`` (already started ones are left alone)."""
    from chalicelib.closing.service import open_calendar
    from chalicelib.shared.errors import Conflict

    for d in definitions:
        if d.kind is TenantKind.PLATFORM:
            continue
        try:
            open_calendar(system_context(d), on)
        except Conflict:  # started on an earlier run: its date has moved on since
            pass


def seed_business_data(progress=lambda message: None) -> None:
    """The demo group's business: products, then months of history replayed day by day up to today
    (contracts, repayments, arrears, write-offs; see ``chalicelib.local.demo.history``). Idempotent."""
    from chalicelib.local.demo import seed_demo

    seed_demo(progress=progress)
