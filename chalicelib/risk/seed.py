"""Demo exposures for the demo subsidiaries, written through ``upsert_exposure`` as servicing will.

Until servicing keeps the projection from contracts in force, these stand in for it. The customers are
origination's demo customers (``chalicelib.origination.seed``: the same identity numbers, hence the
same group identity hashes), so a consolidation run shows:

* 上海申江精密机械有限公司 — a loan from demo-lending and reverse factoring with demo-factoring: one
  customer, one summed exposure, its breakdown by subsidiary (and, being 12 days late with the
  factoring company while current with the lending company, a cross-subsidiary overdue warning);
* 华南控股集团有限公司 and its subsidiary 华南智能装备有限公司 (related party ``parent``), customers of
  demo-lending and demo-leasing — one group customer with their summed exposure;
* a guarantor link, a company that is a related party of the holding group itself, and consumer loans
  in every five-category class.

Idempotent: each contract's figures are re-recorded as of the seeding day (China time).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from chalicelib.platform.settings import get_settings
from chalicelib.risk.store import upsert_exposure
from chalicelib.shared.identity import IdentityType, keyed_hash
from chalicelib.shared.tenant import TenantContext, TenantKind

CHINA = timezone(timedelta(hours=8))


@dataclass(frozen=True)
class DemoExposure:
    tenant: str
    contract_id: str
    party: dict  # an origination demo customer body (type, name, identity_type, identity_number, …)
    product_kind: str
    product_code: str
    principal: str
    interest: str = "0.00"
    undrawn: str = "0.00"
    dpd: int = 0
    related: tuple[tuple[str, dict], ...] = ()
    group_related_party: bool = False
    classification: str | None = None


def _hash(party: dict) -> str:
    return keyed_hash(get_settings().identity_hash_key, IdentityType(party["identity_type"]), party["identity_number"])


def _label(party: dict) -> str:
    if party["type"] == "enterprise":
        return party["name"]
    name = party["name"]
    return name[0] + "*" * (len(name) - 2) + name[-1] if len(name) > 2 else name[0] + "*"


def demo_exposures() -> list[DemoExposure]:
    from chalicelib.origination.seed import HUANAN_PARENT, HUANAN_SUB, SHENJIANG, company, person

    lending, leasing, factoring = "demo-lending", "demo-leasing", "demo-factoring"
    people = [person(n, f"19{80 + i % 15:02d}{(i % 12) + 1:02d}{(i % 27) + 1:02d}", 100 + i)
              for i, n in enumerate(["王小明", "李娜", "陈思远", "赵丽", "刘洋",
                                     "杨帆", "黄静", "周杰", "吴敏", "徐磊"])]
    huasheng = company("苏州华晟物流有限公司", 20, industry="G54", established="2011-05-10")
    lvneng = company("杭州绿能新材料股份有限公司", 21, industry="C29", established="2011-05-10")
    ganghang = company("宁波港航运输有限公司", 22, industry="G54", established="2011-05-10")
    yinran = company("绍兴越城印染有限公司", 31, industry="C17", established="2011-05-10")
    hengli = company("常州恒力零部件有限公司", 50, industry="C33", established="2016-03-03")
    jinggong = company("无锡精工模具有限公司", 51, industry="C33", established="2016-03-03")
    huada = company("昆山华达电子有限公司", 52, industry="C39", established="2016-03-03")
    # Controlled by a shareholder of the holding group: a related party of the group (关联方).
    zhiye = company("上海金控置业有限公司", 90, industry="K70", established="2015-01-12")
    parent = (("parent", HUANAN_PARENT),)

    consumer = [
        DemoExposure(lending, f"LN-C-{i + 1:04d}", p, "loan", "CONSUMER-INSTALMENT", principal, interest, dpd=dpd)
        for i, (p, principal, interest, dpd) in enumerate([
            (people[0], "27500.00", "112.50", 0), (people[1], "25000.00", "102.08", 0),
            (people[2], "22500.00", "91.88", 0), (people[3], "30000.00", "122.50", 0),
            (people[4], "20000.00", "81.67", 12), (people[5], "28000.00", "380.00", 45),
            (people[6], "26000.00", "890.00", 120), (people[7], "24000.00", "1460.00", 210),
            (people[8], "30000.00", "2950.00", 400), (people[9], "18000.00", "73.50", 0),
        ])
    ]
    return consumer + [
        # The customer of two subsidiaries: lending (current) and factoring (12 days late).
        DemoExposure(lending, "LN-SME-SHENJIANG-01", SHENJIANG, "loan", "SME-OPERATING", "800000.00", "3266.67"),
        DemoExposure(factoring, "FT-REV-SHENJIANG-01", SHENJIANG, "factoring", "REVERSE-FACTORING", "800000.00",
                     "5600.00", dpd=12),
        # The connected group: the parent and its subsidiary, each with business in lending and leasing.
        DemoExposure(lending, "LN-SME-HUANAN-SUB-01", HUANAN_SUB, "loan", "SME-OPERATING", "1200000.00", "4900.00",
                     related=parent),
        DemoExposure(lending, "LN-SME-HUANAN-PARENT-01", HUANAN_PARENT, "loan", "SME-OPERATING", "1500000.00",
                     "6125.00", undrawn="500000.00"),
        DemoExposure(leasing, "LS-DL-HUANAN-SUB-01", HUANAN_SUB, "lease", "DIRECT-LEASE", "1650000.00", "20625.00",
                     related=parent),
        DemoExposure(leasing, "LS-LB-HUANAN-PARENT-01", HUANAN_PARENT, "lease", "SALE-LEASEBACK", "4800000.00",
                     "60000.00"),
        # Leasing book, one lessee guaranteed by a borrower of the lending company (a guarantor link).
        DemoExposure(leasing, "LS-DL-HUASHENG-01", huasheng, "lease", "DIRECT-LEASE", "1500000.00", "18750.00",
                     dpd=35, related=(("guarantor", people[2]),)),
        DemoExposure(leasing, "LS-DL-LVNENG-01", lvneng, "lease", "DIRECT-LEASE", "1720000.00", "21500.00"),
        DemoExposure(leasing, "LS-DL-GANGHANG-01", ganghang, "lease", "DIRECT-LEASE", "1380000.00", "17250.00"),
        DemoExposure(leasing, "LS-LB-YINRAN-01", yinran, "lease", "SALE-LEASEBACK", "4650000.00", "58125.00",
                     dpd=75),
        # Factoring book.
        DemoExposure(factoring, "FT-REC-HENGLI-01", hengli, "factoring", "RECOURSE-FACTORING", "800000.00",
                     "5200.00"),
        DemoExposure(factoring, "FT-REC-JINGGONG-01", jinggong, "factoring", "RECOURSE-FACTORING", "640000.00",
                     "4160.00"),
        DemoExposure(factoring, "FT-REV-HUADA-01", huada, "factoring", "REVERSE-FACTORING", "720000.00", "4680.00",
                     dpd=65),
        # The holding group's related party, borrowing from the lending company.
        DemoExposure(lending, "LN-SME-ZHIYE-01", zhiye, "loan", "SME-OPERATING", "600000.00", "2450.00",
                     group_related_party=True),
    ]


def seed_demo_exposures(today: date | None = None) -> int:
    """Record every demo exposure in its subsidiary's projection. Returns how many were written.

    A demo customer whose contract servicing already projects in that subsidiary (a demo contract
    disbursed for real) keeps servicing's figures: the stand-in is not added beside them.
    """
    from chalicelib import bootstrap
    from chalicelib.risk.store import DynamoExposureSource

    today = today or datetime.now(CHINA).date()
    demo = demo_exposures()
    ours = {d.contract_id for d in demo}
    contexts: dict[str, TenantContext] = {}
    served: dict[str, set[str]] = {}
    n = 0
    for d in demo:
        if d.tenant not in contexts:
            registered = bootstrap.tenant_registry().get(d.tenant)
            if registered is None:
                raise LookupError(f"tenant {d.tenant} is not registered: seed the tenants first")
            contexts[d.tenant] = TenantContext(
                tenant_id=d.tenant, kind=TenantKind(registered.definition.kind), user_id="system:servicing",
                username="system:servicing", group_id=registered.definition.group_id,
                isolation=registered.definition.isolation)
            served[d.tenant] = {e.customer_hash for e in DynamoExposureSource().extract(contexts[d.tenant], today)
                                if e.contract_id not in ours}
        p = d.party
        if _hash(p) in served[d.tenant]:
            continue
        upsert_exposure(
            contexts[d.tenant], contract_id=d.contract_id, customer_hash=_hash(p), product_kind=d.product_kind,
            outstanding_principal=Decimal(d.principal), accrued_interest=Decimal(d.interest),
            undrawn_commitment=Decimal(d.undrawn), days_past_due=d.dpd, classification=d.classification,
            customer_type=p["type"], customer_label=_label(p), industry=p.get("industry"),
            region=p.get("region") or "310000", related_parties=[(rel, _hash(q)) for rel, q in d.related],
            group_related_party=d.group_related_party, product_code=d.product_code, figures_on=today,
        )
        n += 1
    return n


__all__ = ["seed_demo_exposures", "demo_exposures"]
