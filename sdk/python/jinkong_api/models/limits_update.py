from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.limit_rule import LimitRule
    from ..models.limits_update_industries import LimitsUpdateIndustries
    from ..models.limits_update_subsidiaries import LimitsUpdateSubsidiaries


T = TypeVar("T", bound="LimitsUpdate")


@_attrs_define
class LimitsUpdate:
    """
    Attributes:
        group_customer (LimitRule | None | Unset):
        industries (LimitsUpdateIndustries | Unset): GB/T 4754 code prefix → limit
        large_exposure (LimitRule | Unset): An amount, a share of group net capital (a decimal fraction: ``"0.10"`` is
            10%), or both.
        near_breach_ratio (float | str | Unset):  Default: 0.9.
        net_capital (float | None | str | Unset): Group net capital, the base of share limits
        related_party (LimitRule | None | Unset): total exposure to the group's related parties
        single_customer (LimitRule | None | Unset):
        subsidiaries (LimitsUpdateSubsidiaries | Unset): subsidiary tenant id → limit
        version (int | None | Unset): the version read; 409 if it has changed since
    """

    group_customer: LimitRule | None | Unset = UNSET
    industries: LimitsUpdateIndustries | Unset = UNSET
    large_exposure: LimitRule | Unset = UNSET
    near_breach_ratio: float | str | Unset = 0.9
    net_capital: float | None | str | Unset = UNSET
    related_party: LimitRule | None | Unset = UNSET
    single_customer: LimitRule | None | Unset = UNSET
    subsidiaries: LimitsUpdateSubsidiaries | Unset = UNSET
    version: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.limit_rule import LimitRule  # noqa: PLC0415

        group_customer: dict[str, Any] | None | Unset
        if isinstance(self.group_customer, Unset):
            group_customer = UNSET
        elif isinstance(self.group_customer, LimitRule):
            group_customer = self.group_customer.to_dict()
        else:
            group_customer = self.group_customer

        industries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.industries, Unset):
            industries = self.industries.to_dict()

        large_exposure: dict[str, Any] | Unset = UNSET
        if not isinstance(self.large_exposure, Unset):
            large_exposure = self.large_exposure.to_dict()

        near_breach_ratio: float | str | Unset
        if isinstance(self.near_breach_ratio, Unset):
            near_breach_ratio = UNSET
        else:
            near_breach_ratio = self.near_breach_ratio

        net_capital: float | None | str | Unset
        if isinstance(self.net_capital, Unset):
            net_capital = UNSET
        else:
            net_capital = self.net_capital

        related_party: dict[str, Any] | None | Unset
        if isinstance(self.related_party, Unset):
            related_party = UNSET
        elif isinstance(self.related_party, LimitRule):
            related_party = self.related_party.to_dict()
        else:
            related_party = self.related_party

        single_customer: dict[str, Any] | None | Unset
        if isinstance(self.single_customer, Unset):
            single_customer = UNSET
        elif isinstance(self.single_customer, LimitRule):
            single_customer = self.single_customer.to_dict()
        else:
            single_customer = self.single_customer

        subsidiaries: dict[str, Any] | Unset = UNSET
        if not isinstance(self.subsidiaries, Unset):
            subsidiaries = self.subsidiaries.to_dict()

        version: int | None | Unset
        if isinstance(self.version, Unset):
            version = UNSET
        else:
            version = self.version

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if group_customer is not UNSET:
            field_dict["group_customer"] = group_customer
        if industries is not UNSET:
            field_dict["industries"] = industries
        if large_exposure is not UNSET:
            field_dict["large_exposure"] = large_exposure
        if near_breach_ratio is not UNSET:
            field_dict["near_breach_ratio"] = near_breach_ratio
        if net_capital is not UNSET:
            field_dict["net_capital"] = net_capital
        if related_party is not UNSET:
            field_dict["related_party"] = related_party
        if single_customer is not UNSET:
            field_dict["single_customer"] = single_customer
        if subsidiaries is not UNSET:
            field_dict["subsidiaries"] = subsidiaries
        if version is not UNSET:
            field_dict["version"] = version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.limit_rule import LimitRule  # noqa: PLC0415
        from ..models.limits_update_industries import LimitsUpdateIndustries  # noqa: PLC0415
        from ..models.limits_update_subsidiaries import LimitsUpdateSubsidiaries  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_group_customer(data: object) -> LimitRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                group_customer_type_0 = LimitRule.from_dict(data)

                return group_customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitRule | None | Unset, data)

        group_customer = _parse_group_customer(d.pop("group_customer", UNSET))

        _industries = d.pop("industries", UNSET)
        industries: LimitsUpdateIndustries | Unset
        if isinstance(_industries, Unset):
            industries = UNSET
        else:
            industries = LimitsUpdateIndustries.from_dict(_industries)

        _large_exposure = d.pop("large_exposure", UNSET)
        large_exposure: LimitRule | Unset
        if isinstance(_large_exposure, Unset):
            large_exposure = UNSET
        else:
            large_exposure = LimitRule.from_dict(_large_exposure)

        def _parse_near_breach_ratio(data: object) -> float | str | Unset:
            if isinstance(data, Unset):
                return data
            return cast(float | str | Unset, data)

        near_breach_ratio = _parse_near_breach_ratio(d.pop("near_breach_ratio", UNSET))

        def _parse_net_capital(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        net_capital = _parse_net_capital(d.pop("net_capital", UNSET))

        def _parse_related_party(data: object) -> LimitRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                related_party_type_0 = LimitRule.from_dict(data)

                return related_party_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitRule | None | Unset, data)

        related_party = _parse_related_party(d.pop("related_party", UNSET))

        def _parse_single_customer(data: object) -> LimitRule | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                single_customer_type_0 = LimitRule.from_dict(data)

                return single_customer_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LimitRule | None | Unset, data)

        single_customer = _parse_single_customer(d.pop("single_customer", UNSET))

        _subsidiaries = d.pop("subsidiaries", UNSET)
        subsidiaries: LimitsUpdateSubsidiaries | Unset
        if isinstance(_subsidiaries, Unset):
            subsidiaries = UNSET
        else:
            subsidiaries = LimitsUpdateSubsidiaries.from_dict(_subsidiaries)

        def _parse_version(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        version = _parse_version(d.pop("version", UNSET))

        limits_update = cls(
            group_customer=group_customer,
            industries=industries,
            large_exposure=large_exposure,
            near_breach_ratio=near_breach_ratio,
            net_capital=net_capital,
            related_party=related_party,
            single_customer=single_customer,
            subsidiaries=subsidiaries,
            version=version,
        )

        return limits_update
