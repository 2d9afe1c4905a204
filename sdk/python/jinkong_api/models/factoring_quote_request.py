from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.factoring_quote_request_day_count import FactoringQuoteRequestDayCount
from ..models.factoring_quote_request_interest_collection import FactoringQuoteRequestInterestCollection
from ..models.factoring_quote_request_rounding import FactoringQuoteRequestRounding
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_request import InvoiceRequest


T = TypeVar("T", bound="FactoringQuoteRequest")


@_attrs_define
class FactoringQuoteRequest:
    """``principal``, when given, is the facility: the total advance may not exceed it.
    ``term``, ``frequency`` and ``amortization`` are accepted so a calculator can send one shape
    for every kind; factoring has no periodic schedule and does not use them.

        Attributes:
            advance_rate (str):
            annual_rate (str):
            invoices (list[InvoiceRequest]):
            kind (Literal['factoring']):
            start_date (datetime.date):
            amortization (None | str | Unset):
            currency (str | Unset):  Default: 'CNY'.
            day_count (FactoringQuoteRequestDayCount | None | str | Unset):
            frequency (None | str | Unset):
            grace_days (int | Unset):  Default: 0.
            interest_collection (FactoringQuoteRequestInterestCollection | Unset):  Default:
                FactoringQuoteRequestInterestCollection.UPFRONT.
            principal (None | str | Unset):
            recourse (bool | Unset):  Default: True.
            rounding (FactoringQuoteRequestRounding | Unset):  Default: FactoringQuoteRequestRounding.HALF_EVEN.
            service_fee_rate (str | Unset):  Default: '0'.
            term (int | None | Unset):
    """

    advance_rate: str
    annual_rate: str
    invoices: list[InvoiceRequest]
    kind: Literal["factoring"]
    start_date: datetime.date
    amortization: None | str | Unset = UNSET
    currency: str | Unset = "CNY"
    day_count: FactoringQuoteRequestDayCount | None | str | Unset = UNSET
    frequency: None | str | Unset = UNSET
    grace_days: int | Unset = 0
    interest_collection: FactoringQuoteRequestInterestCollection | Unset = (
        FactoringQuoteRequestInterestCollection.UPFRONT
    )
    principal: None | str | Unset = UNSET
    recourse: bool | Unset = True
    rounding: FactoringQuoteRequestRounding | Unset = FactoringQuoteRequestRounding.HALF_EVEN
    service_fee_rate: str | Unset = "0"
    term: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        advance_rate = self.advance_rate

        annual_rate = self.annual_rate

        invoices = []
        for invoices_item_data in self.invoices:
            invoices_item = invoices_item_data.to_dict()
            invoices.append(invoices_item)

        kind = self.kind

        start_date = self.start_date.isoformat()

        amortization: None | str | Unset
        if isinstance(self.amortization, Unset):
            amortization = UNSET
        else:
            amortization = self.amortization

        currency = self.currency

        day_count: None | str | Unset
        if isinstance(self.day_count, Unset):
            day_count = UNSET
        elif isinstance(self.day_count, FactoringQuoteRequestDayCount):
            day_count = self.day_count.value
        else:
            day_count = self.day_count

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        else:
            frequency = self.frequency

        grace_days = self.grace_days

        interest_collection: str | Unset = UNSET
        if not isinstance(self.interest_collection, Unset):
            interest_collection = self.interest_collection.value

        principal: None | str | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        else:
            principal = self.principal

        recourse = self.recourse

        rounding: str | Unset = UNSET
        if not isinstance(self.rounding, Unset):
            rounding = self.rounding.value

        service_fee_rate = self.service_fee_rate

        term: int | None | Unset
        if isinstance(self.term, Unset):
            term = UNSET
        else:
            term = self.term

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "advance_rate": advance_rate,
                "annual_rate": annual_rate,
                "invoices": invoices,
                "kind": kind,
                "start_date": start_date,
            }
        )
        if amortization is not UNSET:
            field_dict["amortization"] = amortization
        if currency is not UNSET:
            field_dict["currency"] = currency
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if grace_days is not UNSET:
            field_dict["grace_days"] = grace_days
        if interest_collection is not UNSET:
            field_dict["interest_collection"] = interest_collection
        if principal is not UNSET:
            field_dict["principal"] = principal
        if recourse is not UNSET:
            field_dict["recourse"] = recourse
        if rounding is not UNSET:
            field_dict["rounding"] = rounding
        if service_fee_rate is not UNSET:
            field_dict["service_fee_rate"] = service_fee_rate
        if term is not UNSET:
            field_dict["term"] = term

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_request import InvoiceRequest  # noqa: PLC0415

        d = dict(src_dict)
        advance_rate = d.pop("advance_rate")

        annual_rate = d.pop("annual_rate")

        invoices = []
        _invoices = d.pop("invoices")
        for invoices_item_data in _invoices:
            invoices_item = InvoiceRequest.from_dict(invoices_item_data)

            invoices.append(invoices_item)

        kind = cast(Literal["factoring"], d.pop("kind"))
        if kind != "factoring":
            raise ValueError(f"kind must match const 'factoring', got '{kind}'")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_amortization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amortization = _parse_amortization(d.pop("amortization", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_day_count(data: object) -> FactoringQuoteRequestDayCount | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_count_type_3 = FactoringQuoteRequestDayCount(data)

                return day_count_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(FactoringQuoteRequestDayCount | None | str | Unset, data)

        day_count = _parse_day_count(d.pop("day_count", UNSET))

        def _parse_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        grace_days = d.pop("grace_days", UNSET)

        _interest_collection = d.pop("interest_collection", UNSET)
        interest_collection: FactoringQuoteRequestInterestCollection | Unset
        if isinstance(_interest_collection, Unset):
            interest_collection = UNSET
        else:
            interest_collection = FactoringQuoteRequestInterestCollection(_interest_collection)

        def _parse_principal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

        recourse = d.pop("recourse", UNSET)

        _rounding = d.pop("rounding", UNSET)
        rounding: FactoringQuoteRequestRounding | Unset
        if isinstance(_rounding, Unset):
            rounding = UNSET
        else:
            rounding = FactoringQuoteRequestRounding(_rounding)

        service_fee_rate = d.pop("service_fee_rate", UNSET)

        def _parse_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term = _parse_term(d.pop("term", UNSET))

        factoring_quote_request = cls(
            advance_rate=advance_rate,
            annual_rate=annual_rate,
            invoices=invoices,
            kind=kind,
            start_date=start_date,
            amortization=amortization,
            currency=currency,
            day_count=day_count,
            frequency=frequency,
            grace_days=grace_days,
            interest_collection=interest_collection,
            principal=principal,
            recourse=recourse,
            rounding=rounding,
            service_fee_rate=service_fee_rate,
            term=term,
        )

        return factoring_quote_request
