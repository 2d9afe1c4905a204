from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.customer_view_contact import CustomerViewContact
    from ..models.related_party_view import RelatedPartyView


T = TypeVar("T", bound="CustomerView")


@_attrs_define
class CustomerView:
    """
    Attributes:
        annual_income (None | str):
        contact (CustomerViewContact):
        established_on (datetime.date | None):
        id (str):
        identity_hash (str): Keyed hash: the group-wide customer identity
        identity_masked (str): e.g. ****************3X for a resident ID; the number itself is never stored
        identity_type (str):
        industry (None | str):
        is_core_enterprise (bool):
        name (str):
        region (None | str):
        related_parties (list[RelatedPartyView]):
        type_ (str):
        verification_level (str):
    """

    annual_income: None | str
    contact: CustomerViewContact
    established_on: datetime.date | None
    id: str
    identity_hash: str
    identity_masked: str
    identity_type: str
    industry: None | str
    is_core_enterprise: bool
    name: str
    region: None | str
    related_parties: list[RelatedPartyView]
    type_: str
    verification_level: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        annual_income: None | str
        annual_income = self.annual_income

        contact = self.contact.to_dict()

        established_on: None | str
        if isinstance(self.established_on, datetime.date):
            established_on = self.established_on.isoformat()
        else:
            established_on = self.established_on

        id = self.id

        identity_hash = self.identity_hash

        identity_masked = self.identity_masked

        identity_type = self.identity_type

        industry: None | str
        industry = self.industry

        is_core_enterprise = self.is_core_enterprise

        name = self.name

        region: None | str
        region = self.region

        related_parties = []
        for related_parties_item_data in self.related_parties:
            related_parties_item = related_parties_item_data.to_dict()
            related_parties.append(related_parties_item)

        type_ = self.type_

        verification_level = self.verification_level

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "annual_income": annual_income,
                "contact": contact,
                "established_on": established_on,
                "id": id,
                "identity_hash": identity_hash,
                "identity_masked": identity_masked,
                "identity_type": identity_type,
                "industry": industry,
                "is_core_enterprise": is_core_enterprise,
                "name": name,
                "region": region,
                "related_parties": related_parties,
                "type": type_,
                "verification_level": verification_level,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.customer_view_contact import CustomerViewContact  # noqa: PLC0415
        from ..models.related_party_view import RelatedPartyView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_annual_income(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        annual_income = _parse_annual_income(d.pop("annual_income"))

        contact = CustomerViewContact.from_dict(d.pop("contact"))

        def _parse_established_on(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                established_on_type_0 = datetime.date.fromisoformat(data)

                return established_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        established_on = _parse_established_on(d.pop("established_on"))

        id = d.pop("id")

        identity_hash = d.pop("identity_hash")

        identity_masked = d.pop("identity_masked")

        identity_type = d.pop("identity_type")

        def _parse_industry(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        industry = _parse_industry(d.pop("industry"))

        is_core_enterprise = d.pop("is_core_enterprise")

        name = d.pop("name")

        def _parse_region(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        region = _parse_region(d.pop("region"))

        related_parties = []
        _related_parties = d.pop("related_parties")
        for related_parties_item_data in _related_parties:
            related_parties_item = RelatedPartyView.from_dict(related_parties_item_data)

            related_parties.append(related_parties_item)

        type_ = d.pop("type")

        verification_level = d.pop("verification_level")

        customer_view = cls(
            annual_income=annual_income,
            contact=contact,
            established_on=established_on,
            id=id,
            identity_hash=identity_hash,
            identity_masked=identity_masked,
            identity_type=identity_type,
            industry=industry,
            is_core_enterprise=is_core_enterprise,
            name=name,
            region=region,
            related_parties=related_parties,
            type_=type_,
            verification_level=verification_level,
        )

        customer_view.additional_properties = d
        return customer_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
