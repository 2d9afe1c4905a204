from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.run_detail_headline_type_0 import RunDetailHeadlineType0
    from ..models.run_detail_steps_item import RunDetailStepsItem
    from ..models.run_detail_subsidiary_progress_item import RunDetailSubsidiaryProgressItem


T = TypeVar("T", bound="RunDetail")


@_attrs_define
class RunDetail:
    """
    Attributes:
        as_of (datetime.date):
        group_id (str):
        run_id (str):
        status (str): QUEUED, RUNNING, SUCCEEDED, PARTIAL (missing_subsidiaries names who) or FAILED
        trigger (str):
        headline (None | RunDetailHeadlineType0 | Unset):
        missing_subsidiaries (list[str] | Unset):
        reports (list[str] | Unset):
        requested_by (None | str | Unset):
        steps (list[RunDetailStepsItem] | Unset): per step: status, times, counts
        subsidiary_progress (list[RunDetailSubsidiaryProgressItem] | Unset): per subsidiary: status, attempts,
            exposures, error
    """

    as_of: datetime.date
    group_id: str
    run_id: str
    status: str
    trigger: str
    headline: None | RunDetailHeadlineType0 | Unset = UNSET
    missing_subsidiaries: list[str] | Unset = UNSET
    reports: list[str] | Unset = UNSET
    requested_by: None | str | Unset = UNSET
    steps: list[RunDetailStepsItem] | Unset = UNSET
    subsidiary_progress: list[RunDetailSubsidiaryProgressItem] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_detail_headline_type_0 import RunDetailHeadlineType0  # noqa: PLC0415

        as_of = self.as_of.isoformat()

        group_id = self.group_id

        run_id = self.run_id

        status = self.status

        trigger = self.trigger

        headline: dict[str, Any] | None | Unset
        if isinstance(self.headline, Unset):
            headline = UNSET
        elif isinstance(self.headline, RunDetailHeadlineType0):
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

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        subsidiary_progress: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.subsidiary_progress, Unset):
            subsidiary_progress = []
            for subsidiary_progress_item_data in self.subsidiary_progress:
                subsidiary_progress_item = subsidiary_progress_item_data.to_dict()
                subsidiary_progress.append(subsidiary_progress_item)

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
        if steps is not UNSET:
            field_dict["steps"] = steps
        if subsidiary_progress is not UNSET:
            field_dict["subsidiary_progress"] = subsidiary_progress

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.run_detail_headline_type_0 import RunDetailHeadlineType0  # noqa: PLC0415
        from ..models.run_detail_steps_item import RunDetailStepsItem  # noqa: PLC0415
        from ..models.run_detail_subsidiary_progress_item import RunDetailSubsidiaryProgressItem  # noqa: PLC0415

        d = dict(src_dict)
        as_of = datetime.date.fromisoformat(d.pop("as_of"))

        group_id = d.pop("group_id")

        run_id = d.pop("run_id")

        status = d.pop("status")

        trigger = d.pop("trigger")

        def _parse_headline(data: object) -> None | RunDetailHeadlineType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headline_type_0 = RunDetailHeadlineType0.from_dict(data)

                return headline_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunDetailHeadlineType0 | Unset, data)

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

        _steps = d.pop("steps", UNSET)
        steps: list[RunDetailStepsItem] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = RunDetailStepsItem.from_dict(steps_item_data)

                steps.append(steps_item)

        _subsidiary_progress = d.pop("subsidiary_progress", UNSET)
        subsidiary_progress: list[RunDetailSubsidiaryProgressItem] | Unset = UNSET
        if _subsidiary_progress is not UNSET:
            subsidiary_progress = []
            for subsidiary_progress_item_data in _subsidiary_progress:
                subsidiary_progress_item = RunDetailSubsidiaryProgressItem.from_dict(subsidiary_progress_item_data)

                subsidiary_progress.append(subsidiary_progress_item)

        run_detail = cls(
            as_of=as_of,
            group_id=group_id,
            run_id=run_id,
            status=status,
            trigger=trigger,
            headline=headline,
            missing_subsidiaries=missing_subsidiaries,
            reports=reports,
            requested_by=requested_by,
            steps=steps,
            subsidiary_progress=subsidiary_progress,
        )

        run_detail.additional_properties = d
        return run_detail

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
