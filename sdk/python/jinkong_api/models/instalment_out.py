from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.instalment_out_status import InstalmentOutStatus

if TYPE_CHECKING:
    from ..models.instalment_out_due import InstalmentOutDue
    from ..models.instalment_out_paid import InstalmentOutPaid
    from ..models.instalment_out_scheduled import InstalmentOutScheduled


T = TypeVar("T", bound="InstalmentOut")


@_attrs_define
class InstalmentOut:
    """
    Attributes:
        due (InstalmentOutDue):
        due_on (datetime.date):
        outstanding (str):
        overdue (str):
        paid (InstalmentOutPaid):
        scheduled (InstalmentOutScheduled):
        seq (int):
        status (InstalmentOutStatus):
    """

    due: InstalmentOutDue
    due_on: datetime.date
    outstanding: str
    overdue: str
    paid: InstalmentOutPaid
    scheduled: InstalmentOutScheduled
    seq: int
    status: InstalmentOutStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        due = self.due.to_dict()

        due_on = self.due_on.isoformat()

        outstanding = self.outstanding

        overdue = self.overdue

        paid = self.paid.to_dict()

        scheduled = self.scheduled.to_dict()

        seq = self.seq

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "due": due,
                "due_on": due_on,
                "outstanding": outstanding,
                "overdue": overdue,
                "paid": paid,
                "scheduled": scheduled,
                "seq": seq,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.instalment_out_due import InstalmentOutDue  # noqa: PLC0415
        from ..models.instalment_out_paid import InstalmentOutPaid  # noqa: PLC0415
        from ..models.instalment_out_scheduled import InstalmentOutScheduled  # noqa: PLC0415

        d = dict(src_dict)
        due = InstalmentOutDue.from_dict(d.pop("due"))

        due_on = datetime.date.fromisoformat(d.pop("due_on"))

        outstanding = d.pop("outstanding")

        overdue = d.pop("overdue")

        paid = InstalmentOutPaid.from_dict(d.pop("paid"))

        scheduled = InstalmentOutScheduled.from_dict(d.pop("scheduled"))

        seq = d.pop("seq")

        status = InstalmentOutStatus(d.pop("status"))

        instalment_out = cls(
            due=due,
            due_on=due_on,
            outstanding=outstanding,
            overdue=overdue,
            paid=paid,
            scheduled=scheduled,
            seq=seq,
            status=status,
        )

        instalment_out.additional_properties = d
        return instalment_out

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
