from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.product_view_name import ProductViewName
    from ..models.product_view_version_statuses import ProductViewVersionStatuses
    from ..models.stamp_view import StampView
    from ..models.transition_view import TransitionView
    from ..models.version_summary_view import VersionSummaryView


T = TypeVar("T", bound="ProductView")


@_attrs_define
class ProductView:
    """
    Attributes:
        active_version (int | None):
        channels (list[str]):
        code (str):
        created (StampView):
        currency (str):
        history (list[TransitionView]): every transition, oldest first
        kind (str):
        latest_version (int):
        name (ProductViewName):
        segment (str):
        status (str): active if a version is on the shelf, else the furthest any version got
        updated_at (datetime.datetime):
        version_statuses (ProductViewVersionStatuses):
        versions (list[VersionSummaryView]):
    """

    active_version: int | None
    channels: list[str]
    code: str
    created: StampView
    currency: str
    history: list[TransitionView]
    kind: str
    latest_version: int
    name: ProductViewName
    segment: str
    status: str
    updated_at: datetime.datetime
    version_statuses: ProductViewVersionStatuses
    versions: list[VersionSummaryView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        active_version: int | None
        active_version = self.active_version

        channels = self.channels

        code = self.code

        created = self.created.to_dict()

        currency = self.currency

        history = []
        for history_item_data in self.history:
            history_item = history_item_data.to_dict()
            history.append(history_item)

        kind = self.kind

        latest_version = self.latest_version

        name = self.name.to_dict()

        segment = self.segment

        status = self.status

        updated_at = self.updated_at.isoformat()

        version_statuses = self.version_statuses.to_dict()

        versions = []
        for versions_item_data in self.versions:
            versions_item = versions_item_data.to_dict()
            versions.append(versions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "active_version": active_version,
                "channels": channels,
                "code": code,
                "created": created,
                "currency": currency,
                "history": history,
                "kind": kind,
                "latest_version": latest_version,
                "name": name,
                "segment": segment,
                "status": status,
                "updated_at": updated_at,
                "version_statuses": version_statuses,
                "versions": versions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.product_view_name import ProductViewName  # noqa: PLC0415
        from ..models.product_view_version_statuses import ProductViewVersionStatuses  # noqa: PLC0415
        from ..models.stamp_view import StampView  # noqa: PLC0415
        from ..models.transition_view import TransitionView  # noqa: PLC0415
        from ..models.version_summary_view import VersionSummaryView  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_active_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        active_version = _parse_active_version(d.pop("active_version"))

        channels = cast(list[str], d.pop("channels"))

        code = d.pop("code")

        created = StampView.from_dict(d.pop("created"))

        currency = d.pop("currency")

        history = []
        _history = d.pop("history")
        for history_item_data in _history:
            history_item = TransitionView.from_dict(history_item_data)

            history.append(history_item)

        kind = d.pop("kind")

        latest_version = d.pop("latest_version")

        name = ProductViewName.from_dict(d.pop("name"))

        segment = d.pop("segment")

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version_statuses = ProductViewVersionStatuses.from_dict(d.pop("version_statuses"))

        versions = []
        _versions = d.pop("versions")
        for versions_item_data in _versions:
            versions_item = VersionSummaryView.from_dict(versions_item_data)

            versions.append(versions_item)

        product_view = cls(
            active_version=active_version,
            channels=channels,
            code=code,
            created=created,
            currency=currency,
            history=history,
            kind=kind,
            latest_version=latest_version,
            name=name,
            segment=segment,
            status=status,
            updated_at=updated_at,
            version_statuses=version_statuses,
            versions=versions,
        )

        product_view.additional_properties = d
        return product_view

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
