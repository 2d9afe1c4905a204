from enum import StrEnum


class SubscriptionInEventTypesItem(StrEnum):
    APPLICATION_APPROVED = "application.approved"
    CONTRACT_SETTLED = "contract.settled"
    CONTRACT_SIGNED = "contract.signed"
    INSTALMENT_OVERDUE = "instalment.overdue"
    LOAN_DISBURSED = "loan.disbursed"
    REPAYMENT_RECEIVED = "repayment.received"

    def __str__(self) -> str:
        return str(self.value)
