from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.prepayment_request_strategy import PrepaymentRequestStrategy
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrepaymentRequest")


@_attrs_define
class PrepaymentRequest:
    """Quote prepaying on ``date``: ``amount`` of principal (omit for everything).

    Attributes:
        date (datetime.date):
        amount (None | str | Unset):
        penalty_periods (int | None | Unset):
        penalty_rate (None | str | Unset):
        strategy (PrepaymentRequestStrategy | Unset):  Default: PrepaymentRequestStrategy.KEEP_TERM.
    """

    date: datetime.date
    amount: None | str | Unset = UNSET
    penalty_periods: int | None | Unset = UNSET
    penalty_rate: None | str | Unset = UNSET
    strategy: PrepaymentRequestStrategy | Unset = PrepaymentRequestStrategy.KEEP_TERM

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        penalty_periods: int | None | Unset
        if isinstance(self.penalty_periods, Unset):
            penalty_periods = UNSET
        else:
            penalty_periods = self.penalty_periods

        penalty_rate: None | str | Unset
        if isinstance(self.penalty_rate, Unset):
            penalty_rate = UNSET
        else:
            penalty_rate = self.penalty_rate

        strategy: str | Unset = UNSET
        if not isinstance(self.strategy, Unset):
            strategy = self.strategy.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if penalty_periods is not UNSET:
            field_dict["penalty_periods"] = penalty_periods
        if penalty_rate is not UNSET:
            field_dict["penalty_rate"] = penalty_rate
        if strategy is not UNSET:
            field_dict["strategy"] = strategy

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_penalty_periods(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        penalty_periods = _parse_penalty_periods(d.pop("penalty_periods", UNSET))

        def _parse_penalty_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        penalty_rate = _parse_penalty_rate(d.pop("penalty_rate", UNSET))

        _strategy = d.pop("strategy", UNSET)
        strategy: PrepaymentRequestStrategy | Unset
        if isinstance(_strategy, Unset):
            strategy = UNSET
        else:
            strategy = PrepaymentRequestStrategy(_strategy)

        prepayment_request = cls(
            date=date,
            amount=amount,
            penalty_periods=penalty_periods,
            penalty_rate=penalty_rate,
            strategy=strategy,
        )

        return prepayment_request
