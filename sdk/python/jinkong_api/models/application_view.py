from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.actor_view import ActorView
    from ..models.application_view_disbursement_type_0 import ApplicationViewDisbursementType0
    from ..models.application_view_priced_terms_type_0 import ApplicationViewPricedTermsType0
    from ..models.application_view_quote_type_0 import ApplicationViewQuoteType0
    from ..models.application_view_rate_type_0 import ApplicationViewRateType0
    from ..models.application_view_terms import ApplicationViewTerms
    from ..models.asset_view import AssetView
    from ..models.contract_view import ContractView
    from ..models.customer_ref_view import CustomerRefView
    from ..models.document_view import DocumentView
    from ..models.event_view import EventView
    from ..models.invoice_view import InvoiceView
    from ..models.review_view import ReviewView
    from ..models.risk_view import RiskView


T = TypeVar("T", bound="ApplicationView")


@_attrs_define
class ApplicationView:
    """
    Attributes:
        allowed_actions (list[str]):
        amount (None | str): once priced: the principal (loan), financed amount (lease) or advance (factoring); before
            submission what was asked (a factoring draft: the invoices' face amount)
        approved_at (datetime.datetime | None):
        assets (list[AssetView]):
        assignee (None | str): who must act next, when known: the officer, the reviewer who took it
        contract (ContractView | None):
        contract_id (None | str):
        created_at (datetime.datetime):
        currency (str):
        customer (CustomerRefView):
        disbursement (ApplicationViewDisbursementType0 | None):
        documents (list[DocumentView]):
        id (str):
        invoices (list[InvoiceView]):
        kind (str):
        lease_structure (None | str):
        officer (ActorView):
        priced_terms (ApplicationViewPricedTermsType0 | None): the terms as priced at submission, defaults filled in
        product_code (str):
        product_version (int | None):
        quote (ApplicationViewQuoteType0 | None): the schedule and totals pinned at submission
        rate (ApplicationViewRateType0 | None):
        rejection_reason (None | str):
        reviews (list[ReviewView]):
        risk (None | RiskView):
        risk_decision (None | str):
        risk_flag (None | str): refer when the risk check flagged it for reviewers
        second_review_required (bool | None):
        sign_by (datetime.date | None):
        status (str):
        terms (ApplicationViewTerms): what the officer asked for
        timeline (list[EventView]):
        updated_at (datetime.datetime | None):
        withdrawal_reason (None | str):
    """

    allowed_actions: list[str]
    amount: None | str
    approved_at: datetime.datetime | None
    assets: list[AssetView]
    assignee: None | str
    contract: ContractView | None
    contract_id: None | str
    created_at: datetime.datetime
    currency: str
    customer: CustomerRefView
    disbursement: ApplicationViewDisbursementType0 | None
    documents: list[DocumentView]
    id: str
    invoices: list[InvoiceView]
    kind: str
    lease_structure: None | str
    officer: ActorView
    priced_terms: ApplicationViewPricedTermsType0 | None
    product_code: str
    product_version: int | None
    quote: ApplicationViewQuoteType0 | None
    rate: ApplicationViewRateType0 | None
    rejection_reason: None | str
    reviews: list[ReviewView]
    risk: None | RiskView
    risk_decision: None | str
    risk_flag: None | str
    second_review_required: bool | None
    sign_by: datetime.date | None
    status: str
    terms: ApplicationViewTerms
    timeline: list[EventView]
    updated_at: datetime.datetime | None
    withdrawal_reason: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.application_view_disbursement_type_0 import ApplicationViewDisbursementType0  # noqa: PLC0415
        from ..models.application_view_priced_terms_type_0 import ApplicationViewPricedTermsType0  # noqa: PLC0415
        from ..models.application_view_quote_type_0 import ApplicationViewQuoteType0  # noqa: PLC0415
        from ..models.application_view_rate_type_0 import ApplicationViewRateType0  # noqa: PLC0415
        from ..models.contract_view import ContractView  # noqa: PLC0415
        from ..models.risk_view import RiskView  # noqa: PLC0415

        allowed_actions = self.allowed_actions

        amount: None | str
        amount = self.amount

        approved_at: None | str
        if isinstance(self.approved_at, datetime.datetime):
            approved_at = self.approved_at.isoformat()
        else:
            approved_at = self.approved_at

        assets = []
        for assets_item_data in self.assets:
            assets_item = assets_item_data.to_dict()
            assets.append(assets_item)

        assignee: None | str
        assignee = self.assignee

        contract: dict[str, Any] | None
        if isinstance(self.contract, ContractView):
            contract = self.contract.to_dict()
        else:
            contract = self.contract

        contract_id: None | str
        contract_id = self.contract_id

        created_at = self.created_at.isoformat()

        currency = self.currency

        customer = self.customer.to_dict()

        disbursement: dict[str, Any] | None
        if isinstance(self.disbursement, ApplicationViewDisbursementType0):
            disbursement = self.disbursement.to_dict()
        else:
            disbursement = self.disbursement

        documents = []
        for documents_item_data in self.documents:
            documents_item = documents_item_data.to_dict()
            documents.append(documents_item)

        id = self.id

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        kind = self.kind

        lease_structure: None | str
        lease_structure = self.lease_structure

        officer = self.officer.to_dict()

        priced_terms: dict[str, Any] | None
        if isinstance(self.priced_terms, ApplicationViewPricedTermsType0):
            priced_terms = self.priced_terms.to_dict()
        else:
            priced_terms = self.priced_terms

        product_code = self.product_code

        product_version: int | None
        product_version = self.product_version

        quote: dict[str, Any] | None
        if isinstance(self.quote, ApplicationViewQuoteType0):
            quote = self.quote.to_dict()
        else:
            quote = self.quote

        rate: dict[str, Any] | None
        if isinstance(self.rate, ApplicationViewRateType0):
            rate = self.rate.to_dict()
        else:
            rate = self.rate

        rejection_reason: None | str
        rejection_reason = self.rejection_reason

        reviews = []
        for reviews_item_data in self.reviews:
            reviews_item = reviews_item_data.to_dict()
            reviews.append(reviews_item)

        risk: dict[str, Any] | None
        if isinstance(self.risk, RiskView):
            risk = self.risk.to_dict()
        else:
            risk = self.risk

        risk_decision: None | str
        risk_decision = self.risk_decision

        risk_flag: None | str
        risk_flag = self.risk_flag

        second_review_required: bool | None
        second_review_required = self.second_review_required

        sign_by: None | str
        if isinstance(self.sign_by, datetime.date):
            sign_by = self.sign_by.isoformat()
        else:
            sign_by = self.sign_by

        status = self.status

        terms = self.terms.to_dict()

        timeline = []
        for timeline_item_data in self.timeline:
            timeline_item = timeline_item_data.to_dict()
            timeline.append(timeline_item)

        updated_at: None | str
        if isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        withdrawal_reason: None | str
        withdrawal_reason = self.withdrawal_reason

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "allowed_actions": allowed_actions,
                "amount": amount,
                "approved_at": approved_at,
                "assets": assets,
                "assignee": assignee,
                "contract": contract,
                "contract_id": contract_id,
                "created_at": created_at,
                "currency": currency,
                "customer": customer,
                "disbursement": disbursement,
                "documents": documents,
                "id": id,
                "invoices": invoices,
                "kind": kind,
                "lease_structure": lease_structure,
                "officer": officer,
                "priced_terms": priced_terms,
                "product_code": product_code,
                "product_version": product_version,
                "quote": quote,
                "rate": rate,
                "rejection_reason": rejection_reason,
                "reviews": reviews,
                "risk": risk,
                "risk_decision": risk_decision,
                "risk_flag": risk_flag,
                "second_review_required": second_review_required,
                "sign_by": sign_by,
                "status": status,
                "terms": terms,
                "timeline": timeline,
                "updated_at": updated_at,
                "withdrawal_reason": withdrawal_reason,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.actor_view import ActorView  # noqa: PLC0415
        from ..models.application_view_disbursement_type_0 import ApplicationViewDisbursementType0  # noqa: PLC0415
        from ..models.application_view_priced_terms_type_0 import ApplicationViewPricedTermsType0  # noqa: PLC0415
        from ..models.application_view_quote_type_0 import ApplicationViewQuoteType0  # noqa: PLC0415
        from ..models.application_view_rate_type_0 import ApplicationViewRateType0  # noqa: PLC0415
        from ..models.application_view_terms import ApplicationViewTerms  # noqa: PLC0415
        from ..models.asset_view import AssetView  # noqa: PLC0415
        from ..models.contract_view import ContractView  # noqa: PLC0415
        from ..models.customer_ref_view import CustomerRefView  # noqa: PLC0415
        from ..models.document_view import DocumentView  # noqa: PLC0415
        from ..models.event_view import EventView  # noqa: PLC0415
        from ..models.invoice_view import InvoiceView  # noqa: PLC0415
        from ..models.review_view import ReviewView  # noqa: PLC0415
        from ..models.risk_view import RiskView  # noqa: PLC0415

        d = dict(src_dict)
        allowed_actions = cast(list[str], d.pop("allowed_actions"))

        def _parse_amount(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        amount = _parse_amount(d.pop("amount"))

        def _parse_approved_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                approved_at_type_0 = datetime.datetime.fromisoformat(data)

                return approved_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        approved_at = _parse_approved_at(d.pop("approved_at"))

        assets = []
        _assets = d.pop("assets")
        for assets_item_data in _assets:
            assets_item = AssetView.from_dict(assets_item_data)

            assets.append(assets_item)

        def _parse_assignee(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        assignee = _parse_assignee(d.pop("assignee"))

        def _parse_contract(data: object) -> ContractView | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                contract_type_0 = ContractView.from_dict(data)

                return contract_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ContractView | None, data)

        contract = _parse_contract(d.pop("contract"))

        def _parse_contract_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        contract_id = _parse_contract_id(d.pop("contract_id"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        currency = d.pop("currency")

        customer = CustomerRefView.from_dict(d.pop("customer"))

        def _parse_disbursement(data: object) -> ApplicationViewDisbursementType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                disbursement_type_0 = ApplicationViewDisbursementType0.from_dict(data)

                return disbursement_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationViewDisbursementType0 | None, data)

        disbursement = _parse_disbursement(d.pop("disbursement"))

        documents = []
        _documents = d.pop("documents")
        for documents_item_data in _documents:
            documents_item = DocumentView.from_dict(documents_item_data)

            documents.append(documents_item)

        id = d.pop("id")

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = InvoiceView.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        kind = d.pop("kind")

        def _parse_lease_structure(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        lease_structure = _parse_lease_structure(d.pop("lease_structure"))

        officer = ActorView.from_dict(d.pop("officer"))

        def _parse_priced_terms(data: object) -> ApplicationViewPricedTermsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                priced_terms_type_0 = ApplicationViewPricedTermsType0.from_dict(data)

                return priced_terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationViewPricedTermsType0 | None, data)

        priced_terms = _parse_priced_terms(d.pop("priced_terms"))

        product_code = d.pop("product_code")

        def _parse_product_version(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        product_version = _parse_product_version(d.pop("product_version"))

        def _parse_quote(data: object) -> ApplicationViewQuoteType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                quote_type_0 = ApplicationViewQuoteType0.from_dict(data)

                return quote_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationViewQuoteType0 | None, data)

        quote = _parse_quote(d.pop("quote"))

        def _parse_rate(data: object) -> ApplicationViewRateType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                rate_type_0 = ApplicationViewRateType0.from_dict(data)

                return rate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ApplicationViewRateType0 | None, data)

        rate = _parse_rate(d.pop("rate"))

        def _parse_rejection_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        rejection_reason = _parse_rejection_reason(d.pop("rejection_reason"))

        reviews = []
        _reviews = d.pop("reviews")
        for reviews_item_data in _reviews:
            reviews_item = ReviewView.from_dict(reviews_item_data)

            reviews.append(reviews_item)

        def _parse_risk(data: object) -> None | RiskView:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                risk_type_0 = RiskView.from_dict(data)

                return risk_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RiskView, data)

        risk = _parse_risk(d.pop("risk"))

        def _parse_risk_decision(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        risk_decision = _parse_risk_decision(d.pop("risk_decision"))

        def _parse_risk_flag(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        risk_flag = _parse_risk_flag(d.pop("risk_flag"))

        def _parse_second_review_required(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        second_review_required = _parse_second_review_required(d.pop("second_review_required"))

        def _parse_sign_by(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                sign_by_type_0 = datetime.date.fromisoformat(data)

                return sign_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        sign_by = _parse_sign_by(d.pop("sign_by"))

        status = d.pop("status")

        terms = ApplicationViewTerms.from_dict(d.pop("terms"))

        timeline = []
        _timeline = d.pop("timeline")
        for timeline_item_data in _timeline:
            timeline_item = EventView.from_dict(timeline_item_data)

            timeline.append(timeline_item)

        def _parse_updated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        updated_at = _parse_updated_at(d.pop("updated_at"))

        def _parse_withdrawal_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        withdrawal_reason = _parse_withdrawal_reason(d.pop("withdrawal_reason"))

        application_view = cls(
            allowed_actions=allowed_actions,
            amount=amount,
            approved_at=approved_at,
            assets=assets,
            assignee=assignee,
            contract=contract,
            contract_id=contract_id,
            created_at=created_at,
            currency=currency,
            customer=customer,
            disbursement=disbursement,
            documents=documents,
            id=id,
            invoices=invoices,
            kind=kind,
            lease_structure=lease_structure,
            officer=officer,
            priced_terms=priced_terms,
            product_code=product_code,
            product_version=product_version,
            quote=quote,
            rate=rate,
            rejection_reason=rejection_reason,
            reviews=reviews,
            risk=risk,
            risk_decision=risk_decision,
            risk_flag=risk_flag,
            second_review_required=second_review_required,
            sign_by=sign_by,
            status=status,
            terms=terms,
            timeline=timeline,
            updated_at=updated_at,
            withdrawal_reason=withdrawal_reason,
        )

        application_view.additional_properties = d
        return application_view

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
