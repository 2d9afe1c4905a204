from enum import StrEnum


class IdentityType(StrEnum):
    HK_MACAO_PERMIT = "hk_macao_permit"
    PASSPORT = "passport"
    RESIDENT_ID = "resident_id"
    USCC = "uscc"

    def __str__(self) -> str:
        return str(self.value)
