from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.customer_type import CustomerType
from ..models.identity_type import IdentityType
from ..models.verification_level import VerificationLevel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.contact import Contact
    from ..models.related_party_in import RelatedPartyIn


T = TypeVar("T", bound="NewCustomer")


@_attrs_define
class NewCustomer:
    """``POST /v1/customers``. The identity number is validated and never stored.

    Attributes:
        identity_number (str):
        identity_type (IdentityType):
        name (str):
        type_ (CustomerType):
        annual_income (None | str | Unset): Decimal string, for debt-to-income rules
        contact (Contact | Unset):
        established_on (datetime.date | None | Unset): Enterprises: date of incorporation
        industry (None | str | Unset): GB/T 4754 code, e.g. C36
        is_core_enterprise (bool | Unset): Factoring debtor (核心企业) whose users confirm invoices Default: False.
        region (None | str | Unset): Administrative division code, e.g. 310000
        related_parties (list[RelatedPartyIn] | Unset):
        verification_level (None | Unset | VerificationLevel): Only 'registered' (the default) is accepted: higher
            levels are reached by recorded evidence (POST /v1/customers/{id}/verification/evidence)
    """

    identity_number: str
    identity_type: IdentityType
    name: str
    type_: CustomerType
    annual_income: None | str | Unset = UNSET
    contact: Contact | Unset = UNSET
    established_on: datetime.date | None | Unset = UNSET
    industry: None | str | Unset = UNSET
    is_core_enterprise: bool | Unset = False
    region: None | str | Unset = UNSET
    related_parties: list[RelatedPartyIn] | Unset = UNSET
    verification_level: None | Unset | VerificationLevel = UNSET

    def to_dict(self) -> dict[str, Any]:
        identity_number = self.identity_number

        identity_type = self.identity_type.value

        name = self.name

        type_ = self.type_.value

        annual_income: None | str | Unset
        if isinstance(self.annual_income, Unset):
            annual_income = UNSET
        else:
            annual_income = self.annual_income

        contact: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contact, Unset):
            contact = self.contact.to_dict()

        established_on: None | str | Unset
        if isinstance(self.established_on, Unset):
            established_on = UNSET
        elif isinstance(self.established_on, datetime.date):
            established_on = self.established_on.isoformat()
        else:
            established_on = self.established_on

        industry: None | str | Unset
        if isinstance(self.industry, Unset):
            industry = UNSET
        else:
            industry = self.industry

        is_core_enterprise = self.is_core_enterprise

        region: None | str | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        related_parties: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.related_parties, Unset):
            related_parties = []
            for related_parties_item_data in self.related_parties:
                related_parties_item = related_parties_item_data.to_dict()
                related_parties.append(related_parties_item)

        verification_level: None | str | Unset
        if isinstance(self.verification_level, Unset):
            verification_level = UNSET
        elif isinstance(self.verification_level, VerificationLevel):
            verification_level = self.verification_level.value
        else:
            verification_level = self.verification_level

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "identity_number": identity_number,
                "identity_type": identity_type,
                "name": name,
                "type": type_,
            }
        )
        if annual_income is not UNSET:
            field_dict["annual_income"] = annual_income
        if contact is not UNSET:
            field_dict["contact"] = contact
        if established_on is not UNSET:
            field_dict["established_on"] = established_on
        if industry is not UNSET:
            field_dict["industry"] = industry
        if is_core_enterprise is not UNSET:
            field_dict["is_core_enterprise"] = is_core_enterprise
        if region is not UNSET:
            field_dict["region"] = region
        if related_parties is not UNSET:
            field_dict["related_parties"] = related_parties
        if verification_level is not UNSET:
            field_dict["verification_level"] = verification_level

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.contact import Contact  # noqa: PLC0415
        from ..models.related_party_in import RelatedPartyIn  # noqa: PLC0415

        d = dict(src_dict)
        identity_number = d.pop("identity_number")

        identity_type = IdentityType(d.pop("identity_type"))

        name = d.pop("name")

        type_ = CustomerType(d.pop("type"))

        def _parse_annual_income(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_income = _parse_annual_income(d.pop("annual_income", UNSET))

        _contact = d.pop("contact", UNSET)
        contact: Contact | Unset
        if isinstance(_contact, Unset):
            contact = UNSET
        else:
            contact = Contact.from_dict(_contact)

        def _parse_established_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                established_on_type_0 = datetime.date.fromisoformat(data)

                return established_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        established_on = _parse_established_on(d.pop("established_on", UNSET))

        def _parse_industry(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        industry = _parse_industry(d.pop("industry", UNSET))

        is_core_enterprise = d.pop("is_core_enterprise", UNSET)

        def _parse_region(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        _related_parties = d.pop("related_parties", UNSET)
        related_parties: list[RelatedPartyIn] | Unset = UNSET
        if _related_parties is not UNSET:
            related_parties = []
            for related_parties_item_data in _related_parties:
                related_parties_item = RelatedPartyIn.from_dict(related_parties_item_data)

                related_parties.append(related_parties_item)

        def _parse_verification_level(data: object) -> None | Unset | VerificationLevel:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                verification_level_type_0 = VerificationLevel(data)

                return verification_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationLevel, data)

        verification_level = _parse_verification_level(d.pop("verification_level", UNSET))

        new_customer = cls(
            identity_number=identity_number,
            identity_type=identity_type,
            name=name,
            type_=type_,
            annual_income=annual_income,
            contact=contact,
            established_on=established_on,
            industry=industry,
            is_core_enterprise=is_core_enterprise,
            region=region,
            related_parties=related_parties,
            verification_level=verification_level,
        )

        return new_customer
