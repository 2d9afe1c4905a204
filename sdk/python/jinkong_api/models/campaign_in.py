from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.audience import Audience
from ..models.campaign_channel import CampaignChannel
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.eligibility_rules import EligibilityRules


T = TypeVar("T", bound="CampaignIn")


@_attrs_define
class CampaignIn:
    """``POST /v1/campaigns`` (a subsidiary) or ``POST /v1/group/campaigns`` (HQ).

    Attributes:
        channel (CampaignChannel):
        name (str):
        target_products (list[str]): product codes the campaign recommends
        valid_from (datetime.date):
        valid_to (datetime.date):
        audience (Audience | Unset):
        eligibility (EligibilityRules | Unset): Every rule is optional; a customer is eligible when every rule that is
            set passes.
    """

    channel: CampaignChannel
    name: str
    target_products: list[str]
    valid_from: datetime.date
    valid_to: datetime.date
    audience: Audience | Unset = UNSET
    eligibility: EligibilityRules | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        channel = self.channel.value

        name = self.name

        target_products = self.target_products

        valid_from = self.valid_from.isoformat()

        valid_to = self.valid_to.isoformat()

        audience: str | Unset = UNSET
        if not isinstance(self.audience, Unset):
            audience = self.audience.value

        eligibility: dict[str, Any] | Unset = UNSET
        if not isinstance(self.eligibility, Unset):
            eligibility = self.eligibility.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "channel": channel,
                "name": name,
                "target_products": target_products,
                "valid_from": valid_from,
                "valid_to": valid_to,
            }
        )
        if audience is not UNSET:
            field_dict["audience"] = audience
        if eligibility is not UNSET:
            field_dict["eligibility"] = eligibility

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.eligibility_rules import EligibilityRules  # noqa: PLC0415

        d = dict(src_dict)
        channel = CampaignChannel(d.pop("channel"))

        name = d.pop("name")

        target_products = cast(list[str], d.pop("target_products"))

        valid_from = datetime.date.fromisoformat(d.pop("valid_from"))

        valid_to = datetime.date.fromisoformat(d.pop("valid_to"))

        _audience = d.pop("audience", UNSET)
        audience: Audience | Unset
        if isinstance(_audience, Unset):
            audience = UNSET
        else:
            audience = Audience(_audience)

        _eligibility = d.pop("eligibility", UNSET)
        eligibility: EligibilityRules | Unset
        if isinstance(_eligibility, Unset):
            eligibility = UNSET
        else:
            eligibility = EligibilityRules.from_dict(_eligibility)

        campaign_in = cls(
            channel=channel,
            name=name,
            target_products=target_products,
            valid_from=valid_from,
            valid_to=valid_to,
            audience=audience,
            eligibility=eligibility,
        )

        return campaign_in
