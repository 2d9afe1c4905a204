from enum import StrEnum


class CampaignChannel(StrEnum):
    APP_PUSH = "app_push"
    BRANCH = "branch"
    CALL = "call"
    EMAIL = "email"
    SMS = "sms"

    def __str__(self) -> str:
        return str(self.value)
