from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.signature_view import SignatureView


T = TypeVar("T", bound="ContractDocumentView")


@_attrs_define
class ContractDocumentView:
    """
    Attributes:
        contract_id (None | str):
        download_url (None | str):
        html (str):
        preview (bool): true before the contract is issued: rendered now, not stored
        sha256 (str):
        signatures (list[SignatureView]):
    """

    contract_id: None | str
    download_url: None | str
    html: str
    preview: bool
    sha256: str
    signatures: list[SignatureView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        contract_id: None | str
        contract_id = self.contract_id

        download_url: None | str
        download_url = self.download_url

        html = self.html

        preview = self.preview

        sha256 = self.sha256

        signatures = []
        for signatures_item_data in self.signatures:
            signatures_item = signatures_item_data.to_dict()
            signatures.append(signatures_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "contract_id": contract_id,
                "download_url": download_url,
                "html": html,
                "preview": preview,
                "sha256": sha256,
                "signatures": signatures,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.signature_view import SignatureView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_contract_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        def _parse_download_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        download_url = _parse_download_url(d.pop("download_url"))

        html = d.pop("html")

        preview = d.pop("preview")

        sha256 = d.pop("sha256")

        signatures = []
        _signatures = d.pop("signatures")
        for signatures_item_data in _signatures:
            signatures_item = SignatureView.from_dict(signatures_item_data)

            signatures.append(signatures_item)

        contract_document_view = cls(
            contract_id=contract_id,
            download_url=download_url,
            html=html,
            preview=preview,
            sha256=sha256,
            signatures=signatures,
        )

        contract_document_view.additional_properties = d
        return contract_document_view

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
