"""Hypothesis drives blocks, utilizations, releases, repayments, freezes, expiries and reallocations
through the real services on the embedded DynamoDB, against a plain model of what each should do.

After every step: available = limit − utilized − blocked for each facility and allocation (read back
from storage), never negative, equal to the model's figures; the allocations never sum above the grant.
"""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from chalicelib.credit import group, service
from chalicelib.shared import clock
from chalicelib.shared.errors import DomainError
from tests.builders import uscc
from tests.integration.facilities.conftest import active_facility, new_customer, staff
from tests.support import TEST_BUSINESS_DATE

SUBS = ("demo-lending", "demo-leasing")
VALID_TO = TEST_BUSINESS_DATE + timedelta(days=30)
amounts = st.integers(min_value=1, max_value=8).map(lambda n: Decimal(n * 50) + Decimal("0.00"))


class FacilityMachine(RuleBasedStateMachine):
    @initialize()
    def open_books(self):
        self.wired = clock._calendar
        clock.use(calendar=clock.FixedCalendar(TEST_BUSINESS_DATE))
        number = uscc()
        customers = {s: new_customer(s, number) for s in SUBS}
        self.hq = staff("demo-group", "group-risk", user="maker@demo-group")
        self.checker = staff("demo-group", "group-risk", user="checker@demo-group")
        self.gid = group.grant(self.hq, label="stateful", subjects=[customers[SUBS[0]].identity_hash],
                               amount=Decimal("1000.00"), currency="CNY", valid_to=None,
                               allocations={SUBS[0]: Decimal("600.00"), SUBS[1]: Decimal("300.00")})["group_facility_id"]
        self.fid = {SUBS[0]: active_facility(SUBS[0], customers[SUBS[0]].customer_id, "600.00", revolving=True,
                                             valid_to=VALID_TO),
                    SUBS[1]: active_facility(SUBS[1], customers[SUBS[1]].customer_id, "300.00", revolving=False,
                                             valid_to=VALID_TO)}
        # the model
        self.limit = {s: Decimal(a) for s, a in ((SUBS[0], "600.00"), (SUBS[1], "300.00"))}
        self.alloc = dict(self.limit)
        self.utilized = {s: Decimal(0) for s in SUBS}
        self.blocked = {s: Decimal(0) for s in SUBS}
        self.pending: dict[str, tuple[str, Decimal]] = {}
        self.posted: dict[str, tuple[str, Decimal]] = {}
        self.frozen = {s: False for s in SUBS}
        self.expired = False
        self.n = 0

    def teardown(self):
        if hasattr(self, "wired"):
            clock._calendar = self.wired

    def _headroom(self, s):
        return min(self.limit[s] - self.utilized[s] - self.blocked[s], self.alloc[s] - self.utilized[s] - self.blocked[s])

    @rule(s=st.sampled_from(SUBS), amount=amounts)
    def block(self, s, amount):
        self.n += 1
        app_id = f"app-sm-{self.fid[s][-8:]}-{self.n}"
        ctx = staff(s, "loan-officer")
        drawable = not self.frozen[s] and not self.expired
        try:
            service.link_application(ctx, self.fid[s], app_id)
            service.block(ctx, app_id, amount, product_code="ANY", kind="loan", currency="CNY")
            ok = True
        except DomainError as exc:
            ok = False
            code = exc.code
        should = drawable and amount <= self._headroom(s)
        assert ok == should, (s, amount, self._headroom(s), None if ok else code)
        if ok:
            self.blocked[s] += amount
            self.pending[app_id] = (s, amount)
        elif not drawable:
            assert code in ("facilities.drawdown.facility_frozen", "facilities.drawdown.facility_expired"), code

    @precondition(lambda self: self.pending)
    @rule(data=st.data(), post=st.booleans())
    def settle(self, data, post):
        app_id = data.draw(st.sampled_from(sorted(self.pending)))
        s, amount = self.pending.pop(app_id)
        ctx = staff(s, "finance")
        self.blocked[s] -= amount
        if post:  # a frozen or expired facility still lets an already-blocked drawdown disburse
            service.utilize(ctx, app_id, amount)
            self.utilized[s] += amount
            self.posted[app_id] = (s, amount)
        else:
            service.release(ctx, app_id, "rejected")

    @precondition(lambda self: self.posted)
    @rule(data=st.data(), share=st.sampled_from([Decimal("0.5"), Decimal("1")]))
    def repay(self, data, share):
        app_id = data.draw(st.sampled_from(sorted(self.posted)))
        s, outstanding = self.posted[app_id]
        principal = (outstanding * share).quantize(Decimal("0.01"))
        self.n += 1
        restored = service.restore(staff(s, "finance"), app_id, principal, f"rep-{self.n}")
        assert restored
        left = outstanding - principal
        if left:
            self.posted[app_id] = (s, left)
        else:
            del self.posted[app_id]
        if s == SUBS[0]:  # revolving: availability comes back; the other facility is not revolving
            self.utilized[s] -= principal

    @rule(s=st.sampled_from(SUBS))
    def freeze_or_unfreeze(self, s):
        admin = staff(s, "tenant-admin")
        action = "unfreeze" if self.frozen[s] else "freeze"
        try:
            service.transition(admin, self.fid[s], action)
            self.frozen[s] = not self.frozen[s]
        except DomainError:
            assert self.expired  # only an expired facility refuses both

    @precondition(lambda self: not self.expired)
    @rule()
    def business_date_passes_the_expiry(self):
        clock.use(calendar=clock.FixedCalendar(VALID_TO + timedelta(days=1)))
        self.expired = True
        for s in SUBS:  # (earlier examples' facilities, valid to the same date, expire too)
            assert self.fid[s] in service.expire_due(staff(s, "tenant-admin"))

    @rule(src=st.sampled_from(SUBS + (None,)), dst=st.sampled_from(SUBS + (None,)), amount=amounts)
    def reallocate(self, src, dst, amount):
        if src == dst:
            return
        proposal = group.propose_reallocation(self.hq, self.gid, from_subsidiary=src, to_subsidiary=dst,
                                              amount=amount, reason=None)
        pool = Decimal("1000.00") - sum(self.alloc.values())
        room = pool if src is None else self.alloc[src] - self.utilized[src] - self.blocked[src]
        try:
            group.decide_reallocation(self.checker, self.gid, proposal["reallocation_id"], "approve")
            ok = True
        except DomainError as exc:
            ok = False
            assert exc.code in ("facilities.group.over_allocated", "facilities.group.allocation_below_use")
        assert ok == (amount <= room), (src, dst, amount, room)
        if ok:
            if src:
                self.alloc[src] -= amount
            if dst:
                self.alloc[dst] += amount

    @invariant()
    def availability_is_exact_and_never_negative(self):
        if not hasattr(self, "fid"):
            return
        for s in SUBS:
            stored = service.facilities().balances(staff(s, "viewer"), self.fid[s])["facility"]
            assert (stored.utilized, stored.blocked) == (self.utilized[s], self.blocked[s])
            assert stored.limit - stored.utilized - stored.blocked >= 0
        view = group.get_group_facility(self.hq, self.gid)
        allocated = sum((Decimal(a["allocated"]) for a in view["allocations"]), Decimal(0))
        assert allocated == view["allocated"] <= view["granted"]
        assert view["unallocated"] == view["granted"] - allocated
        for a in view["allocations"]:
            s = a["subsidiary_id"]
            assert (a["allocated"], a["utilized"], a["blocked"]) == (self.alloc[s], self.utilized[s], self.blocked[s])
            assert a["available"] == a["allocated"] - a["utilized"] - a["blocked"] >= 0


FacilityMachine.TestCase.settings = settings(max_examples=3, stateful_step_count=20, deadline=None,
                                             suppress_health_check=list(HealthCheck))


@pytest.fixture()
def stack(local_env, chalice_app):
    return local_env


def test_availability_invariants_hold_under_any_sequence(stack):
    FacilityMachine.TestCase().runTest()
