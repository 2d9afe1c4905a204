from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.localized_name import LocalizedName


T = TypeVar("T", bound="TenantView")


@_attrs_define
class TenantView:
    """
    Attributes:
        currency (str):
        group (None | str):
        id (str):
        isolation (str):
        kind (str):
        name (LocalizedName):
        status (str):
        timezone (str):
    """

    currency: str
    group: None | str
    id: str
    isolation: str
    kind: str
    name: LocalizedName
    status: str
    timezone: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        group: None | str
        group = self.group

        id = self.id

        isolation = self.isolation

        kind = self.kind

        name = self.name.to_dict()

        status = self.status

        timezone = self.timezone

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "group": group,
                "id": id,
                "isolation": isolation,
                "kind": kind,
                "name": name,
                "status": status,
                "timezone": timezone,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.localized_name import LocalizedName  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        def _parse_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        group = _parse_group(d.pop("group"))

        id = d.pop("id")

        isolation = d.pop("isolation")

        kind = d.pop("kind")

        name = LocalizedName.from_dict(d.pop("name"))

        status = d.pop("status")

        timezone = d.pop("timezone")

        tenant_view = cls(
            currency=currency,
            group=group,
            id=id,
            isolation=isolation,
            kind=kind,
            name=name,
            status=status,
            timezone=timezone,
        )

        tenant_view.additional_properties = d
        return tenant_view

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
