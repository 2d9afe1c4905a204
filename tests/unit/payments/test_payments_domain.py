"""Payments' pure rules: minor units, the one transition table, signatures, backoff, netting, reconciliation."""
from __future__ import annotations

import json
import time
from datetime import date
from decimal import Decimal

import pytest

from chalicelib.payments import domain, stripe_gateway
from chalicelib.payments.domain import ClearingRecord, Direction, PaymentState as S
from chalicelib.shared.errors import MalformedRequest, RuleViolation

SECRET = "whsec_unit_test_secret"


@pytest.mark.parametrize("minor, currency, amount", [(12345, "CNY", "123.45"), (1, "CNY", "0.01"),
                                                     (500, "JPY", "500"), (1234, "KWD", "1.234")])
def test_stripe_minor_units_convert_exactly_at_the_currency_scale(minor, currency, amount):
    assert domain.amount_from_minor(minor, currency) == Decimal(amount)
    assert str(domain.amount_from_minor(minor, currency)) == amount
    assert domain.amount_to_minor(Decimal(amount), currency) == minor


def test_an_amount_finer_than_the_currency_or_a_float_amount_is_refused():
    with pytest.raises(RuleViolation):
        domain.amount_to_minor(Decimal("1.005"), "CNY")
    with pytest.raises(RuleViolation):
        domain.amount_from_minor(12.5, "CNY")  # type: ignore[arg-type]


def test_state_never_moves_backwards():
    assert domain.can_move(S.REQUIRES_PAYMENT, S.SUCCEEDED) and domain.can_move(S.FAILED, S.SUCCEEDED)
    assert not domain.can_move(S.SUCCEEDED, S.FAILED)
    assert not domain.can_move(S.REFUNDED, S.SUCCEEDED)
    assert domain.PAYMENT_TRANSITIONS[S.REFUNDED] == frozenset()


def test_a_signature_header_verifies_only_for_the_same_bytes_secret_and_a_recent_time():
    payload, now = b'{"a":1}', int(time.time())
    header = domain.signature_header(SECRET, now, payload)
    assert domain.verify_signature_header(SECRET, header, payload, now)
    assert not domain.verify_signature_header(SECRET, header, b'{"a": 1}', now)
    assert not domain.verify_signature_header("whsec_other", header, payload, now)
    assert not domain.verify_signature_header(SECRET, header, payload, now + 301)
    assert not domain.verify_signature_header(SECRET, None, payload, now)


def _event() -> dict:
    intent = {"id": "pi_local_x", "amount_minor": 1000, "currency": "CNY", "metadata": {"contract_id": "ctr_1"}}
    return stripe_gateway.simulated_events("succeeded", intent)[0]


def test_the_stripe_library_accepts_our_simulated_signature_and_refuses_every_alteration():
    payload, header = stripe_gateway.signed(_event(), SECRET)
    assert stripe_gateway.verify_event(payload, header, SECRET)["type"] == "payment_intent.succeeded"
    reserialised = json.dumps(json.loads(payload)).encode()
    old_payload, old_header = stripe_gateway.signed(_event(), SECRET, timestamp=int(time.time()) - 301)
    for body, sig, secret in [(reserialised, header, SECRET), (payload, None, SECRET), (payload, header, "whsec_x"),
                              (payload, header, None), (old_payload, old_header, SECRET),
                              (payload.replace(b"1000", b"9000"), header, SECRET)]:
        with pytest.raises(MalformedRequest) as err:
            stripe_gateway.verify_event(body, sig, secret)
        assert err.value.code == "payments.webhook.signature_invalid"


def test_event_facts_read_amounts_in_minor_units_and_the_contract_from_metadata():
    facts = domain.event_facts(_event())
    assert (facts.type, facts.payment_intent_id, facts.contract_id, facts.amount_minor, facts.currency) == (
        "payment_intent.succeeded", "pi_local_x", "ctr_1", 1000, "CNY")
    with pytest.raises(MalformedRequest):
        domain.event_facts({"id": "evt_1"})


def test_backoff_doubles_and_is_capped():
    assert [domain.retry_delay_s(n) for n in (1, 2, 3, 4)] == [2, 4, 8, 16]
    assert domain.retry_delay_s(30) == domain.MAX_BACKOFF_S


def _record(n: int, channel: str, direction: Direction, amount: str, counterparty: str = "stripe") -> ClearingRecord:
    return ClearingRecord(f"clr_{n}", date(2026, 5, 1), channel, counterparty, direction, Decimal(amount), "CNY", f"s{n}")


def test_netting_sums_gross_in_and_out_per_channel_and_counterparty_exactly():
    records = [_record(1, "stripe", Direction.IN, "100.10"), _record(2, "stripe", Direction.IN, "0.20"),
               _record(3, "stripe", Direction.OUT, "40.00"), _record(4, "bank_transfer", Direction.OUT, "500.00", "icbc")]
    positions = {(p.channel, p.counterparty): p for p in domain.netting(records)}
    stripe, bank = positions[("stripe", "stripe")], positions[("bank_transfer", "icbc")]
    assert (stripe.gross_in, stripe.gross_out, stripe.net, stripe.instruction, stripe.count) == (
        Decimal("100.30"), Decimal("40.00"), Decimal("60.30"), "receive", 3)
    assert (bank.net, bank.instruction) == (Decimal("-500.00"), "pay")


def test_reconciliation_lists_every_difference_with_its_reason():
    mismatches = domain.reconcile({"a": Decimal("1.00"), "b": Decimal("2.00"), "c": Decimal("3.00")},
                                  {"a": Decimal("1.00"), "b": Decimal("2.01"), "d": Decimal("4.00")}, "ledger")
    assert [(m.source, m.reason) for m in mismatches] == [("b", "amount_differs"), ("c", "missing_in_ledger"),
                                                          ("d", "missing_in_clearing")]
