from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UpfrontOut")


@_attrs_define
class UpfrontOut:
    """Paid on the start date rather than with an instalment.

    Attributes:
        fees (str):
        total (str):
        down_payment (None | str | Unset):
        interest (None | str | Unset):
        security_deposit (None | str | Unset):
    """

    fees: str
    total: str
    down_payment: None | str | Unset = UNSET
    interest: None | str | Unset = UNSET
    security_deposit: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fees = self.fees

        total = self.total

        down_payment: None | str | Unset
        if isinstance(self.down_payment, Unset):
            down_payment = UNSET
        else:
            down_payment = self.down_payment

        interest: None | str | Unset
        if isinstance(self.interest, Unset):
            interest = UNSET
        else:
            interest = self.interest

        security_deposit: None | str | Unset
        if isinstance(self.security_deposit, Unset):
            security_deposit = UNSET
        else:
            security_deposit = self.security_deposit

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "fees": fees,
                "total": total,
            }
        )
        if down_payment is not UNSET:
            field_dict["down_payment"] = down_payment
        if interest is not UNSET:
            field_dict["interest"] = interest
        if security_deposit is not UNSET:
            field_dict["security_deposit"] = security_deposit

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fees = d.pop("fees")

        total = d.pop("total")

        def _parse_down_payment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        down_payment = _parse_down_payment(d.pop("down_payment", UNSET))

        def _parse_interest(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interest = _parse_interest(d.pop("interest", UNSET))

        def _parse_security_deposit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        security_deposit = _parse_security_deposit(d.pop("security_deposit", UNSET))

        upfront_out = cls(
            fees=fees,
            total=total,
            down_payment=down_payment,
            interest=interest,
            security_deposit=security_deposit,
        )

        upfront_out.additional_properties = d
        return upfront_out

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
