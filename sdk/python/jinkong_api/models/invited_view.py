from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.user_view import UserView


T = TypeVar("T", bound="InvitedView")


@_attrs_define
class InvitedView:
    """
    Attributes:
        temporary_password (None | str): Shown once; the user sets its own at first sign-in
        user (UserView):
    """

    temporary_password: None | str
    user: UserView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        temporary_password: None | str
        temporary_password = self.temporary_password

        user = self.user.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "temporary_password": temporary_password,
                "user": user,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.user_view import UserView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_temporary_password(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        temporary_password = _parse_temporary_password(d.pop("temporary_password"))

        user = UserView.from_dict(d.pop("user"))

        invited_view = cls(
            temporary_password=temporary_password,
            user=user,
        )

        invited_view.additional_properties = d
        return invited_view

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
