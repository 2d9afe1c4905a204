from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.upload_view_headers import UploadViewHeaders


T = TypeVar("T", bound="UploadView")


@_attrs_define
class UploadView:
    """
    Attributes:
        expires_at (datetime.datetime):
        headers (UploadViewHeaders): send exactly these headers with the PUT
        method (str):
        url (str):
    """

    expires_at: datetime.datetime
    headers: UploadViewHeaders
    method: str
    url: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        expires_at = self.expires_at.isoformat()

        headers = self.headers.to_dict()

        method = self.method

        url = self.url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires_at": expires_at,
                "headers": headers,
                "method": method,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.upload_view_headers import UploadViewHeaders  # noqa: PLC0415

        d = dict(src_dict)
        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        headers = UploadViewHeaders.from_dict(d.pop("headers"))

        method = d.pop("method")

        url = d.pop("url")

        upload_view = cls(
            expires_at=expires_at,
            headers=headers,
            method=method,
            url=url,
        )

        upload_view.additional_properties = d
        return upload_view

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
