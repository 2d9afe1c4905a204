from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="RiskRuleView")


@_attrs_define
class RiskRuleView:
    """
    Attributes:
        outcome (str):
        reason (str):
        rule (str):
        run_id (None | str | Unset): the ``pre_approved`` line: the run that pre-approved it
        whitelist_id (None | str | Unset): the ``pre_approved`` line: the whitelist
    """

    outcome: str
    reason: str
    rule: str
    run_id: None | str | Unset = UNSET
    whitelist_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        outcome = self.outcome

        reason = self.reason

        rule = self.rule

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        whitelist_id: None | str | Unset
        if isinstance(self.whitelist_id, Unset):
            whitelist_id = UNSET
        else:
            whitelist_id = self.whitelist_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "outcome": outcome,
                "reason": reason,
                "rule": rule,
            }
        )
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if whitelist_id is not UNSET:
            field_dict["whitelist_id"] = whitelist_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        outcome = d.pop("outcome")

        reason = d.pop("reason")

        rule = d.pop("rule")

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        def _parse_whitelist_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        whitelist_id = _parse_whitelist_id(d.pop("whitelist_id", UNSET))

        risk_rule_view = cls(
            outcome=outcome,
            reason=reason,
            rule=rule,
            run_id=run_id,
            whitelist_id=whitelist_id,
        )

        risk_rule_view.additional_properties = d
        return risk_rule_view

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
