"""Public platform routes: health, where to sign in, and the OpenAPI document."""
from __future__ import annotations



from chalicelib.shared.schema import Schema
from chalicelib.platform.http import ApiBlueprint
from chalicelib.platform.settings import get_settings

api = ApiBlueprint(__name__, tag="platform")


class Health(Schema):
    status: str
    stage: str


class AuthConfig(Schema):
    region: str
    user_pool_id: str
    client_id: str
    cognito_endpoint: str


@api.route("/v1/health", "GET", public=True, response=Health)
def health() -> Health:
    """Liveness: the API answers."""
    return Health(status="ok", stage=get_settings().stage)


@api.route("/v1/auth/config", "GET", public=True, response=AuthConfig)
def auth_config() -> AuthConfig:
    """Where and how to sign in (Cognito USER_PASSWORD_AUTH against this pool and client)."""
    s = get_settings()
    return AuthConfig(region=s.region, user_pool_id=s.user_pool_id, client_id=s.user_pool_client_id,
                      cognito_endpoint=s.cognito_endpoint)


@api.route("/v1/openapi.json", "GET", public=True)
def openapi() -> dict:
    """This API's OpenAPI 3.1 document, generated from its request and response models."""
    from chalicelib.platform.openapi import openapi_document

    return openapi_document()
