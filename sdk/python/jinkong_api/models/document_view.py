from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView


T = TypeVar("T", bound="DocumentView")


@_attrs_define
class DocumentView:
    """
    Attributes:
        confirmed_at (datetime.datetime | None):
        content_type (str):
        file_name (str):
        id (str):
        requested_at (datetime.datetime):
        sha256 (str):
        size (int):
        status (str): awaiting_upload | uploaded
        type_ (str):
        uploaded_by (ActorView):
    """

    confirmed_at: datetime.datetime | None
    content_type: str
    file_name: str
    id: str
    requested_at: datetime.datetime
    sha256: str
    size: int
    status: str
    type_: str
    uploaded_by: ActorView
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        confirmed_at: None | str
        if isinstance(self.confirmed_at, datetime.datetime):
            confirmed_at = self.confirmed_at.isoformat()
        else:
            confirmed_at = self.confirmed_at

        content_type = self.content_type

        file_name = self.file_name

        id = self.id

        requested_at = self.requested_at.isoformat()

        sha256 = self.sha256

        size = self.size

        status = self.status

        type_ = self.type_

        uploaded_by = self.uploaded_by.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "confirmed_at": confirmed_at,
                "content_type": content_type,
                "file_name": file_name,
                "id": id,
                "requested_at": requested_at,
                "sha256": sha256,
                "size": size,
                "status": status,
                "type": type_,
                "uploaded_by": uploaded_by,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_confirmed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                confirmed_at_type_0 = datetime.datetime.fromisoformat(data)

                return confirmed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        confirmed_at = _parse_confirmed_at(d.pop("confirmed_at"))

        content_type = d.pop("content_type")

        file_name = d.pop("file_name")

        id = d.pop("id")

        requested_at = datetime.datetime.fromisoformat(d.pop("requested_at"))

        sha256 = d.pop("sha256")

        size = d.pop("size")

        status = d.pop("status")

        type_ = d.pop("type")

        uploaded_by = ActorView.from_dict(d.pop("uploaded_by"))

        document_view = cls(
            confirmed_at=confirmed_at,
            content_type=content_type,
            file_name=file_name,
            id=id,
            requested_at=requested_at,
            sha256=sha256,
            size=size,
            status=status,
            type_=type_,
            uploaded_by=uploaded_by,
        )

        document_view.additional_properties = d
        return document_view

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
