"""The demo's facilities seed through the real services, in several states, and only once."""
from __future__ import annotations


def test_demo_facilities_seed_in_several_states_once(local_env, chalice_app, api):
    from chalicelib.local.demo.facilities import seed_demo_facilities
    from chalicelib.local.demo.products import seed_demo_products

    seed_demo_products()
    seed_demo_facilities()
    seed_demo_facilities()  # idempotent
    items = api.as_("viewer@demo-lending").get("/v1/facilities").body["items"]
    demo = [f for f in items if f["customer_name"] in ("华南控股集团有限公司", "上海申江精密机械有限公司")]
    assert sorted(f["status"] for f in demo) == ["active", "applied", "frozen", "rejected"]
    hq = api.as_("group-risk@demo-group").get("/v1/group/facilities").body["items"]
    huanan = [g for g in hq if g["label"].startswith("华南")]
    assert len(huanan) == 1 and {a["subsidiary_id"] for a in huanan[0]["allocations"]} == {"demo-lending",
                                                                                          "demo-leasing"}
