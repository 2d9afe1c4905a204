"""The user directory: Cognito user pool administration (users, groups, the immutable tenant claim)."""
from __future__ import annotations

import secrets
import string
from dataclasses import dataclass

from chalicelib.platform import aws
from chalicelib.platform.resources import USER_POOL
from chalicelib.platform.settings import get_settings
from chalicelib.shared.errors import Conflict
from chalicelib.shared.tenant import Role


@dataclass(frozen=True)
class NewUser:
    username: str
    temporary_password: str | None  # shown once to whoever onboarded the user; None if permanent


def generate_password(length: int = 16) -> str:
    """A password meeting the pool policy: upper, lower, digit and symbol, from ``secrets``."""
    alphabet = string.ascii_letters + string.digits
    core = [secrets.choice(alphabet) for _ in range(length - 4)]
    core += [secrets.choice(string.ascii_uppercase), secrets.choice(string.ascii_lowercase),
             secrets.choice(string.digits), secrets.choice("!#%+-=?@^_")]
    secrets.SystemRandom().shuffle(core)
    return "".join(core)


class CognitoDirectory:
    def __init__(self, user_pool_id: str | None = None):
        self.user_pool_id = user_pool_id or get_settings().user_pool_id

    def user_exists(self, username: str) -> bool:
        cognito = aws.client("cognito-idp")
        try:
            cognito.admin_get_user(UserPoolId=self.user_pool_id, Username=username)
            return True
        except cognito.exceptions.UserNotFoundException:
            return False

    def create_user(
        self,
        username: str,
        tenant_id: str,
        roles: list[Role] | tuple[Role, ...],
        *,
        email: str | None = None,
        password: str | None = None,
        permanent: bool = False,
    ) -> NewUser:
        """Create a user bound to one tenant (the claim is immutable) and put it in its role groups.

        With ``permanent`` the password is set for good (demo users); otherwise the user must change
        the generated temporary password at first sign-in.
        """
        cognito = aws.client("cognito-idp")
        attributes = [{"Name": f"custom:{USER_POOL.tenant_attribute}", "Value": tenant_id}]
        if email:
            attributes += [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}]
        temporary = None if permanent else (password or generate_password())
        try:
            cognito.admin_create_user(
                UserPoolId=self.user_pool_id, Username=username, UserAttributes=attributes,
                MessageAction="SUPPRESS", **({"TemporaryPassword": temporary} if temporary else {}),
            )
        except cognito.exceptions.UsernameExistsException as exc:
            raise Conflict("tenancy.user.exists", f"user {username} already exists", {"username": username}) from exc
        if permanent:
            cognito.admin_set_user_password(
                UserPoolId=self.user_pool_id, Username=username, Password=password or generate_password(), Permanent=True
            )
        for role in roles:
            cognito.admin_add_user_to_group(UserPoolId=self.user_pool_id, Username=username, GroupName=role.value)
        return NewUser(username, temporary)
