from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="StripeConfig")


@_attrs_define
class StripeConfig:
    """Per-tenant Stripe settings. In the cloud the secrets live in Secrets Manager, not here.

    Attributes:
        secret_key_ref (None | str | Unset): Secrets Manager name holding the API key
        webhook_secret (None | str | Unset): Demo/local only: whsec_… signing secret
    """

    secret_key_ref: None | str | Unset = UNSET
    webhook_secret: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        secret_key_ref: None | str | Unset
        if isinstance(self.secret_key_ref, Unset):
            secret_key_ref = UNSET
        else:
            secret_key_ref = self.secret_key_ref

        webhook_secret: None | str | Unset
        if isinstance(self.webhook_secret, Unset):
            webhook_secret = UNSET
        else:
            webhook_secret = self.webhook_secret

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if secret_key_ref is not UNSET:
            field_dict["secret_key_ref"] = secret_key_ref
        if webhook_secret is not UNSET:
            field_dict["webhook_secret"] = webhook_secret

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_secret_key_ref(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        secret_key_ref = _parse_secret_key_ref(d.pop("secret_key_ref", UNSET))

        def _parse_webhook_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_secret = _parse_webhook_secret(d.pop("webhook_secret", UNSET))

        stripe_config = cls(
            secret_key_ref=secret_key_ref,
            webhook_secret=webhook_secret,
        )

        return stripe_config
