from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.rejection_view import RejectionView
    from ..models.stamp_view import StampView
    from ..models.version_summary_view_name import VersionSummaryViewName


T = TypeVar("T", bound="VersionSummaryView")


@_attrs_define
class VersionSummaryView:
    """
    Attributes:
        allowed_actions (list[str]): what may happen to it next (roles permitting)
        authors (list[ActorView]):
        based_on (int | None):
        created (StampView):
        name (VersionSummaryViewName):
        status (str):
        updated_at (datetime.datetime):
        version (int):
        activated_at (datetime.datetime | None | Unset):
        approved (None | StampView | Unset):
        last_rejection (None | RejectionView | Unset):
        retired_at (datetime.datetime | None | Unset):
        submitted (None | StampView | Unset):
        suspended_at (datetime.datetime | None | Unset):
    """

    allowed_actions: list[str]
    authors: list[ActorView]
    based_on: int | None
    created: StampView
    name: VersionSummaryViewName
    status: str
    updated_at: datetime.datetime
    version: int
    activated_at: datetime.datetime | None | Unset = UNSET
    approved: None | StampView | Unset = UNSET
    last_rejection: None | RejectionView | Unset = UNSET
    retired_at: datetime.datetime | None | Unset = UNSET
    submitted: None | StampView | Unset = UNSET
    suspended_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.rejection_view import RejectionView  # noqa: PLC0415
        from ..models.stamp_view import StampView  # noqa: PLC0415

        allowed_actions = self.allowed_actions

        authors = []
        for authors_item_data in self.authors:
            authors_item = authors_item_data.to_dict()
            authors.append(authors_item)

        based_on: int | None
        based_on = self.based_on

        created = self.created.to_dict()

        name = self.name.to_dict()

        status = self.status

        updated_at = self.updated_at.isoformat()

        version = self.version

        activated_at: None | str | Unset
        if isinstance(self.activated_at, Unset):
            activated_at = UNSET
        elif isinstance(self.activated_at, datetime.datetime):
            activated_at = self.activated_at.isoformat()
        else:
            activated_at = self.activated_at

        approved: dict[str, Any] | None | Unset
        if isinstance(self.approved, Unset):
            approved = UNSET
        elif isinstance(self.approved, StampView):
            approved = self.approved.to_dict()
        else:
            approved = self.approved

        last_rejection: dict[str, Any] | None | Unset
        if isinstance(self.last_rejection, Unset):
            last_rejection = UNSET
        elif isinstance(self.last_rejection, RejectionView):
            last_rejection = self.last_rejection.to_dict()
        else:
            last_rejection = self.last_rejection

        retired_at: None | str | Unset
        if isinstance(self.retired_at, Unset):
            retired_at = UNSET
        elif isinstance(self.retired_at, datetime.datetime):
            retired_at = self.retired_at.isoformat()
        else:
            retired_at = self.retired_at

        submitted: dict[str, Any] | None | Unset
        if isinstance(self.submitted, Unset):
            submitted = UNSET
        elif isinstance(self.submitted, StampView):
            submitted = self.submitted.to_dict()
        else:
            submitted = self.submitted

        suspended_at: None | str | Unset
        if isinstance(self.suspended_at, Unset):
            suspended_at = UNSET
        elif isinstance(self.suspended_at, datetime.datetime):
            suspended_at = self.suspended_at.isoformat()
        else:
            suspended_at = self.suspended_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_actions": allowed_actions,
                "authors": authors,
                "based_on": based_on,
                "created": created,
                "name": name,
                "status": status,
                "updated_at": updated_at,
                "version": version,
            }
        )
        if activated_at is not UNSET:
            field_dict["activated_at"] = activated_at
        if approved is not UNSET:
            field_dict["approved"] = approved
        if last_rejection is not UNSET:
            field_dict["last_rejection"] = last_rejection
        if retired_at is not UNSET:
            field_dict["retired_at"] = retired_at
        if submitted is not UNSET:
            field_dict["submitted"] = submitted
        if suspended_at is not UNSET:
            field_dict["suspended_at"] = suspended_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.rejection_view import RejectionView  # noqa: PLC0415
        from ..models.stamp_view import StampView  # noqa: PLC0415
        from ..models.version_summary_view_name import VersionSummaryViewName  # noqa: PLC0415

        d = dict(src_dict)
        allowed_actions = cast(list[str], d.pop("allowed_actions"))

        authors = []
        _authors = d.pop("authors")
        for authors_item_data in _authors:
            authors_item = ActorView.from_dict(authors_item_data)

            authors.append(authors_item)

        def _parse_based_on(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        based_on = _parse_based_on(d.pop("based_on"))

        created = StampView.from_dict(d.pop("created"))

        name = VersionSummaryViewName.from_dict(d.pop("name"))

        status = d.pop("status")

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        version = d.pop("version")

        def _parse_activated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                activated_at_type_0 = datetime.datetime.fromisoformat(data)

                return activated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        activated_at = _parse_activated_at(d.pop("activated_at", UNSET))

        def _parse_approved(data: object) -> None | StampView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                approved_type_0 = StampView.from_dict(data)

                return approved_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StampView | Unset, data)

        approved = _parse_approved(d.pop("approved", UNSET))

        def _parse_last_rejection(data: object) -> None | RejectionView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                last_rejection_type_0 = RejectionView.from_dict(data)

                return last_rejection_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RejectionView | Unset, data)

        last_rejection = _parse_last_rejection(d.pop("last_rejection", UNSET))

        def _parse_retired_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                retired_at_type_0 = datetime.datetime.fromisoformat(data)

                return retired_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        retired_at = _parse_retired_at(d.pop("retired_at", UNSET))

        def _parse_submitted(data: object) -> None | StampView | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                submitted_type_0 = StampView.from_dict(data)

                return submitted_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StampView | Unset, data)

        submitted = _parse_submitted(d.pop("submitted", UNSET))

        def _parse_suspended_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                suspended_at_type_0 = datetime.datetime.fromisoformat(data)

                return suspended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        suspended_at = _parse_suspended_at(d.pop("suspended_at", UNSET))

        version_summary_view = cls(
            allowed_actions=allowed_actions,
            authors=authors,
            based_on=based_on,
            created=created,
            name=name,
            status=status,
            updated_at=updated_at,
            version=version,
            activated_at=activated_at,
            approved=approved,
            last_rejection=last_rejection,
            retired_at=retired_at,
            submitted=submitted,
            suspended_at=suspended_at,
        )

        version_summary_view.additional_properties = d
        return version_summary_view

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
