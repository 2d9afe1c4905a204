"""Who may use group risk (HQ's group-risk and group-admin only), and a run's progress while it runs."""
from __future__ import annotations

import threading
import time

import pytest

from chalicelib.risk import wiring
from chalicelib.risk.store import DynamoExposureSource, upsert_exposure
from chalicelib.shared.tenant import SUBSIDIARY_ROLES
from tests.integration.risk.conftest import (
    identity_hash,
    make_scratch_group,
    subsidiary_context,
    today_in_china,
    wait_for,
)

ROUTES = [
    ("POST", "/v1/group/consolidations", {"as_of": "2026-01-01"}),
    ("GET", "/v1/group/consolidations", None),
    ("GET", "/v1/group/consolidations/csr_x", None),
    ("GET", "/v1/group/exposures", None),
    ("GET", f"/v1/group/customers/{'0' * 64}", None),
    ("GET", "/v1/group/dashboard", None),
    ("GET", "/v1/group/limits", None),
    ("PUT", "/v1/group/limits", {}),
    ("GET", "/v1/group/classification", None),
    ("PUT", "/v1/group/classification", {}),
    ("GET", "/v1/group/warnings", None),
    ("POST", "/v1/group/warnings/wrn_x/acknowledge", {"note": "seen"}),
    ("GET", "/v1/group/reports/csr_x/exposures.csv", None),
]


@pytest.mark.parametrize("role", [r.value for r in SUBSIDIARY_ROLES])
def test_every_subsidiary_role_is_refused_every_group_route(risk_api, role):
    tenant = {"collector": "demo-leasing", "finance": "demo-factoring"}.get(role, "demo-lending")
    caller = risk_api.as_(f"{role}@{tenant}")
    for method, path, body in ROUTES:
        r = caller.call(method, path, body)
        assert (r.status, r.code) == (403, "auth.role.forbidden"), (method, path, r.body)


def test_the_platform_admin_is_refused_and_an_anonymous_caller_unauthenticated(risk_api):
    assert risk_api.as_("admin@platform").get("/v1/group/dashboard").status == 403
    assert risk_api.with_token(None).get("/v1/group/dashboard").status == 401


def test_a_group_admin_reads_but_only_group_risk_sets_limits_and_classes(risk_api, demo_run):
    admin = risk_api.as_("group-admin@demo-group")
    assert admin.get("/v1/group/limits").status == 200
    assert admin.get(f"/v1/group/consolidations/{demo_run['run_id']}").status == 200
    assert admin.call("PUT", "/v1/group/limits", {"single_customer": {"amount": "1"}}).status == 403
    assert admin.call("PUT", "/v1/group/classification", {}).status == 403


def test_a_run_date_in_the_future_is_refused(risk_api, risk_stack):
    r = risk_api.as_("group-risk@demo-group").post("/v1/group/consolidations", {"as_of": "2999-01-01"})
    assert (r.status, r.code) == (422, "risk.consolidation.as_of.invalid")
    assert risk_api.as_("group-risk@demo-group").post("/v1/group/consolidations", {}).status == 422


class HeldSource:
    """Holds every extract until the test lets go, so the test can look at a run in the middle."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.inner = DynamoExposureSource()

    def estimate_count(self, sub):
        return self.inner.estimate_count(sub)

    def extract(self, sub, as_of, part=None):
        self.release.wait(30)
        return self.inner.extract(sub, as_of, part)


def test_progress_per_step_and_per_subsidiary_shows_while_the_run_goes_on(risk_api, risk_stack):
    group = make_scratch_group("ab")
    upsert_exposure(subsidiary_context(group.sub("a")), contract_id="K-1", customer_hash=identity_hash("p"),
                    product_kind="loan", outstanding_principal="10.00", customer_label="p", region="310000",
                    figures_on=today_in_china())
    hq = risk_api.as_(group.risk_user)
    source = HeldSource()
    with wiring.override(exposure_source=source):
        started = hq.post("/v1/group/consolidations", {"as_of": today_in_china().isoformat()})
        assert started.status == 202 and started.body["status"] == "QUEUED"
        run_id = started.body["run_id"]
        deadline, seen = time.monotonic() + 30, None
        while time.monotonic() < deadline:
            seen = hq.get(f"/v1/group/consolidations/{run_id}").body
            subs = {p["subsidiary_id"]: p["status"] for p in seen["subsidiary_progress"]}
            if set(subs.values()) == {"extracting"} and len(subs) == 2:
                break
            time.sleep(0.1)
        source.release.set()
        assert seen["status"] == "RUNNING"
        assert {s["step"]: s["status"] for s in seen["steps"]} == {"list_subsidiaries": "succeeded",
                                                                  "extract": "running"}
        done = wait_for(risk_api, group.risk_user, run_id)
    assert done["status"] == "SUCCEEDED"
    assert [p["status"] for p in done["subsidiary_progress"]] == ["extracted", "extracted"]
