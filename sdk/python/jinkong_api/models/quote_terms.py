from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_terms import InvoiceTerms
    from ..models.prepayment_terms import PrepaymentTerms


T = TypeVar("T", bound="QuoteTerms")


@_attrs_define
class QuoteTerms:
    """What an applicant chooses. Anything left out takes the product's default.

    Attributes:
        advance_rate (None | str | Unset): factoring
        amortization (None | str | Unset):
        annual_rate (None | str | Unset): fixed-rate products
        balloon_rate (None | str | Unset):
        day_count (None | str | Unset):
        down_payment (None | str | Unset):
        first_due_date (datetime.date | None | Unset):
        frequency (None | str | Unset):
        grace_days (int | None | Unset):
        grace_on_interest (int | None | Unset):
        grace_on_principal (int | None | Unset):
        interest_collection (None | str | Unset):
        invoices (list[InvoiceTerms] | None | Unset):
        prepayment (None | PrepaymentTerms | Unset):
        principal (None | str | Unset): loan principal or lease financed amount
        residual_value (None | str | Unset):
        security_deposit (None | str | Unset):
        spread_bps (int | None | Unset): floating-rate products
        start_date (datetime.date | None | Unset): default: today
        term (int | None | Unset): periods of frequency
        timing (None | str | Unset): lease: advance or arrears
    """

    advance_rate: None | str | Unset = UNSET
    amortization: None | str | Unset = UNSET
    annual_rate: None | str | Unset = UNSET
    balloon_rate: None | str | Unset = UNSET
    day_count: None | str | Unset = UNSET
    down_payment: None | str | Unset = UNSET
    first_due_date: datetime.date | None | Unset = UNSET
    frequency: None | str | Unset = UNSET
    grace_days: int | None | Unset = UNSET
    grace_on_interest: int | None | Unset = UNSET
    grace_on_principal: int | None | Unset = UNSET
    interest_collection: None | str | Unset = UNSET
    invoices: list[InvoiceTerms] | None | Unset = UNSET
    prepayment: None | PrepaymentTerms | Unset = UNSET
    principal: None | str | Unset = UNSET
    residual_value: None | str | Unset = UNSET
    security_deposit: None | str | Unset = UNSET
    spread_bps: int | None | Unset = UNSET
    start_date: datetime.date | None | Unset = UNSET
    term: int | None | Unset = UNSET
    timing: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.prepayment_terms import PrepaymentTerms  # noqa: PLC0415

        advance_rate: None | str | Unset
        if isinstance(self.advance_rate, Unset):
            advance_rate = UNSET
        else:
            advance_rate = self.advance_rate

        amortization: None | str | Unset
        if isinstance(self.amortization, Unset):
            amortization = UNSET
        else:
            amortization = self.amortization

        annual_rate: None | str | Unset
        if isinstance(self.annual_rate, Unset):
            annual_rate = UNSET
        else:
            annual_rate = self.annual_rate

        balloon_rate: None | str | Unset
        if isinstance(self.balloon_rate, Unset):
            balloon_rate = UNSET
        else:
            balloon_rate = self.balloon_rate

        day_count: None | str | Unset
        if isinstance(self.day_count, Unset):
            day_count = UNSET
        else:
            day_count = self.day_count

        down_payment: None | str | Unset
        if isinstance(self.down_payment, Unset):
            down_payment = UNSET
        else:
            down_payment = self.down_payment

        first_due_date: None | str | Unset
        if isinstance(self.first_due_date, Unset):
            first_due_date = UNSET
        elif isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        frequency: None | str | Unset
        if isinstance(self.frequency, Unset):
            frequency = UNSET
        else:
            frequency = self.frequency

        grace_days: int | None | Unset
        if isinstance(self.grace_days, Unset):
            grace_days = UNSET
        else:
            grace_days = self.grace_days

        grace_on_interest: int | None | Unset
        if isinstance(self.grace_on_interest, Unset):
            grace_on_interest = UNSET
        else:
            grace_on_interest = self.grace_on_interest

        grace_on_principal: int | None | Unset
        if isinstance(self.grace_on_principal, Unset):
            grace_on_principal = UNSET
        else:
            grace_on_principal = self.grace_on_principal

        interest_collection: None | str | Unset
        if isinstance(self.interest_collection, Unset):
            interest_collection = UNSET
        else:
            interest_collection = self.interest_collection

        invoices: list[dict[str, Any]] | None | Unset
        if isinstance(self.invoices, Unset):
            invoices = UNSET
        elif isinstance(self.invoices, list):
            invoices = []
            for invoices_type_0_item_data in self.invoices:
                invoices_type_0_item = invoices_type_0_item_data.to_dict()
                invoices.append(invoices_type_0_item)

        else:
            invoices = self.invoices

        prepayment: dict[str, Any] | None | Unset
        if isinstance(self.prepayment, Unset):
            prepayment = UNSET
        elif isinstance(self.prepayment, PrepaymentTerms):
            prepayment = self.prepayment.to_dict()
        else:
            prepayment = self.prepayment

        principal: None | str | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        else:
            principal = self.principal

        residual_value: None | str | Unset
        if isinstance(self.residual_value, Unset):
            residual_value = UNSET
        else:
            residual_value = self.residual_value

        security_deposit: None | str | Unset
        if isinstance(self.security_deposit, Unset):
            security_deposit = UNSET
        else:
            security_deposit = self.security_deposit

        spread_bps: int | None | Unset
        if isinstance(self.spread_bps, Unset):
            spread_bps = UNSET
        else:
            spread_bps = self.spread_bps

        start_date: None | str | Unset
        if isinstance(self.start_date, Unset):
            start_date = UNSET
        elif isinstance(self.start_date, datetime.date):
            start_date = self.start_date.isoformat()
        else:
            start_date = self.start_date

        term: int | None | Unset
        if isinstance(self.term, Unset):
            term = UNSET
        else:
            term = self.term

        timing: None | str | Unset
        if isinstance(self.timing, Unset):
            timing = UNSET
        else:
            timing = self.timing

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if advance_rate is not UNSET:
            field_dict["advance_rate"] = advance_rate
        if amortization is not UNSET:
            field_dict["amortization"] = amortization
        if annual_rate is not UNSET:
            field_dict["annual_rate"] = annual_rate
        if balloon_rate is not UNSET:
            field_dict["balloon_rate"] = balloon_rate
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if down_payment is not UNSET:
            field_dict["down_payment"] = down_payment
        if first_due_date is not UNSET:
            field_dict["first_due_date"] = first_due_date
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if grace_days is not UNSET:
            field_dict["grace_days"] = grace_days
        if grace_on_interest is not UNSET:
            field_dict["grace_on_interest"] = grace_on_interest
        if grace_on_principal is not UNSET:
            field_dict["grace_on_principal"] = grace_on_principal
        if interest_collection is not UNSET:
            field_dict["interest_collection"] = interest_collection
        if invoices is not UNSET:
            field_dict["invoices"] = invoices
        if prepayment is not UNSET:
            field_dict["prepayment"] = prepayment
        if principal is not UNSET:
            field_dict["principal"] = principal
        if residual_value is not UNSET:
            field_dict["residual_value"] = residual_value
        if security_deposit is not UNSET:
            field_dict["security_deposit"] = security_deposit
        if spread_bps is not UNSET:
            field_dict["spread_bps"] = spread_bps
        if start_date is not UNSET:
            field_dict["start_date"] = start_date
        if term is not UNSET:
            field_dict["term"] = term
        if timing is not UNSET:
            field_dict["timing"] = timing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_terms import InvoiceTerms  # noqa: PLC0415
        from ..models.prepayment_terms import PrepaymentTerms  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_advance_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        advance_rate = _parse_advance_rate(d.pop("advance_rate", UNSET))

        def _parse_amortization(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        amortization = _parse_amortization(d.pop("amortization", UNSET))

        def _parse_annual_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_rate = _parse_annual_rate(d.pop("annual_rate", UNSET))

        def _parse_balloon_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balloon_rate = _parse_balloon_rate(d.pop("balloon_rate", UNSET))

        def _parse_day_count(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        day_count = _parse_day_count(d.pop("day_count", UNSET))

        def _parse_down_payment(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        down_payment = _parse_down_payment(d.pop("down_payment", UNSET))

        def _parse_first_due_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                first_due_date_type_0 = datetime.date.fromisoformat(data)

                return first_due_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        first_due_date = _parse_first_due_date(d.pop("first_due_date", UNSET))

        def _parse_frequency(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        frequency = _parse_frequency(d.pop("frequency", UNSET))

        def _parse_grace_days(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_days = _parse_grace_days(d.pop("grace_days", UNSET))

        def _parse_grace_on_interest(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_on_interest = _parse_grace_on_interest(d.pop("grace_on_interest", UNSET))

        def _parse_grace_on_principal(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        grace_on_principal = _parse_grace_on_principal(d.pop("grace_on_principal", UNSET))

        def _parse_interest_collection(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interest_collection = _parse_interest_collection(d.pop("interest_collection", UNSET))

        def _parse_invoices(data: object) -> list[InvoiceTerms] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                invoices_type_0 = []
                _invoices_type_0 = data
                for invoices_type_0_item_data in _invoices_type_0:
                    invoices_type_0_item = InvoiceTerms.from_dict(invoices_type_0_item_data)

                    invoices_type_0.append(invoices_type_0_item)

                return invoices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceTerms] | None | Unset, data)

        invoices = _parse_invoices(d.pop("invoices", UNSET))

        def _parse_prepayment(data: object) -> None | PrepaymentTerms | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prepayment_type_0 = PrepaymentTerms.from_dict(data)

                return prepayment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrepaymentTerms | Unset, data)

        prepayment = _parse_prepayment(d.pop("prepayment", UNSET))

        def _parse_principal(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

        def _parse_residual_value(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        residual_value = _parse_residual_value(d.pop("residual_value", UNSET))

        def _parse_security_deposit(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        security_deposit = _parse_security_deposit(d.pop("security_deposit", UNSET))

        def _parse_spread_bps(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        spread_bps = _parse_spread_bps(d.pop("spread_bps", UNSET))

        def _parse_start_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                start_date_type_0 = datetime.date.fromisoformat(data)

                return start_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        start_date = _parse_start_date(d.pop("start_date", UNSET))

        def _parse_term(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        term = _parse_term(d.pop("term", UNSET))

        def _parse_timing(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        timing = _parse_timing(d.pop("timing", UNSET))

        quote_terms = cls(
            advance_rate=advance_rate,
            amortization=amortization,
            annual_rate=annual_rate,
            balloon_rate=balloon_rate,
            day_count=day_count,
            down_payment=down_payment,
            first_due_date=first_due_date,
            frequency=frequency,
            grace_days=grace_days,
            grace_on_interest=grace_on_interest,
            grace_on_principal=grace_on_principal,
            interest_collection=interest_collection,
            invoices=invoices,
            prepayment=prepayment,
            principal=principal,
            residual_value=residual_value,
            security_deposit=security_deposit,
            spread_bps=spread_bps,
            start_date=start_date,
            term=term,
            timing=timing,
        )

        return quote_terms
