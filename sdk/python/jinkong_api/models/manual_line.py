from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.side import Side
from ..types import UNSET, Unset

T = TypeVar("T", bound="ManualLine")


@_attrs_define
class ManualLine:
    """
    Attributes:
        account_id (str):
        amount (float | str): decimal string, e.g. "100.00"
        side (Side):
        currency (None | str | Unset): defaults to the account's
    """

    account_id: str
    amount: float | str
    side: Side
    currency: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        account_id = self.account_id

        amount: float | str
        amount = self.amount

        side = self.side.value

        currency: None | str | Unset
        if isinstance(self.currency, Unset):
            currency = UNSET
        else:
            currency = self.currency

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "account_id": account_id,
                "amount": amount,
                "side": side,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        account_id = d.pop("account_id")

        def _parse_amount(data: object) -> float | str:
            return cast(float | str, data)

        amount = _parse_amount(d.pop("amount"))

        side = Side(d.pop("side"))

        def _parse_currency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        currency = _parse_currency(d.pop("currency", UNSET))

        manual_line = cls(
            account_id=account_id,
            amount=amount,
            side=side,
            currency=currency,
        )

        return manual_line
