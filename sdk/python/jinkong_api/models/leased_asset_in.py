from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LeasedAssetIn")


@_attrs_define
class LeasedAssetIn:
    """
    Attributes:
        description (str):
        price (str):
        supplier (str):
        quantity (int | Unset):  Default: 1.
        serial (None | str | Unset):
    """

    description: str
    price: str
    supplier: str
    quantity: int | Unset = 1
    serial: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        description = self.description

        price = self.price

        supplier = self.supplier

        quantity = self.quantity

        serial: None | str | Unset
        if isinstance(self.serial, Unset):
            serial = UNSET
        else:
            serial = self.serial

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "description": description,
                "price": price,
                "supplier": supplier,
            }
        )
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if serial is not UNSET:
            field_dict["serial"] = serial

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        description = d.pop("description")

        price = d.pop("price")

        supplier = d.pop("supplier")

        quantity = d.pop("quantity", UNSET)

        def _parse_serial(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        serial = _parse_serial(d.pop("serial", UNSET))

        leased_asset_in = cls(
            description=description,
            price=price,
            supplier=supplier,
            quantity=quantity,
            serial=serial,
        )

        return leased_asset_in
