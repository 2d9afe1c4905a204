from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="SubLimitIn")


@_attrs_define
class SubLimitIn:
    """
    Attributes:
        amount (str):
        product_code (None | str | Unset):
        product_kind (None | str | Unset): loan, lease or factoring
    """

    amount: str
    product_code: None | str | Unset = UNSET
    product_kind: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        product_code: None | str | Unset
        if isinstance(self.product_code, Unset):
            product_code = UNSET
        else:
            product_code = self.product_code

        product_kind: None | str | Unset
        if isinstance(self.product_kind, Unset):
            product_kind = UNSET
        else:
            product_kind = self.product_kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if product_code is not UNSET:
            field_dict["product_code"] = product_code
        if product_kind is not UNSET:
            field_dict["product_kind"] = product_kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        def _parse_product_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_code = _parse_product_code(d.pop("product_code", UNSET))

        def _parse_product_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        product_kind = _parse_product_kind(d.pop("product_kind", UNSET))

        sub_limit_in = cls(
            amount=amount,
            product_code=product_code,
            product_kind=product_kind,
        )

        sub_limit_in.additional_properties = d
        return sub_limit_in

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
