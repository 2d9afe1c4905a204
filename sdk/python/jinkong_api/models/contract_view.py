from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.signature_view import SignatureView


T = TypeVar("T", bound="ContractView")


@_attrs_define
class ContractView:
    """
    Attributes:
        envelope_id (str):
        id (str):
        issued_at (datetime.datetime):
        issued_by (ActorView):
        provider (str):
        sha256 (str):
        signatures (list[SignatureView]):
    """

    envelope_id: str
    id: str
    issued_at: datetime.datetime
    issued_by: ActorView
    provider: str
    sha256: str
    signatures: list[SignatureView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        envelope_id = self.envelope_id

        id = self.id

        issued_at = self.issued_at.isoformat()

        issued_by = self.issued_by.to_dict()

        provider = self.provider

        sha256 = self.sha256

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "envelope_id": envelope_id,
                "id": id,
                "issued_at": issued_at,
                "issued_by": issued_by,
                "provider": provider,
                "sha256": sha256,
                "signatures": signatures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.signature_view import SignatureView  # noqa: PLC0415

        d = dict(src_dict)
        envelope_id = d.pop("envelope_id")

        id = d.pop("id")

        issued_at = datetime.datetime.fromisoformat(d.pop("issued_at"))

        issued_by = ActorView.from_dict(d.pop("issued_by"))

        provider = d.pop("provider")

        sha256 = d.pop("sha256")

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignatureView.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        contract_view = cls(
            envelope_id=envelope_id,
            id=id,
            issued_at=issued_at,
            issued_by=issued_by,
            provider=provider,
            sha256=sha256,
            signatures=signatures,
        )

        contract_view.additional_properties = d
        return contract_view

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
