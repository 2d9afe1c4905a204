"""The tenants declared in ``tenants/*.yaml``, read with the app's own schema.

The stack deploys what is per tenant and cannot wait for onboarding: a Stripe secret for each tenant
that takes payments, a daily consolidation schedule per group, an end-of-day schedule per subsidiary,
and a table per ``isolation: silo`` tenant. Tenants onboarded later through the API get the same by
adding their YAML here and deploying again (docs/deploy.md).
"""
from __future__ import annotations

from pathlib import Path

import yaml

from chalicelib.tenancy.domain import TenantDefinition

REPO_ROOT = Path(__file__).resolve().parent.parent
TENANTS_DIR = REPO_ROOT / "tenants"


def load_tenants(directory: Path = TENANTS_DIR) -> list[TenantDefinition]:
    """Every ``*.yaml`` under ``directory``, validated; none if the directory is absent."""
    if not directory.is_dir():
        return []
    tenants = []
    for path in sorted(directory.glob("*.yaml")):
        with path.open(encoding="utf-8") as f:
            raw = yaml.safe_load(f)
        try:
            tenants.append(TenantDefinition.model_validate(raw))
        except ValueError as exc:
            raise ValueError(f"{path.relative_to(REPO_ROOT) if path.is_relative_to(REPO_ROOT) else path}: {exc}") from exc
    ids = [t.id for t in tenants]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"tenant ids declared twice under {directory}: {', '.join(duplicates)}")
    return tenants


def takes_payments(tenant: TenantDefinition) -> bool:
    """A tenant gets a Stripe secret when its YAML has a ``stripe`` section with anything in it."""
    return tenant.stripe.webhook_secret is not None or tenant.stripe.secret_key_ref is not None
