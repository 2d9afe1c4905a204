from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceRequest")


@_attrs_define
class InvoiceRequest:
    """
    Attributes:
        debtor (str):
        due_date (datetime.date):
        face_amount (str):
        issue_date (datetime.date):
        number (str):
    """

    debtor: str
    due_date: datetime.date
    face_amount: str
    issue_date: datetime.date
    number: str

    def to_dict(self) -> dict[str, Any]:
        debtor = self.debtor

        due_date = self.due_date.isoformat()

        face_amount = self.face_amount

        issue_date = self.issue_date.isoformat()

        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "debtor": debtor,
                "due_date": due_date,
                "face_amount": face_amount,
                "issue_date": issue_date,
                "number": number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        debtor = d.pop("debtor")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        face_amount = d.pop("face_amount")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        number = d.pop("number")

        invoice_request = cls(
            debtor=debtor,
            due_date=due_date,
            face_amount=face_amount,
            issue_date=issue_date,
            number=number,
        )

        return invoice_request
