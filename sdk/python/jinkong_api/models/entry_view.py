from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_view import LineView


T = TypeVar("T", bound="EntryView")


@_attrs_define
class EntryView:
    """
    Attributes:
        booked_on (datetime.date):
        created_at (datetime.datetime):
        created_by (str):
        id (str):
        kind (str):
        lines (list[LineView]):
        memo (str):
        contract_id (None | str | Unset):
        hold_id (None | str | Unset):
        reversed_by (None | str | Unset):
        reverses (None | str | Unset):
    """

    booked_on: datetime.date
    created_at: datetime.datetime
    created_by: str
    id: str
    kind: str
    lines: list[LineView]
    memo: str
    contract_id: None | str | Unset = UNSET
    hold_id: None | str | Unset = UNSET
    reversed_by: None | str | Unset = UNSET
    reverses: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booked_on = self.booked_on.isoformat()

        created_at = self.created_at.isoformat()

        created_by = self.created_by

        id = self.id

        kind = self.kind

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        memo = self.memo

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        hold_id: None | str | Unset
        if isinstance(self.hold_id, Unset):
            hold_id = UNSET
        else:
            hold_id = self.hold_id

        reversed_by: None | str | Unset
        if isinstance(self.reversed_by, Unset):
            reversed_by = UNSET
        else:
            reversed_by = self.reversed_by

        reverses: None | str | Unset
        if isinstance(self.reverses, Unset):
            reverses = UNSET
        else:
            reverses = self.reverses

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "booked_on": booked_on,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "kind": kind,
                "lines": lines,
                "memo": memo,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if hold_id is not UNSET:
            field_dict["hold_id"] = hold_id
        if reversed_by is not UNSET:
            field_dict["reversed_by"] = reversed_by
        if reverses is not UNSET:
            field_dict["reverses"] = reverses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_view import LineView  # noqa: PLC0415

        d = dict(src_dict)
        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = d.pop("created_by")

        id = d.pop("id")

        kind = d.pop("kind")

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineView.from_dict(lines_item_data)

            lines.append(lines_item)

        memo = d.pop("memo")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_hold_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        hold_id = _parse_hold_id(d.pop("hold_id", UNSET))

        def _parse_reversed_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reversed_by = _parse_reversed_by(d.pop("reversed_by", UNSET))

        def _parse_reverses(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reverses = _parse_reverses(d.pop("reverses", UNSET))

        entry_view = cls(
            booked_on=booked_on,
            created_at=created_at,
            created_by=created_by,
            id=id,
            kind=kind,
            lines=lines,
            memo=memo,
            contract_id=contract_id,
            hold_id=hold_id,
            reversed_by=reversed_by,
            reverses=reverses,
        )

        entry_view.additional_properties = d
        return entry_view

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
