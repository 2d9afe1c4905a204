from enum import StrEnum


class SimulateInOutcome(StrEnum):
    DISPUTED = "disputed"
    FAILED = "failed"
    REFUNDED = "refunded"
    SUCCEEDED = "succeeded"

    def __str__(self) -> str:
        return str(self.value)
