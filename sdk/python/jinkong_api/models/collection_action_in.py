from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.collection_action_in_type import CollectionActionInType
from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionActionIn")


@_attrs_define
class CollectionActionIn:
    """
    Attributes:
        type_ (CollectionActionInType):
        note (str | Unset):  Default: ''.
        promised_amount (None | str | Unset):
        promised_on (datetime.date | None | Unset):
    """

    type_: CollectionActionInType
    note: str | Unset = ""
    promised_amount: None | str | Unset = UNSET
    promised_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        note = self.note

        promised_amount: None | str | Unset
        if isinstance(self.promised_amount, Unset):
            promised_amount = UNSET
        else:
            promised_amount = self.promised_amount

        promised_on: None | str | Unset
        if isinstance(self.promised_on, Unset):
            promised_on = UNSET
        elif isinstance(self.promised_on, datetime.date):
            promised_on = self.promised_on.isoformat()
        else:
            promised_on = self.promised_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if note is not UNSET:
            field_dict["note"] = note
        if promised_amount is not UNSET:
            field_dict["promised_amount"] = promised_amount
        if promised_on is not UNSET:
            field_dict["promised_on"] = promised_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = CollectionActionInType(d.pop("type"))

        note = d.pop("note", UNSET)

        def _parse_promised_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        promised_amount = _parse_promised_amount(d.pop("promised_amount", UNSET))

        def _parse_promised_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                promised_on_type_0 = datetime.date.fromisoformat(data)

                return promised_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        promised_on = _parse_promised_on(d.pop("promised_on", UNSET))

        collection_action_in = cls(
            type_=type_,
            note=note,
            promised_amount=promised_amount,
            promised_on=promised_on,
        )

        collection_action_in.additional_properties = d
        return collection_action_in

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
