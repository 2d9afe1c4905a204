"""Payments' adapters, created on first use and cached (to be merged into ``chalicelib/bootstrap.py``).

``PaymentsSettings`` holds the two values payments reads from the environment, validated once (to be
merged into ``chalicelib.platform.settings.Settings``).
"""
from __future__ import annotations

import os
from functools import lru_cache
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

if TYPE_CHECKING:
    from chalicelib.payments.store import PaymentsStore
    from chalicelib.payments.stripe_gateway import StripeSecrets


class PaymentsSettings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True)

    # With a key, PaymentIntents are created in Stripe (test mode); without one, locally (the simulator).
    stripe_api_key: str = Field(default="", validation_alias="STRIPE_API_KEY")
    # Secrets Manager name of a tenant's Stripe secrets; empty means tenants/*.yaml (local, demo).
    stripe_secret_name_template: str = Field(default="", validation_alias="JINKONG_STRIPE_SECRET_NAME_TEMPLATE")

    @classmethod
    def from_environ(cls) -> "PaymentsSettings":
        return cls.model_validate({k: v for k, v in os.environ.items()
                                   if k in ("STRIPE_API_KEY", "JINKONG_STRIPE_SECRET_NAME_TEMPLATE")})


@lru_cache(maxsize=1)
def payments_settings() -> PaymentsSettings:
    return PaymentsSettings.from_environ()


@lru_cache(maxsize=1)
def payments_store() -> "PaymentsStore":
    from chalicelib.payments.store import PaymentsStore

    return PaymentsStore()


_secrets: "StripeSecrets | None" = None


def stripe_secrets() -> "StripeSecrets":
    global _secrets
    if _secrets is None:
        from chalicelib.payments import stripe_gateway

        s = payments_settings()
        _secrets = (stripe_gateway.SecretsManagerStripeSecrets(s.stripe_secret_name_template)
                    if s.stripe_secret_name_template else stripe_gateway.LocalStripeSecrets(api_key=s.stripe_api_key or None))
    return _secrets


def use_stripe_secrets(secrets: "StripeSecrets | None") -> None:
    """Swap the secrets port (tests pass an in-memory one; None goes back to the configured one)."""
    global _secrets
    _secrets = secrets


def forget() -> None:
    global _secrets
    _secrets = None
    payments_settings.cache_clear()
    payments_store.cache_clear()
