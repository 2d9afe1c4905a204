from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="BusinessDateOut")


@_attrs_define
class BusinessDateOut:
    """
    Attributes:
        business_date (datetime.date): the day the tenant's books act on
        tenant_id (str):
        time_travel (bool): true where the stage lets the business date be set explicitly
        timezone (str):
        closing_on (datetime.date | None | Unset): the date a close of business is closing now
        last_closed_on (datetime.date | None | Unset):
    """

    business_date: datetime.date
    tenant_id: str
    time_travel: bool
    timezone: str
    closing_on: datetime.date | None | Unset = UNSET
    last_closed_on: datetime.date | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        business_date = self.business_date.isoformat()

        tenant_id = self.tenant_id

        time_travel = self.time_travel

        timezone = self.timezone

        closing_on: None | str | Unset
        if isinstance(self.closing_on, Unset):
            closing_on = UNSET
        elif isinstance(self.closing_on, datetime.date):
            closing_on = self.closing_on.isoformat()
        else:
            closing_on = self.closing_on

        last_closed_on: None | str | Unset
        if isinstance(self.last_closed_on, Unset):
            last_closed_on = UNSET
        elif isinstance(self.last_closed_on, datetime.date):
            last_closed_on = self.last_closed_on.isoformat()
        else:
            last_closed_on = self.last_closed_on

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_date": business_date,
                "tenant_id": tenant_id,
                "time_travel": time_travel,
                "timezone": timezone,
            }
        )
        if closing_on is not UNSET:
            field_dict["closing_on"] = closing_on
        if last_closed_on is not UNSET:
            field_dict["last_closed_on"] = last_closed_on

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        business_date = datetime.date.fromisoformat(d.pop("business_date"))

        tenant_id = d.pop("tenant_id")

        time_travel = d.pop("time_travel")

        timezone = d.pop("timezone")

        def _parse_closing_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closing_on_type_0 = datetime.date.fromisoformat(data)

                return closing_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        closing_on = _parse_closing_on(d.pop("closing_on", UNSET))

        def _parse_last_closed_on(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_closed_on_type_0 = datetime.date.fromisoformat(data)

                return last_closed_on_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        last_closed_on = _parse_last_closed_on(d.pop("last_closed_on", UNSET))

        business_date_out = cls(
            business_date=business_date,
            tenant_id=tenant_id,
            time_travel=time_travel,
            timezone=timezone,
            closing_on=closing_on,
            last_closed_on=last_closed_on,
        )

        business_date_out.additional_properties = d
        return business_date_out

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
