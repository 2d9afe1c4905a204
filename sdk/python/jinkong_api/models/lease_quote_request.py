from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define

from ..models.lease_quote_request_amortization import LeaseQuoteRequestAmortization
from ..models.lease_quote_request_day_count import LeaseQuoteRequestDayCount
from ..models.lease_quote_request_deposit_settlement import LeaseQuoteRequestDepositSettlement
from ..models.lease_quote_request_frequency import LeaseQuoteRequestFrequency
from ..models.lease_quote_request_rounding import LeaseQuoteRequestRounding
from ..models.lease_quote_request_timing import LeaseQuoteRequestTiming
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.fee_request import FeeRequest


T = TypeVar("T", bound="LeaseQuoteRequest")


@_attrs_define
class LeaseQuoteRequest:
    """
    Attributes:
        kind (Literal['lease']):
        principal (str):
        start_date (datetime.date):
        term (int):
        amortization (LeaseQuoteRequestAmortization | Unset):  Default: LeaseQuoteRequestAmortization.ANNUITY.
        annual_rate (None | str | Unset):
        currency (str | Unset):  Default: 'CNY'.
        day_count (LeaseQuoteRequestDayCount | None | str | Unset):
        deposit_settlement (LeaseQuoteRequestDepositSettlement | Unset):  Default:
            LeaseQuoteRequestDepositSettlement.REFUND.
        down_payment (str | Unset):  Default: '0'.
        fees (list[FeeRequest] | Unset):
        frequency (LeaseQuoteRequestFrequency | Unset):  Default: LeaseQuoteRequestFrequency.MONTHLY.
        handling_fee (str | Unset):  Default: '0'.
        in_multiples_of (None | str | Unset):
        rents (list[str] | None | Unset):
        residual_value (str | Unset):  Default: '0'.
        rounding (LeaseQuoteRequestRounding | Unset):  Default: LeaseQuoteRequestRounding.HALF_EVEN.
        security_deposit (str | Unset):  Default: '0'.
        timing (LeaseQuoteRequestTiming | Unset):  Default: LeaseQuoteRequestTiming.ARREARS.
    """

    kind: Literal["lease"]
    principal: str
    start_date: datetime.date
    term: int
    amortization: LeaseQuoteRequestAmortization | Unset = LeaseQuoteRequestAmortization.ANNUITY
    annual_rate: None | str | Unset = UNSET
    currency: str | Unset = "CNY"
    day_count: LeaseQuoteRequestDayCount | None | str | Unset = UNSET
    deposit_settlement: LeaseQuoteRequestDepositSettlement | Unset = LeaseQuoteRequestDepositSettlement.REFUND
    down_payment: str | Unset = "0"
    fees: list[FeeRequest] | Unset = UNSET
    frequency: LeaseQuoteRequestFrequency | Unset = LeaseQuoteRequestFrequency.MONTHLY
    handling_fee: str | Unset = "0"
    in_multiples_of: None | str | Unset = UNSET
    rents: list[str] | None | Unset = UNSET
    residual_value: str | Unset = "0"
    rounding: LeaseQuoteRequestRounding | Unset = LeaseQuoteRequestRounding.HALF_EVEN
    security_deposit: str | Unset = "0"
    timing: LeaseQuoteRequestTiming | Unset = LeaseQuoteRequestTiming.ARREARS

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind

        principal = self.principal

        start_date = self.start_date.isoformat()

        term = self.term

        amortization: str | Unset = UNSET
        if not isinstance(self.amortization, Unset):
            amortization = self.amortization.value

        annual_rate: None | str | Unset
        if isinstance(self.annual_rate, Unset):
            annual_rate = UNSET
        else:
            annual_rate = self.annual_rate

        currency = self.currency

        day_count: None | str | Unset
        if isinstance(self.day_count, Unset):
            day_count = UNSET
        elif isinstance(self.day_count, LeaseQuoteRequestDayCount):
            day_count = self.day_count.value
        else:
            day_count = self.day_count

        deposit_settlement: str | Unset = UNSET
        if not isinstance(self.deposit_settlement, Unset):
            deposit_settlement = self.deposit_settlement.value

        down_payment = self.down_payment

        fees: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.fees, Unset):
            fees = []
            for fees_item_data in self.fees:
                fees_item = fees_item_data.to_dict()
                fees.append(fees_item)

        frequency: str | Unset = UNSET
        if not isinstance(self.frequency, Unset):
            frequency = self.frequency.value

        handling_fee = self.handling_fee

        in_multiples_of: None | str | Unset
        if isinstance(self.in_multiples_of, Unset):
            in_multiples_of = UNSET
        else:
            in_multiples_of = self.in_multiples_of

        rents: list[str] | None | Unset
        if isinstance(self.rents, Unset):
            rents = UNSET
        elif isinstance(self.rents, list):
            rents = self.rents

        else:
            rents = self.rents

        residual_value = self.residual_value

        rounding: str | Unset = UNSET
        if not isinstance(self.rounding, Unset):
            rounding = self.rounding.value

        security_deposit = self.security_deposit

        timing: str | Unset = UNSET
        if not isinstance(self.timing, Unset):
            timing = self.timing.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "principal": principal,
                "start_date": start_date,
                "term": term,
            }
        )
        if amortization is not UNSET:
            field_dict["amortization"] = amortization
        if annual_rate is not UNSET:
            field_dict["annual_rate"] = annual_rate
        if currency is not UNSET:
            field_dict["currency"] = currency
        if day_count is not UNSET:
            field_dict["day_count"] = day_count
        if deposit_settlement is not UNSET:
            field_dict["deposit_settlement"] = deposit_settlement
        if down_payment is not UNSET:
            field_dict["down_payment"] = down_payment
        if fees is not UNSET:
            field_dict["fees"] = fees
        if frequency is not UNSET:
            field_dict["frequency"] = frequency
        if handling_fee is not UNSET:
            field_dict["handling_fee"] = handling_fee
        if in_multiples_of is not UNSET:
            field_dict["in_multiples_of"] = in_multiples_of
        if rents is not UNSET:
            field_dict["rents"] = rents
        if residual_value is not UNSET:
            field_dict["residual_value"] = residual_value
        if rounding is not UNSET:
            field_dict["rounding"] = rounding
        if security_deposit is not UNSET:
            field_dict["security_deposit"] = security_deposit
        if timing is not UNSET:
            field_dict["timing"] = timing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fee_request import FeeRequest  # noqa: PLC0415

        d = dict(src_dict)
        kind = cast(Literal["lease"], d.pop("kind"))
        if kind != "lease":
            raise ValueError(f"kind must match const 'lease', got '{kind}'")

        principal = d.pop("principal")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        term = d.pop("term")

        _amortization = d.pop("amortization", UNSET)
        amortization: LeaseQuoteRequestAmortization | Unset
        if isinstance(_amortization, Unset):
            amortization = UNSET
        else:
            amortization = LeaseQuoteRequestAmortization(_amortization)

        def _parse_annual_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        annual_rate = _parse_annual_rate(d.pop("annual_rate", UNSET))

        currency = d.pop("currency", UNSET)

        def _parse_day_count(data: object) -> LeaseQuoteRequestDayCount | None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                day_count_type_3 = LeaseQuoteRequestDayCount(data)

                return day_count_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LeaseQuoteRequestDayCount | None | str | Unset, data)

        day_count = _parse_day_count(d.pop("day_count", UNSET))

        _deposit_settlement = d.pop("deposit_settlement", UNSET)
        deposit_settlement: LeaseQuoteRequestDepositSettlement | Unset
        if isinstance(_deposit_settlement, Unset):
            deposit_settlement = UNSET
        else:
            deposit_settlement = LeaseQuoteRequestDepositSettlement(_deposit_settlement)

        down_payment = d.pop("down_payment", UNSET)

        _fees = d.pop("fees", UNSET)
        fees: list[FeeRequest] | Unset = UNSET
        if _fees is not UNSET:
            fees = []
            for fees_item_data in _fees:
                fees_item = FeeRequest.from_dict(fees_item_data)

                fees.append(fees_item)

        _frequency = d.pop("frequency", UNSET)
        frequency: LeaseQuoteRequestFrequency | Unset
        if isinstance(_frequency, Unset):
            frequency = UNSET
        else:
            frequency = LeaseQuoteRequestFrequency(_frequency)

        handling_fee = d.pop("handling_fee", UNSET)

        def _parse_in_multiples_of(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        in_multiples_of = _parse_in_multiples_of(d.pop("in_multiples_of", UNSET))

        def _parse_rents(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                rents_type_0 = cast(list[str], data)

                return rents_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        rents = _parse_rents(d.pop("rents", UNSET))

        residual_value = d.pop("residual_value", UNSET)

        _rounding = d.pop("rounding", UNSET)
        rounding: LeaseQuoteRequestRounding | Unset
        if isinstance(_rounding, Unset):
            rounding = UNSET
        else:
            rounding = LeaseQuoteRequestRounding(_rounding)

        security_deposit = d.pop("security_deposit", UNSET)

        _timing = d.pop("timing", UNSET)
        timing: LeaseQuoteRequestTiming | Unset
        if isinstance(_timing, Unset):
            timing = UNSET
        else:
            timing = LeaseQuoteRequestTiming(_timing)

        lease_quote_request = cls(
            kind=kind,
            principal=principal,
            start_date=start_date,
            term=term,
            amortization=amortization,
            annual_rate=annual_rate,
            currency=currency,
            day_count=day_count,
            deposit_settlement=deposit_settlement,
            down_payment=down_payment,
            fees=fees,
            frequency=frequency,
            handling_fee=handling_fee,
            in_multiples_of=in_multiples_of,
            rents=rents,
            residual_value=residual_value,
            rounding=rounding,
            security_deposit=security_deposit,
            timing=timing,
        )

        return lease_quote_request
