from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.identity_type import IdentityType
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewBlacklistEntry")


@_attrs_define
class NewBlacklistEntry:
    """
    Attributes:
        reason (str):
        customer_id (None | str | Unset):
        identity_number (None | str | Unset):
        identity_type (IdentityType | None | Unset):
    """

    reason: str
    customer_id: None | str | Unset = UNSET
    identity_number: None | str | Unset = UNSET
    identity_type: IdentityType | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        reason = self.reason

        customer_id: None | str | Unset
        if isinstance(self.customer_id, Unset):
            customer_id = UNSET
        else:
            customer_id = self.customer_id

        identity_number: None | str | Unset
        if isinstance(self.identity_number, Unset):
            identity_number = UNSET
        else:
            identity_number = self.identity_number

        identity_type: None | str | Unset
        if isinstance(self.identity_type, Unset):
            identity_type = UNSET
        elif isinstance(self.identity_type, IdentityType):
            identity_type = self.identity_type.value
        else:
            identity_type = self.identity_type

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reason": reason,
            }
        )
        if customer_id is not UNSET:
            field_dict["customer_id"] = customer_id
        if identity_number is not UNSET:
            field_dict["identity_number"] = identity_number
        if identity_type is not UNSET:
            field_dict["identity_type"] = identity_type

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        reason = d.pop("reason")

        def _parse_customer_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        customer_id = _parse_customer_id(d.pop("customer_id", UNSET))

        def _parse_identity_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        identity_number = _parse_identity_number(d.pop("identity_number", UNSET))

        def _parse_identity_type(data: object) -> IdentityType | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                identity_type_type_0 = IdentityType(data)

                return identity_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IdentityType | None | Unset, data)

        identity_type = _parse_identity_type(d.pop("identity_type", UNSET))

        new_blacklist_entry = cls(
            reason=reason,
            customer_id=customer_id,
            identity_number=identity_number,
            identity_type=identity_type,
        )

        return new_blacklist_entry
