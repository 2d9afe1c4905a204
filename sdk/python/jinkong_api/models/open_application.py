from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.open_application_lease_structure_type_0 import OpenApplicationLeaseStructureType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.invoice_in import InvoiceIn
    from ..models.leased_asset_in import LeasedAssetIn
    from ..models.open_application_terms import OpenApplicationTerms


T = TypeVar("T", bound="OpenApplication")


@_attrs_define
class OpenApplication:
    """``POST /v1/applications``.

    Attributes:
        customer_id (str):
        product_code (str):
        assets (list[LeasedAssetIn] | Unset):
        facility_id (None | str | Unset): the credit facility it draws on
        invoices (list[InvoiceIn] | Unset):
        lease_structure (None | OpenApplicationLeaseStructureType0 | Unset):
        terms (OpenApplicationTerms | Unset): the product quote's terms
    """

    customer_id: str
    product_code: str
    assets: list[LeasedAssetIn] | Unset = UNSET
    facility_id: None | str | Unset = UNSET
    invoices: list[InvoiceIn] | Unset = UNSET
    lease_structure: None | OpenApplicationLeaseStructureType0 | Unset = UNSET
    terms: OpenApplicationTerms | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        customer_id = self.customer_id

        product_code = self.product_code

        assets: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.assets, Unset):
            assets = []
            for assets_item_data in self.assets:
                assets_item = assets_item_data.to_dict()
                assets.append(assets_item)

        facility_id: None | str | Unset
        if isinstance(self.facility_id, Unset):
            facility_id = UNSET
        else:
            facility_id = self.facility_id

        invoices: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.invoices, Unset):
            invoices = []
            for invoices_item_data in self.invoices:
                invoices_item = invoices_item_data.to_dict()
                invoices.append(invoices_item)

        lease_structure: None | str | Unset
        if isinstance(self.lease_structure, Unset):
            lease_structure = UNSET
        elif isinstance(self.lease_structure, OpenApplicationLeaseStructureType0):
            lease_structure = self.lease_structure.value
        else:
            lease_structure = self.lease_structure

        terms: dict[str, Any] | Unset = UNSET
        if not isinstance(self.terms, Unset):
            terms = self.terms.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "customer_id": customer_id,
                "product_code": product_code,
            }
        )
        if assets is not UNSET:
            field_dict["assets"] = assets
        if facility_id is not UNSET:
            field_dict["facility_id"] = facility_id
        if invoices is not UNSET:
            field_dict["invoices"] = invoices
        if lease_structure is not UNSET:
            field_dict["lease_structure"] = lease_structure
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invoice_in import InvoiceIn  # noqa: PLC0415
        from ..models.leased_asset_in import LeasedAssetIn  # noqa: PLC0415
        from ..models.open_application_terms import OpenApplicationTerms  # noqa: PLC0415

        d = dict(src_dict)
        customer_id = d.pop("customer_id")

        product_code = d.pop("product_code")

        _assets = d.pop("assets", UNSET)
        assets: list[LeasedAssetIn] | Unset = UNSET
        if _assets is not UNSET:
            assets = []
            for assets_item_data in _assets:
                assets_item = LeasedAssetIn.from_dict(assets_item_data)

                assets.append(assets_item)

        def _parse_facility_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        facility_id = _parse_facility_id(d.pop("facility_id", UNSET))

        _invoices = d.pop("invoices", UNSET)
        invoices: list[InvoiceIn] | Unset = UNSET
        if _invoices is not UNSET:
            invoices = []
            for invoices_item_data in _invoices:
                invoices_item = InvoiceIn.from_dict(invoices_item_data)

                invoices.append(invoices_item)

        def _parse_lease_structure(data: object) -> None | OpenApplicationLeaseStructureType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lease_structure_type_0 = OpenApplicationLeaseStructureType0(data)

                return lease_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OpenApplicationLeaseStructureType0 | Unset, data)

        lease_structure = _parse_lease_structure(d.pop("lease_structure", UNSET))

        _terms = d.pop("terms", UNSET)
        terms: OpenApplicationTerms | Unset
        if isinstance(_terms, Unset):
            terms = UNSET
        else:
            terms = OpenApplicationTerms.from_dict(_terms)

        open_application = cls(
            customer_id=customer_id,
            product_code=product_code,
            assets=assets,
            facility_id=facility_id,
            invoices=invoices,
            lease_structure=lease_structure,
            terms=terms,
        )

        return open_application
