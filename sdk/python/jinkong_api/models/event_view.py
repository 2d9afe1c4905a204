from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.event_view_details import EventViewDetails


T = TypeVar("T", bound="EventView")


@_attrs_define
class EventView:
    """
    Attributes:
        action (str):
        actor (ActorView):
        at (datetime.datetime):
        details (EventViewDetails):
        from_status (None | str):
        kind (str): transition (risk check and contract included) | review | document | invoice
        note (None | str):
        to_status (None | str):
    """

    action: str
    actor: ActorView
    at: datetime.datetime
    details: EventViewDetails
    from_status: None | str
    kind: str
    note: None | str
    to_status: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        action = self.action

        actor = self.actor.to_dict()

        at = self.at.isoformat()

        details = self.details.to_dict()

        from_status: None | str
        from_status = self.from_status

        kind = self.kind

        note: None | str
        note = self.note

        to_status: None | str
        to_status = self.to_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "at": at,
                "details": details,
                "from_status": from_status,
                "kind": kind,
                "note": note,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.event_view_details import EventViewDetails  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        actor = ActorView.from_dict(d.pop("actor"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        details = EventViewDetails.from_dict(d.pop("details"))

        def _parse_from_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        from_status = _parse_from_status(d.pop("from_status"))

        kind = d.pop("kind")

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        def _parse_to_status(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        to_status = _parse_to_status(d.pop("to_status"))

        event_view = cls(
            action=action,
            actor=actor,
            at=at,
            details=details,
            from_status=from_status,
            kind=kind,
            note=note,
            to_status=to_status,
        )

        event_view.additional_properties = d
        return event_view

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
