from enum import StrEnum


class ConfirmInvoiceDecision(StrEnum):
    CONFIRM = "confirm"
    DISPUTE = "dispute"

    def __str__(self) -> str:
        return str(self.value)
