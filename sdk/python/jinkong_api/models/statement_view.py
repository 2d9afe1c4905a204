from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.account_view import AccountView
    from ..models.statement_row import StatementRow


T = TypeVar("T", bound="StatementView")


@_attrs_define
class StatementView:
    """
    Attributes:
        account (AccountView):
        items (list[StatementRow]):
        closing_balance (None | str | Unset): balance after this page's last row
        next_ (None | str | Unset):
        opening_balance (None | str | Unset): balance before this page's first row
    """

    account: AccountView
    items: list[StatementRow]
    closing_balance: None | str | Unset = UNSET
    next_: None | str | Unset = UNSET
    opening_balance: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        account = self.account.to_dict()

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        closing_balance: None | str | Unset
        if isinstance(self.closing_balance, Unset):
            closing_balance = UNSET
        else:
            closing_balance = self.closing_balance

        next_: None | str | Unset
        if isinstance(self.next_, Unset):
            next_ = UNSET
        else:
            next_ = self.next_

        opening_balance: None | str | Unset
        if isinstance(self.opening_balance, Unset):
            opening_balance = UNSET
        else:
            opening_balance = self.opening_balance

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "items": items,
            }
        )
        if closing_balance is not UNSET:
            field_dict["closing_balance"] = closing_balance
        if next_ is not UNSET:
            field_dict["next"] = next_
        if opening_balance is not UNSET:
            field_dict["opening_balance"] = opening_balance

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.account_view import AccountView  # noqa: PLC0415
        from ..models.statement_row import StatementRow  # noqa: PLC0415

        d = dict(src_dict)
        account = AccountView.from_dict(d.pop("account"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = StatementRow.from_dict(items_item_data)

            items.append(items_item)

        def _parse_closing_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closing_balance = _parse_closing_balance(d.pop("closing_balance", UNSET))

        def _parse_next_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_ = _parse_next_(d.pop("next", UNSET))

        def _parse_opening_balance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opening_balance = _parse_opening_balance(d.pop("opening_balance", UNSET))

        statement_view = cls(
            account=account,
            items=items,
            closing_balance=closing_balance,
            next_=next_,
            opening_balance=opening_balance,
        )

        statement_view.additional_properties = d
        return statement_view

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
