from enum import StrEnum


class VerificationLevel(StrEnum):
    PHONE_VERIFIED = "phone_verified"
    REGISTERED = "registered"
    STRONG_REAL_NAME = "strong_real_name"
    VISITOR = "visitor"
    WEAK_REAL_NAME = "weak_real_name"

    def __str__(self) -> str:
        return str(self.value)
