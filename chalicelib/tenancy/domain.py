"""Tenants: the schema of ``tenants/*.yaml`` (also the body of onboarding) and who may see whom."""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from pydantic import ConfigDict, Field, field_validator, model_validator

from chalicelib.shared.schema import Schema
from chalicelib.shared.errors import Forbidden, RuleViolation
from chalicelib.shared.tenant import Role, TenantContext, TenantKind

TENANT_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{1,62}$"
PLATFORM_TENANT_ID = "platform"


class LocalizedName(Schema):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")

    zh_cn: str = Field(alias="zh-CN", min_length=1, max_length=200)
    en_us: str = Field(alias="en-US", min_length=1, max_length=200)


class StripeConfig(Schema):
    """Per-tenant Stripe settings. In the cloud the secrets live in Secrets Manager, not here."""

    model_config = ConfigDict(extra="forbid")

    webhook_secret: str | None = Field(default=None, description="Demo/local only: whsec_… signing secret")
    secret_key_ref: str | None = Field(default=None, description="Secrets Manager name holding the API key")


class FourEyesBelow(Schema):
    """Amounts (in the tenant's currency) below which one person may do what otherwise needs a
    second approver. 0, the default, means always two people."""

    model_config = ConfigDict(extra="forbid")

    write_off: Decimal = Field(default=Decimal("0"), ge=0, description="a write-off's total receivable")
    repayment_reversal: Decimal = Field(default=Decimal("0"), ge=0, description="the reversed repayment's amount")
    recovery: Decimal = Field(default=Decimal("0"), ge=0, description="the amount recovered after write-off")

    @field_validator("write_off", "repayment_reversal", "recovery", mode="before")
    @classmethod
    def _exact(cls, v: object) -> object:
        # YAML reads 1000.50 as a float: take its shortest decimal form, never the binary value.
        return str(v) if isinstance(v, float) else v


class TenantDefinition(Schema):
    """A tenant as declared in ``tenants/<id>.yaml`` or sent to ``POST /v1/tenants``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=TENANT_ID_PATTERN, description="Stable tenant id, e.g. demo-lending")
    kind: TenantKind
    name: LocalizedName
    group: str | None = Field(default=None, pattern=TENANT_ID_PATTERN, description="Holding group of a subsidiary")
    isolation: Literal["pool", "silo"] = "pool"
    currency: str = Field(default="CNY", pattern=r"^[A-Z]{3}$")
    timezone: str = "Asia/Shanghai"
    unified_social_credit_code: str | None = Field(default=None, description="统一社会信用代码 of the legal entity")
    stripe: StripeConfig = Field(default_factory=StripeConfig)
    four_eyes_below: FourEyesBelow = Field(
        default_factory=FourEyesBelow,
        description="per action, the amount below which one person suffices (default 0: always two)")

    @field_validator("timezone")
    @classmethod
    def _timezone_is_iana(cls, v: str) -> str:
        if not re.match(r"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$", v):
            raise ValueError("timezone must be an IANA name such as Asia/Shanghai")
        return v

    @model_validator(mode="after")
    def _group_matches_kind(self) -> "TenantDefinition":
        if self.kind.is_subsidiary and not self.group:
            raise ValueError("a subsidiary must name its holding group")
        if not self.kind.is_subsidiary and self.group not in (None, self.id):
            raise ValueError(f"a {self.kind.value} tenant belongs to no other group")
        return self

    @property
    def group_id(self) -> str | None:
        if self.kind is TenantKind.GROUP:
            return self.id
        return self.group


def onboarding_definition(actor: TenantContext, requested: TenantDefinition) -> TenantDefinition:
    """The definition the actor may onboard. A group admin onboards only its own subsidiaries."""
    if Role.PLATFORM_ADMIN in actor.roles:
        if requested.kind is TenantKind.PLATFORM:
            raise RuleViolation("tenancy.kind.invalid", "there is one platform tenant")
        return requested
    if Role.GROUP_ADMIN in actor.roles and actor.kind is TenantKind.GROUP:
        if not requested.kind.is_subsidiary:
            raise Forbidden("tenancy.onboarding.forbidden", "a group admin onboards subsidiaries only")
        # The group comes from the token, never from the body.
        return requested.model_copy(update={"group": actor.tenant_id})
    raise Forbidden("tenancy.onboarding.forbidden", "your role does not allow onboarding")


def can_see_tenant(actor: TenantContext, tenant_id: str, group_id: str | None) -> bool:
    if Role.PLATFORM_ADMIN in actor.roles:
        return True
    if actor.tenant_id == tenant_id:
        return True
    return (actor.kind is TenantKind.GROUP and group_id == actor.tenant_id
            and bool({Role.GROUP_ADMIN, Role.GROUP_RISK} & set(actor.roles)))


@dataclass(frozen=True)
class RegisteredTenant:
    """A tenant as the registry holds it: its definition (secrets removed) and its status."""

    definition: TenantDefinition
    status: str

    @property
    def tenant_id(self) -> str:
        return self.definition.id
