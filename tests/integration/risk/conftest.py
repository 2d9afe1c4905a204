"""Group risk on the embedded AWS: its routes and Lambda tasks on the shared app, the consolidation
state machine created from the real ASL file, the demo exposures, and scratch groups of our own.

``risk_stack`` does what app.py and the local stack will do once wired (and is harmless after): it
registers the blueprints, registers the tasks as in-process Lambda functions and provisions the state
machine with their ARNs substituted.
"""
from __future__ import annotations

import os
import time
import uuid
from dataclasses import dataclass
from datetime import date, timedelta, timezone
from typing import Any, Iterator

import pytest

from tests.support import TEST_BUSINESS_DATE

CHINA = timezone(timedelta(hours=8))
RUN_TIMEOUT_S = 180  # a deadline for the poll, not a timing assertion: a loaded 2-core machine runs three suites at once


@pytest.fixture(scope="session")
def risk_stack(local_env, chalice_app) -> dict[str, str]:
    from chalicelib.local import stack
    from chalicelib.platform.settings import reset_settings
    from chalicelib.risk import api as risk_api
    from chalicelib.risk import tasks
    from chalicelib.risk.local import provision_state_machines

    if "/v1/group/consolidations" not in chalice_app.routes:
        chalice_app.register_blueprint(risk_api.api.blueprint)
    if not any(fn.name == "consolidation_extract" for fn in chalice_app.pure_lambda_functions):
        chalice_app.register_blueprint(tasks.blueprint)
    stack.register_app_functions(local_env.provisioned.prefix)
    env = provision_state_machines(local_env.provisioned.prefix)
    os.environ.update(env)
    reset_settings()
    return env


@pytest.fixture(scope="session")
def risk_api(risk_stack, chalice_app, logins) -> Iterator[Any]:
    """One API client for module-scoped fixtures (the ``api`` fixture is per test)."""
    from chalice.test import Client

    from tests.support import Api

    with Client(chalice_app, stage_name="local") as client:
        yield Api(client, logins)


def today_in_china() -> date:
    """HQ's business date in the test session (fixed: no test depends on the machine's clock)."""
    return TEST_BUSINESS_DATE


def run_to_end(api: Any, user: str, as_of: date | None = None) -> dict[str, Any]:
    """Start a run through the API and follow it until it is no longer running."""
    started = api.as_(user).post("/v1/group/consolidations", {"as_of": (as_of or today_in_china()).isoformat()})
    assert started.status == 202, started.body
    return wait_for(api, user, started.body["run_id"])


def wait_for(api: Any, user: str, run_id: str, *, opened_by_the_run: bool = False) -> dict[str, Any]:
    """Poll a run until it ends. A scheduled execution opens its own run record, so until its first
    step has run the record may not exist yet (``opened_by_the_run``)."""
    deadline = time.monotonic() + RUN_TIMEOUT_S
    while time.monotonic() < deadline:
        r = api.as_(user).get(f"/v1/group/consolidations/{run_id}")
        if r.status == 404 and opened_by_the_run:
            time.sleep(0.25)
            continue
        assert r.status == 200, r.body
        if r.body["status"] not in ("QUEUED", "RUNNING"):
            return r.body
        time.sleep(0.25)
    raise AssertionError(f"run {run_id} did not finish in {RUN_TIMEOUT_S}s")


def subsidiary_context(tenant_id: str, username: str = "loan-officer") -> Any:
    from chalicelib import bootstrap
    from chalicelib.shared.tenant import Role, TenantContext, TenantKind

    d = bootstrap.tenant_registry().get(tenant_id).definition
    return TenantContext(tenant_id=tenant_id, kind=TenantKind(d.kind), user_id=f"svc-{username}",
                         username=f"{username}@{tenant_id}", roles=frozenset({Role.LOAN_OFFICER}),
                         group_id=d.group_id, isolation=d.isolation)


def identity_hash(label: str) -> str:
    import hashlib

    return hashlib.sha256(label.encode()).hexdigest()


@dataclass
class ScratchGroup:
    """A holding group of our own (so runs, limits and warnings here touch no demo data)."""

    group_id: str
    subsidiaries: list[str]

    @property
    def risk_user(self) -> str:
        return f"group-risk@{self.group_id}"

    @property
    def admin_user(self) -> str:
        return f"group-admin@{self.group_id}"

    def sub(self, letter: str) -> str:
        return next(s for s in self.subsidiaries if s.startswith(f"rk{letter}-"))


def make_scratch_group(letters: str = "abcd") -> ScratchGroup:
    from chalicelib import bootstrap
    from chalicelib.local.seed import demo_password, open_calendars
    from chalicelib.shared.tenant import Role
    from chalicelib.tenancy.domain import TenantDefinition
    from chalicelib.tenancy.identity import CognitoDirectory

    tag = uuid.uuid4().hex[:6]
    group_id = f"rkgrp-{tag}"
    registry = bootstrap.tenant_registry()
    registry.upsert(TenantDefinition.model_validate({
        "id": group_id, "kind": "group", "name": {"zh-CN": "测试集团", "en-US": "Risk Test Group"}}))
    kinds = {"a": "lending", "b": "leasing", "c": "factoring", "d": "lending"}
    subs = []
    for letter in letters:
        sub = f"rk{letter}-{tag}"
        registry.upsert(TenantDefinition.model_validate({
            "id": sub, "kind": kinds[letter], "group": group_id,
            "name": {"zh-CN": f"测试子公司{letter}", "en-US": f"Risk Test Sub {letter.upper()}"}}))
        subs.append(sub)
    open_calendars([registry.get(t).definition for t in (group_id, *subs)], TEST_BUSINESS_DATE)
    people = CognitoDirectory()
    for role in (Role.GROUP_RISK, Role.GROUP_ADMIN):
        people.create_user(f"{role.value}@{group_id}", group_id, [role], password=demo_password(), permanent=True)
    people.create_user(f"loan-officer@{subs[0]}", subs[0], [Role.LOAN_OFFICER], password=demo_password(), permanent=True)
    return ScratchGroup(group_id, subs)


@pytest.fixture(scope="session")
def history_group(risk_stack) -> Any:
    """A copy of the demo group under ids of its own, with the demo history replayed for it through the
    same code ``make run`` uses, ending on the session's business date (the shared demo tenants keep
    theirs: other suites rely on it)."""
    from chalicelib import bootstrap
    from chalicelib.local.demo import seed_demo
    from chalicelib.local.demo.group import DemoGroup
    from chalicelib.local.seed import demo_password, demo_users, load_definitions
    from chalicelib.tenancy.domain import TenantDefinition
    from chalicelib.tenancy.identity import CognitoDirectory

    tag = uuid.uuid4().hex[:6]
    group = DemoGroup(f"hg-{tag}", f"hgl-{tag}", f"hgs-{tag}", f"hgf-{tag}")
    registry, people, copies = bootstrap.tenant_registry(), CognitoDirectory(), []
    for d in load_definitions():
        if d.id not in ("demo-group", *("demo-lending", "demo-leasing", "demo-factoring")):
            continue
        body = d.model_dump(mode="json", by_alias=True, exclude_none=True)
        body["id"] = group.tenant(d.id)
        if body.get("group"):
            body["group"] = group.hq
        body.pop("unified_social_credit_code", None)
        copy = TenantDefinition.model_validate(body)
        registry.upsert(copy)
        copies.append(copy)
    for u in demo_users(copies):
        people.create_user(u.username, u.tenant_id, [u.role], password=demo_password(), permanent=True)
    seed_demo(group, through=TEST_BUSINESS_DATE)
    return group


SHARED_BOOKS = {"lending-sme-shenjiang", "factoring-shenjiang", "lending-sme-huanan-sub", "leasing-huanan-sub",
                "leasing-huanan-parent"}


@pytest.fixture(scope="session")
def demo_contracts(risk_stack) -> list[Any]:
    """The demo group's shared customers' contracts, disbursed for real on the session's business date
    (no history: the shared demo tenants keep their date)."""
    from chalicelib.local.demo.applications import seed_demo_applications
    from chalicelib.local.demo.products import seed_demo_products

    seed_demo_products()
    seeded = seed_demo_applications(only=SHARED_BOOKS)
    assert [s.error for s in seeded if s.error] == []
    return seeded


@pytest.fixture(scope="session")
def demo_run(risk_api, demo_contracts) -> dict[str, Any]:
    """One on-demand run of the demo group, as HQ's risk officer starts it from the dashboard."""
    run = run_to_end(risk_api, "group-risk@demo-group")
    assert run["status"] == "SUCCEEDED", run
    return run


@pytest.fixture(scope="session")
def history_run(risk_api, history_group) -> dict[str, Any]:
    """One on-demand run of the history group, as its HQ's risk officer starts it from the dashboard."""
    return run_to_end(risk_api, f"group-risk@{history_group.hq}")


def demo_hash(name: str, group_id: str = "demo-group") -> str:
    """The group identity hash of one of the demo companies (by its name), in one holding group."""
    from chalicelib.local.demo import applications
    from chalicelib.platform.settings import identity_hash_key
    from chalicelib.shared.identity import IdentityType, keyed_hash

    party = next(v for v in vars(applications).values() if isinstance(v, dict) and v.get("name") == name)
    return keyed_hash(identity_hash_key(group_id), IdentityType(party["identity_type"]), party["identity_number"])


class FaultySource:
    """The real exposure source, except for the subsidiaries told to fail (AWS errors, as boto raises them)."""

    def __init__(self, inner: Any, *, throttled: tuple[str, ...] = (), flaky_once: tuple[str, ...] = (),
                 corrupt: tuple[str, ...] = ()):
        self.inner, self.throttled, self.flaky_once, self.corrupt = inner, throttled, set(flaky_once), corrupt
        self.calls: dict[str, int] = {}

    def estimate_count(self, sub: Any) -> int:
        return self.inner.estimate_count(sub)

    def extract(self, sub: Any, as_of: date, part: Any = None) -> list[Any]:
        from botocore.exceptions import ClientError

        from chalicelib.risk.exposures import ExposureInvalid

        self.calls[sub.tenant_id] = self.calls.get(sub.tenant_id, 0) + 1
        if sub.tenant_id in self.throttled:
            raise ClientError({"Error": {"Code": "ThrottlingException", "Message": "Rate exceeded"},
                               "ResponseMetadata": {"HTTPStatusCode": 400}}, "Query")
        if sub.tenant_id in self.flaky_once and self.calls[sub.tenant_id] == 1:
            raise ClientError({"Error": {"Code": "InternalServerError", "Message": "try again"},
                               "ResponseMetadata": {"HTTPStatusCode": 500}}, "Query")
        if sub.tenant_id in self.corrupt:
            raise ExposureInvalid("contract K-9: outstanding_principal must be a non-negative decimal")
        return self.inner.extract(sub, as_of, part)
