from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AssetView")


@_attrs_define
class AssetView:
    """
    Attributes:
        description (str):
        price (str):
        quantity (int):
        serial (None | str):
        supplier (str):
    """

    description: str
    price: str
    quantity: int
    serial: None | str
    supplier: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        price = self.price

        quantity = self.quantity

        serial: None | str
        serial = self.serial

        supplier = self.supplier

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "description": description,
                "price": price,
                "quantity": quantity,
                "serial": serial,
                "supplier": supplier,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        price = d.pop("price")

        quantity = d.pop("quantity")

        def _parse_serial(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        serial = _parse_serial(d.pop("serial"))

        supplier = d.pop("supplier")

        asset_view = cls(
            description=description,
            price=price,
            quantity=quantity,
            serial=serial,
            supplier=supplier,
        )

        asset_view.additional_properties = d
        return asset_view

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
