from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReallocationIn")


@_attrs_define
class ReallocationIn:
    """
    Attributes:
        amount (str):
        from_subsidiary (None | str | Unset): null: the unallocated pool
        reason (None | str | Unset):
        to_subsidiary (None | str | Unset): null: back to the unallocated pool
    """

    amount: str
    from_subsidiary: None | str | Unset = UNSET
    reason: None | str | Unset = UNSET
    to_subsidiary: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        from_subsidiary: None | str | Unset
        if isinstance(self.from_subsidiary, Unset):
            from_subsidiary = UNSET
        else:
            from_subsidiary = self.from_subsidiary

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        to_subsidiary: None | str | Unset
        if isinstance(self.to_subsidiary, Unset):
            to_subsidiary = UNSET
        else:
            to_subsidiary = self.to_subsidiary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if from_subsidiary is not UNSET:
            field_dict["from_subsidiary"] = from_subsidiary
        if reason is not UNSET:
            field_dict["reason"] = reason
        if to_subsidiary is not UNSET:
            field_dict["to_subsidiary"] = to_subsidiary

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_from_subsidiary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        from_subsidiary = _parse_from_subsidiary(d.pop("from_subsidiary", UNSET))

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        def _parse_to_subsidiary(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        to_subsidiary = _parse_to_subsidiary(d.pop("to_subsidiary", UNSET))

        reallocation_in = cls(
            amount=amount,
            from_subsidiary=from_subsidiary,
            reason=reason,
            to_subsidiary=to_subsidiary,
        )

        reallocation_in.additional_properties = d
        return reallocation_in

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
