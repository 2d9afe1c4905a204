from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.document_view import DocumentView


T = TypeVar("T", bound="DocumentDownloadView")


@_attrs_define
class DocumentDownloadView:
    """
    Attributes:
        document (DocumentView):
        download_url (str):
    """

    document: DocumentView
    download_url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        document = self.document.to_dict()

        download_url = self.download_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "document": document,
                "download_url": download_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.document_view import DocumentView  # noqa: PLC0415

        d = dict(src_dict)
        document = DocumentView.from_dict(d.pop("document"))

        download_url = d.pop("download_url")

        document_download_view = cls(
            document=document,
            download_url=download_url,
        )

        document_download_view.additional_properties = d
        return document_download_view

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
