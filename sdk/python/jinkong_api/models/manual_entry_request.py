from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.manual_line import ManualLine


T = TypeVar("T", bound="ManualEntryRequest")


@_attrs_define
class ManualEntryRequest:
    """
    Attributes:
        lines (list[ManualLine]):
        memo (str):
        booked_on (datetime.date | None | Unset): defaults to the tenant's business date
    """

    lines: list[ManualLine]
    memo: str
    booked_on: datetime.date | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

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
                "lines": lines,
                "memo": memo,
            }
        )
        if booked_on is not UNSET:
            field_dict["booked_on"] = booked_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.manual_line import ManualLine  # noqa: PLC0415

        d = dict(src_dict)
        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = ManualLine.from_dict(lines_item_data)

            lines.append(lines_item)

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

        manual_entry_request = cls(
            lines=lines,
            memo=memo,
            booked_on=booked_on,
        )

        return manual_entry_request
