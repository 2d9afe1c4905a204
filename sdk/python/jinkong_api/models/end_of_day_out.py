from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.end_of_day_out_contract_steps import EndOfDayOutContractSteps
    from ..models.parked_out import ParkedOut
    from ..models.phase_out import PhaseOut
    from ..models.run_error import RunError


T = TypeVar("T", bound="EndOfDayOut")


@_attrs_define
class EndOfDayOut:
    """
    Attributes:
        business_date (datetime.date):
        status (str): running, completed or failed
        batches (int | Unset):  Default: 0.
        batches_done (int | Unset):  Default: 0.
        caught_up (list[datetime.date] | Unset): earlier dates this call closed first, in order
        closed (int | Unset):  Default: 0.
        contract_steps (EndOfDayOutContractSteps | Unset): per business step, the contracts it changed
        error (None | RunError | Unset):
        expired_applications (list[str] | Unset):
        finished_at (datetime.datetime | None | Unset):
        parked (int | Unset): contracts whose close kept failing: shown, not closed for the date Default: 0.
        parked_contracts (list[ParkedOut] | Unset):
        phases (list[PhaseOut] | Unset):
        processed (int | Unset): contracts done: closed, skipped (closed already) or parked Default: 0.
        run_id (None | str | Unset):
        skipped (int | Unset):  Default: 0.
        started_at (datetime.datetime | None | Unset):
        total (int | Unset): active contracts the close works through Default: 0.
    """

    business_date: datetime.date
    status: str
    batches: int | Unset = 0
    batches_done: int | Unset = 0
    caught_up: list[datetime.date] | Unset = UNSET
    closed: int | Unset = 0
    contract_steps: EndOfDayOutContractSteps | Unset = UNSET
    error: None | RunError | Unset = UNSET
    expired_applications: list[str] | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    parked: int | Unset = 0
    parked_contracts: list[ParkedOut] | Unset = UNSET
    phases: list[PhaseOut] | Unset = UNSET
    processed: int | Unset = 0
    run_id: None | str | Unset = UNSET
    skipped: int | Unset = 0
    started_at: datetime.datetime | None | Unset = UNSET
    total: int | Unset = 0
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.run_error import RunError  # noqa: PLC0415

        business_date = self.business_date.isoformat()

        status = self.status

        batches = self.batches

        batches_done = self.batches_done

        caught_up: list[str] | Unset = UNSET
        if not isinstance(self.caught_up, Unset):
            caught_up = []
            for caught_up_item_data in self.caught_up:
                caught_up_item = caught_up_item_data.isoformat()
                caught_up.append(caught_up_item)

        closed = self.closed

        contract_steps: dict[str, Any] | Unset = UNSET
        if not isinstance(self.contract_steps, Unset):
            contract_steps = self.contract_steps.to_dict()

        error: dict[str, Any] | None | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        elif isinstance(self.error, RunError):
            error = self.error.to_dict()
        else:
            error = self.error

        expired_applications: list[str] | Unset = UNSET
        if not isinstance(self.expired_applications, Unset):
            expired_applications = self.expired_applications

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        parked = self.parked

        parked_contracts: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.parked_contracts, Unset):
            parked_contracts = []
            for parked_contracts_item_data in self.parked_contracts:
                parked_contracts_item = parked_contracts_item_data.to_dict()
                parked_contracts.append(parked_contracts_item)

        phases: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.phases, Unset):
            phases = []
            for phases_item_data in self.phases:
                phases_item = phases_item_data.to_dict()
                phases.append(phases_item)

        processed = self.processed

        run_id: None | str | Unset
        if isinstance(self.run_id, Unset):
            run_id = UNSET
        else:
            run_id = self.run_id

        skipped = self.skipped

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "business_date": business_date,
                "status": status,
            }
        )
        if batches is not UNSET:
            field_dict["batches"] = batches
        if batches_done is not UNSET:
            field_dict["batches_done"] = batches_done
        if caught_up is not UNSET:
            field_dict["caught_up"] = caught_up
        if closed is not UNSET:
            field_dict["closed"] = closed
        if contract_steps is not UNSET:
            field_dict["contract_steps"] = contract_steps
        if error is not UNSET:
            field_dict["error"] = error
        if expired_applications is not UNSET:
            field_dict["expired_applications"] = expired_applications
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if parked is not UNSET:
            field_dict["parked"] = parked
        if parked_contracts is not UNSET:
            field_dict["parked_contracts"] = parked_contracts
        if phases is not UNSET:
            field_dict["phases"] = phases
        if processed is not UNSET:
            field_dict["processed"] = processed
        if run_id is not UNSET:
            field_dict["run_id"] = run_id
        if skipped is not UNSET:
            field_dict["skipped"] = skipped
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.end_of_day_out_contract_steps import EndOfDayOutContractSteps  # noqa: PLC0415
        from ..models.parked_out import ParkedOut  # noqa: PLC0415
        from ..models.phase_out import PhaseOut  # noqa: PLC0415
        from ..models.run_error import RunError  # noqa: PLC0415

        d = dict(src_dict)
        business_date = datetime.date.fromisoformat(d.pop("business_date"))

        status = d.pop("status")

        batches = d.pop("batches", UNSET)

        batches_done = d.pop("batches_done", UNSET)

        _caught_up = d.pop("caught_up", UNSET)
        caught_up: list[datetime.date] | Unset = UNSET
        if _caught_up is not UNSET:
            caught_up = []
            for caught_up_item_data in _caught_up:
                caught_up_item = datetime.date.fromisoformat(caught_up_item_data)

                caught_up.append(caught_up_item)

        closed = d.pop("closed", UNSET)

        _contract_steps = d.pop("contract_steps", UNSET)
        contract_steps: EndOfDayOutContractSteps | Unset
        if isinstance(_contract_steps, Unset):
            contract_steps = UNSET
        else:
            contract_steps = EndOfDayOutContractSteps.from_dict(_contract_steps)

        def _parse_error(data: object) -> None | RunError | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                error_type_0 = RunError.from_dict(data)

                return error_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | RunError | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        expired_applications = cast(list[str], d.pop("expired_applications", UNSET))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", UNSET))

        parked = d.pop("parked", UNSET)

        _parked_contracts = d.pop("parked_contracts", UNSET)
        parked_contracts: list[ParkedOut] | Unset = UNSET
        if _parked_contracts is not UNSET:
            parked_contracts = []
            for parked_contracts_item_data in _parked_contracts:
                parked_contracts_item = ParkedOut.from_dict(parked_contracts_item_data)

                parked_contracts.append(parked_contracts_item)

        _phases = d.pop("phases", UNSET)
        phases: list[PhaseOut] | Unset = UNSET
        if _phases is not UNSET:
            phases = []
            for phases_item_data in _phases:
                phases_item = PhaseOut.from_dict(phases_item_data)

                phases.append(phases_item)

        processed = d.pop("processed", UNSET)

        def _parse_run_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        run_id = _parse_run_id(d.pop("run_id", UNSET))

        skipped = d.pop("skipped", UNSET)

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", UNSET))

        total = d.pop("total", UNSET)

        end_of_day_out = cls(
            business_date=business_date,
            status=status,
            batches=batches,
            batches_done=batches_done,
            caught_up=caught_up,
            closed=closed,
            contract_steps=contract_steps,
            error=error,
            expired_applications=expired_applications,
            finished_at=finished_at,
            parked=parked,
            parked_contracts=parked_contracts,
            phases=phases,
            processed=processed,
            run_id=run_id,
            skipped=skipped,
            started_at=started_at,
            total=total,
        )

        end_of_day_out.additional_properties = d
        return end_of_day_out

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
