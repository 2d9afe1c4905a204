"""Who signs in: the Cognito user pool, its role groups and the console's app client, from ``USER_POOL``."""
from __future__ import annotations

from aws_cdk import Duration, RemovalPolicy
from aws_cdk import aws_cognito as cognito
from constructs import Construct

from chalicelib.platform.resources import PARTNER_API, USER_POOL, ResourceServerDef, UserPoolDef
from infra.config import DeployConfig

# USER_POOL.explicit_auth_flows in the app client's vocabulary. Refresh tokens are always allowed.
_AUTH_FLOWS = {
    "ALLOW_USER_PASSWORD_AUTH": "user_password",
    "ALLOW_USER_SRP_AUTH": "user_srp",
    "ALLOW_ADMIN_USER_PASSWORD_AUTH": "admin_user_password",
    "ALLOW_CUSTOM_AUTH": "custom",
    "ALLOW_REFRESH_TOKEN_AUTH": None,
}


def auth_flows(definition: UserPoolDef) -> cognito.AuthFlow:
    unknown = [f for f in definition.explicit_auth_flows if f not in _AUTH_FLOWS]
    if unknown:
        raise ValueError(f"USER_POOL.explicit_auth_flows has flows infra/identity.py cannot map: {unknown}")
    return cognito.AuthFlow(**{_AUTH_FLOWS[f]: True for f in definition.explicit_auth_flows if _AUTH_FLOWS[f]})


class Identity(Construct):
    def __init__(self, scope: Construct, construct_id: str, *, config: DeployConfig,
                 definition: UserPoolDef = USER_POOL, partner_api: ResourceServerDef = PARTNER_API) -> None:
        super().__init__(scope, construct_id)
        names = config.names
        self.user_pool = cognito.UserPool(
            self, definition.logical_id,
            user_pool_name=names["user_pool"],
            # Staff are created by whoever onboards them (POST /v1/tenants, the console): no sign-up.
            self_sign_up_enabled=False,
            sign_in_aliases=cognito.SignInAliases(username=True, email=False),
            sign_in_case_sensitive=False,
            standard_attributes=cognito.StandardAttributes(email=cognito.StandardAttribute(required=False, mutable=True)),
            custom_attributes={
                # The tenant a user belongs to, in every ID token. Immutable: a user never changes tenant.
                definition.tenant_attribute: cognito.StringAttribute(min_len=1, max_len=63, mutable=False),
            },
            password_policy=cognito.PasswordPolicy(
                min_length=definition.password_min_length,
                require_lowercase=True,
                require_uppercase=True,
                require_digits=True,
                require_symbols=True,
                temp_password_validity=Duration.days(3),
            ),
            mfa=cognito.Mfa.OPTIONAL,
            mfa_second_factor=cognito.MfaSecondFactor(otp=True, sms=False),
            account_recovery=cognito.AccountRecovery.EMAIL_ONLY,
            # Threat protection (the Plus plan) is billed per active user; off unless an operator opts in.
            feature_plan=cognito.FeaturePlan.ESSENTIALS,
            deletion_protection=config.retain_data,
            removal_policy=RemovalPolicy.RETAIN if config.retain_data else RemovalPolicy.DESTROY,
        )
        self.groups = {
            role: cognito.CfnUserPoolGroup(
                self, f"Group{''.join(p.title() for p in role.split('-'))}",
                user_pool_id=self.user_pool.user_pool_id,
                group_name=role,
                description=f"Jinkong role {role}",
            )
            for role in definition.groups
        }
        self.client = self.user_pool.add_client(
            "ConsoleClient",
            user_pool_client_name=names["user_pool_client"],
            generate_secret=False,  # a browser app cannot keep a secret
            auth_flows=auth_flows(definition),
            prevent_user_existence_errors=True,
            id_token_validity=Duration.hours(1),
            access_token_validity=Duration.hours(1),
            refresh_token_validity=Duration.days(1),
            enable_token_revocation=True,
            read_attributes=cognito.ClientAttributes()
            .with_standard_attributes(email=True, email_verified=True)
            .with_custom_attributes(definition.tenant_attribute),
            # The client may change a user's e-mail, never the tenant claim.
            write_attributes=cognito.ClientAttributes().with_standard_attributes(email=True),
        )
        # Partner API access: a resource server with the partner scopes (partner app clients are made
        # at run time by the partners context, one per partner application), and a Cognito domain
        # that serves the client-credentials token endpoint (``/oauth2/token``).
        self.partner_resource_server = self.user_pool.add_resource_server(
            "PartnerApi", identifier=partner_api.identifier, user_pool_resource_server_name=partner_api.name,
            scopes=[cognito.ResourceServerScope(scope_name=s, scope_description=d) for s, d in partner_api.scopes],
        )
        self.domain = self.user_pool.add_domain(
            "PartnerTokenDomain", cognito_domain=cognito.CognitoDomainOptions(domain_prefix=names["user_pool"]))
