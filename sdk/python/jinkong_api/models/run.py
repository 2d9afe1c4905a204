from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_headline_type_0 import RunHeadlineType0


T = TypeVar("T", bound="Run")


@_attrs_define
class Run:
    """
    Attributes:
        as_of (datetime.date):
        group_id (str):
        run_id (str):
        status (str): QUEUED, RUNNING, SUCCEEDED, PARTIAL (missing_subsidiaries names who) or FAILED
        trigger (str):
        headline (None | RunHeadlineType0 | Unset):
        missing_subsidiaries (list[str] | Unset):
        reports (list[str] | Unset):
        requested_by (None | str | Unset):
    """

    as_of: datetime.date
    group_id: str
    run_id: str
    status: str
    trigger: str
    headline: None | RunHeadlineType0 | Unset = UNSET
    missing_subsidiaries: list[str] | Unset = UNSET
    reports: list[str] | Unset = UNSET
    requested_by: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_headline_type_0 import RunHeadlineType0  # noqa: PLC0415

        as_of = self.as_of.isoformat()

        group_id = self.group_id

        run_id = self.run_id

        status = self.status

        trigger = self.trigger

        headline: dict[str, Any] | None | Unset
        if isinstance(self.headline, Unset):
            headline = UNSET
        elif isinstance(self.headline, RunHeadlineType0):
            headline = self.headline.to_dict()
        else:
            headline = self.headline

        missing_subsidiaries: list[str] | Unset = UNSET
        if not isinstance(self.missing_subsidiaries, Unset):
            missing_subsidiaries = self.missing_subsidiaries

        reports: list[str] | Unset = UNSET
        if not isinstance(self.reports, Unset):
            reports = self.reports

        requested_by: None | str | Unset
        if isinstance(self.requested_by, Unset):
            requested_by = UNSET
        else:
            requested_by = self.requested_by

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "as_of": as_of,
                "group_id": group_id,
                "run_id": run_id,
                "status": status,
                "trigger": trigger,
            }
        )
        if headline is not UNSET:
            field_dict["headline"] = headline
        if missing_subsidiaries is not UNSET:
            field_dict["missing_subsidiaries"] = missing_subsidiaries
        if reports is not UNSET:
            field_dict["reports"] = reports
        if requested_by is not UNSET:
            field_dict["requested_by"] = requested_by

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_headline_type_0 import RunHeadlineType0  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        group_id = d.pop("group_id")

        run_id = d.pop("run_id")

        status = d.pop("status")

        trigger = d.pop("trigger")

        def _parse_headline(data: object) -> None | RunHeadlineType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headline_type_0 = RunHeadlineType0.from_dict(data)

                return headline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunHeadlineType0 | Unset, data)

        headline = _parse_headline(d.pop("headline", UNSET))

        missing_subsidiaries = cast(list[str], d.pop("missing_subsidiaries", UNSET))

        reports = cast(list[str], d.pop("reports", UNSET))

        def _parse_requested_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        requested_by = _parse_requested_by(d.pop("requested_by", UNSET))

        run = cls(
            as_of=as_of,
            group_id=group_id,
            run_id=run_id,
            status=status,
            trigger=trigger,
            headline=headline,
            missing_subsidiaries=missing_subsidiaries,
            reports=reports,
            requested_by=requested_by,
        )

        run.additional_properties = d
        return run

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
