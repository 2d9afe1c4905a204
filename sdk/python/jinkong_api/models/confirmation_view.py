from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView


T = TypeVar("T", bound="ConfirmationView")


@_attrs_define
class ConfirmationView:
    """
    Attributes:
        at (datetime.datetime | None):
        by (ActorView | None):
        evidence_document_id (None | str):
        note (None | str):
        state (str): pending | confirmed | disputed
        via (None | str): debtor (a debtor user) or staff (with evidence)
    """

    at: datetime.datetime | None
    by: ActorView | None
    evidence_document_id: None | str
    note: None | str
    state: str
    via: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.actor_view import ActorView  # noqa: PLC0415

        at: None | str
        if isinstance(self.at, datetime.datetime):
            at = self.at.isoformat()
        else:
            at = self.at

        by: dict[str, Any] | None
        if isinstance(self.by, ActorView):
            by = self.by.to_dict()
        else:
            by = self.by

        evidence_document_id: None | str
        evidence_document_id = self.evidence_document_id

        note: None | str
        note = self.note

        state = self.state

        via: None | str
        via = self.via

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "by": by,
                "evidence_document_id": evidence_document_id,
                "note": note,
                "state": state,
                "via": via,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                at_type_0 = datetime.datetime.fromisoformat(data)

                return at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        at = _parse_at(d.pop("at"))

        def _parse_by(data: object) -> ActorView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                by_type_0 = ActorView.from_dict(data)

                return by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ActorView | None, data)

        by = _parse_by(d.pop("by"))

        def _parse_evidence_document_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        evidence_document_id = _parse_evidence_document_id(d.pop("evidence_document_id"))

        def _parse_note(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        note = _parse_note(d.pop("note"))

        state = d.pop("state")

        def _parse_via(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        via = _parse_via(d.pop("via"))

        confirmation_view = cls(
            at=at,
            by=by,
            evidence_document_id=evidence_document_id,
            note=note,
            state=state,
            via=via,
        )

        confirmation_view.additional_properties = d
        return confirmation_view

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
