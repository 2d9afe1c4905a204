from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.tenant_view import TenantView


T = TypeVar("T", bound="MeView")


@_attrs_define
class MeView:
    """
    Attributes:
        kind (str):
        roles (list[str]):
        tenant (TenantView):
        tenant_id (str):
        user_id (str):
        username (str):
    """

    kind: str
    roles: list[str]
    tenant: TenantView
    tenant_id: str
    user_id: str
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        roles = self.roles

        tenant = self.tenant.to_dict()

        tenant_id = self.tenant_id

        user_id = self.user_id

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "kind": kind,
                "roles": roles,
                "tenant": tenant,
                "tenant_id": tenant_id,
                "user_id": user_id,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.tenant_view import TenantView  # noqa: PLC0415

        d = dict(src_dict)
        kind = d.pop("kind")

        roles = cast(list[str], d.pop("roles"))

        tenant = TenantView.from_dict(d.pop("tenant"))

        tenant_id = d.pop("tenant_id")

        user_id = d.pop("user_id")

        username = d.pop("username")

        me_view = cls(
            kind=kind,
            roles=roles,
            tenant=tenant,
            tenant_id=tenant_id,
            user_id=user_id,
            username=username,
        )

        me_view.additional_properties = d
        return me_view

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
