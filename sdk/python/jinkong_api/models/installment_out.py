from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.installment_out_kind_type_0 import InstallmentOutKindType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="InstallmentOut")


@_attrs_define
class InstallmentOut:
    """One instalment. Leases add ``kind`` and ``deposit_applied``; factoring adds the invoice.

    Attributes:
        balance (str):
        due_date (datetime.date):
        fee (str):
        interest (str):
        payment (str):
        principal (str):
        seq (int):
        debtor (None | str | Unset):
        deducted_upfront (None | str | Unset):
        deposit_applied (None | str | Unset):
        face_amount (None | str | Unset):
        interest_days (int | None | Unset):
        invoice_number (None | str | Unset):
        kind (InstallmentOutKindType0 | None | Unset):
        reserve (None | str | Unset):
    """

    balance: str
    due_date: datetime.date
    fee: str
    interest: str
    payment: str
    principal: str
    seq: int
    debtor: None | str | Unset = UNSET
    deducted_upfront: None | str | Unset = UNSET
    deposit_applied: None | str | Unset = UNSET
    face_amount: None | str | Unset = UNSET
    interest_days: int | None | Unset = UNSET
    invoice_number: None | str | Unset = UNSET
    kind: InstallmentOutKindType0 | None | Unset = UNSET
    reserve: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance = self.balance

        due_date = self.due_date.isoformat()

        fee = self.fee

        interest = self.interest

        payment = self.payment

        principal = self.principal

        seq = self.seq

        debtor: None | str | Unset
        if isinstance(self.debtor, Unset):
            debtor = UNSET
        else:
            debtor = self.debtor

        deducted_upfront: None | str | Unset
        if isinstance(self.deducted_upfront, Unset):
            deducted_upfront = UNSET
        else:
            deducted_upfront = self.deducted_upfront

        deposit_applied: None | str | Unset
        if isinstance(self.deposit_applied, Unset):
            deposit_applied = UNSET
        else:
            deposit_applied = self.deposit_applied

        face_amount: None | str | Unset
        if isinstance(self.face_amount, Unset):
            face_amount = UNSET
        else:
            face_amount = self.face_amount

        interest_days: int | None | Unset
        if isinstance(self.interest_days, Unset):
            interest_days = UNSET
        else:
            interest_days = self.interest_days

        invoice_number: None | str | Unset
        if isinstance(self.invoice_number, Unset):
            invoice_number = UNSET
        else:
            invoice_number = self.invoice_number

        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, InstallmentOutKindType0):
            kind = self.kind.value
        else:
            kind = self.kind

        reserve: None | str | Unset
        if isinstance(self.reserve, Unset):
            reserve = UNSET
        else:
            reserve = self.reserve

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance": balance,
                "due_date": due_date,
                "fee": fee,
                "interest": interest,
                "payment": payment,
                "principal": principal,
                "seq": seq,
            }
        )
        if debtor is not UNSET:
            field_dict["debtor"] = debtor
        if deducted_upfront is not UNSET:
            field_dict["deducted_upfront"] = deducted_upfront
        if deposit_applied is not UNSET:
            field_dict["deposit_applied"] = deposit_applied
        if face_amount is not UNSET:
            field_dict["face_amount"] = face_amount
        if interest_days is not UNSET:
            field_dict["interest_days"] = interest_days
        if invoice_number is not UNSET:
            field_dict["invoice_number"] = invoice_number
        if kind is not UNSET:
            field_dict["kind"] = kind
        if reserve is not UNSET:
            field_dict["reserve"] = reserve

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance = d.pop("balance")

        due_date = datetime.date.fromisoformat(d.pop("due_date"))

        fee = d.pop("fee")

        interest = d.pop("interest")

        payment = d.pop("payment")

        principal = d.pop("principal")

        seq = d.pop("seq")

        def _parse_debtor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        debtor = _parse_debtor(d.pop("debtor", UNSET))

        def _parse_deducted_upfront(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deducted_upfront = _parse_deducted_upfront(d.pop("deducted_upfront", UNSET))

        def _parse_deposit_applied(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deposit_applied = _parse_deposit_applied(d.pop("deposit_applied", UNSET))

        def _parse_face_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        face_amount = _parse_face_amount(d.pop("face_amount", UNSET))

        def _parse_interest_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        interest_days = _parse_interest_days(d.pop("interest_days", UNSET))

        def _parse_invoice_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        invoice_number = _parse_invoice_number(d.pop("invoice_number", UNSET))

        def _parse_kind(data: object) -> InstallmentOutKindType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                kind_type_0 = InstallmentOutKindType0(data)

                return kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(InstallmentOutKindType0 | None | Unset, data)

        kind = _parse_kind(d.pop("kind", UNSET))

        def _parse_reserve(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reserve = _parse_reserve(d.pop("reserve", UNSET))

        installment_out = cls(
            balance=balance,
            due_date=due_date,
            fee=fee,
            interest=interest,
            payment=payment,
            principal=principal,
            seq=seq,
            debtor=debtor,
            deducted_upfront=deducted_upfront,
            deposit_applied=deposit_applied,
            face_amount=face_amount,
            interest_days=interest_days,
            invoice_number=invoice_number,
            kind=kind,
            reserve=reserve,
        )

        installment_out.additional_properties = d
        return installment_out

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
