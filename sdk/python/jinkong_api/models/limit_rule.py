from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="LimitRule")


@_attrs_define
class LimitRule:
    """An amount, a share of group net capital (a decimal fraction: ``"0.10"`` is 10%), or both.

    Attributes:
        amount (float | None | str | Unset): Decimal string in the group currency
        share_of_net_capital (float | None | str | Unset):
    """

    amount: float | None | str | Unset = UNSET
    share_of_net_capital: float | None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount: float | None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        share_of_net_capital: float | None | str | Unset
        if isinstance(self.share_of_net_capital, Unset):
            share_of_net_capital = UNSET
        else:
            share_of_net_capital = self.share_of_net_capital

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if share_of_net_capital is not UNSET:
            field_dict["share_of_net_capital"] = share_of_net_capital

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

        def _parse_share_of_net_capital(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        share_of_net_capital = _parse_share_of_net_capital(d.pop("share_of_net_capital", UNSET))

        limit_rule = cls(
            amount=amount,
            share_of_net_capital=share_of_net_capital,
        )

        return limit_rule
