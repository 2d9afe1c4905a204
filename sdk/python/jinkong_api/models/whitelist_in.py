from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.amount_rule import AmountRule
    from ..models.eligibility_rules import EligibilityRules


T = TypeVar("T", bound="WhitelistIn")


@_attrs_define
class WhitelistIn:
    """``POST /v1/whitelists`` and ``PUT /v1/whitelists/{id}``.

    Attributes:
        amount (AmountRule): ``fixed``: ``amount`` for everyone; ``multiple``: ``factor`` × outstanding exposure, at
            most ``cap``
            (and at least ``floor`` when set: a customer with no exposure then gets the floor).
        name (str):
        products (list[str]): products the run pre-approves
        validity_days (int): days a run's approvals stay valid after its date
        active (bool | Unset):  Default: True.
        currency (str | Unset):  Default: 'CNY'.
        eligibility (EligibilityRules | Unset): Every rule is optional; a customer is eligible when every rule that is
            set passes.
    """

    amount: AmountRule
    name: str
    products: list[str]
    validity_days: int
    active: bool | Unset = True
    currency: str | Unset = "CNY"
    eligibility: EligibilityRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount.to_dict()

        name = self.name

        products = self.products

        validity_days = self.validity_days

        active = self.active

        currency = self.currency

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "amount": amount,
                "name": name,
                "products": products,
                "validity_days": validity_days,
            }
        )
        if active is not UNSET:
            field_dict["active"] = active
        if currency is not UNSET:
            field_dict["currency"] = currency
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.amount_rule import AmountRule  # noqa: PLC0415
        from ..models.eligibility_rules import EligibilityRules  # noqa: PLC0415

        d = dict(src_dict)
        amount = AmountRule.from_dict(d.pop("amount"))

        name = d.pop("name")

        products = cast(list[str], d.pop("products"))

        validity_days = d.pop("validity_days")

        active = d.pop("active", UNSET)

        currency = d.pop("currency", UNSET)

        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityRules | Unset
        if isinstance(_eligibility, Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityRules.from_dict(_eligibility)

        whitelist_in = cls(
            amount=amount,
            name=name,
            products=products,
            validity_days=validity_days,
            active=active,
            currency=currency,
            eligibility=eligibility,
        )

        return whitelist_in
