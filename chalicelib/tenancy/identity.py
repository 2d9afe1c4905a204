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
    user_id: str | None = None  # Cognito ``sub``


@dataclass(frozen=True)
class DirectoryUser:
    """A user as the pool holds it: the tenant claim, roles (groups) and whether it may sign in."""

    username: str
    user_id: str  # ``sub``
    tenant_id: str | None
    email: str | None
    display_name: str | None
    enabled: bool
    status: str  # Cognito's UserStatus: FORCE_CHANGE_PASSWORD, CONFIRMED, …
    roles: tuple[str, ...]


def _attributes(raw: list[dict[str, str]]) -> dict[str, str]:
    return {a["Name"]: a["Value"] for a in raw}


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
        display_name: str | None = None,
    ) -> NewUser:
        """Create a user bound to one tenant (the claim is immutable) and put it in its role groups.

        With ``permanent`` the password is set for good (demo users); otherwise the user must change
        the generated temporary password at first sign-in.
        """
        cognito = aws.client("cognito-idp")
        attributes = [{"Name": f"custom:{USER_POOL.tenant_attribute}", "Value": tenant_id}]
        if email:
            attributes += [{"Name": "email", "Value": email}, {"Name": "email_verified", "Value": "true"}]
        if display_name:
            attributes.append({"Name": "name", "Value": display_name})
        temporary = None if permanent else (password or generate_password())
        try:
            created = cognito.admin_create_user(
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
        return NewUser(username, temporary, _attributes(created["User"].get("Attributes", [])).get("sub"))

    def get_user(self, username: str) -> DirectoryUser | None:
        """The user with its roles, or None if the pool has no such user."""
        cognito = aws.client("cognito-idp")
        try:
            got = cognito.admin_get_user(UserPoolId=self.user_pool_id, Username=username)
        except cognito.exceptions.UserNotFoundException:
            return None
        attrs = _attributes(got.get("UserAttributes", []))
        groups = cognito.admin_list_groups_for_user(UserPoolId=self.user_pool_id, Username=username, Limit=60)
        return DirectoryUser(
            username=got["Username"], user_id=attrs.get("sub", ""),
            tenant_id=attrs.get(f"custom:{USER_POOL.tenant_attribute}"), email=attrs.get("email"),
            display_name=attrs.get("name"), enabled=bool(got.get("Enabled", True)),
            status=got.get("UserStatus", "UNKNOWN"), roles=tuple(sorted(g["GroupName"] for g in groups["Groups"])),
        )

    def change_roles(self, username: str, add: list[str] | tuple[str, ...], remove: list[str] | tuple[str, ...]) -> None:
        """Put the user in the ``add`` groups and take it out of the ``remove`` ones. Tokens issued
        before keep their groups until they expire (an hour at most); the user's sessions are ended
        so that no refresh token renews the old ones."""
        cognito = aws.client("cognito-idp")
        for role in add:
            cognito.admin_add_user_to_group(UserPoolId=self.user_pool_id, Username=username, GroupName=role)
        for role in remove:
            cognito.admin_remove_user_from_group(UserPoolId=self.user_pool_id, Username=username, GroupName=role)
        if remove:
            self._sign_out(username)

    def set_enabled(self, username: str, enabled: bool) -> None:
        """Enable or disable sign-in; disabling also ends the user's sessions (refresh tokens)."""
        cognito = aws.client("cognito-idp")
        if enabled:
            cognito.admin_enable_user(UserPoolId=self.user_pool_id, Username=username)
        else:
            cognito.admin_disable_user(UserPoolId=self.user_pool_id, Username=username)
            self._sign_out(username)

    def _sign_out(self, username: str) -> None:
        cognito = aws.client("cognito-idp")
        try:
            cognito.admin_user_global_sign_out(UserPoolId=self.user_pool_id, Username=username)
        except cognito.exceptions.UserNotFoundException:  # pragma: no cover - removed meanwhile
            pass
