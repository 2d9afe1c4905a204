from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.risk_rule_view import RiskRuleView


T = TypeVar("T", bound="RiskView")


@_attrs_define
class RiskView:
    """
    Attributes:
        assessed_at (datetime.datetime):
        decision (str): pass | refer | decline
        product_version (int):
        referred (bool): true when reviewers must look closely
        rules (list[RiskRuleView]):
    """

    assessed_at: datetime.datetime
    decision: str
    product_version: int
    referred: bool
    rules: list[RiskRuleView]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        assessed_at = self.assessed_at.isoformat()

        decision = self.decision

        product_version = self.product_version

        referred = self.referred

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "assessed_at": assessed_at,
                "decision": decision,
                "product_version": product_version,
                "referred": referred,
                "rules": rules,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.risk_rule_view import RiskRuleView  # noqa: PLC0415

        d = dict(src_dict)
        assessed_at = datetime.datetime.fromisoformat(d.pop("assessed_at"))

        decision = d.pop("decision")

        product_version = d.pop("product_version")

        referred = d.pop("referred")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in _rules:
            rules_item = RiskRuleView.from_dict(rules_item_data)

            rules.append(rules_item)

        risk_view = cls(
            assessed_at=assessed_at,
            decision=decision,
            product_version=product_version,
            referred=referred,
            rules=rules,
        )

        risk_view.additional_properties = d
        return risk_view

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
