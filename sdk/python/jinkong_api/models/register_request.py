from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RegisterRequest")


@_attrs_define
class RegisterRequest:
    """
    Attributes:
        name (str):
        scopes (list[str]): Any of quotes:write, customers:write, applications:write, applications:read,
            repayments:write, webhooks:manage
        ip_allowlist (list[str] | Unset): IP addresses or CIDR networks; empty: any address
        rate_tier (str | Unset): One of sandbox, standard, premium Default: 'sandbox'.
    """

    name: str
    scopes: list[str]
    ip_allowlist: list[str] | Unset = UNSET
    rate_tier: str | Unset = "sandbox"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scopes = self.scopes

        ip_allowlist: list[str] | Unset = UNSET
        if not isinstance(self.ip_allowlist, Unset):
            ip_allowlist = self.ip_allowlist

        rate_tier = self.rate_tier

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "scopes": scopes,
            }
        )
        if ip_allowlist is not UNSET:
            field_dict["ip_allowlist"] = ip_allowlist
        if rate_tier is not UNSET:
            field_dict["rate_tier"] = rate_tier

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scopes = cast(list[str], d.pop("scopes"))

        ip_allowlist = cast(list[str], d.pop("ip_allowlist", UNSET))

        rate_tier = d.pop("rate_tier", UNSET)

        register_request = cls(
            name=name,
            scopes=scopes,
            ip_allowlist=ip_allowlist,
            rate_tier=rate_tier,
        )

        return register_request
