"""The product factory, as origination sees it: product versions mapped onto ``ProductOffer``.

Origination talks to the product context only through its service (``active_version``,
``get_version``, ``quote``) and keeps its own view of what a version says, so its domain does not
depend on the product factory's models.
"""
from __future__ import annotations

import threading
import time
from datetime import date
from typing import Any

from pydantic import ValidationError

from chalicelib.origination.applications.ports import DocumentRequirement, PricedOffer, ProductOffer
from chalicelib.risk.rules import RiskPolicy
from chalicelib.shared.errors import Conflict, NotFound, RuleViolation
from chalicelib.shared.tenant import TenantContext

TERMS_SCOPE = "origination.application.terms"


def offer_of(pinned: Any) -> ProductOffer:
    """Map a product factory ``PinnedVersion`` onto origination's view of it."""
    d = pinned.definition
    kind = pinned.kind.value
    terms, workflow, risk = d.terms, d.workflow, d.risk
    periodic = kind in ("loan", "lease")
    policy = RiskPolicy(
        amount_min=terms.amount.min, amount_max=terms.amount.max,
        term_months_min=terms.term_months.min if periodic else None,
        term_months_max=terms.term_months.max if periodic else None,
        applicant_age_min=risk.applicant_age.min if risk.applicant_age else None,
        applicant_age_max=risk.applicant_age.max if risk.applicant_age else None,
        company_age_years_min=risk.company_age_years_min,
        max_debt_to_income=risk.max_debt_to_income,
        excluded_industries=tuple(risk.excluded_industries),
        blacklist_check=risk.blacklist_check,
        max_customer_exposure=risk.max_customer_exposure,
    )
    dump = d.model_dump(mode="json", by_alias=True, exclude_none=True)
    return ProductOffer(
        code=pinned.code, version=pinned.number, kind=kind, segment=d.segment.value, currency=d.currency,
        name=dump["name"],
        second_review_required=workflow.second_review_required,
        second_review_above=workflow.second_review_above,
        signing_window_days=workflow.signing_window_days,
        documents=tuple(DocumentRequirement(doc.code, {"zh-CN": doc.name.zh_cn, "en-US": doc.name.en_us}, doc.required)
                        for doc in workflow.documents),
        risk=policy,
        lease_structure=getattr(terms, "structure", None),
        recourse=getattr(terms, "recourse", None),
        arrangement=getattr(terms, "arrangement", None),
        approved_debtors=tuple(getattr(terms, "approved_debtors", ()) or ()),
        fees=tuple(dump.get("fees", [])),
        penalty=dump.get("penalty", {}),
        prepayment=dump.get("prepayment", {}),
        min_verification_level=risk.min_verification_level,
    )


def _product_error(err: NotFound | Conflict, code: str) -> RuleViolation:
    if isinstance(err, NotFound):
        return RuleViolation("origination.application.product_not_found", f"no product {code} here",
                             {"field": "product_code", "product_code": code})
    return RuleViolation("origination.application.product_not_active", f"{code} has no active version",
                         {"field": "product_code", "product_code": code})


class ProductFactoryCatalog:
    """``ProductCatalog`` over ``chalicelib.products.service``.

    A submitted product version never changes, so versions are cached for the life of the process.
    Which version is active is cached for ``ACTIVE_SECONDS`` only: it decides a draft's kind and
    checklist, never what is priced — submission pins the version the product service quotes on.
    """

    ACTIVE_SECONDS = 10.0
    MAX_CACHED = 256

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._versions: dict[tuple[str, str, str, int], ProductOffer] = {}
        self._active: dict[tuple[str, str, str], tuple[float, ProductOffer]] = {}

    def active(self, ctx: TenantContext, code: str) -> ProductOffer:
        from chalicelib.products import service

        key = (ctx.tenant_id, ctx.isolation, code)
        with self._lock:
            hit = self._active.get(key)
        if hit is not None and time.monotonic() - hit[0] < self.ACTIVE_SECONDS:
            return hit[1]
        try:
            offer = offer_of(service.active_version(ctx, code))
        except (NotFound, Conflict) as err:
            raise _product_error(err, code) from err
        with self._lock:
            if len(self._active) >= self.MAX_CACHED:
                self._active.clear()
            self._active[key] = (time.monotonic(), offer)
        return offer

    def version(self, ctx: TenantContext, code: str, number: int) -> ProductOffer:
        from chalicelib.products import service

        key = (ctx.tenant_id, ctx.isolation, code, number)
        with self._lock:
            hit = self._versions.get(key)
        if hit is not None:
            return hit
        offer = offer_of(service.get_version(ctx, code, number))
        with self._lock:
            if len(self._versions) >= self.MAX_CACHED:
                self._versions.clear()
            self._versions[key] = offer
        return offer

    def check_terms(self, kind: str, terms: dict[str, Any]) -> None:
        """422 for terms a product of ``kind`` does not take, or that are malformed (bounds wait for
        submission). Paths are ``terms.<field>``."""
        from chalicelib.finance.quote import field_errors_from_pydantic
        from chalicelib.products.definition import ProductKind
        from chalicelib.products.pricing import KIND_TERMS, QuoteTerms

        allowed = KIND_TERMS[ProductKind(kind)] - {"invoices"}
        errors = [{"field": f"terms.{k}", "message": f"is not a term of a {kind} application"}
                  for k in sorted(set(terms) - allowed)]
        if errors:
            raise RuleViolation(f"origination.application.{errors[0]['field']}.invalid", errors[0]["message"],
                                {"errors": errors})
        try:
            QuoteTerms.model_validate(terms)
        except ValidationError as exc:
            raise field_errors_from_pydantic(TERMS_SCOPE, exc) from None

    def price(self, ctx: TenantContext, code: str, terms: dict[str, Any], today: date) -> PricedOffer:
        from chalicelib.finance.quote import field_errors_from_pydantic
        from chalicelib.products import pricing, service

        try:
            checked = pricing.QuoteTerms.model_validate(terms)
        except ValidationError as exc:
            raise field_errors_from_pydantic(TERMS_SCOPE, exc) from None
        try:
            priced = service.quote(ctx, code, checked, today=today)
        except (NotFound, Conflict) as err:
            raise _product_error(err, code) from err
        offer = self.version(ctx, code, int(priced["product"]["version"]))
        quote = {k: v for k, v in priced.items() if k not in ("product", "rate", "terms")}
        return PricedOffer(offer, priced["terms"], quote, priced["rate"])
