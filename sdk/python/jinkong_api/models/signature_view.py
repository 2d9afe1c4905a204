from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="SignatureView")


@_attrs_define
class SignatureView:
    """
    Attributes:
        document_sha256 (str):
        evidence (str):
        name (str):
        party (str):
        provider (str):
        signed_at (datetime.datetime):
    """

    document_sha256: str
    evidence: str
    name: str
    party: str
    provider: str
    signed_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document_sha256 = self.document_sha256

        evidence = self.evidence

        name = self.name

        party = self.party

        provider = self.provider

        signed_at = self.signed_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document_sha256": document_sha256,
                "evidence": evidence,
                "name": name,
                "party": party,
                "provider": provider,
                "signed_at": signed_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        document_sha256 = d.pop("document_sha256")

        evidence = d.pop("evidence")

        name = d.pop("name")

        party = d.pop("party")

        provider = d.pop("provider")

        signed_at = datetime.datetime.fromisoformat(d.pop("signed_at"))

        signature_view = cls(
            document_sha256=document_sha256,
            evidence=evidence,
            name=name,
            party=party,
            provider=provider,
            signed_at=signed_at,
        )

        signature_view.additional_properties = d
        return signature_view

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
