from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.onboard_request_isolation import OnboardRequestIsolation
from ..models.tenant_kind import TenantKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.admin_user import AdminUser
    from ..models.four_eyes_below import FourEyesBelow
    from ..models.localized_name import LocalizedName
    from ..models.stripe_config import StripeConfig


T = TypeVar("T", bound="OnboardRequest")


@_attrs_define
class OnboardRequest:
    """
    Attributes:
        admin (AdminUser):
        id (str): Stable tenant id, e.g. demo-lending
        kind (TenantKind):
        name (LocalizedName):
        currency (str | Unset):  Default: 'CNY'.
        four_eyes_below (FourEyesBelow | Unset): Amounts (in the tenant's currency) below which one person may do what
            otherwise needs a
            second approver. 0, the default, means always two people.
        group (None | str | Unset): Holding group of a subsidiary
        isolation (OnboardRequestIsolation | Unset):  Default: OnboardRequestIsolation.POOL.
        stripe (StripeConfig | Unset): Per-tenant Stripe settings. In the cloud the secrets live in Secrets Manager, not
            here.
        timezone (str | Unset):  Default: 'Asia/Shanghai'.
        unified_social_credit_code (None | str | Unset): 统一社会信用代码 of the legal entity
    """

    admin: AdminUser
    id: str
    kind: TenantKind
    name: LocalizedName
    currency: str | Unset = "CNY"
    four_eyes_below: FourEyesBelow | Unset = UNSET
    group: None | str | Unset = UNSET
    isolation: OnboardRequestIsolation | Unset = OnboardRequestIsolation.POOL
    stripe: StripeConfig | Unset = UNSET
    timezone: str | Unset = "Asia/Shanghai"
    unified_social_credit_code: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        admin = self.admin.to_dict()

        id = self.id

        kind = self.kind.value

        name = self.name.to_dict()

        currency = self.currency

        four_eyes_below: dict[str, Any] | Unset = UNSET
        if not isinstance(self.four_eyes_below, Unset):
            four_eyes_below = self.four_eyes_below.to_dict()

        group: None | str | Unset
        if isinstance(self.group, Unset):
            group = UNSET
        else:
            group = self.group

        isolation: str | Unset = UNSET
        if not isinstance(self.isolation, Unset):
            isolation = self.isolation.value

        stripe: dict[str, Any] | Unset = UNSET
        if not isinstance(self.stripe, Unset):
            stripe = self.stripe.to_dict()

        timezone = self.timezone

        unified_social_credit_code: None | str | Unset
        if isinstance(self.unified_social_credit_code, Unset):
            unified_social_credit_code = UNSET
        else:
            unified_social_credit_code = self.unified_social_credit_code

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "admin": admin,
                "id": id,
                "kind": kind,
                "name": name,
            }
        )
        if currency is not UNSET:
            field_dict["currency"] = currency
        if four_eyes_below is not UNSET:
            field_dict["four_eyes_below"] = four_eyes_below
        if group is not UNSET:
            field_dict["group"] = group
        if isolation is not UNSET:
            field_dict["isolation"] = isolation
        if stripe is not UNSET:
            field_dict["stripe"] = stripe
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if unified_social_credit_code is not UNSET:
            field_dict["unified_social_credit_code"] = unified_social_credit_code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.admin_user import AdminUser  # noqa: PLC0415
        from ..models.four_eyes_below import FourEyesBelow  # noqa: PLC0415
        from ..models.localized_name import LocalizedName  # noqa: PLC0415
        from ..models.stripe_config import StripeConfig  # noqa: PLC0415

        d = dict(src_dict)
        admin = AdminUser.from_dict(d.pop("admin"))

        id = d.pop("id")

        kind = TenantKind(d.pop("kind"))

        name = LocalizedName.from_dict(d.pop("name"))

        currency = d.pop("currency", UNSET)

        _four_eyes_below = d.pop("four_eyes_below", UNSET)
        four_eyes_below: FourEyesBelow | Unset
        if isinstance(_four_eyes_below, Unset):
            four_eyes_below = UNSET
        else:
            four_eyes_below = FourEyesBelow.from_dict(_four_eyes_below)

        def _parse_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        group = _parse_group(d.pop("group", UNSET))

        _isolation = d.pop("isolation", UNSET)
        isolation: OnboardRequestIsolation | Unset
        if isinstance(_isolation, Unset):
            isolation = UNSET
        else:
            isolation = OnboardRequestIsolation(_isolation)

        _stripe = d.pop("stripe", UNSET)
        stripe: StripeConfig | Unset
        if isinstance(_stripe, Unset):
            stripe = UNSET
        else:
            stripe = StripeConfig.from_dict(_stripe)

        timezone = d.pop("timezone", UNSET)

        def _parse_unified_social_credit_code(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        unified_social_credit_code = _parse_unified_social_credit_code(d.pop("unified_social_credit_code", UNSET))

        onboard_request = cls(
            admin=admin,
            id=id,
            kind=kind,
            name=name,
            currency=currency,
            four_eyes_below=four_eyes_below,
            group=group,
            isolation=isolation,
            stripe=stripe,
            timezone=timezone,
            unified_social_credit_code=unified_social_credit_code,
        )

        return onboard_request
