from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="InvoiceIn")


@_attrs_define
class InvoiceIn:
    """
    Attributes:
        debtor_customer_id (str): The debtor: an enterprise customer here
        due_date (datetime.date):
        face_amount (str):
        issue_date (datetime.date):
        number (str):
    """

    debtor_customer_id: str
    due_date: datetime.date
    face_amount: str
    issue_date: datetime.date
    number: str

    def to_dict(self) -> dict[str, Any]:
        debtor_customer_id = self.debtor_customer_id

        due_date = self.due_date.isoformat()

        face_amount = self.face_amount

        issue_date = self.issue_date.isoformat()

        number = self.number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "debtor_customer_id": debtor_customer_id,
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
        debtor_customer_id = d.pop("debtor_customer_id")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        face_amount = d.pop("face_amount")

        issue_date = datetime.date.fromisoformat(d.pop("issue_date"))

        number = d.pop("number")

        invoice_in = cls(
            debtor_customer_id=debtor_customer_id,
            due_date=due_date,
            face_amount=face_amount,
            issue_date=issue_date,
            number=number,
        )

        return invoice_in
