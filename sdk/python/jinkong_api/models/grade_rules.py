from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.grade_scale import GradeScale


T = TypeVar("T", bound="GradeRules")


@_attrs_define
class GradeRules:
    """``PUT /v1/customer-grades/rules``: the tenant's value and activity scales.

    Attributes:
        activity (GradeScale): One grade's rules: its dimensions and its bands (best first, the last one open at 0).
        value (GradeScale): One grade's rules: its dimensions and its bands (best first, the last one open at 0).
    """

    activity: GradeScale
    value: GradeScale

    def to_dict(self) -> dict[str, Any]:
        activity = self.activity.to_dict()

        value = self.value.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "activity": activity,
                "value": value,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.grade_scale import GradeScale  # noqa: PLC0415

        d = dict(src_dict)
        activity = GradeScale.from_dict(d.pop("activity"))

        value = GradeScale.from_dict(d.pop("value"))

        grade_rules = cls(
            activity=activity,
            value=value,
        )

        return grade_rules
