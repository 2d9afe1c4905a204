from enum import StrEnum


class ApprovalRequestOutAction(StrEnum):
    RECOVERY = "recovery"
    REPAYMENT_REVERSAL = "repayment_reversal"
    WRITE_OFF = "write_off"

    def __str__(self) -> str:
        return str(self.value)
