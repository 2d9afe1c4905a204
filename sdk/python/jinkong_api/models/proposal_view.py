from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.proposal_view_kind import ProposalViewKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.line_view import LineView


T = TypeVar("T", bound="ProposalView")


@_attrs_define
class ProposalView:
    """
    Attributes:
        booked_on (datetime.date):
        id (str):
        kind (ProposalViewKind): a manual journal, or the reversal of one
        lines (list[LineView]):
        maker_id (str):
        memo (str):
        status (str):
        created_at (datetime.datetime | None | Unset):
        decided_by (None | str | Unset):
        entry_id (None | str | Unset): the posted entry, once approved
        reason (str | Unset):  Default: ''.
        reverses (None | str | Unset): the manual entry a reversal proposal undoes
    """

    booked_on: datetime.date
    id: str
    kind: ProposalViewKind
    lines: list[LineView]
    maker_id: str
    memo: str
    status: str
    created_at: datetime.datetime | None | Unset = UNSET
    decided_by: None | str | Unset = UNSET
    entry_id: None | str | Unset = UNSET
    reason: str | Unset = ""
    reverses: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        booked_on = self.booked_on.isoformat()

        id = self.id

        kind = self.kind.value

        lines = []
        for lines_item_data in self.lines:
            lines_item = lines_item_data.to_dict()
            lines.append(lines_item)

        maker_id = self.maker_id

        memo = self.memo

        status = self.status

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        decided_by: None | str | Unset
        if isinstance(self.decided_by, Unset):
            decided_by = UNSET
        else:
            decided_by = self.decided_by

        entry_id: None | str | Unset
        if isinstance(self.entry_id, Unset):
            entry_id = UNSET
        else:
            entry_id = self.entry_id

        reason = self.reason

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
                "id": id,
                "kind": kind,
                "lines": lines,
                "maker_id": maker_id,
                "memo": memo,
                "status": status,
            }
        )
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if decided_by is not UNSET:
            field_dict["decided_by"] = decided_by
        if entry_id is not UNSET:
            field_dict["entry_id"] = entry_id
        if reason is not UNSET:
            field_dict["reason"] = reason
        if reverses is not UNSET:
            field_dict["reverses"] = reverses

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.line_view import LineView  # noqa: PLC0415

        d = dict(src_dict)
        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        id = d.pop("id")

        kind = ProposalViewKind(d.pop("kind"))

        lines = []
        _lines = d.pop("lines")
        for lines_item_data in _lines:
            lines_item = LineView.from_dict(lines_item_data)

            lines.append(lines_item)

        maker_id = d.pop("maker_id")

        memo = d.pop("memo")

        status = d.pop("status")

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        def _parse_decided_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        decided_by = _parse_decided_by(d.pop("decided_by", UNSET))

        def _parse_entry_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        entry_id = _parse_entry_id(d.pop("entry_id", UNSET))

        reason = d.pop("reason", UNSET)

        def _parse_reverses(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reverses = _parse_reverses(d.pop("reverses", UNSET))

        proposal_view = cls(
            booked_on=booked_on,
            id=id,
            kind=kind,
            lines=lines,
            maker_id=maker_id,
            memo=memo,
            status=status,
            created_at=created_at,
            decided_by=decided_by,
            entry_id=entry_id,
            reason=reason,
            reverses=reverses,
        )

        proposal_view.additional_properties = d
        return proposal_view

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
