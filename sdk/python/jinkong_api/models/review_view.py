from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView


T = TypeVar("T", bound="ReviewView")


@_attrs_define
class ReviewView:
    """
    Attributes:
        at (datetime.datetime):
        decision (str):
        note (str):
        reviewer (ActorView):
        round_ (int):
        stage (str):
    """

    at: datetime.datetime
    decision: str
    note: str
    reviewer: ActorView
    round_: int
    stage: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        at = self.at.isoformat()

        decision = self.decision

        note = self.note

        reviewer = self.reviewer.to_dict()

        round_ = self.round_

        stage = self.stage

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "decision": decision,
                "note": note,
                "reviewer": reviewer,
                "round": round_,
                "stage": stage,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        decision = d.pop("decision")

        note = d.pop("note")

        reviewer = ActorView.from_dict(d.pop("reviewer"))

        round_ = d.pop("round")

        stage = d.pop("stage")

        review_view = cls(
            at=at,
            decision=decision,
            note=note,
            reviewer=reviewer,
            round_=round_,
            stage=stage,
        )

        review_view.additional_properties = d
        return review_view

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
