from enum import StrEnum


class InstalmentOutStatus(StrEnum):
    DUE = "due"
    NOT_DUE = "not_due"
    OVERDUE = "overdue"
    PAID = "paid"
    PARTIALLY_PAID = "partially_paid"

    def __str__(self) -> str:
        return str(self.value)
