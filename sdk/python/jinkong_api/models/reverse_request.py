from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReverseRequest")


@_attrs_define
class ReverseRequest:
    """
    Attributes:
        memo (str): why the entry is reversed
        booked_on (datetime.date | None | Unset): defaults to the tenant's business date
    """

    memo: str
    booked_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        memo = self.memo

        booked_on: None | str | Unset
        if isinstance(self.booked_on, Unset):
            booked_on = UNSET
        elif isinstance(self.booked_on, datetime.date):
            booked_on = self.booked_on.isoformat()
        else:
            booked_on = self.booked_on

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "memo": memo,
            }
        )
        if booked_on is not UNSET:
            field_dict["booked_on"] = booked_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        memo = d.pop("memo")

        def _parse_booked_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                booked_on_type_0 = datetime.date.fromisoformat(data)

                return booked_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        booked_on = _parse_booked_on(d.pop("booked_on", UNSET))

        reverse_request = cls(
            memo=memo,
            booked_on=booked_on,
        )

        return reverse_request
