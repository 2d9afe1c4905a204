from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PaymentIntentIn")


@_attrs_define
class PaymentIntentIn:
    """
    Attributes:
        amount (float | None | str | Unset): decimal string; default: the instalment's outstanding
        instalment_seq (int | None | Unset): the instalment it pays (absent: a prepayment)
    """

    amount: float | None | str | Unset = UNSET
    instalment_seq: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        instalment_seq: int | None | Unset
        if isinstance(self.instalment_seq, Unset):
            instalment_seq = UNSET
        else:
            instalment_seq = self.instalment_seq

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if instalment_seq is not UNSET:
            field_dict["instalment_seq"] = instalment_seq

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_instalment_seq(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        instalment_seq = _parse_instalment_seq(d.pop("instalment_seq", UNSET))

        payment_intent_in = cls(
            amount=amount,
            instalment_seq=instalment_seq,
        )

        payment_intent_in.additional_properties = d
        return payment_intent_in

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
