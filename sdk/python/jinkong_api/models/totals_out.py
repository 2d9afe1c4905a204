from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TotalsOut")


@_attrs_define
class TotalsOut:
    """
    Attributes:
        apr (str):
        fees (str):
        interest (str):
        payment (str):
        principal (str):
        implicit_rate (None | str | Unset):
    """

    apr: str
    fees: str
    interest: str
    payment: str
    principal: str
    implicit_rate: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        apr = self.apr

        fees = self.fees

        interest = self.interest

        payment = self.payment

        principal = self.principal

        implicit_rate: None | str | Unset
        if isinstance(self.implicit_rate, Unset):
            implicit_rate = UNSET
        else:
            implicit_rate = self.implicit_rate

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "apr": apr,
                "fees": fees,
                "interest": interest,
                "payment": payment,
                "principal": principal,
            }
        )
        if implicit_rate is not UNSET:
            field_dict["implicit_rate"] = implicit_rate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        apr = d.pop("apr")

        fees = d.pop("fees")

        interest = d.pop("interest")

        payment = d.pop("payment")

        principal = d.pop("principal")

        def _parse_implicit_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        implicit_rate = _parse_implicit_rate(d.pop("implicit_rate", UNSET))

        totals_out = cls(
            apr=apr,
            fees=fees,
            interest=interest,
            payment=payment,
            principal=principal,
            implicit_rate=implicit_rate,
        )

        totals_out.additional_properties = d
        return totals_out

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
