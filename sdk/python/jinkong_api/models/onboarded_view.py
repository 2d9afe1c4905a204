from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_view import TenantView


T = TypeVar("T", bound="OnboardedView")


@_attrs_define
class OnboardedView:
    """
    Attributes:
        admin_temporary_password (None | str): Shown once; the admin must change it at first sign-in
        admin_username (str):
        tenant (TenantView):
    """

    admin_temporary_password: None | str
    admin_username: str
    tenant: TenantView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        admin_temporary_password: None | str
        admin_temporary_password = self.admin_temporary_password

        admin_username = self.admin_username

        tenant = self.tenant.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "admin_temporary_password": admin_temporary_password,
                "admin_username": admin_username,
                "tenant": tenant,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_view import TenantView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_admin_temporary_password(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        admin_temporary_password = _parse_admin_temporary_password(d.pop("admin_temporary_password"))

        admin_username = d.pop("admin_username")

        tenant = TenantView.from_dict(d.pop("tenant"))

        onboarded_view = cls(
            admin_temporary_password=admin_temporary_password,
            admin_username=admin_username,
            tenant=tenant,
        )

        onboarded_view.additional_properties = d
        return onboarded_view

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
