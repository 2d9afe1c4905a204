from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.group_facility_in_allocations import GroupFacilityInAllocations


T = TypeVar("T", bound="GroupFacilityIn")


@_attrs_define
class GroupFacilityIn:
    """
    Attributes:
        amount (str):
        label (str):
        subjects (list[str]): customers' keyed identity hashes
        allocations (GroupFacilityInAllocations | Unset):
        currency (str | Unset):  Default: 'CNY'.
        valid_to (datetime.date | None | Unset):
    """

    amount: str
    label: str
    subjects: list[str]
    allocations: GroupFacilityInAllocations | Unset = UNSET
    currency: str | Unset = "CNY"
    valid_to: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        label = self.label

        subjects = self.subjects

        allocations: dict[str, Any] | Unset = UNSET
        if not isinstance(self.allocations, Unset):
            allocations = self.allocations.to_dict()

        currency = self.currency

        valid_to: None | str | Unset
        if isinstance(self.valid_to, Unset):
            valid_to = UNSET
        elif isinstance(self.valid_to, datetime.date):
            valid_to = self.valid_to.isoformat()
        else:
            valid_to = self.valid_to

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
                "label": label,
                "subjects": subjects,
            }
        )
        if allocations is not UNSET:
            field_dict["allocations"] = allocations
        if currency is not UNSET:
            field_dict["currency"] = currency
        if valid_to is not UNSET:
            field_dict["valid_to"] = valid_to

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.group_facility_in_allocations import GroupFacilityInAllocations  # noqa: PLC0415

        d = dict(src_dict)
        amount = d.pop("amount")

        label = d.pop("label")

        subjects = cast(list[str], d.pop("subjects"))

        _allocations = d.pop("allocations", UNSET)
        allocations: GroupFacilityInAllocations | Unset
        if isinstance(_allocations, Unset):
            allocations = UNSET
        else:
            allocations = GroupFacilityInAllocations.from_dict(_allocations)

        currency = d.pop("currency", UNSET)

        def _parse_valid_to(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                valid_to_type_0 = datetime.date.fromisoformat(data)

                return valid_to_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        valid_to = _parse_valid_to(d.pop("valid_to", UNSET))

        group_facility_in = cls(
            amount=amount,
            label=label,
            subjects=subjects,
            allocations=allocations,
            currency=currency,
            valid_to=valid_to,
        )

        group_facility_in.additional_properties = d
        return group_facility_in

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
