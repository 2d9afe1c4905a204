"""Every demo seed of the local stack — products, applications, the group's history — in one package
that nothing outside ``chalicelib/local`` imports."""
from __future__ import annotations

from datetime import date
from typing import Callable

from chalicelib.local.demo.group import DEMO, DemoGroup


def seed_demo(group: DemoGroup = DEMO, through: date | None = None,
              progress: Callable[[str], None] = lambda message: None) -> dict[str, date]:
    """Demo products (with their approval history), then the group's history up to ``through``
    (default: today, the tenants' calendar day). Idempotent; returns each tenant's business date."""
    from chalicelib.local.demo.customers360 import seed_demo_customers
    from chalicelib.local.demo.facilities import seed_demo_facilities
    from chalicelib.local.demo.history import seed_demo_history
    from chalicelib.local.demo.products import seed_demo_products
    from chalicelib.local.demo.whitelists import seed_demo_whitelists

    progress("demo products (authored, approved and activated by the demo users)")
    seed_demo_products(tenants={"demo-lending": group.lending, "demo-leasing": group.leasing,
                                "demo-factoring": group.factoring})
    dates = seed_demo_history(group, through, progress)
    seed_demo_facilities(group, progress)
    seed_demo_customers(group, progress)
    seed_demo_whitelists(group, progress)
    return dates


__all__ = ["DEMO", "DemoGroup", "seed_demo"]
