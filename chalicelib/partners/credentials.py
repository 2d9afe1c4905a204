"""Partner app clients in the Cognito user pool: client-credentials flow, generated secret, custom
scopes on the partner API's resource server (``resources.PARTNER_API``)."""
from __future__ import annotations

from dataclasses import dataclass

from chalicelib.platform import aws
from chalicelib.platform.resources import PARTNER_API
from chalicelib.platform.settings import get_settings

ACCESS_TOKEN_MINUTES = 60


@dataclass(frozen=True)
class IssuedClient:
    client_id: str
    client_secret: str  # shown once to whoever registered or rotated; never stored by Jinkong


class CognitoAppClients:
    def __init__(self, user_pool_id: str | None = None):
        self.user_pool_id = user_pool_id or get_settings().user_pool_id

    def create(self, tenant_id: str, application_id: str, scopes: tuple[str, ...]) -> IssuedClient:
        cognito = aws.client("cognito-idp")
        made = cognito.create_user_pool_client(
            UserPoolId=self.user_pool_id, ClientName=f"partner-{tenant_id}-{application_id}", GenerateSecret=True,
            AllowedOAuthFlows=["client_credentials"], AllowedOAuthFlowsUserPoolClient=True,
            AllowedOAuthScopes=[f"{PARTNER_API.identifier}/{s}" for s in scopes],
            AccessTokenValidity=ACCESS_TOKEN_MINUTES, TokenValidityUnits={"AccessToken": "minutes"},
            EnableTokenRevocation=True,
        )["UserPoolClient"]
        return IssuedClient(made["ClientId"], made["ClientSecret"])

    def delete(self, client_id: str) -> None:
        cognito = aws.client("cognito-idp")
        try:
            cognito.delete_user_pool_client(UserPoolId=self.user_pool_id, ClientId=client_id)
        except cognito.exceptions.ResourceNotFoundException:
            pass  # already gone: revocation is what was wanted
