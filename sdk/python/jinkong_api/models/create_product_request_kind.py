from enum import StrEnum


class CreateProductRequestKind(StrEnum):
    FACTORING = "factoring"
    LEASE = "lease"
    LOAN = "loan"

    def __str__(self) -> str:
        return str(self.value)
