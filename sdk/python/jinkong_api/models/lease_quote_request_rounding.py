from enum import StrEnum


class LeaseQuoteRequestRounding(StrEnum):
    CEILING = "CEILING"
    DOWN = "DOWN"
    FLOOR = "FLOOR"
    HALF_DOWN = "HALF_DOWN"
    HALF_EVEN = "HALF_EVEN"
    HALF_UP = "HALF_UP"
    UP = "UP"

    def __str__(self) -> str:
        return str(self.value)
