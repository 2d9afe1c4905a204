from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.partner_application_view import PartnerApplicationView


T = TypeVar("T", bound="IssuedCredentials")


@_attrs_define
class IssuedCredentials:
    """
    Attributes:
        application (PartnerApplicationView):
        client_id (str):
        client_secret (str): Shown once: Jinkong keeps no copy
        token_scopes (list[str]): The scopes to ask the token endpoint for, as Cognito names them
    """

    application: PartnerApplicationView
    client_id: str
    client_secret: str
    token_scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        application = self.application.to_dict()

        client_id = self.client_id

        client_secret = self.client_secret

        token_scopes = self.token_scopes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "application": application,
                "client_id": client_id,
                "client_secret": client_secret,
                "token_scopes": token_scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_application_view import PartnerApplicationView  # noqa: PLC0415

        d = dict(src_dict)
        application = PartnerApplicationView.from_dict(d.pop("application"))

        client_id = d.pop("client_id")

        client_secret = d.pop("client_secret")

        token_scopes = cast(list[str], d.pop("token_scopes"))

        issued_credentials = cls(
            application=application,
            client_id=client_id,
            client_secret=client_secret,
            token_scopes=token_scopes,
        )

        issued_credentials.additional_properties = d
        return issued_credentials

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
