from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.change_application_lease_structure_type_0 import ChangeApplicationLeaseStructureType0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.change_application_terms_type_0 import ChangeApplicationTermsType0
    from ..models.invoice_in import InvoiceIn
    from ..models.leased_asset_in import LeasedAssetIn


T = TypeVar("T", bound="ChangeApplication")


@_attrs_define
class ChangeApplication:
    """``PATCH /v1/applications/{id}`` (draft or returned): ``terms`` merge into the current terms
    (``null`` removes one); ``assets`` and ``invoices`` replace the current lists.

        Attributes:
            assets (list[LeasedAssetIn] | None | Unset):
            invoices (list[InvoiceIn] | None | Unset):
            lease_structure (ChangeApplicationLeaseStructureType0 | None | Unset):
            terms (ChangeApplicationTermsType0 | None | Unset):
    """

    assets: list[LeasedAssetIn] | None | Unset = UNSET
    invoices: list[InvoiceIn] | None | Unset = UNSET
    lease_structure: ChangeApplicationLeaseStructureType0 | None | Unset = UNSET
    terms: ChangeApplicationTermsType0 | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.change_application_terms_type_0 import ChangeApplicationTermsType0  # noqa: PLC0415

        assets: list[dict[str, Any]] | None | Unset
        if isinstance(self.assets, Unset):
            assets = UNSET
        elif isinstance(self.assets, list):
            assets = []
            for assets_type_0_item_data in self.assets:
                assets_type_0_item = assets_type_0_item_data.to_dict()
                assets.append(assets_type_0_item)

        else:
            assets = self.assets

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

        lease_structure: None | str | Unset
        if isinstance(self.lease_structure, Unset):
            lease_structure = UNSET
        elif isinstance(self.lease_structure, ChangeApplicationLeaseStructureType0):
            lease_structure = self.lease_structure.value
        else:
            lease_structure = self.lease_structure

        terms: dict[str, Any] | None | Unset
        if isinstance(self.terms, Unset):
            terms = UNSET
        elif isinstance(self.terms, ChangeApplicationTermsType0):
            terms = self.terms.to_dict()
        else:
            terms = self.terms

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if assets is not UNSET:
            field_dict["assets"] = assets
        if invoices is not UNSET:
            field_dict["invoices"] = invoices
        if lease_structure is not UNSET:
            field_dict["lease_structure"] = lease_structure
        if terms is not UNSET:
            field_dict["terms"] = terms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.change_application_terms_type_0 import ChangeApplicationTermsType0  # noqa: PLC0415
        from ..models.invoice_in import InvoiceIn  # noqa: PLC0415
        from ..models.leased_asset_in import LeasedAssetIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_assets(data: object) -> list[LeasedAssetIn] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                assets_type_0 = []
                _assets_type_0 = data
                for assets_type_0_item_data in _assets_type_0:
                    assets_type_0_item = LeasedAssetIn.from_dict(assets_type_0_item_data)

                    assets_type_0.append(assets_type_0_item)

                return assets_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[LeasedAssetIn] | None | Unset, data)

        assets = _parse_assets(d.pop("assets", UNSET))

        def _parse_invoices(data: object) -> list[InvoiceIn] | None | Unset:
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
                    invoices_type_0_item = InvoiceIn.from_dict(invoices_type_0_item_data)

                    invoices_type_0.append(invoices_type_0_item)

                return invoices_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InvoiceIn] | None | Unset, data)

        invoices = _parse_invoices(d.pop("invoices", UNSET))

        def _parse_lease_structure(data: object) -> ChangeApplicationLeaseStructureType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lease_structure_type_0 = ChangeApplicationLeaseStructureType0(data)

                return lease_structure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeApplicationLeaseStructureType0 | None | Unset, data)

        lease_structure = _parse_lease_structure(d.pop("lease_structure", UNSET))

        def _parse_terms(data: object) -> ChangeApplicationTermsType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                terms_type_0 = ChangeApplicationTermsType0.from_dict(data)

                return terms_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ChangeApplicationTermsType0 | None | Unset, data)

        terms = _parse_terms(d.pop("terms", UNSET))

        change_application = cls(
            assets=assets,
            invoices=invoices,
            lease_structure=lease_structure,
            terms=terms,
        )

        return change_application
