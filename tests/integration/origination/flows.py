"""Drive applications through the API to a given status, as the demo users of one subsidiary."""
from __future__ import annotations

from dataclasses import dataclass

from tests.builders import (
    FACTORING_PRODUCT,
    LEASE_PRODUCT,
    LOAN_PRODUCT,
    adult_individual,
    attach_checklist,
    enterprise,
    factoring_application,
    lease_application,
    loan_application,
)


def ok(result, status: int = 200):
    assert result.status == status, (result.status, result.body)
    return result.body


@dataclass
class Desk:
    """The demo staff of one tenant."""

    api: object
    tenant: str

    def as_(self, role: str):
        return self.api.as_(f"{role}@{self.tenant}")

    @property
    def officer(self):
        return self.as_("loan-officer")

    def customer(self, body: dict) -> str:
        return ok(self.officer.post("/v1/customers", body), 201)["id"]

    def path(self, app_id: str, action: str = "") -> str:
        return f"/v1/applications/{app_id}" + (f"/{action}" if action else "")

    def get(self, app_id: str) -> dict:
        return ok(self.as_("viewer").get(self.path(app_id)))

    # --- loans (demo-lending) ----------------------------------------------------------------

    def loan_draft(self, **over) -> str:
        customer = self.customer(adult_individual())
        return ok(self.officer.post("/v1/applications", loan_application(customer, **over)), 201)["id"]

    def submitted(self, app_id: str, product: str) -> dict:
        attach_checklist(self.officer, app_id, product)
        return ok(self.officer.post(self.path(app_id, "submit")))

    def loan_risk_checked(self, **over) -> str:
        app_id = self.loan_draft(**over)
        assert self.submitted(app_id, LOAN_PRODUCT)["status"] == "risk_checked"
        return app_id

    def review(self, app_id: str, stage: str, decision: str = "approve", note: str = "looks right",
               user: str | None = None):
        """A review by the demo reviewer of that stage, or by ``user`` (a full username)."""
        who = self.api.as_(user) if user else self.as_(f"{stage}-reviewer")
        return who.post(self.path(app_id, f"{stage}-review"), {"decision": decision, "note": note})

    def loan_approved(self, **over) -> str:
        app_id = self.loan_risk_checked(**over)
        assert ok(self.review(app_id, "first"))["status"] == "approved"
        return app_id

    def loan_in_second_review(self) -> str:
        app_id = self.loan_risk_checked(principal="80000.00")  # above the product's 50,000 threshold
        assert ok(self.review(app_id, "first"))["status"] == "second_review"
        return app_id

    def contract_issued(self, app_id: str) -> dict:
        return ok(self.officer.post(self.path(app_id, "issue-contract")))

    def signed(self, app_id: str) -> dict:
        self.contract_issued(app_id)
        return ok(self.officer.post(self.path(app_id, "sign"), {}))

    # --- leases (demo-leasing) and factoring (demo-factoring) ------------------------------------

    def lease_draft(self) -> str:
        customer = self.customer(enterprise())
        return ok(self.officer.post("/v1/applications", lease_application(customer)), 201)["id"]

    def factoring_draft(self, debtor_id: str | None = None, **over) -> tuple[str, str]:
        seller = self.customer(enterprise(name="苏州精密零件有限公司"))
        debtor_id = debtor_id or self.customer(enterprise(name="华东重工集团有限公司", is_core_enterprise=True))
        body = factoring_application(seller, debtor_id, **over)
        return ok(self.officer.post("/v1/applications", body), 201)["id"], debtor_id


PRODUCTS = {"loan": LOAN_PRODUCT, "lease": LEASE_PRODUCT, "factoring": FACTORING_PRODUCT}
