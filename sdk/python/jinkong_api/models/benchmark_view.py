from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.benchmark_rate_view import BenchmarkRateView
    from ..models.benchmark_view_name import BenchmarkViewName


T = TypeVar("T", bound="BenchmarkView")


@_attrs_define
class BenchmarkView:
    """
    Attributes:
        code (str):
        current (BenchmarkRateView):
        history (list[BenchmarkRateView]):
        name (BenchmarkViewName):
    """

    code: str
    current: BenchmarkRateView
    history: list[BenchmarkRateView]
    name: BenchmarkViewName
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        current = self.current.to_dict()

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        name = self.name.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "current": current,
                "history": history,
                "name": name,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.benchmark_rate_view import BenchmarkRateView  # noqa: PLC0415
        from ..models.benchmark_view_name import BenchmarkViewName  # noqa: PLC0415

        d = dict(src_dict)
        code = d.pop("code")

        current = BenchmarkRateView.from_dict(d.pop("current"))

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = BenchmarkRateView.from_dict(history_item_data)

            history.append(history_item)

        name = BenchmarkViewName.from_dict(d.pop("name"))

        benchmark_view = cls(
            code=code,
            current=current,
            history=history,
            name=name,
        )

        benchmark_view.additional_properties = d
        return benchmark_view

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
