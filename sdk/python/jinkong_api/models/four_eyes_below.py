from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="FourEyesBelow")


@_attrs_define
class FourEyesBelow:
    """Amounts (in the tenant's currency) below which one person may do what otherwise needs a
    second approver. 0, the default, means always two people.

        Attributes:
            recovery (float | str | Unset): the amount recovered after write-off Default: 0.0.
            repayment_reversal (float | str | Unset): the reversed repayment's amount Default: 0.0.
            write_off (float | str | Unset): a write-off's total receivable Default: 0.0.
    """

    recovery: float | str | Unset = 0.0
    repayment_reversal: float | str | Unset = 0.0
    write_off: float | str | Unset = 0.0

    def to_dict(self) -> dict[str, Any]:
        recovery: float | str | Unset
        if isinstance(self.recovery, Unset):
            recovery = UNSET
        else:
            recovery = self.recovery

        repayment_reversal: float | str | Unset
        if isinstance(self.repayment_reversal, Unset):
            repayment_reversal = UNSET
        else:
            repayment_reversal = self.repayment_reversal

        write_off: float | str | Unset
        if isinstance(self.write_off, Unset):
            write_off = UNSET
        else:
            write_off = self.write_off

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if recovery is not UNSET:
            field_dict["recovery"] = recovery
        if repayment_reversal is not UNSET:
            field_dict["repayment_reversal"] = repayment_reversal
        if write_off is not UNSET:
            field_dict["write_off"] = write_off

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_recovery(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        recovery = _parse_recovery(d.pop("recovery", UNSET))

        def _parse_repayment_reversal(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        repayment_reversal = _parse_repayment_reversal(d.pop("repayment_reversal", UNSET))

        def _parse_write_off(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        write_off = _parse_write_off(d.pop("write_off", UNSET))

        four_eyes_below = cls(
            recovery=recovery,
            repayment_reversal=repayment_reversal,
            write_off=write_off,
        )

        return four_eyes_below
