from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partner_actor_view import PartnerActorView
    from ..models.partner_change_view_after import PartnerChangeViewAfter
    from ..models.partner_change_view_before_type_0 import PartnerChangeViewBeforeType0


T = TypeVar("T", bound="PartnerChangeView")


@_attrs_define
class PartnerChangeView:
    """
    Attributes:
        action (str): register | rotate | revoke
        actor (PartnerActorView):
        after (PartnerChangeViewAfter):
        at (datetime.datetime):
        before (None | PartnerChangeViewBeforeType0):
        id (str):
    """

    action: str
    actor: PartnerActorView
    after: PartnerChangeViewAfter
    at: datetime.datetime
    before: None | PartnerChangeViewBeforeType0
    id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_change_view_before_type_0 import PartnerChangeViewBeforeType0  # noqa: PLC0415

        action = self.action

        actor = self.actor.to_dict()

        after = self.after.to_dict()

        at = self.at.isoformat()

        before: dict[str, Any] | None
        if isinstance(self.before, PartnerChangeViewBeforeType0):
            before = self.before.to_dict()
        else:
            before = self.before

        id = self.id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "action": action,
                "actor": actor,
                "after": after,
                "at": at,
                "before": before,
                "id": id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_actor_view import PartnerActorView  # noqa: PLC0415
        from ..models.partner_change_view_after import PartnerChangeViewAfter  # noqa: PLC0415
        from ..models.partner_change_view_before_type_0 import PartnerChangeViewBeforeType0  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        actor = PartnerActorView.from_dict(d.pop("actor"))

        after = PartnerChangeViewAfter.from_dict(d.pop("after"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_before(data: object) -> None | PartnerChangeViewBeforeType0:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = PartnerChangeViewBeforeType0.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerChangeViewBeforeType0, data)

        before = _parse_before(d.pop("before"))

        id = d.pop("id")

        partner_change_view = cls(
            action=action,
            actor=actor,
            after=after,
            at=at,
            before=before,
            id=id,
        )

        partner_change_view.additional_properties = d
        return partner_change_view

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
