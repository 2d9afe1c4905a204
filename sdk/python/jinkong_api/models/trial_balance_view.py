from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.currency_totals import CurrencyTotals
    from ..models.trial_balance_row_view import TrialBalanceRowView


T = TypeVar("T", bound="TrialBalanceView")


@_attrs_define
class TrialBalanceView:
    """
    Attributes:
        balanced (bool):
        date (datetime.date):
        rows (list[TrialBalanceRowView]):
        totals (list[CurrencyTotals]):
        memorandum (list[TrialBalanceRowView] | Unset): off-balance-sheet memorandum accounts (unused committed credit
            facilities and their contra), outside the totals: they balance among themselves
    """

    balanced: bool
    date: datetime.date
    rows: list[TrialBalanceRowView]
    totals: list[CurrencyTotals]
    memorandum: list[TrialBalanceRowView] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        balanced = self.balanced

        date = self.date.isoformat()

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        totals = []
        for totals_item_data in self.totals:
            totals_item = totals_item_data.to_dict()
            totals.append(totals_item)

        memorandum: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.memorandum, Unset):
            memorandum = []
            for memorandum_item_data in self.memorandum:
                memorandum_item = memorandum_item_data.to_dict()
                memorandum.append(memorandum_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "balanced": balanced,
                "date": date,
                "rows": rows,
                "totals": totals,
            }
        )
        if memorandum is not UNSET:
            field_dict["memorandum"] = memorandum

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.currency_totals import CurrencyTotals  # noqa: PLC0415
        from ..models.trial_balance_row_view import TrialBalanceRowView  # noqa: PLC0415

        d = dict(src_dict)
        balanced = d.pop("balanced")

        date = datetime.date.fromisoformat(d.pop("date"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = TrialBalanceRowView.from_dict(rows_item_data)

            rows.append(rows_item)

        totals = []
        _totals = d.pop("totals")
        for totals_item_data in _totals:
            totals_item = CurrencyTotals.from_dict(totals_item_data)

            totals.append(totals_item)

        _memorandum = d.pop("memorandum", UNSET)
        memorandum: list[TrialBalanceRowView] | Unset = UNSET
        if _memorandum is not UNSET:
            memorandum = []
            for memorandum_item_data in _memorandum:
                memorandum_item = TrialBalanceRowView.from_dict(memorandum_item_data)

                memorandum.append(memorandum_item)

        trial_balance_view = cls(
            balanced=balanced,
            date=date,
            rows=rows,
            totals=totals,
            memorandum=memorandum,
        )

        trial_balance_view.additional_properties = d
        return trial_balance_view

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
