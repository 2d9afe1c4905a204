"""Partner applications' rules and lifecycle (pure), and the local rate tiers (a token bucket and a
daily quota on the one clock)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from chalicelib.partners import domain
from chalicelib.partners.domain import Action, ActorRef, PartnerApplication, Status
from chalicelib.platform import throttle
from chalicelib.shared import clock
from chalicelib.shared.errors import Conflict, RuleViolation, TooManyRequests
from chalicelib.shared.tenant import Role, TenantContext, TenantKind

ADMIN = TenantContext("demo-lending", TenantKind.LENDING, "sub-admin", "tenant-admin@demo-lending",
                      frozenset({Role.TENANT_ADMIN}))
AT = datetime(2026, 12, 7, 10, 0, tzinfo=timezone.utc)


def _app(status: Status = Status.ACTIVE) -> PartnerApplication:
    return PartnerApplication("pa-1", "Partner", "client-1", ("quotes:write",), (), "sandbox", status, AT,
                              ActorRef("sub-admin", "tenant-admin@demo-lending"))


def test_an_active_application_rotates_and_is_revoked_and_each_change_keeps_before_and_after():
    rotated, change = domain.rotated(ADMIN, _app(), "client-2", AT, "c1")
    assert (rotated.client_id, rotated.status, change.before["client_id"], change.after["client_id"]) == (
        "client-2", Status.ACTIVE, "client-1", "client-2")
    revoked, change = domain.revoked(ADMIN, rotated, AT, "c2")
    assert (revoked.status, change.action, change.actor.user_id) == (Status.REVOKED, Action.REVOKE, "sub-admin")
    assert "secret" not in str(change.after)


@pytest.mark.parametrize("action", [Action.ROTATE, Action.REVOKE])
def test_a_revoked_application_allows_nothing(action):
    with pytest.raises(Conflict) as refused:
        domain.transition(Status.REVOKED, action)
    assert (refused.value.code, refused.value.details["allowed"]) == ("partners.application.illegal_transition", [])


def test_scopes_tiers_and_allowlists_are_checked_and_normalised():
    assert domain.parse_scopes(["applications:read", "quotes:write", "quotes:write"]) == ("quotes:write",
                                                                                           "applications:read")
    assert domain.parse_allowlist(["10.0.0.7/24", "10.0.0.0/24", "::1"]) == ("10.0.0.0/24", "::1/128")
    for bad, code in ((lambda: domain.parse_scopes([]), "partners.application.scope_invalid"),
                      (lambda: domain.parse_scopes(["admin:everything"]), "partners.application.scope_invalid"),
                      (lambda: domain.parse_tier("gold"), "partners.application.tier_invalid"),
                      (lambda: domain.parse_allowlist(["example.com"]), "partners.application.ip_invalid")):
        with pytest.raises(RuleViolation) as refused:
            bad()
        assert refused.value.code == code


@pytest.fixture()
def fixed_clock():
    wired = clock._clock
    fixed = clock.FixedClock(AT)
    clock.use(clock=fixed)
    yield fixed
    clock._clock = wired


def test_the_bucket_admits_the_burst_then_refuses_until_it_refills(fixed_clock):
    key = "pa-bucket"
    throttle.forget(key)
    tier = throttle.tier("sandbox")  # 2 a second, burst 5
    for _ in range(tier.burst):
        throttle.admit(key, "sandbox")
    with pytest.raises(TooManyRequests) as refused:
        throttle.admit(key, "sandbox")
    assert refused.value.details["retry_after_s"] == 1
    fixed_clock.advance(seconds=0.5)  # one token back at 2 a second
    throttle.admit(key, "sandbox")
    with pytest.raises(TooManyRequests):
        throttle.admit(key, "sandbox")


def test_the_daily_quota_refuses_until_the_next_utc_day(fixed_clock, monkeypatch):
    key = "pa-quota"
    throttle.forget(key)
    small = throttle.TIERS["sandbox"].__class__("tiny", rate_per_s=100, burst=100, quota_per_day=3)
    monkeypatch.setitem(throttle.TIERS, "tiny", small)
    for _ in range(3):
        throttle.admit(key, "tiny")
    with pytest.raises(TooManyRequests) as refused:
        throttle.admit(key, "tiny")
    assert refused.value.details["retry_after_s"] == 14 * 3600  # 10:00 → midnight UTC
    fixed_clock.advance(hours=14)
    throttle.admit(key, "tiny")
