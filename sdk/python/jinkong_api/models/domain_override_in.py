from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DomainOverrideIn")


@_attrs_define
class DomainOverrideIn:
    """``POST /v1/customers/{id}/grade-overrides``: a value grade set by hand, pending a second person.

    Attributes:
        expires_on (datetime.date):
        grade (str):
        reason (str):
    """

    expires_on: datetime.date
    grade: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        expires_on = self.expires_on.isoformat()

        grade = self.grade

        reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "expires_on": expires_on,
                "grade": grade,
                "reason": reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        expires_on = datetime.date.fromisoformat(d.pop("expires_on"))

        grade = d.pop("grade")

        reason = d.pop("reason")

        domain_override_in = cls(
            expires_on=expires_on,
            grade=grade,
            reason=reason,
        )

        return domain_override_in
