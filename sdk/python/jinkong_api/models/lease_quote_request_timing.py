from enum import StrEnum


class LeaseQuoteRequestTiming(StrEnum):
    ADVANCE = "advance"
    ARREARS = "arrears"

    def __str__(self) -> str:
        return str(self.value)
