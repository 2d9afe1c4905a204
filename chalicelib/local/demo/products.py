"""Demo products from ``tenants/products/<tenant-id>/*.yaml``, created through the service.

Each file holds a product's ``code``, ``kind`` and ``history``: the first step's full ``definition``,
then ``changes`` (JSON merge patches on the version before), each ``dated``. Every step is authored and submitted by
``product-manager@<tenant>`` and approved and activated by ``tenant-admin@<tenant>`` on the step's
date, so the console shows a believable history — unless ``stop_at`` leaves it a ``draft`` or
``submitted`` (waiting for approval).

Idempotent: a product whose code the tenant already has is left alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import yaml

from chalicelib.products import service
from chalicelib.products.domain import Action
from chalicelib.shared.errors import Conflict, NotFound
from chalicelib.shared.tenant import Role, TenantContext, TenantKind

PRODUCTS_DIR = Path(__file__).resolve().parents[3] / "tenants" / "products"
CHINA = timezone(timedelta(hours=8))

# (action, days after the step's date, local time) — authored in the morning, approved the next day.
_STEPS = (
    (Action.SUBMIT, 0, time(10, 15)),
    (Action.APPROVE, 1, time(14, 0)),
    (Action.ACTIVATE, 2, time(9, 0)),
)
_STOPS = {"draft": Action.CREATE, "submitted": Action.SUBMIT, "approved": Action.APPROVE, "active": Action.ACTIVATE}


@dataclass(frozen=True)
class SeededProduct:
    tenant_id: str
    code: str
    created: bool


def seed_demo_products(directory: Path = PRODUCTS_DIR, contexts: Callable[[str], tuple[TenantContext, TenantContext]]
                       | None = None, store: service.ProductStore | None = None,
                       tenants: dict[str, str] | None = None) -> list[SeededProduct]:
    """Create every demo product the tenants do not have yet; returns what was found and what made.
    ``tenants`` maps a folder's name to the tenant that gets its products (default: the same id)."""
    contexts = contexts or demo_contexts
    seeded = []
    for tenant_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
        maker, checker = contexts((tenants or {}).get(tenant_dir.name, tenant_dir.name))
        for path in sorted(tenant_dir.glob("*.yaml")):
            spec = yaml.safe_load(path.read_text(encoding="utf-8"))
            seeded.append(SeededProduct(maker.tenant_id, spec["code"], _seed_product(spec, maker, checker, store)))
    return seeded


def _seed_product(spec: dict[str, Any], maker: TenantContext, checker: TenantContext,
                  store: service.ProductStore | None) -> bool:
    code = spec["code"]
    try:
        service.get_product(maker, code, store=store)
        return False
    except NotFound:
        pass
    for number, step in enumerate(spec["history"], start=1):
        on = _as_date(step["dated"])
        authored = _clock(on, 0, time(9, 30))
        try:
            if number == 1:
                service.create_product(maker, code, spec["kind"], step["definition"], store=store, now=authored)
            else:
                service.new_version(maker, code, store=store, now=authored)
                service.revise_draft(maker, code, number, step["changes"], store=store, now=authored)
        except Conflict:  # another seeder got there first
            return False
        stop = _STOPS[step.get("stop_at", "active")]
        for action, days, at in _steps_until(stop):
            actor = maker if action is Action.SUBMIT else checker
            reason = step.get("note") if action in (Action.SUBMIT, Action.ACTIVATE) else None
            service.transition(actor, code, number, action, reason, store=store, now=_clock(on, days, at))
    return True


def _steps_until(stop: Action) -> Iterator[tuple[Action, int, time]]:
    if stop is Action.CREATE:
        return
    for step in _STEPS:
        yield step
        if step[0] is stop:
            return


def _clock(on: date, days: int, at: time) -> Callable[[], datetime]:
    instant = datetime.combine(on + timedelta(days=days), at, CHINA).astimezone(timezone.utc)
    return lambda: instant


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def demo_contexts(tenant_id: str) -> tuple[TenantContext, TenantContext]:
    """The demo product manager (maker) and tenant admin (checker) of a tenant, as the token would say."""
    from chalicelib import bootstrap

    tenant = bootstrap.tenant_registry().get(tenant_id)
    if tenant is None:
        raise LookupError(f"tenant {tenant_id} is not registered: seed the tenants first")
    d = tenant.definition

    def context(role: Role) -> TenantContext:
        username = f"{role.value}@{tenant_id}"
        return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id=_user_id(username),
                             username=username, roles=frozenset({role}), group_id=d.group_id,
                             isolation=d.isolation)

    return context(Role.PRODUCT_MANAGER), context(Role.TENANT_ADMIN)


def _user_id(username: str) -> str:
    """The Cognito ``sub`` of a demo user (what a token would carry), or the username if it has none."""
    from chalicelib.platform import aws
    from chalicelib.platform.settings import get_settings

    from botocore.exceptions import ClientError

    try:
        user = aws.client("cognito-idp").admin_get_user(UserPoolId=get_settings().user_pool_id, Username=username)
    except ClientError:  # no such user: the history is still consistent, keyed by the username
        return username
    return next((a["Value"] for a in user["UserAttributes"] if a["Name"] == "sub"), username)
