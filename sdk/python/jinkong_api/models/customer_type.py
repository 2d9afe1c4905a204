from enum import StrEnum


class CustomerType(StrEnum):
    ENTERPRISE = "enterprise"
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
