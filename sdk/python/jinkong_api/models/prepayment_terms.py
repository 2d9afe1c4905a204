from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.prepayment_terms_strategy_type_0 import PrepaymentTermsStrategyType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="PrepaymentTerms")


@_attrs_define
class PrepaymentTerms:
    """
    Attributes:
        date (datetime.date):
        amount (None | str | Unset): principal to prepay; omit for all of it
        strategy (None | PrepaymentTermsStrategyType0 | Unset):
    """

    date: datetime.date
    amount: None | str | Unset = UNSET
    strategy: None | PrepaymentTermsStrategyType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        strategy: None | str | Unset
        if isinstance(self.strategy, Unset):
            strategy = UNSET
        elif isinstance(self.strategy, PrepaymentTermsStrategyType0):
            strategy = self.strategy.value
        else:
            strategy = self.strategy

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
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

        def _parse_strategy(data: object) -> None | PrepaymentTermsStrategyType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                strategy_type_0 = PrepaymentTermsStrategyType0(data)

                return strategy_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrepaymentTermsStrategyType0 | Unset, data)

        strategy = _parse_strategy(d.pop("strategy", UNSET))

        prepayment_terms = cls(
            date=date,
            amount=amount,
            strategy=strategy,
        )

        return prepayment_terms
