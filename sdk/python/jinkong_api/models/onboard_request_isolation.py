from enum import StrEnum


class OnboardRequestIsolation(StrEnum):
    POOL = "pool"
    SILO = "silo"

    def __str__(self) -> str:
        return str(self.value)
