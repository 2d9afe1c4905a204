"""The local stage's Stripe secrets: the demo tenants' webhook secrets from ``tenants/<id>.yaml``.

A deployed stage keeps each tenant's secrets in Secrets Manager (``payments.wiring``); the local stack
wires this instead when it starts (``wire_local_stripe_secrets``), so no production module reads the
demo files.
"""
from __future__ import annotations

import threading


class LocalStripeSecrets:
    """The demo tenants' secrets from ``tenants/<id>.yaml`` (the registry strips them on purpose)."""

    def __init__(self, directory=None, api_key: str | None = None):
        self._directory = directory
        self._api_key = api_key
        self._lock = threading.Lock()
        self._secrets: dict[str, str] | None = None

    def _load(self) -> dict[str, str]:
        with self._lock:
            if self._secrets is None:
                from chalicelib.local import seed

                defs = seed.load_definitions(self._directory) if self._directory else seed.load_definitions()
                self._secrets = {d.id: d.stripe.webhook_secret for d in defs if d.stripe.webhook_secret}
            return self._secrets

    def webhook_secret(self, tenant_id: str) -> str | None:
        return self._load().get(tenant_id)

    def api_key(self, tenant_id: str) -> str | None:
        return self._api_key


def wire_local_stripe_secrets() -> None:
    """Payments reads the demo tenants' secrets (unless a Secrets Manager template is configured)."""
    from chalicelib.payments import wiring
    from chalicelib.platform.settings import get_settings

    settings = get_settings()
    if not settings.stripe_secret_name_template:
        wiring.use_stripe_secrets(LocalStripeSecrets(api_key=settings.stripe_api_key or None))
