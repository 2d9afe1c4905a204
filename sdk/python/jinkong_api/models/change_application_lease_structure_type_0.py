from enum import StrEnum


class ChangeApplicationLeaseStructureType0(StrEnum):
    DIRECT = "direct"
    SALE_AND_LEASEBACK = "sale_and_leaseback"

    def __str__(self) -> str:
        return str(self.value)
