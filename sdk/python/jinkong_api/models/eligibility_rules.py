from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.eligibility_rules_customer_types_type_0_item import EligibilityRulesCustomerTypesType0Item
from ..models.eligibility_rules_requires_consent_item import EligibilityRulesRequiresConsentItem
from ..models.verification_level import VerificationLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="EligibilityRules")


@_attrs_define
class EligibilityRules:
    """Every rule is optional; a customer is eligible when every rule that is set passes.

    Attributes:
        activity_grades (list[str] | None | Unset):
        customer_types (list[EligibilityRulesCustomerTypesType0Item] | None | Unset):
        exclude_holders_of (list[str] | Unset): leave out customers already holding these products
        industries (list[str] | None | Unset): GB/T 4754 prefixes, e.g. C3
        max_days_past_due (int | None | Unset):
        max_exposure (float | None | str | Unset): outstanding across the customer's contracts
        min_verification_level (None | Unset | VerificationLevel):
        regions (list[str] | None | Unset): division-code prefixes, e.g. 31
        requires_consent (list[EligibilityRulesRequiresConsentItem] | Unset): consent scopes the customer must have
            given
        value_grades (list[str] | None | Unset): value grade in this list
    """

    activity_grades: list[str] | None | Unset = UNSET
    customer_types: list[EligibilityRulesCustomerTypesType0Item] | None | Unset = UNSET
    exclude_holders_of: list[str] | Unset = UNSET
    industries: list[str] | None | Unset = UNSET
    max_days_past_due: int | None | Unset = UNSET
    max_exposure: float | None | str | Unset = UNSET
    min_verification_level: None | Unset | VerificationLevel = UNSET
    regions: list[str] | None | Unset = UNSET
    requires_consent: list[EligibilityRulesRequiresConsentItem] | Unset = UNSET
    value_grades: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        activity_grades: list[str] | None | Unset
        if isinstance(self.activity_grades, Unset):
            activity_grades = UNSET
        elif isinstance(self.activity_grades, list):
            activity_grades = self.activity_grades

        else:
            activity_grades = self.activity_grades

        customer_types: list[str] | None | Unset
        if isinstance(self.customer_types, Unset):
            customer_types = UNSET
        elif isinstance(self.customer_types, list):
            customer_types = []
            for customer_types_type_0_item_data in self.customer_types:
                customer_types_type_0_item = customer_types_type_0_item_data.value
                customer_types.append(customer_types_type_0_item)

        else:
            customer_types = self.customer_types

        exclude_holders_of: list[str] | Unset = UNSET
        if not isinstance(self.exclude_holders_of, Unset):
            exclude_holders_of = self.exclude_holders_of

        industries: list[str] | None | Unset
        if isinstance(self.industries, Unset):
            industries = UNSET
        elif isinstance(self.industries, list):
            industries = self.industries

        else:
            industries = self.industries

        max_days_past_due: int | None | Unset
        if isinstance(self.max_days_past_due, Unset):
            max_days_past_due = UNSET
        else:
            max_days_past_due = self.max_days_past_due

        max_exposure: float | None | str | Unset
        if isinstance(self.max_exposure, Unset):
            max_exposure = UNSET
        else:
            max_exposure = self.max_exposure

        min_verification_level: None | str | Unset
        if isinstance(self.min_verification_level, Unset):
            min_verification_level = UNSET
        elif isinstance(self.min_verification_level, VerificationLevel):
            min_verification_level = self.min_verification_level.value
        else:
            min_verification_level = self.min_verification_level

        regions: list[str] | None | Unset
        if isinstance(self.regions, Unset):
            regions = UNSET
        elif isinstance(self.regions, list):
            regions = self.regions

        else:
            regions = self.regions

        requires_consent: list[str] | Unset = UNSET
        if not isinstance(self.requires_consent, Unset):
            requires_consent = []
            for requires_consent_item_data in self.requires_consent:
                requires_consent_item = requires_consent_item_data.value
                requires_consent.append(requires_consent_item)

        value_grades: list[str] | None | Unset
        if isinstance(self.value_grades, Unset):
            value_grades = UNSET
        elif isinstance(self.value_grades, list):
            value_grades = self.value_grades

        else:
            value_grades = self.value_grades

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if activity_grades is not UNSET:
            field_dict["activity_grades"] = activity_grades
        if customer_types is not UNSET:
            field_dict["customer_types"] = customer_types
        if exclude_holders_of is not UNSET:
            field_dict["exclude_holders_of"] = exclude_holders_of
        if industries is not UNSET:
            field_dict["industries"] = industries
        if max_days_past_due is not UNSET:
            field_dict["max_days_past_due"] = max_days_past_due
        if max_exposure is not UNSET:
            field_dict["max_exposure"] = max_exposure
        if min_verification_level is not UNSET:
            field_dict["min_verification_level"] = min_verification_level
        if regions is not UNSET:
            field_dict["regions"] = regions
        if requires_consent is not UNSET:
            field_dict["requires_consent"] = requires_consent
        if value_grades is not UNSET:
            field_dict["value_grades"] = value_grades

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_activity_grades(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                activity_grades_type_0 = cast(list[str], data)

                return activity_grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        activity_grades = _parse_activity_grades(d.pop("activity_grades", UNSET))

        def _parse_customer_types(data: object) -> list[EligibilityRulesCustomerTypesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                customer_types_type_0 = []
                _customer_types_type_0 = data
                for customer_types_type_0_item_data in _customer_types_type_0:
                    customer_types_type_0_item = EligibilityRulesCustomerTypesType0Item(customer_types_type_0_item_data)

                    customer_types_type_0.append(customer_types_type_0_item)

                return customer_types_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[EligibilityRulesCustomerTypesType0Item] | None | Unset, data)

        customer_types = _parse_customer_types(d.pop("customer_types", UNSET))

        exclude_holders_of = cast(list[str], d.pop("exclude_holders_of", UNSET))

        def _parse_industries(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                industries_type_0 = cast(list[str], data)

                return industries_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        industries = _parse_industries(d.pop("industries", UNSET))

        def _parse_max_days_past_due(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_days_past_due = _parse_max_days_past_due(d.pop("max_days_past_due", UNSET))

        def _parse_max_exposure(data: object) -> float | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | str | Unset, data)

        max_exposure = _parse_max_exposure(d.pop("max_exposure", UNSET))

        def _parse_min_verification_level(data: object) -> None | Unset | VerificationLevel:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                min_verification_level_type_0 = VerificationLevel(data)

                return min_verification_level_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | VerificationLevel, data)

        min_verification_level = _parse_min_verification_level(d.pop("min_verification_level", UNSET))

        def _parse_regions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                regions_type_0 = cast(list[str], data)

                return regions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        regions = _parse_regions(d.pop("regions", UNSET))

        _requires_consent = d.pop("requires_consent", UNSET)
        requires_consent: list[EligibilityRulesRequiresConsentItem] | Unset = UNSET
        if _requires_consent is not UNSET:
            requires_consent = []
            for requires_consent_item_data in _requires_consent:
                requires_consent_item = EligibilityRulesRequiresConsentItem(requires_consent_item_data)

                requires_consent.append(requires_consent_item)

        def _parse_value_grades(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                value_grades_type_0 = cast(list[str], data)

                return value_grades_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        value_grades = _parse_value_grades(d.pop("value_grades", UNSET))

        eligibility_rules = cls(
            activity_grades=activity_grades,
            customer_types=customer_types,
            exclude_holders_of=exclude_holders_of,
            industries=industries,
            max_days_past_due=max_days_past_due,
            max_exposure=max_exposure,
            min_verification_level=min_verification_level,
            regions=regions,
            requires_consent=requires_consent,
            value_grades=value_grades,
        )

        return eligibility_rules
