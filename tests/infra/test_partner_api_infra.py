"""The partner API in the synthesised stack: resource server scopes, token domain, usage plans per tier,
all from ``resources.PARTNER_API`` and ``resources.RATE_TIERS``."""
from __future__ import annotations

from chalicelib.platform.resources import PARTNER_API, RATE_TIERS


def test_the_resource_server_carries_exactly_the_partner_scopes(real):
    [server] = real.resources("AWS::Cognito::UserPoolResourceServer").values()
    props = server["Properties"]
    assert props["Identifier"] == PARTNER_API.identifier
    assert [s["ScopeName"] for s in props["Scopes"]] == list(PARTNER_API.scope_names)
    assert len(real.resources("AWS::Cognito::UserPoolDomain")) == 1


def test_one_usage_plan_per_rate_tier_with_its_throttle_and_quota(real):
    plans = {p["Properties"]["Description"].rsplit(" ", 1)[1]: p["Properties"]
             for p in real.resources("AWS::ApiGateway::UsagePlan").values()}
    assert set(plans) == {t.name for t in RATE_TIERS}
    for tier in RATE_TIERS:
        plan = plans[tier.name]
        assert plan["Throttle"] == {"RateLimit": tier.rate_per_s, "BurstLimit": tier.burst}
        assert plan["Quota"] == {"Limit": tier.quota_per_day, "Period": "DAY"}
        assert len(plan["ApiStages"]) == 1
