from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.product_quote_view_kind import ProductQuoteViewKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.installment_out import InstallmentOut
    from ..models.product_quote_view_rate import ProductQuoteViewRate
    from ..models.product_quote_view_terms import ProductQuoteViewTerms
    from ..models.product_ref import ProductRef
    from ..models.quote_prepayment_out import QuotePrepaymentOut
    from ..models.totals_out import TotalsOut
    from ..models.upfront_out import UpfrontOut


T = TypeVar("T", bound="ProductQuoteView")


@_attrs_define
class ProductQuoteView:
    """
    Attributes:
        currency (str):
        installments (list[InstallmentOut]):
        kind (ProductQuoteViewKind):
        product (ProductRef):
        rate (ProductQuoteViewRate): how the annual rate was fixed (benchmark, spread) for floating products
        terms (ProductQuoteViewTerms): the terms priced, defaults filled in
        totals (TotalsOut):
        advance (None | str | Unset):
        deposit_refund (None | str | Unset):
        face_amount (None | str | Unset):
        financed_amount (None | str | Unset):
        implied_annual_rate (None | str | Unset):
        interest_collection (None | str | Unset):
        level_amount (None | str | Unset): the amount that repeats: the instalment (annuity, balloon) or rent (lease
            annuity), or the principal part (equal_principal, flat)
        net_disbursement (None | str | Unset): cash the customer receives on the start date
        prepayment (None | QuotePrepaymentOut | Unset):
        recourse (bool | None | Unset):
        reserve (None | str | Unset):
        upfront (None | Unset | UpfrontOut):
    """

    currency: str
    installments: list[InstallmentOut]
    kind: ProductQuoteViewKind
    product: ProductRef
    rate: ProductQuoteViewRate
    terms: ProductQuoteViewTerms
    totals: TotalsOut
    advance: None | str | Unset = UNSET
    deposit_refund: None | str | Unset = UNSET
    face_amount: None | str | Unset = UNSET
    financed_amount: None | str | Unset = UNSET
    implied_annual_rate: None | str | Unset = UNSET
    interest_collection: None | str | Unset = UNSET
    level_amount: None | str | Unset = UNSET
    net_disbursement: None | str | Unset = UNSET
    prepayment: None | QuotePrepaymentOut | Unset = UNSET
    recourse: bool | None | Unset = UNSET
    reserve: None | str | Unset = UNSET
    upfront: None | Unset | UpfrontOut = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.quote_prepayment_out import QuotePrepaymentOut  # noqa: PLC0415
        from ..models.upfront_out import UpfrontOut  # noqa: PLC0415

        currency = self.currency

        installments = []
        for installments_item_data in self.installments:
            installments_item = installments_item_data.to_dict()
            installments.append(installments_item)

        kind = self.kind.value

        product = self.product.to_dict()

        rate = self.rate.to_dict()

        terms = self.terms.to_dict()

        totals = self.totals.to_dict()

        advance: None | str | Unset
        if isinstance(self.advance, Unset):
            advance = UNSET
        else:
            advance = self.advance

        deposit_refund: None | str | Unset
        if isinstance(self.deposit_refund, Unset):
            deposit_refund = UNSET
        else:
            deposit_refund = self.deposit_refund

        face_amount: None | str | Unset
        if isinstance(self.face_amount, Unset):
            face_amount = UNSET
        else:
            face_amount = self.face_amount

        financed_amount: None | str | Unset
        if isinstance(self.financed_amount, Unset):
            financed_amount = UNSET
        else:
            financed_amount = self.financed_amount

        implied_annual_rate: None | str | Unset
        if isinstance(self.implied_annual_rate, Unset):
            implied_annual_rate = UNSET
        else:
            implied_annual_rate = self.implied_annual_rate

        interest_collection: None | str | Unset
        if isinstance(self.interest_collection, Unset):
            interest_collection = UNSET
        else:
            interest_collection = self.interest_collection

        level_amount: None | str | Unset
        if isinstance(self.level_amount, Unset):
            level_amount = UNSET
        else:
            level_amount = self.level_amount

        net_disbursement: None | str | Unset
        if isinstance(self.net_disbursement, Unset):
            net_disbursement = UNSET
        else:
            net_disbursement = self.net_disbursement

        prepayment: dict[str, Any] | None | Unset
        if isinstance(self.prepayment, Unset):
            prepayment = UNSET
        elif isinstance(self.prepayment, QuotePrepaymentOut):
            prepayment = self.prepayment.to_dict()
        else:
            prepayment = self.prepayment

        recourse: bool | None | Unset
        if isinstance(self.recourse, Unset):
            recourse = UNSET
        else:
            recourse = self.recourse

        reserve: None | str | Unset
        if isinstance(self.reserve, Unset):
            reserve = UNSET
        else:
            reserve = self.reserve

        upfront: dict[str, Any] | None | Unset
        if isinstance(self.upfront, Unset):
            upfront = UNSET
        elif isinstance(self.upfront, UpfrontOut):
            upfront = self.upfront.to_dict()
        else:
            upfront = self.upfront

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "currency": currency,
                "installments": installments,
                "kind": kind,
                "product": product,
                "rate": rate,
                "terms": terms,
                "totals": totals,
            }
        )
        if advance is not UNSET:
            field_dict["advance"] = advance
        if deposit_refund is not UNSET:
            field_dict["deposit_refund"] = deposit_refund
        if face_amount is not UNSET:
            field_dict["face_amount"] = face_amount
        if financed_amount is not UNSET:
            field_dict["financed_amount"] = financed_amount
        if implied_annual_rate is not UNSET:
            field_dict["implied_annual_rate"] = implied_annual_rate
        if interest_collection is not UNSET:
            field_dict["interest_collection"] = interest_collection
        if level_amount is not UNSET:
            field_dict["level_amount"] = level_amount
        if net_disbursement is not UNSET:
            field_dict["net_disbursement"] = net_disbursement
        if prepayment is not UNSET:
            field_dict["prepayment"] = prepayment
        if recourse is not UNSET:
            field_dict["recourse"] = recourse
        if reserve is not UNSET:
            field_dict["reserve"] = reserve
        if upfront is not UNSET:
            field_dict["upfront"] = upfront

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.installment_out import InstallmentOut  # noqa: PLC0415
        from ..models.product_quote_view_rate import ProductQuoteViewRate  # noqa: PLC0415
        from ..models.product_quote_view_terms import ProductQuoteViewTerms  # noqa: PLC0415
        from ..models.product_ref import ProductRef  # noqa: PLC0415
        from ..models.quote_prepayment_out import QuotePrepaymentOut  # noqa: PLC0415
        from ..models.totals_out import TotalsOut  # noqa: PLC0415
        from ..models.upfront_out import UpfrontOut  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency")

        installments = []
        _installments = d.pop("installments")
        for installments_item_data in _installments:
            installments_item = InstallmentOut.from_dict(installments_item_data)

            installments.append(installments_item)

        kind = ProductQuoteViewKind(d.pop("kind"))

        product = ProductRef.from_dict(d.pop("product"))

        rate = ProductQuoteViewRate.from_dict(d.pop("rate"))

        terms = ProductQuoteViewTerms.from_dict(d.pop("terms"))

        totals = TotalsOut.from_dict(d.pop("totals"))

        def _parse_advance(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        advance = _parse_advance(d.pop("advance", UNSET))

        def _parse_deposit_refund(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        deposit_refund = _parse_deposit_refund(d.pop("deposit_refund", UNSET))

        def _parse_face_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        face_amount = _parse_face_amount(d.pop("face_amount", UNSET))

        def _parse_financed_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        financed_amount = _parse_financed_amount(d.pop("financed_amount", UNSET))

        def _parse_implied_annual_rate(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        implied_annual_rate = _parse_implied_annual_rate(d.pop("implied_annual_rate", UNSET))

        def _parse_interest_collection(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        interest_collection = _parse_interest_collection(d.pop("interest_collection", UNSET))

        def _parse_level_amount(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        level_amount = _parse_level_amount(d.pop("level_amount", UNSET))

        def _parse_net_disbursement(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        net_disbursement = _parse_net_disbursement(d.pop("net_disbursement", UNSET))

        def _parse_prepayment(data: object) -> None | QuotePrepaymentOut | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                prepayment_type_0 = QuotePrepaymentOut.from_dict(data)

                return prepayment_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | QuotePrepaymentOut | Unset, data)

        prepayment = _parse_prepayment(d.pop("prepayment", UNSET))

        def _parse_recourse(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        recourse = _parse_recourse(d.pop("recourse", UNSET))

        def _parse_reserve(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reserve = _parse_reserve(d.pop("reserve", UNSET))

        def _parse_upfront(data: object) -> None | Unset | UpfrontOut:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                upfront_type_0 = UpfrontOut.from_dict(data)

                return upfront_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UpfrontOut, data)

        upfront = _parse_upfront(d.pop("upfront", UNSET))

        product_quote_view = cls(
            currency=currency,
            installments=installments,
            kind=kind,
            product=product,
            rate=rate,
            terms=terms,
            totals=totals,
            advance=advance,
            deposit_refund=deposit_refund,
            face_amount=face_amount,
            financed_amount=financed_amount,
            implied_annual_rate=implied_annual_rate,
            interest_collection=interest_collection,
            level_amount=level_amount,
            net_disbursement=net_disbursement,
            prepayment=prepayment,
            recourse=recourse,
            reserve=reserve,
            upfront=upfront,
        )

        product_quote_view.additional_properties = d
        return product_quote_view

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
