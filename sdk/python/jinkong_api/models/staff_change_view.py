from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.user_state import UserState


T = TypeVar("T", bound="StaffChangeView")


@_attrs_define
class StaffChangeView:
    """
    Attributes:
        action (str): invite | roles | disable | enable
        actor (ActorView):
        after (UserState):
        at (datetime.datetime):
        before (None | UserState):
        id (str):
        user_id (str):
        username (str):
    """

    action: str
    actor: ActorView
    after: UserState
    at: datetime.datetime
    before: None | UserState
    id: str
    user_id: str
    username: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.user_state import UserState  # noqa: PLC0415

        action = self.action

        actor = self.actor.to_dict()

        after = self.after.to_dict()

        at = self.at.isoformat()

        before: dict[str, Any] | None
        if isinstance(self.before, UserState):
            before = self.before.to_dict()
        else:
            before = self.before

        id = self.id

        user_id = self.user_id

        username = self.username

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
                "user_id": user_id,
                "username": username,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.user_state import UserState  # noqa: PLC0415

        d = dict(src_dict)
        action = d.pop("action")

        actor = ActorView.from_dict(d.pop("actor"))

        after = UserState.from_dict(d.pop("after"))

        at = datetime.datetime.fromisoformat(d.pop("at"))

        def _parse_before(data: object) -> None | UserState:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                before_type_0 = UserState.from_dict(data)

                return before_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UserState, data)

        before = _parse_before(d.pop("before"))

        id = d.pop("id")

        user_id = d.pop("user_id")

        username = d.pop("username")

        staff_change_view = cls(
            action=action,
            actor=actor,
            after=after,
            at=at,
            before=before,
            id=id,
            user_id=user_id,
            username=username,
        )

        staff_change_view.additional_properties = d
        return staff_change_view

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
