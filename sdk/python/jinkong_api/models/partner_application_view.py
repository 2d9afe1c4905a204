from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.partner_actor_view import PartnerActorView


T = TypeVar("T", bound="PartnerApplicationView")


@_attrs_define
class PartnerApplicationView:
    """
    Attributes:
        client_id (str):
        created_at (datetime.datetime):
        created_by (PartnerActorView):
        id (str):
        ip_allowlist (list[str]):
        name (str):
        rate_tier (str):
        revoked_at (datetime.datetime | None):
        rotated_at (datetime.datetime | None):
        scopes (list[str]):
        status (str): active | revoked
        calls_last_24h (int | None | Unset): Admitted calls in the last 24 hours
    """

    client_id: str
    created_at: datetime.datetime
    created_by: PartnerActorView
    id: str
    ip_allowlist: list[str]
    name: str
    rate_tier: str
    revoked_at: datetime.datetime | None
    rotated_at: datetime.datetime | None
    scopes: list[str]
    status: str
    calls_last_24h: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_id = self.client_id

        created_at = self.created_at.isoformat()

        created_by = self.created_by.to_dict()

        id = self.id

        ip_allowlist = self.ip_allowlist

        name = self.name

        rate_tier = self.rate_tier

        revoked_at: None | str
        if isinstance(self.revoked_at, datetime.datetime):
            revoked_at = self.revoked_at.isoformat()
        else:
            revoked_at = self.revoked_at

        rotated_at: None | str
        if isinstance(self.rotated_at, datetime.datetime):
            rotated_at = self.rotated_at.isoformat()
        else:
            rotated_at = self.rotated_at

        scopes = self.scopes

        status = self.status

        calls_last_24h: int | None | Unset
        if isinstance(self.calls_last_24h, Unset):
            calls_last_24h = UNSET
        else:
            calls_last_24h = self.calls_last_24h

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "client_id": client_id,
                "created_at": created_at,
                "created_by": created_by,
                "id": id,
                "ip_allowlist": ip_allowlist,
                "name": name,
                "rate_tier": rate_tier,
                "revoked_at": revoked_at,
                "rotated_at": rotated_at,
                "scopes": scopes,
                "status": status,
            }
        )
        if calls_last_24h is not UNSET:
            field_dict["calls_last_24h"] = calls_last_24h

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_actor_view import PartnerActorView  # noqa: PLC0415

        d = dict(src_dict)
        client_id = d.pop("client_id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        created_by = PartnerActorView.from_dict(d.pop("created_by"))

        id = d.pop("id")

        ip_allowlist = cast(list[str], d.pop("ip_allowlist"))

        name = d.pop("name")

        rate_tier = d.pop("rate_tier")

        def _parse_revoked_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                revoked_at_type_0 = datetime.datetime.fromisoformat(data)

                return revoked_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        revoked_at = _parse_revoked_at(d.pop("revoked_at"))

        def _parse_rotated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                rotated_at_type_0 = datetime.datetime.fromisoformat(data)

                return rotated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        rotated_at = _parse_rotated_at(d.pop("rotated_at"))

        scopes = cast(list[str], d.pop("scopes"))

        status = d.pop("status")

        def _parse_calls_last_24h(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        calls_last_24h = _parse_calls_last_24h(d.pop("calls_last_24h", UNSET))

        partner_application_view = cls(
            client_id=client_id,
            created_at=created_at,
            created_by=created_by,
            id=id,
            ip_allowlist=ip_allowlist,
            name=name,
            rate_tier=rate_tier,
            revoked_at=revoked_at,
            rotated_at=rotated_at,
            scopes=scopes,
            status=status,
            calls_last_24h=calls_last_24h,
        )

        partner_application_view.additional_properties = d
        return partner_application_view

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
