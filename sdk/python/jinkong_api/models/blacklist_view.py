from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="BlacklistView")


@_attrs_define
class BlacklistView:
    """An entry as staff see it. Never the identity hash: handing back the hash of a number the caller
    chose would let it test guesses against customers' hashes.

        Attributes:
            added_at (datetime.datetime):
            added_by (str):
            id (str):
            identity_masked (None | str):
            name (None | str):
            reason (str):
    """

    added_at: datetime.datetime
    added_by: str
    id: str
    identity_masked: None | str
    name: None | str
    reason: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        added_at = self.added_at.isoformat()

        added_by = self.added_by

        id = self.id

        identity_masked: None | str
        identity_masked = self.identity_masked

        name: None | str
        name = self.name

        reason = self.reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "added_at": added_at,
                "added_by": added_by,
                "id": id,
                "identity_masked": identity_masked,
                "name": name,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        added_at = datetime.datetime.fromisoformat(d.pop("added_at"))

        added_by = d.pop("added_by")

        id = d.pop("id")

        def _parse_identity_masked(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        identity_masked = _parse_identity_masked(d.pop("identity_masked"))

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        reason = d.pop("reason")

        blacklist_view = cls(
            added_at=added_at,
            added_by=added_by,
            id=id,
            identity_masked=identity_masked,
            name=name,
            reason=reason,
        )

        blacklist_view.additional_properties = d
        return blacklist_view

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
