from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Band")


@_attrs_define
class Band:
    """
    Attributes:
        grade (str):
        min_score (float | str):
    """

    grade: str
    min_score: float | str

    def to_dict(self) -> dict[str, Any]:
        grade = self.grade

        min_score: float | str
        min_score = self.min_score

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "grade": grade,
                "min_score": min_score,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grade = d.pop("grade")

        def _parse_min_score(data: object) -> float | str:
            return cast(float | str, data)

        min_score = _parse_min_score(d.pop("min_score"))

        band = cls(
            grade=grade,
            min_score=min_score,
        )

        return band
