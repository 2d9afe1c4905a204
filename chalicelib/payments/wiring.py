"""Payments' adapters, created on first use and cached.

Stripe's per-tenant secrets come from Secrets Manager (``JINKONG_STRIPE_SECRET_NAME_TEMPLATE``, which
settings require outside the local stage). The local stack wires the demo tenants' secrets from
``tenants/*.yaml`` itself (``chalicelib.local``); nothing here knows about it.
"""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from chalicelib.platform.settings import get_settings

if TYPE_CHECKING:
    from chalicelib.payments.store import PaymentsStore
    from chalicelib.payments.stripe_gateway import StripeSecrets


@lru_cache(maxsize=1)
def payments_store() -> "PaymentsStore":
    from chalicelib.payments.store import PaymentsStore

    return PaymentsStore()


_secrets: "StripeSecrets | None" = None


def stripe_secrets() -> "StripeSecrets":
    global _secrets
    if _secrets is None:
        from chalicelib.payments import stripe_gateway

        template = get_settings().stripe_secret_name_template
        if not template:
            raise RuntimeError("no Stripe secrets are wired: set JINKONG_STRIPE_SECRET_NAME_TEMPLATE "
                               "(the local stack wires tenants/*.yaml's itself)")
        _secrets = stripe_gateway.SecretsManagerStripeSecrets(template)
    return _secrets


def use_stripe_secrets(secrets: "StripeSecrets | None") -> None:
    """Swap the secrets port (the local stack and tests; None goes back to the configured one)."""
    global _secrets
    _secrets = secrets


def forget() -> None:
    global _secrets
    _secrets = None
    payments_store.cache_clear()
