from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DebtorUserView")


@_attrs_define
class DebtorUserView:
    """
    Attributes:
        customer_id (str):
        username (str):
        temporary_password (None | str | Unset): Shown once; changed at first sign-in
    """

    customer_id: str
    username: str
    temporary_password: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        username = self.username

        temporary_password: None | str | Unset
        if isinstance(self.temporary_password, Unset):
            temporary_password = UNSET
        else:
            temporary_password = self.temporary_password

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "customer_id": customer_id,
                "username": username,
            }
        )
        if temporary_password is not UNSET:
            field_dict["temporary_password"] = temporary_password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        username = d.pop("username")

        def _parse_temporary_password(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        temporary_password = _parse_temporary_password(d.pop("temporary_password", UNSET))

        debtor_user_view = cls(
            customer_id=customer_id,
            username=username,
            temporary_password=temporary_password,
        )

        debtor_user_view.additional_properties = d
        return debtor_user_view

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
