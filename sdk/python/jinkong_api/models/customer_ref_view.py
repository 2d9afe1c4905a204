from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CustomerRefView")


@_attrs_define
class CustomerRefView:
    """
    Attributes:
        id (str):
        identity_hash (str):
        identity_masked (str):
        name (str):
        type_ (str):
    """

    id: str
    identity_hash: str
    identity_masked: str
    name: str
    type_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        identity_hash = self.identity_hash

        identity_masked = self.identity_masked

        name = self.name

        type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "identity_hash": identity_hash,
                "identity_masked": identity_masked,
                "name": name,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        identity_hash = d.pop("identity_hash")

        identity_masked = d.pop("identity_masked")

        name = d.pop("name")

        type_ = d.pop("type")

        customer_ref_view = cls(
            id=id,
            identity_hash=identity_hash,
            identity_masked=identity_masked,
            name=name,
            type_=type_,
        )

        customer_ref_view.additional_properties = d
        return customer_ref_view

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
