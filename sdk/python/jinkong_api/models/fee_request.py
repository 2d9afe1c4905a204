from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.fee_request_timing import FeeRequestTiming
from ..types import UNSET, Unset

T = TypeVar("T", bound="FeeRequest")


@_attrs_define
class FeeRequest:
    """A fee: a fixed ``amount`` or a ``rate`` of the principal, exactly one.

    Attributes:
        amount (None | str | Unset):
        name (str | Unset):  Default: 'fee'.
        rate (None | str | Unset):
        timing (FeeRequestTiming | Unset):  Default: FeeRequestTiming.UPFRONT.
    """

    amount: None | str | Unset = UNSET
    name: str | Unset = "fee"
    rate: None | str | Unset = UNSET
    timing: FeeRequestTiming | Unset = FeeRequestTiming.UPFRONT

    def to_dict(self) -> dict[str, Any]:
        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        name = self.name

        rate: None | str | Unset
        if isinstance(self.rate, Unset):
            rate = UNSET
        else:
            rate = self.rate

        timing: str | Unset = UNSET
        if not isinstance(self.timing, Unset):
            timing = self.timing.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if amount is not UNSET:
            field_dict["amount"] = amount
        if name is not UNSET:
            field_dict["name"] = name
        if rate is not UNSET:
            field_dict["rate"] = rate
        if timing is not UNSET:
            field_dict["timing"] = timing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        name = d.pop("name", UNSET)

        def _parse_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        rate = _parse_rate(d.pop("rate", UNSET))

        _timing = d.pop("timing", UNSET)
        timing: FeeRequestTiming | Unset
        if isinstance(_timing, Unset):
            timing = UNSET
        else:
            timing = FeeRequestTiming(_timing)

        fee_request = cls(
            amount=amount,
            name=name,
            rate=rate,
            timing=timing,
        )

        return fee_request
