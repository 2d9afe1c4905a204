from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="RolesRequest")


@_attrs_define
class RolesRequest:
    """
    Attributes:
        roles (list[str]): The roles the user holds afterwards
    """

    roles: list[str]

    def to_dict(self) -> dict[str, Any]:
        roles = self.roles

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "roles": roles,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        roles = cast(list[str], d.pop("roles"))

        roles_request = cls(
            roles=roles,
        )

        return roles_request
