from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.loan_quote_request_amortization import LoanQuoteRequestAmortization
from ..models.loan_quote_request_day_count import LoanQuoteRequestDayCount
from ..models.loan_quote_request_frequency import LoanQuoteRequestFrequency
from ..models.loan_quote_request_interest_grace_mode import LoanQuoteRequestInterestGraceMode
from ..models.loan_quote_request_rounding import LoanQuoteRequestRounding
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fee_request import FeeRequest
    from ..models.prepayment_request import PrepaymentRequest


T = TypeVar("T", bound="LoanQuoteRequest")


@_attrs_define
class LoanQuoteRequest:
    """
    Attributes:
        annual_rate (str):
        kind (Literal['loan']):
        principal (str):
        start_date (datetime.date):
        term (int):
        amortization (LoanQuoteRequestAmortization | Unset):  Default: LoanQuoteRequestAmortization.ANNUITY.
        balloon (None | str | Unset):
        balloon_rate (None | str | Unset):
        currency (str | Unset):  Default: 'CNY'.
        day_count (LoanQuoteRequestDayCount | None | str | Unset):
        fees (list[FeeRequest] | Unset):
        first_due_date (datetime.date | None | Unset):
        frequency (LoanQuoteRequestFrequency | Unset):  Default: LoanQuoteRequestFrequency.MONTHLY.
        grace_on_interest (int | Unset):  Default: 0.
        grace_on_principal (int | Unset):  Default: 0.
        in_multiples_of (None | str | Unset):
        interest_grace_mode (LoanQuoteRequestInterestGraceMode | Unset):  Default:
            LoanQuoteRequestInterestGraceMode.DEFERRED.
        prepayment (None | PrepaymentRequest | Unset):
        rounding (LoanQuoteRequestRounding | Unset):  Default: LoanQuoteRequestRounding.HALF_EVEN.
    """

    annual_rate: str
    kind: Literal["loan"]
    principal: str
    start_date: datetime.date
    term: int
    amortization: LoanQuoteRequestAmortization | Unset = LoanQuoteRequestAmortization.ANNUITY
    balloon: None | str | Unset = UNSET
    balloon_rate: None | str | Unset = UNSET
    currency: str | Unset = "CNY"
    day_count: LoanQuoteRequestDayCount | None | str | Unset = UNSET
    fees: list[FeeRequest] | Unset = UNSET
    first_due_date: datetime.date | None | Unset = UNSET
    frequency: LoanQuoteRequestFrequency | Unset = LoanQuoteRequestFrequency.MONTHLY
    grace_on_interest: int | Unset = 0
    grace_on_principal: int | Unset = 0
    in_multiples_of: None | str | Unset = UNSET
    interest_grace_mode: LoanQuoteRequestInterestGraceMode | Unset = LoanQuoteRequestInterestGraceMode.DEFERRED
    prepayment: None | PrepaymentRequest | Unset = UNSET
    rounding: LoanQuoteRequestRounding | Unset = LoanQuoteRequestRounding.HALF_EVEN

    def to_dict(self) -> dict[str, Any]:
        from ..models.prepayment_request import PrepaymentRequest  # noqa: PLC0415

        annual_rate = self.annual_rate

        kind = self.kind

        principal = self.principal

        start_date = self.start_date.isoformat()

        term = self.term

        amortization: str | Unset = UNSET
        if not isinstance(self.amortization, Unset):
            amortization = self.amortization.value

        balloon: None | str | Unset
        if isinstance(self.balloon, Unset):
            balloon = UNSET
        else:
            balloon = self.balloon

        balloon_rate: None | str | Unset
        if isinstance(self.balloon_rate, Unset):
            balloon_rate = UNSET
        else:
            balloon_rate = self.balloon_rate

        currency = self.currency

        day_count: None | str | Unset
        if isinstance(self.day_count, Unset):
            day_count = UNSET
        elif isinstance(self.day_count, LoanQuoteRequestDayCount):
            day_count = self.day_count.value
        else:
            day_count = self.day_count

        fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees, Unset):
            fees = []
            for fees_item_data in self.fees:
                fees_item = fees_item_data.to_dict()
                fees.append(fees_item)

        first_due_date: None | str | Unset
        if isinstance(self.first_due_date, Unset):
            first_due_date = UNSET
        elif isinstance(self.first_due_date, datetime.date):
            first_due_date = self.first_due_date.isoformat()
        else:
            first_due_date = self.first_due_date

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        grace_on_interest = self.grace_on_interest

        grace_on_principal = self.grace_on_principal

        in_multiples_of: None | str | Unset
        if isinstance(self.in_multiples_of, Unset):
            in_multiples_of = UNSET
        else:
            in_multiples_of = self.in_multiples_of

        interest_grace_mode: str | Unset = UNSET
        if not isinstance(self.interest_grace_mode, Unset):
            interest_grace_mode = self.interest_grace_mode.value

        prepayment: dict[str, Any] | None | Unset
        if isinstance(self.prepayment, Unset):
            prepayment = UNSET
        elif isinstance(self.prepayment, PrepaymentRequest):
            prepayment = self.prepayment.to_dict()
        else:
            prepayment = self.prepayment

        rounding: str | Unset = UNSET
        if not isinstance(self.rounding, Unset):
            rounding = self.rounding.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "annual_rate": annual_rate,
                "kind": kind,
                "principal": principal,
                "start_date": start_date,
                "term": term,
            }
        )
        if amortization is not UNSET:
            field_dict["amortization"] = amortization
        if balloon is not UNSET:
            field_dict["balloon"] = balloon
        if balloon_rate is not UNSET:
            field_dict["balloon_rate"] = balloon_rate
        if currency is not UNSET:
            field_dict["currency"] = currency
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if fees is not UNSET:
            field_dict["fees"] = fees
        if first_due_date is not UNSET:
            field_dict["first_due_date"] = first_due_date
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if grace_on_interest is not UNSET:
            field_dict["grace_on_interest"] = grace_on_interest
        if grace_on_principal is not UNSET:
            field_dict["grace_on_principal"] = grace_on_principal
        if in_multiples_of is not UNSET:
            field_dict["in_multiples_of"] = in_multiples_of
        if interest_grace_mode is not UNSET:
            field_dict["interest_grace_mode"] = interest_grace_mode
        if prepayment is not UNSET:
            field_dict["prepayment"] = prepayment
        if rounding is not UNSET:
            field_dict["rounding"] = rounding

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_request import FeeRequest  # noqa: PLC0415
        from ..models.prepayment_request import PrepaymentRequest  # noqa: PLC0415

        d = dict(src_dict)
        annual_rate = d.pop("annual_rate")

        kind = cast(Literal["loan"], d.pop("kind"))
        if kind != "loan":
            raise ValueError(f"kind must match const 'loan', got '{kind}'")

        principal = d.pop("principal")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        term = d.pop("term")

        _amortization = d.pop("amortization", UNSET)
        amortization: LoanQuoteRequestAmortization | Unset
        if isinstance(_amortization, Unset):
            amortization = UNSET
        else:
            amortization = LoanQuoteRequestAmortization(_amortization)

        def _parse_balloon(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balloon = _parse_balloon(d.pop("balloon", UNSET))

        def _parse_balloon_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        balloon_rate = _parse_balloon_rate(d.pop("balloon_rate", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_day_count(data: object) -> LoanQuoteRequestDayCount | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_count_type_3 = LoanQuoteRequestDayCount(data)

                return day_count_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LoanQuoteRequestDayCount | None | str | Unset, data)

        day_count = _parse_day_count(d.pop("day_count", UNSET))

        _fees = d.pop("fees", UNSET)
        fees: list[FeeRequest] | Unset = UNSET
        if _fees is not UNSET:
            fees = []
            for fees_item_data in _fees:
                fees_item = FeeRequest.from_dict(fees_item_data)

                fees.append(fees_item)

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

        _frequency = d.pop("frequency", UNSET)
        frequency: LoanQuoteRequestFrequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = LoanQuoteRequestFrequency(_frequency)

        grace_on_interest = d.pop("grace_on_interest", UNSET)

        grace_on_principal = d.pop("grace_on_principal", UNSET)

        def _parse_in_multiples_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        in_multiples_of = _parse_in_multiples_of(d.pop("in_multiples_of", UNSET))

        _interest_grace_mode = d.pop("interest_grace_mode", UNSET)
        interest_grace_mode: LoanQuoteRequestInterestGraceMode | Unset
        if isinstance(_interest_grace_mode, Unset):
            interest_grace_mode = UNSET
        else:
            interest_grace_mode = LoanQuoteRequestInterestGraceMode(_interest_grace_mode)

        def _parse_prepayment(data: object) -> None | PrepaymentRequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prepayment_type_0 = PrepaymentRequest.from_dict(data)

                return prepayment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PrepaymentRequest | Unset, data)

        prepayment = _parse_prepayment(d.pop("prepayment", UNSET))

        _rounding = d.pop("rounding", UNSET)
        rounding: LoanQuoteRequestRounding | Unset
        if isinstance(_rounding, Unset):
            rounding = UNSET
        else:
            rounding = LoanQuoteRequestRounding(_rounding)

        loan_quote_request = cls(
            annual_rate=annual_rate,
            kind=kind,
            principal=principal,
            start_date=start_date,
            term=term,
            amortization=amortization,
            balloon=balloon,
            balloon_rate=balloon_rate,
            currency=currency,
            day_count=day_count,
            fees=fees,
            first_due_date=first_due_date,
            frequency=frequency,
            grace_on_interest=grace_on_interest,
            grace_on_principal=grace_on_principal,
            in_multiples_of=in_multiples_of,
            interest_grace_mode=interest_grace_mode,
            prepayment=prepayment,
            rounding=rounding,
        )

        return loan_quote_request
