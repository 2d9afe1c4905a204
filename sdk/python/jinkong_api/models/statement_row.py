from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="StatementRow")


@_attrs_define
class StatementRow:
    """
    Attributes:
        balance_after (str):
        booked_on (datetime.date):
        credit (str):
        debit (str):
        entry_id (str):
        kind (str):
        memo (str):
        seq (int):
        contract_id (None | str | Unset):
        created_at (datetime.datetime | None | Unset):
    """

    balance_after: str
    booked_on: datetime.date
    credit: str
    debit: str
    entry_id: str
    kind: str
    memo: str
    seq: int
    contract_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balance_after = self.balance_after

        booked_on = self.booked_on.isoformat()

        credit = self.credit

        debit = self.debit

        entry_id = self.entry_id

        kind = self.kind

        memo = self.memo

        seq = self.seq

        contract_id: None | str | Unset
        if isinstance(self.contract_id, Unset):
            contract_id = UNSET
        else:
            contract_id = self.contract_id

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balance_after": balance_after,
                "booked_on": booked_on,
                "credit": credit,
                "debit": debit,
                "entry_id": entry_id,
                "kind": kind,
                "memo": memo,
                "seq": seq,
            }
        )
        if contract_id is not UNSET:
            field_dict["contract_id"] = contract_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        balance_after = d.pop("balance_after")

        booked_on = datetime.date.fromisoformat(d.pop("booked_on"))

        credit = d.pop("credit")

        debit = d.pop("debit")

        entry_id = d.pop("entry_id")

        kind = d.pop("kind")

        memo = d.pop("memo")

        seq = d.pop("seq")

        def _parse_contract_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        contract_id = _parse_contract_id(d.pop("contract_id", UNSET))

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", UNSET))

        statement_row = cls(
            balance_after=balance_after,
            booked_on=booked_on,
            credit=credit,
            debit=debit,
            entry_id=entry_id,
            kind=kind,
            memo=memo,
            seq=seq,
            contract_id=contract_id,
            created_at=created_at,
        )

        statement_row.additional_properties = d
        return statement_row

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
