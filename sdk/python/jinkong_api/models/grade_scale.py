from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.band import Band
    from ..models.dimension import Dimension


T = TypeVar("T", bound="GradeScale")


@_attrs_define
class GradeScale:
    """One grade's rules: its dimensions and its bands (best first, the last one open at 0).

    Attributes:
        bands (list[Band]):
        dimensions (list[Dimension]):
    """

    bands: list[Band]
    dimensions: list[Dimension]

    def to_dict(self) -> dict[str, Any]:
        bands = []
        for bands_item_data in self.bands:
            bands_item = bands_item_data.to_dict()
            bands.append(bands_item)

        dimensions = []
        for dimensions_item_data in self.dimensions:
            dimensions_item = dimensions_item_data.to_dict()
            dimensions.append(dimensions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "bands": bands,
                "dimensions": dimensions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.band import Band  # noqa: PLC0415
        from ..models.dimension import Dimension  # noqa: PLC0415

        d = dict(src_dict)
        bands = []
        _bands = d.pop("bands")
        for bands_item_data in _bands:
            bands_item = Band.from_dict(bands_item_data)

            bands.append(bands_item)

        dimensions = []
        _dimensions = d.pop("dimensions")
        for dimensions_item_data in _dimensions:
            dimensions_item = Dimension.from_dict(dimensions_item_data)

            dimensions.append(dimensions_item)

        grade_scale = cls(
            bands=bands,
            dimensions=dimensions,
        )

        return grade_scale
