from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView


T = TypeVar("T", bound="UserView")


@_attrs_define
class UserView:
    """
    Attributes:
        created_at (datetime.datetime):
        created_by (ActorView):
        display_name (str):
        email (None | str):
        id (str): The user's Cognito sub: stable, never reused
        last_sign_in_at (datetime.datetime | None):
        roles (list[str]):
        status (str): enabled | disabled
        username (str):
    """

    created_at: datetime.datetime
    created_by: ActorView
    display_name: str
    email: None | str
    id: str
    last_sign_in_at: datetime.datetime | None
    roles: list[str]
    status: str
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        display_name = self.display_name

        email: None | str
        email = self.email

        id = self.id

        last_sign_in_at: None | str
        if isinstance(self.last_sign_in_at, datetime.datetime):
            last_sign_in_at = self.last_sign_in_at.isoformat()
        else:
            last_sign_in_at = self.last_sign_in_at

        roles = self.roles

        status = self.status

        username = self.username

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "created_at": created_at,
                "created_by": created_by,
                "display_name": display_name,
                "email": email,
                "id": id,
                "last_sign_in_at": last_sign_in_at,
                "roles": roles,
                "status": status,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415

        d = dict(src_dict)
        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = ActorView.from_dict(d.pop("created_by"))

        display_name = d.pop("display_name")

        def _parse_email(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        email = _parse_email(d.pop("email"))

        id = d.pop("id")

        def _parse_last_sign_in_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_sign_in_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_sign_in_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_sign_in_at = _parse_last_sign_in_at(d.pop("last_sign_in_at"))

        roles = cast(list[str], d.pop("roles"))

        status = d.pop("status")

        username = d.pop("username")

        user_view = cls(
            created_at=created_at,
            created_by=created_by,
            display_name=display_name,
            email=email,
            id=id,
            last_sign_in_at=last_sign_in_at,
            roles=roles,
            status=status,
            username=username,
        )

        user_view.additional_properties = d
        return user_view

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
