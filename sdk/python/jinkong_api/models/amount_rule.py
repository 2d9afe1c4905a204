from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.amount_kind import AmountKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="AmountRule")


@_attrs_define
class AmountRule:
    """``fixed``: ``amount`` for everyone; ``multiple``: ``factor`` × outstanding exposure, at most ``cap``
    (and at least ``floor`` when set: a customer with no exposure then gets the floor).

        Attributes:
            kind (AmountKind):
            amount (None | str | Unset):
            cap (None | str | Unset):
            factor (None | str | Unset):
            floor (None | str | Unset):
    """

    kind: AmountKind
    amount: None | str | Unset = UNSET
    cap: None | str | Unset = UNSET
    factor: None | str | Unset = UNSET
    floor: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        amount: None | str | Unset
        if isinstance(self.amount, Unset):
            amount = UNSET
        else:
            amount = self.amount

        cap: None | str | Unset
        if isinstance(self.cap, Unset):
            cap = UNSET
        else:
            cap = self.cap

        factor: None | str | Unset
        if isinstance(self.factor, Unset):
            factor = UNSET
        else:
            factor = self.factor

        floor: None | str | Unset
        if isinstance(self.floor, Unset):
            floor = UNSET
        else:
            floor = self.floor

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
            }
        )
        if amount is not UNSET:
            field_dict["amount"] = amount
        if cap is not UNSET:
            field_dict["cap"] = cap
        if factor is not UNSET:
            field_dict["factor"] = factor
        if floor is not UNSET:
            field_dict["floor"] = floor

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = AmountKind(d.pop("kind"))

        def _parse_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amount = _parse_amount(d.pop("amount", UNSET))

        def _parse_cap(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        cap = _parse_cap(d.pop("cap", UNSET))

        def _parse_factor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        factor = _parse_factor(d.pop("factor", UNSET))

        def _parse_floor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        floor = _parse_floor(d.pop("floor", UNSET))

        amount_rule = cls(
            kind=kind,
            amount=amount,
            cap=cap,
            factor=factor,
            floor=floor,
        )

        return amount_rule
