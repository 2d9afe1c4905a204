from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.request_upload_content_type import RequestUploadContentType

T = TypeVar("T", bound="RequestUpload")


@_attrs_define
class RequestUpload:
    """``POST /v1/applications/{id}/documents``: what will be uploaded, so S3 can hold the upload to it.

    Attributes:
        content_type (RequestUploadContentType):
        file_name (str):
        sha256 (str): hex SHA-256 of the file
        size (int):
        type_ (str): a checklist code of the product, or OTHER
    """

    content_type: RequestUploadContentType
    file_name: str
    sha256: str
    size: int
    type_: str

    def to_dict(self) -> dict[str, Any]:
        content_type = self.content_type.value

        file_name = self.file_name

        sha256 = self.sha256

        size = self.size

        type_ = self.type_

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content_type": content_type,
                "file_name": file_name,
                "sha256": sha256,
                "size": size,
                "type": type_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_type = RequestUploadContentType(d.pop("content_type"))

        file_name = d.pop("file_name")

        sha256 = d.pop("sha256")

        size = d.pop("size")

        type_ = d.pop("type")

        request_upload = cls(
            content_type=content_type,
            file_name=file_name,
            sha256=sha256,
            size=size,
            type_=type_,
        )

        return request_upload
