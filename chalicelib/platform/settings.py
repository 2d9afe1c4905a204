"""Settings, validated once from the environment (pydantic) and cached.

Nothing reads ``os.environ`` elsewhere. Local and cloud differ only by these values. Each field is
read from ``JINKONG_<FIELD>`` unless its alias names another variable. (Plain pydantic rather than
pydantic-settings: the latter adds ~55 ms to every Lambda cold start for features not used here.)
"""
from __future__ import annotations

import os
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, model_validator

PRODUCTION_STAGES = frozenset({"prod", "production"})
LOCAL_STAGE = "local"
# Only the local stage (embedded AWS, demo data) may run on this; every deployed stage must be given
# its own key (a Secrets Manager secret, ``infra/data.py``), or it refuses to start.
LOCAL_IDENTITY_HASH_KEY = "local-demo-identity-key-not-for-production"


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True, defer_build=True)

    @classmethod
    def from_environ(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        values = {}
        for name, field in cls.model_fields.items():
            var = field.validation_alias if isinstance(field.validation_alias, str) else f"JINKONG_{name.upper()}"
            if var in env:
                values[name] = env[var]
        return cls.model_validate(values)

    stage: str = "local"
    region: str = Field(default="ap-east-1", validation_alias="AWS_DEFAULT_REGION")
    table_name: str = "jinkong-local-main"
    user_pool_id: str = ""
    user_pool_client_id: str = ""
    documents_bucket: str = "jinkong-local-documents"
    reports_bucket: str = "jinkong-local-reports"
    clearing_bucket: str = "jinkong-local-clearing"
    webhook_queue_url: str = ""
    events_queue_url: str = ""
    consolidation_state_machine_arn: str = ""
    close_of_business_state_machine_arn: str = ""
    # Tenant isolation in IAM (cloud): the role request handlers assume with a LeadingKeys session
    # policy. Empty (local) means the process's own credentials are used.
    tenant_data_role_arn: str = ""
    table_arn: str = ""
    table_key_arn: str = ""
    # Where Cognito and its JWKS live. Empty means AWS itself (derived from the region).
    aws_endpoint_url: str = Field(default="", validation_alias="AWS_ENDPOINT_URL")
    # Master secret of the keyed hash of identity numbers. Each holding group hashes with a key
    # derived from it (``shared.identity.group_key``). Required outside the local stage: no default.
    identity_hash_key: str = ""
    # With a Stripe key, PaymentIntents are created in Stripe; without one, only the local stage's simulator.
    stripe_api_key: str = Field(default="", validation_alias="STRIPE_API_KEY")
    # Secrets Manager name of a tenant's Stripe secrets (``{tenant_id}`` in it). Required outside the
    # local stage, whose tenants' secrets come from tenants/*.yaml (chalicelib.local wires them).
    stripe_secret_name_template: str = ""
    # Seconds a verified tenant registry entry is cached in a warm Lambda.
    tenant_cache_seconds: int = 60
    # Time travel: each tenant's business date is set and moved forward explicitly (GET/PUT
    # /v1/business-date) instead of following its local calendar day. Unset: on only in the local
    # stage. Deployed test or demo stages may turn it on; production never (refused below).
    time_travel: bool | None = None

    @model_validator(mode="after")
    def _no_time_travel_in_production(self) -> "Settings":
        if self.time_travel and self.stage in PRODUCTION_STAGES:
            raise ValueError(f"time travel cannot be enabled in the {self.stage} stage")
        return self

    @model_validator(mode="after")
    def _identity_key_in_every_deployed_stage(self) -> "Settings":
        if self.stage != LOCAL_STAGE and len(self.identity_hash_key) < 32:
            raise ValueError(f"JINKONG_IDENTITY_HASH_KEY (at least 32 characters) is required in the {self.stage} stage")
        if self.stage != LOCAL_STAGE and self.identity_hash_key == LOCAL_IDENTITY_HASH_KEY:
            raise ValueError(f"the local demo identity key cannot be used in the {self.stage} stage")
        return self

    @model_validator(mode="after")
    def _stripe_secrets_in_every_deployed_stage(self) -> "Settings":
        if self.stage != LOCAL_STAGE and "{tenant_id}" not in self.stripe_secret_name_template:
            raise ValueError(f"JINKONG_STRIPE_SECRET_NAME_TEMPLATE (with {{tenant_id}}) is required in the {self.stage} stage")
        return self

    @property
    def identity_master_key(self) -> str:
        """The identity hash master key (the demo one only in the local stage)."""
        return self.identity_hash_key or LOCAL_IDENTITY_HASH_KEY

    @property
    def time_travel_enabled(self) -> bool:
        return self.stage == "local" if self.time_travel is None else self.time_travel

    @property
    def cognito_endpoint(self) -> str:
        return self.aws_endpoint_url or f"https://cognito-idp.{self.region}.amazonaws.com"

    @property
    def token_issuer(self) -> str:
        # moto mirrors AWS's issuer, so this is the same string locally and in the cloud.
        return f"https://cognito-idp.{self.region}.amazonaws.com/{self.user_pool_id}"

    @property
    def jwks_url(self) -> str:
        return f"{self.cognito_endpoint.rstrip('/')}/{self.user_pool_id}/.well-known/jwks.json"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.from_environ()


def identity_hash_key(group_or_tenant_id: str) -> str:
    """The identity hash key of one holding group (a tenant outside any group is its own)."""
    from chalicelib.shared.identity import group_key

    return group_key(get_settings().identity_master_key, group_or_tenant_id)


def reset_settings() -> None:
    """Forget cached settings (and everything built from them); for the local stack and tests."""
    get_settings.cache_clear()
    from chalicelib.platform import aws  # local import: aws depends on settings, not the reverse

    aws.reset_clients()
