from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="Dimension")


@_attrs_define
class Dimension:
    """
    Attributes:
        edges (list[float | str]): bucket edges, strictly ascending
        name (str):
        weight (float | str): relative weight (decimal string)
    """

    edges: list[float | str]
    name: str
    weight: float | str

    def to_dict(self) -> dict[str, Any]:
        edges = []
        for edges_item_data in self.edges:
            edges_item: float | str
            edges_item = edges_item_data
            edges.append(edges_item)

        name = self.name

        weight: float | str
        weight = self.weight

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "edges": edges,
                "name": name,
                "weight": weight,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        edges = []
        _edges = d.pop("edges")
        for edges_item_data in _edges:

            def _parse_edges_item(data: object) -> float | str:
                return cast(float | str, data)

            edges_item = _parse_edges_item(edges_item_data)

            edges.append(edges_item)

        name = d.pop("name")

        def _parse_weight(data: object) -> float | str:
            return cast(float | str, data)

        weight = _parse_weight(d.pop("weight"))

        dimension = cls(
            edges=edges,
            name=name,
            weight=weight,
        )

        return dimension
