from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CollectionActionOut")


@_attrs_define
class CollectionActionOut:
    """
    Attributes:
        at (datetime.datetime):
        bucket (str):
        by (str):
        contract_id (str):
        days_past_due (int):
        id (str):
        type_ (str):
        business_date (datetime.date | None | Unset):
        note (None | str | Unset):
        promised_amount (None | str | Unset):
        promised_on (datetime.date | None | Unset):
    """

    at: datetime.datetime
    bucket: str
    by: str
    contract_id: str
    days_past_due: int
    id: str
    type_: str
    business_date: datetime.date | None | Unset = UNSET
    note: None | str | Unset = UNSET
    promised_amount: None | str | Unset = UNSET
    promised_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        bucket = self.bucket

        by = self.by

        contract_id = self.contract_id

        days_past_due = self.days_past_due

        id = self.id

        type_ = self.type_

        business_date: None | str | Unset
        if isinstance(self.business_date, Unset):
            business_date = UNSET
        elif isinstance(self.business_date, datetime.date):
            business_date = self.business_date.isoformat()
        else:
            business_date = self.business_date

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
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
                "at": at,
                "bucket": bucket,
                "by": by,
                "contract_id": contract_id,
                "days_past_due": days_past_due,
                "id": id,
                "type": type_,
            }
        )
        if business_date is not UNSET:
            field_dict["business_date"] = business_date
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
        at = datetime.datetime.fromisoformat(d.pop("at"))

        bucket = d.pop("bucket")

        by = d.pop("by")

        contract_id = d.pop("contract_id")

        days_past_due = d.pop("days_past_due")

        id = d.pop("id")

        type_ = d.pop("type")

        def _parse_business_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                business_date_type_0 = datetime.date.fromisoformat(data)

                return business_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        business_date = _parse_business_date(d.pop("business_date", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

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

        collection_action_out = cls(
            at=at,
            bucket=bucket,
            by=by,
            contract_id=contract_id,
            days_past_due=days_past_due,
            id=id,
            type_=type_,
            business_date=business_date,
            note=note,
            promised_amount=promised_amount,
            promised_on=promised_on,
        )

        collection_action_out.additional_properties = d
        return collection_action_out

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
