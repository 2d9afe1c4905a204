"""The product factory through the HTTP API: lifecycle, maker-checker, transitions, bounds, isolation."""
from __future__ import annotations

import threading

import pytest

from chalicelib.products.domain import TRANSITIONS, Action, VersionStatus
from tests.unit.products.builders import definition_data, product_code

PM = "product-manager@demo-lending"
ADMIN = "tenant-admin@demo-lending"
VIEWER = "viewer@demo-lending"


def create(api, kind="loan", user=PM, code=None, **patch):
    code = code or product_code()
    r = api.as_(user).post("/v1/products", {"code": code, "kind": kind, "definition": definition_data(kind, **patch)})
    assert r.status == 201, r.body
    return code


def act(api, user, code, version, action, reason=None):
    body = {"reason": reason} if reason else {}
    return api.as_(user).post(f"/v1/products/{code}/versions/{version}/{action}", body)


def shelve(api, code, version=1):
    """Walk a version to active: the product manager submits, the tenant admin approves and activates."""
    for user, action in ((PM, "submit"), (ADMIN, "approve"), (ADMIN, "activate")):
        r = act(api, user, code, version, action)
        assert r.status == 200, (action, r.body)
    return r


def patch(api, user, code, version, changes):
    return api.as_(user).call("PATCH", f"/v1/products/{code}/versions/{version}", {"definition": changes})


# --- lifecycle -----------------------------------------------------------------------------------


def test_a_product_goes_from_draft_to_active_and_its_history_says_who_did_what(api):
    code = create(api)
    product = api.as_(VIEWER).get(f"/v1/products/{code}").body
    assert (product["status"], product["latest_version"], product["active_version"]) == ("draft", 1, None)

    submitted = act(api, PM, code, 1, "submit", reason="ready for review")
    approved = act(api, ADMIN, code, 1, "approve")
    activated = act(api, ADMIN, code, 1, "activate", reason="launch")

    assert [submitted.body["status"], approved.body["status"], activated.body["status"]] == \
           ["submitted", "approved", "active"]
    product = api.as_(VIEWER).get(f"/v1/products/{code}").body
    assert (product["status"], product["active_version"]) == ("active", 1)
    assert [(h["action"], h["from"], h["to"], h["by"]["username"], h["reason"]) for h in product["history"]] == [
        ("create", None, "draft", PM, None),
        ("submit", "draft", "submitted", PM, "ready for review"),
        ("approve", "submitted", "approved", ADMIN, None),
        ("activate", "approved", "active", ADMIN, "launch"),
    ]
    version = product["versions"][0]
    assert version["submitted"]["by"]["username"] == PM and version["approved"]["by"]["username"] == ADMIN


def test_activating_a_new_version_retires_the_active_one_in_the_same_change(api):
    code = create(api)
    shelve(api, code, 1)
    draft = api.as_(PM).post(f"/v1/products/{code}/versions", {"from_version": 1})
    assert (draft.status, draft.body["version"], draft.body["based_on"], draft.body["status"]) == (201, 2, 1, "draft")
    assert patch(api, PM, code, 2, {"rate": {"annual_rate": {"default": "0.0980"}}}).status == 200

    shelve(api, code, 2)

    product = api.as_(VIEWER).get(f"/v1/products/{code}").body
    assert product["version_statuses"] == {"1": "retired", "2": "active"}
    assert product["active_version"] == 2
    retire, activate = product["history"][-2:]
    assert (retire["version"], retire["action"], retire["reason"]) == (1, "retire", "superseded by version 2")
    assert (activate["version"], activate["action"], activate["at"]) == (2, "activate", retire["at"])
    # A contract pinned to version 1 still reads it, definition and all.
    v1 = api.as_(VIEWER).get(f"/v1/products/{code}/versions/1").body
    assert (v1["status"], v1["definition"]["rate"]["annual_rate"]["default"]) == ("retired", "0.1080")


def test_a_rejected_version_returns_to_draft_with_the_reason_and_can_be_fixed_and_resubmitted(api):
    code = create(api)
    act(api, PM, code, 1, "submit")

    rejected = act(api, ADMIN, code, 1, "reject", reason="rate ceiling above policy")

    assert rejected.status == 200
    assert rejected.body["status"] == "draft"
    assert rejected.body["last_rejection"]["reason"] == "rate ceiling above policy"
    assert rejected.body["last_rejection"]["by"]["username"] == ADMIN
    assert patch(api, PM, code, 1, {"rate": {"annual_rate": {"max": "0.2000"}}}).status == 200
    assert act(api, PM, code, 1, "submit").body["status"] == "submitted"


def test_rejecting_needs_a_reason(api):
    code = create(api)
    act(api, PM, code, 1, "submit")
    r = act(api, ADMIN, code, 1, "reject")
    assert (r.status, r.code) == (422, "products.reason.required")


def test_a_suspended_version_can_go_back_on_the_shelf_or_be_retired(api):
    code = create(api)
    shelve(api, code)
    assert act(api, ADMIN, code, 1, "suspend", reason="pricing review").body["status"] == "suspended"
    assert api.as_(VIEWER).get(f"/v1/products/{code}").body["status"] == "suspended"
    assert act(api, ADMIN, code, 1, "activate").body["status"] == "active"
    assert act(api, ADMIN, code, 1, "retire", reason="withdrawn").body["status"] == "retired"
    assert api.as_(VIEWER).get(f"/v1/products/{code}").body["status"] == "retired"


def test_a_submitted_version_is_immutable(api):
    code = create(api)
    act(api, PM, code, 1, "submit")
    r = patch(api, PM, code, 1, {"terms": {"amount": {"max": "300000.00"}}})
    assert (r.status, r.code, r.body["error"]["details"]["status"]) == (409, "products.version.immutable", "submitted")


def test_the_diff_lists_the_changed_parameters_for_the_approver(api):
    code = create(api)
    api.as_(PM).post(f"/v1/products/{code}/versions", {})
    patch(api, PM, code, 2, {"terms": {"amount": {"max": "300000.00"}}, "channels": ["console", "partner_api"]})

    r = api.as_(ADMIN).get(f"/v1/products/{code}/diff?from=1&to=2")

    assert r.status == 200, r.body
    assert r.body["changes"] == [
        {"field": "channels", "from": ["console"], "to": ["console", "partner_api"]},
        {"field": "terms.amount.max", "from": "200000.00", "to": "300000.00"},
    ]
    assert api.as_(ADMIN).get(f"/v1/products/{code}/diff?to=2").body["changes"] == r.body["changes"]


# --- maker-checker and roles ---------------------------------------------------------------------


def test_the_author_of_a_version_cannot_approve_it(api):
    code = create(api, user=ADMIN)
    act(api, ADMIN, code, 1, "submit")
    r = act(api, ADMIN, code, 1, "approve")
    assert (r.status, r.code) == (403, "products.maker_checker")


def test_a_tenant_admin_who_edited_a_draft_is_an_author_and_cannot_approve_it(api):
    code = create(api, user=PM)
    assert patch(api, ADMIN, code, 1, {"channels": ["console", "partner_api"]}).status == 200
    act(api, PM, code, 1, "submit")
    r = act(api, ADMIN, code, 1, "approve")
    assert (r.status, r.code) == (403, "products.maker_checker")


@pytest.mark.parametrize("action", ["approve", "reject", "activate", "suspend", "retire"])
def test_a_product_manager_cannot_review_or_shelve(api, action):
    code = create(api)
    r = act(api, PM, code, 1, action, reason="x")
    assert (r.status, r.code) == (403, "auth.role.forbidden")


@pytest.mark.parametrize("user", ["loan-officer@demo-lending", "viewer@demo-lending", "finance@demo-lending"])
def test_staff_outside_product_management_read_but_do_not_author(api, user):
    code = create(api)
    assert api.as_(user).get(f"/v1/products/{code}").status == 200
    r = api.as_(user).post("/v1/products", {"code": product_code(), "kind": "loan", "definition": definition_data()})
    assert (r.status, r.code) == (403, "auth.role.forbidden")


@pytest.mark.parametrize("user", ["group-admin@demo-group", "group-risk@demo-group", "admin@platform"])
def test_group_and_platform_roles_have_no_product_routes(api, user):
    assert api.as_(user).get("/v1/products").status == 403
    assert api.as_(user).get("/v1/products/CONSUMER-INSTALMENT").status == 403


# --- illegal transitions -------------------------------------------------------------------------


def _walk_to(api, status: VersionStatus) -> str:
    code = create(api)
    path = {
        VersionStatus.DRAFT: [],
        VersionStatus.SUBMITTED: [(PM, "submit")],
        VersionStatus.APPROVED: [(PM, "submit"), (ADMIN, "approve")],
        VersionStatus.ACTIVE: [(PM, "submit"), (ADMIN, "approve"), (ADMIN, "activate")],
        VersionStatus.SUSPENDED: [(PM, "submit"), (ADMIN, "approve"), (ADMIN, "activate"), (ADMIN, "suspend")],
        VersionStatus.RETIRED: [(PM, "submit"), (ADMIN, "approve"), (ADMIN, "retire")],
    }[status]
    for user, action in path:
        assert act(api, user, code, 1, action).status == 200
    return code


@pytest.mark.parametrize("status", list(VersionStatus))
def test_every_illegal_transition_is_409_naming_the_current_state(api, status):
    code = _walk_to(api, status)
    illegal = [a for a in Action if a is not Action.CREATE and (status, a) not in TRANSITIONS]
    assert illegal
    for action in illegal:
        user = PM if action is Action.SUBMIT else ADMIN
        r = act(api, user, code, 1, action.value, reason="because")
        assert r.status == 409, (status, action, r.body)
        assert r.code == "products.version.illegal_transition"
        assert r.body["error"]["details"]["from"] == status.value
        assert r.body["error"]["details"]["action"] == action.value
        assert status.value in r.body["error"]["message"]
    assert api.as_(VIEWER).get(f"/v1/products/{code}/versions/1").body["status"] == status.value


# --- validation ----------------------------------------------------------------------------------


def test_a_definition_with_many_problems_reports_every_one_with_its_field_path(api):
    data = definition_data()
    data["terms"]["amount"] = {"min": "5000.00", "max": "1000.00"}
    data["terms"]["frequency"] = {"allowed": ["monthly"], "default": "quarterly"}
    data["terms"]["term_months"]["max"] = "many"
    data["rate"] = {"mode": "floating"}
    data["risk"]["company_age_years_min"] = 3
    data["accounting"]["interest_income"] = data["accounting"]["principal"]
    data["colour"] = "blue"

    r = api.as_(PM).post("/v1/products", {"code": "bad code", "kind": "loan", "definition": data})

    assert r.status == 422
    fields = {e["field"] for e in r.body["error"]["details"]["errors"]}
    assert fields == {
        "code",
        "definition.colour",
        "definition.terms.term_months.max",
        "definition.terms.amount.max",
        "definition.terms.frequency.default",
        "definition.rate.benchmark", "definition.rate.spread_bps", "definition.rate.repricing",
        "definition.risk.company_age_years_min",
        "definition.accounting.interest_income",
    }
    assert r.code == "products.code.invalid"


def test_a_patch_that_breaks_the_definition_is_refused_with_every_problem_and_changes_nothing(api):
    code = create(api)
    r = patch(api, PM, code, 1, {"terms": {"amount": {"default": "999999.00"}}, "workflow": {"second_review_above": "0.001"}})
    assert r.status == 422
    assert {e["field"] for e in r.body["error"]["details"]["errors"]} == {
        "definition.terms.amount.default", "definition.workflow.second_review_above"}
    v1 = api.as_(PM).get(f"/v1/products/{code}/versions/1").body
    assert v1["definition"]["terms"]["amount"]["default"] == "50000.00"


def test_the_same_code_twice_in_one_tenant_is_409(api):
    code = create(api)
    r = api.as_(PM).post("/v1/products", {"code": code, "kind": "loan", "definition": definition_data()})
    assert (r.status, r.code) == (409, "products.product.exists")


# --- isolation -----------------------------------------------------------------------------------


def test_another_tenants_product_is_404_for_every_route(api, demo_products):
    leasing = "tenant-admin@demo-leasing"
    assert api.as_(leasing).get("/v1/products/CONSUMER-INSTALMENT").status == 404
    assert api.as_(leasing).get("/v1/products/CONSUMER-INSTALMENT/versions/1").status == 404
    assert act(api, leasing, "CONSUMER-INSTALMENT", 3, "approve").status == 404
    r = api.as_(leasing).post("/v1/products/CONSUMER-INSTALMENT/quote", {})
    assert (r.status, r.code) == (404, "products.product.not_found")
    codes = {p["code"] for p in api.as_(leasing).get("/v1/products?limit=200").body["items"]}
    assert "CONSUMER-INSTALMENT" not in codes


def test_the_same_code_in_two_tenants_is_two_products(api):
    code = product_code("SHARED")
    create(api, code=code, user=PM)
    create(api, kind="lease", code=code, user="product-manager@demo-leasing")
    shelve(api, code)

    lending = api.as_(VIEWER).get(f"/v1/products/{code}").body
    leasing = api.as_("viewer@demo-leasing").get(f"/v1/products/{code}").body
    assert (lending["kind"], lending["status"]) == ("loan", "active")
    assert (leasing["kind"], leasing["status"]) == ("lease", "draft")


# --- listing -------------------------------------------------------------------------------------


def test_listing_filters_by_kind_status_and_channel(api, demo_products):
    active = api.as_(VIEWER).get("/v1/products?status=active&limit=200").body["items"]
    assert {"CONSUMER-INSTALMENT", "SME-OPERATING"} <= {p["code"] for p in active}
    assert all(p["version_statuses"] and "active" in p["version_statuses"].values() for p in active)

    awaiting = {p["code"] for p in api.as_(ADMIN).get("/v1/products?status=submitted&limit=200").body["items"]}
    assert "CONSUMER-INSTALMENT" in awaiting and "SME-OPERATING" not in awaiting

    at_checkout = {p["code"] for p in api.as_(VIEWER).get("/v1/products?channel=merchant_checkout&limit=200").body["items"]}
    assert "CONSUMER-INSTALMENT" in at_checkout and "SME-OPERATING" not in at_checkout

    leases = api.as_(VIEWER).get("/v1/products?kind=lease").body["items"]
    assert all(p["kind"] == "lease" for p in leases)
    assert api.as_(VIEWER).get("/v1/products?kind=mortgage").status == 422


def test_listing_pages_with_an_opaque_cursor(api):
    for _ in range(3):
        create(api, code=product_code("PAGE"))
    seen, cursor = [], None
    while True:
        r = api.as_(VIEWER).get("/v1/products?limit=2" + (f"&next={cursor}" if cursor else ""))
        assert r.status == 200 and len(r.body["items"]) <= 2
        seen += [p["code"] for p in r.body["items"]]
        cursor = r.body["next"]
        if not cursor:
            break
    assert seen == sorted(seen) and len(seen) == len(set(seen)) >= 3


def test_demo_tenants_ship_realistic_active_products(api, demo_products):
    expected = {
        "demo-lending": {"CONSUMER-INSTALMENT": "loan", "SME-OPERATING": "loan"},
        "demo-leasing": {"DIRECT-LEASE": "lease", "SALE-LEASEBACK": "lease"},
        "demo-factoring": {"RECOURSE-FACTORING": "factoring", "REVERSE-FACTORING": "factoring"},
    }
    for tenant, products in expected.items():
        for code, kind in products.items():
            p = api.as_(f"viewer@{tenant}").get(f"/v1/products/{code}").body
            assert (p["kind"], p["active_version"] is not None) == (kind, True), (tenant, code)
    sme = api.as_(VIEWER).get("/v1/products/SME-OPERATING").body
    assert sme["version_statuses"] == {"1": "retired", "2": "active"}
    v2 = api.as_(VIEWER).get("/v1/products/SME-OPERATING/versions/2").body["definition"]
    assert (v2["rate"]["mode"], v2["rate"]["benchmark"], v2["terms"]["day_count"]["default"]) == \
           ("floating", "LPR1Y", "ACT/360")


# --- quotes on the active version ----------------------------------------------------------------


def test_a_quote_fills_the_products_defaults_and_prices_through_the_finance_engine(api, demo_products):
    r = api.as_("loan-officer@demo-lending").post("/v1/products/CONSUMER-INSTALMENT/quote",
                                                 {"principal": "12000.00", "start_date": "2026-01-15"})
    assert r.status == 200, r.body
    assert (r.body["product"], r.body["terms"]["term"], r.body["terms"]["annual_rate"]) == \
           ({"code": "CONSUMER-INSTALMENT", "version": 2}, 12, "0.1080")
    assert len(r.body["installments"]) == 12
    assert r.body["totals"]["principal"] == "12000.00"
    assert set(r.body["installments"][0]) >= {"seq", "due_date", "principal", "interest", "fee", "payment", "balance"}
    assert r.body["installments"][-1]["balance"] == "0.00"
    # Same engine, same numbers as the calculator without a product.
    calculator = api.as_("loan-officer@demo-lending").post("/v1/quotes", {
        "kind": "loan", "principal": "12000.00", "annual_rate": "0.1080", "term": 12, "frequency": "monthly",
        "amortization": "annuity", "day_count": "period", "start_date": "2026-01-15"})
    if calculator.status == 200:
        assert calculator.body["installments"] == r.body["installments"]


def test_a_floating_rate_product_quotes_the_benchmark_plus_the_spread(api, demo_products):
    r = api.as_("loan-officer@demo-lending").post("/v1/products/SME-OPERATING/quote",
                                                 {"principal": "600000.00", "start_date": "2026-01-15"})
    assert r.status == 200, r.body
    assert r.body["rate"] == {"mode": "floating", "annual_rate": "0.0650", "benchmark": "LPR1Y",
                              "benchmark_rate": "0.0300", "benchmark_effective_on": "2025-05-20", "spread_bps": 350}
    assert r.body["terms"]["day_count"] == "ACT/360"


def test_terms_outside_the_active_versions_bounds_are_422_naming_each_parameter(api, demo_products):
    r = api.as_("loan-officer@demo-lending").post("/v1/products/CONSUMER-INSTALMENT/quote",
                                                 {"principal": "250000.00", "term": 48, "annual_rate": "0.3000"})
    assert r.status == 422
    assert r.code == "products.quote.annual_rate.invalid"
    assert {e["field"] for e in r.body["error"]["details"]["errors"]} == {"principal", "term", "annual_rate"}
    # Version 3 (submitted, not yet active) would allow 250,000 — the active version 2 does not.
    assert "200000.00" in next(e["message"] for e in r.body["error"]["details"]["errors"] if e["field"] == "principal")


def test_a_product_with_nothing_on_the_shelf_cannot_be_quoted(api):
    code = create(api)
    r = api.as_(VIEWER).post(f"/v1/products/{code}/quote", {"principal": "10000.00"})
    assert (r.status, r.code) == (409, "products.product.not_active")


def test_quotes_for_the_leasing_and_factoring_demo_products(api, demo_products):
    lease = api.as_("loan-officer@demo-leasing").post("/v1/products/SALE-LEASEBACK/quote",
                                                     {"principal": "8000000.00", "start_date": "2026-01-15"})
    assert lease.status == 200, lease.body
    assert (lease.body["kind"], lease.body["terms"]["security_deposit"]) == ("lease", "800000.00")
    invoice = {"number": "INV-2026-001", "debtor": "华东重工集团有限公司", "face_amount": "500000.00",
               "issue_date": "2026-01-05", "due_date": "2026-04-15"}
    factoring = api.as_("loan-officer@demo-factoring").post("/v1/products/REVERSE-FACTORING/quote",
                                                           {"invoices": [invoice], "start_date": "2026-01-15"})
    assert factoring.status == 200, factoring.body
    assert (factoring.body["recourse"], factoring.body["advance"]) == (False, "500000.00")
    stranger = {**invoice, "debtor": "Unknown Buyer Ltd"}
    r = api.as_("loan-officer@demo-factoring").post("/v1/products/REVERSE-FACTORING/quote",
                                                   {"invoices": [stranger], "start_date": "2026-01-15"})
    assert (r.status, r.code) == (422, "products.quote.invoices.0.debtor.invalid")


def test_benchmarks_list_the_current_lpr(api):
    items = {b["code"]: b for b in api.as_(VIEWER).get("/v1/benchmarks").body["items"]}
    assert (items["LPR1Y"]["current"]["rate"], items["LPR5Y"]["current"]["rate"]) == ("0.0300", "0.0350")


# --- races ---------------------------------------------------------------------------------------


def _race(http_server, logins, calls):
    """Fire ``calls`` (user, path) at the real HTTP server at the same moment; the statuses, sorted."""
    barrier = threading.Barrier(len(calls))
    results: list[int] = []

    def fire(user, path):
        token = logins.token(user)
        barrier.wait()
        results.append(http_server.request("POST", path, token=token, body={}).status)

    threads = [threading.Thread(target=fire, args=call) for call in calls]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    return sorted(results)


def test_two_approvals_at_once_one_wins_and_the_other_is_409(api, http_server, logins):
    code = create(api)
    act(api, PM, code, 1, "submit")
    path = f"/v1/products/{code}/versions/1/approve"
    assert _race(http_server, logins, [(ADMIN, path), (ADMIN, path)]) == [200, 409]
    history = api.as_(VIEWER).get(f"/v1/products/{code}").body["history"]
    assert [h["action"] for h in history].count("approve") == 1


def test_two_activations_at_once_leave_exactly_one_version_active(api, http_server, logins):
    code = create(api)
    api.as_(PM).post(f"/v1/products/{code}/versions", {})
    for v in (1, 2):
        act(api, PM, code, v, "submit")
        act(api, ADMIN, code, v, "approve")

    statuses = _race(http_server, logins, [(ADMIN, f"/v1/products/{code}/versions/1/activate"),
                                           (ADMIN, f"/v1/products/{code}/versions/2/activate")])

    product = api.as_(VIEWER).get(f"/v1/products/{code}").body
    assert list(product["version_statuses"].values()).count("active") == 1
    # Interleaved, the loser is refused (409); one after the other, the second supersedes the first.
    assert statuses in ([200, 409], [200, 200])
    if statuses == [200, 200]:
        assert sorted(product["version_statuses"].values()) == ["active", "retired"]


def test_one_person_holding_author_and_approver_roles_approves_others_versions_never_its_own(api):
    # Given a user who is product manager and tenant admin at once: the roles allow both halves
    from tests.builders import cognito_user

    both = cognito_user("demo-lending", ["product-manager", "tenant-admin"], prefix="pm-admin")
    others = create(api, user=PM)
    act(api, PM, others, 1, "submit")
    assert act(api, both, others, 1, "approve").status == 200
    # When it approves a version it authored, the segregation rule refuses, not the role check
    own = create(api, user=both)
    assert act(api, both, own, 1, "submit").status == 200
    r = act(api, both, own, 1, "approve")
    assert (r.status, r.code) == (403, "products.maker_checker")
    assert api.as_(VIEWER).get(f"/v1/products/{own}/versions/1").body["status"] == "submitted"
