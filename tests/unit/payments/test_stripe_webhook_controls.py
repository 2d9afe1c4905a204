"""The inbound Stripe webhook's controls with no AWS: one answer for every refusal (an unknown
tenant included), a bounded secret cache, and events from the other Stripe mode refused."""
from __future__ import annotations

import time

import pytest

from chalicelib.payments import stripe_gateway
from chalicelib.payments.stripe_gateway import BoundedTtlCache
from chalicelib.shared.errors import MalformedRequest

SECRET = "whsec_unit_test_secret"


def _event(livemode: bool = False) -> dict:
    intent = {"id": "pi_local_x", "amount_minor": 1000, "currency": "CNY", "metadata": {"contract_id": "ctr_1"}}
    return {**stripe_gateway.simulated_events("succeeded", intent)[0], "livemode": livemode}


def refused_body(payload: bytes, header: str | None, secret: str | None) -> dict:
    with pytest.raises(MalformedRequest) as err:
        stripe_gateway.verify_event(payload, header, secret)
    assert err.value.status == 400
    return err.value.to_body()


def test_an_unknown_tenant_and_a_bad_signature_get_the_very_same_answer():
    payload, header = stripe_gateway.signed(_event(), SECRET)
    _, forged_header = stripe_gateway.signed(_event(), "whsec_forger")
    old_payload, old_header = stripe_gateway.signed(_event(), SECRET, timestamp=int(time.time()) - 301)

    answers = {
        "no secret (unknown tenant), signed": refused_body(payload, header, None),
        "no secret (unknown tenant), unsigned": refused_body(payload, None, None),
        "no secret, not JSON": refused_body(b"not json", forged_header, None),
        "no secret, not UTF-8": refused_body(b"\xff\xfe", forged_header, None),
        "known tenant, forged": refused_body(payload, forged_header, SECRET),
        "known tenant, unsigned": refused_body(payload, None, SECRET),
        "known tenant, garbage header": refused_body(payload, "t=1,v1=00", SECRET),
        "known tenant, not UTF-8": refused_body(b"\xff\xfe", forged_header, SECRET),
        "known tenant, expired": refused_body(old_payload, old_header, SECRET),
    }
    expected = {"error": {"code": "payments.webhook.signature_invalid",
                          "message": "the Stripe signature could not be verified", "details": {}}}
    assert answers == {name: expected for name in answers}


def test_a_verified_event_is_read_with_integers_intact():
    payload, header = stripe_gateway.signed(_event(), SECRET)
    assert stripe_gateway.verify_event(payload, header, SECRET)["data"]["object"]["amount"] == 1000


@pytest.mark.parametrize("livemode, production, accepted", [
    (False, False, True), (True, True, True),
    (True, False, False), (False, True, False), (None, False, False), ("false", False, False), (1, True, False),
])
def test_only_events_of_the_stages_stripe_mode_are_accepted(livemode, production, accepted):
    event = {**_event(), "livemode": livemode}
    if accepted:
        stripe_gateway.check_livemode(event, production=production)
        return
    with pytest.raises(MalformedRequest) as err:
        stripe_gateway.check_livemode(event, production=production)
    assert (err.value.status, err.value.code) == (400, "payments.webhook.livemode_mismatch")


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_secret_cache_never_holds_more_than_its_bound_whatever_ids_callers_invent():
    loads: list[str] = []
    cache: BoundedTtlCache[str, dict] = BoundedTtlCache(maxsize=3, ttl_s=300)

    for n in range(50):
        cache.get(f"invented-{n}", lambda key: loads.append(key) or {})
        assert len(cache) <= 3
    assert len(cache) == 3 and len(loads) == 50


def test_the_least_recently_used_tenant_goes_first_and_a_hit_is_not_loaded_again():
    loads: list[str] = []
    load = lambda key: loads.append(key) or {"webhook_secret": f"whsec_{key}"}  # noqa: E731
    cache: BoundedTtlCache[str, dict] = BoundedTtlCache(maxsize=2, ttl_s=300)

    cache.get("a", load), cache.get("b", load), cache.get("a", load)  # a is now the most recent
    cache.get("c", load)  # evicts b
    assert cache.get("a", load) == {"webhook_secret": "whsec_a"}
    cache.get("b", load)
    assert loads == ["a", "b", "c", "b"]


def test_an_entry_older_than_its_ttl_is_loaded_again():
    clock, loads = Clock(), []
    cache: BoundedTtlCache[str, int] = BoundedTtlCache(maxsize=4, ttl_s=60, now=clock)
    cache.get("a", lambda key: loads.append(key) or 1)
    clock.now = 59
    cache.get("a", lambda key: loads.append(key) or 2)
    clock.now = 121
    assert cache.get("a", lambda key: loads.append(key) or 3) == 3
    assert loads == ["a", "a"]


def test_a_cache_needs_room_for_one_entry():
    with pytest.raises(ValueError):
        BoundedTtlCache(maxsize=0, ttl_s=1)
