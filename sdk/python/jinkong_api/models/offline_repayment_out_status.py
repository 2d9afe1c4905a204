from enum import StrEnum


class OfflineRepaymentOutStatus(StrEnum):
    AWAITING_CONFIRMATION = "awaiting_confirmation"
    CONFIRMED = "confirmed"

    def __str__(self) -> str:
        return str(self.value)
