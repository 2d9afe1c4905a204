from enum import StrEnum


class EligibilityRulesCustomerTypesType0Item(StrEnum):
    ENTERPRISE = "enterprise"
    INDIVIDUAL = "individual"

    def __str__(self) -> str:
        return str(self.value)
