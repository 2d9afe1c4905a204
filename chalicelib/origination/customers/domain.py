"""Customers of a subsidiary: individuals and enterprises, identified only by a keyed hash.

Pure: no AWS. The raw identity number arrives once, is validated, hashed (the group-wide customer
identity) and masked, and is then dropped — it is never stored.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from pydantic import ConfigDict, Field, field_validator, model_validator

from chalicelib.shared.ids import ResourceId
from chalicelib.shared.identity import IdentityType, keyed_hash, masked, normalise, validation_problem
from chalicelib.shared.schema import Schema


class CustomerType(str, Enum):
    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"


class VerificationLevel(str, Enum):
    """Real-name verification reached (实名认证等级), lowest to highest.

    A registered customer starts at ``registered``; every higher level is reached only by recorded
    evidence (``chalicelib.customers`` keeps the ladder, its evidence and its history)."""

    VISITOR = "visitor"
    REGISTERED = "registered"
    PHONE_VERIFIED = "phone_verified"
    WEAK_REAL_NAME = "weak_real_name"
    STRONG_REAL_NAME = "strong_real_name"

    @property
    def rank(self) -> int:
        return list(VerificationLevel).index(self)

    def at_least(self, other: "VerificationLevel") -> bool:
        return self.rank >= other.rank


class Relation(str, Enum):
    SHAREHOLDER = "shareholder"  # the related party holds shares in this customer
    GUARANTOR = "guarantor"  # the related party guarantees this customer's debts
    PARENT = "parent"  # the related party is this customer's parent company


INDIVIDUAL_IDS = {IdentityType.RESIDENT_ID, IdentityType.PASSPORT, IdentityType.HK_MACAO_PERMIT}
ENTERPRISE_IDS = {IdentityType.USCC}


class Contact(Schema):
    model_config = ConfigDict(extra="forbid")

    phone: str | None = Field(default=None, pattern=r"^\+?[0-9 -]{6,20}$")
    email: str | None = Field(default=None, pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
    address: str | None = Field(default=None, max_length=300)


class RelatedPartyIn(Schema):
    model_config = ConfigDict(extra="forbid")

    relation: Relation
    customer_id: ResourceId = Field(description="Another customer of this tenant")


class NewCustomer(Schema):
    """``POST /v1/customers``. The identity number is validated and never stored."""

    model_config = ConfigDict(extra="forbid")

    type: CustomerType
    name: str = Field(min_length=1, max_length=200)
    identity_type: IdentityType
    identity_number: str = Field(min_length=6, max_length=40)
    contact: Contact = Field(default_factory=Contact)
    industry: str | None = Field(default=None, pattern=r"^[A-T](\d{2,4})?$", description="GB/T 4754 code, e.g. C36")
    region: str | None = Field(default=None, pattern=r"^\d{6}$", description="Administrative division code, e.g. 310000")
    verification_level: VerificationLevel | None = Field(
        default=None, description="Only 'registered' (the default) is accepted: higher levels are reached by "
                                  "recorded evidence (POST /v1/customers/{id}/verification/evidence)")
    established_on: date | None = Field(default=None, description="Enterprises: date of incorporation")
    annual_income: str | None = Field(default=None, pattern=r"^\d+(\.\d{1,2})?$",
                                      description="Decimal string, for debt-to-income rules")
    is_core_enterprise: bool = Field(default=False, description="Factoring debtor (核心企业) whose users confirm invoices")
    related_parties: list[RelatedPartyIn] = Field(default_factory=list, max_length=20)

    @field_validator("identity_number")
    @classmethod
    def _strip(cls, v: str) -> str:
        return re.sub(r"\s+", "", v).upper()

    @model_validator(mode="after")
    def _identity_fits_type(self) -> "NewCustomer":
        allowed = INDIVIDUAL_IDS if self.type is CustomerType.INDIVIDUAL else ENTERPRISE_IDS
        if self.identity_type not in allowed:
            raise ValueError(f"a {self.type.value} is identified by {', '.join(sorted(a.value for a in allowed))}")
        problem = validation_problem(self.identity_type, self.identity_number)
        if problem:
            raise ValueError(problem)
        if self.is_core_enterprise and self.type is not CustomerType.ENTERPRISE:
            raise ValueError("only an enterprise can be a core enterprise")
        if self.established_on and self.type is not CustomerType.ENTERPRISE:
            raise ValueError("established_on applies to enterprises")
        return self


@dataclass(frozen=True)
class RelatedParty:
    relation: Relation
    customer_id: str
    identity_hash: str


@dataclass(frozen=True)
class Customer:
    customer_id: str
    type: CustomerType
    name: str
    identity_type: IdentityType
    identity_hash: str
    identity_masked: str
    contact: dict
    industry: str | None
    region: str | None
    verification_level: VerificationLevel
    birth_on: date | None
    established_on: date | None
    annual_income: str | None
    is_core_enterprise: bool
    related_parties: tuple[RelatedParty, ...] = field(default_factory=tuple)

    def age_on(self, on: date) -> int | None:
        """Applicant age (individuals) or company age (enterprises) in whole years on a date."""
        start = self.birth_on or self.established_on
        if start is None:
            return None
        return on.year - start.year - ((on.month, on.day) < (start.month, start.day))


def birth_date_from_resident_id(number: str) -> date | None:
    try:
        return date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def identify(hash_key: str, new: NewCustomer) -> tuple[str, str]:
    """(keyed hash, masked display) of a new customer's identity number."""
    return keyed_hash(hash_key, new.identity_type, new.identity_number), masked(normalise(new.identity_type, new.identity_number), new.identity_type)
