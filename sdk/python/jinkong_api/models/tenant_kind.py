from enum import StrEnum


class TenantKind(StrEnum):
    FACTORING = "factoring"
    GROUP = "group"
    GUARANTEE = "guarantee"
    LEASING = "leasing"
    LENDING = "lending"
    PLATFORM = "platform"

    def __str__(self) -> str:
        return str(self.value)
