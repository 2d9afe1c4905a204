from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.products_change_view import ProductsChangeView


T = TypeVar("T", bound="DiffView")


@_attrs_define
class DiffView:
    """
    Attributes:
        changes (list[ProductsChangeView]):
        code (str):
        from_ (int):
        from_status (str):
        to (int):
        to_status (str):
    """

    changes: list[ProductsChangeView]
    code: str
    from_: int
    from_status: str
    to: int
    to_status: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        code = self.code

        from_ = self.from_

        from_status = self.from_status

        to = self.to

        to_status = self.to_status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "changes": changes,
                "code": code,
                "from": from_,
                "from_status": from_status,
                "to": to,
                "to_status": to_status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.products_change_view import ProductsChangeView  # noqa: PLC0415

        d = dict(src_dict)
        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ProductsChangeView.from_dict(changes_item_data)

            changes.append(changes_item)

        code = d.pop("code")

        from_ = d.pop("from")

        from_status = d.pop("from_status")

        to = d.pop("to")

        to_status = d.pop("to_status")

        diff_view = cls(
            changes=changes,
            code=code,
            from_=from_,
            from_status=from_status,
            to=to,
            to_status=to_status,
        )

        diff_view.additional_properties = d
        return diff_view

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
