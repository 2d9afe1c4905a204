"""Demo applications: every status in each demo subsidiary, so the console has work to show, and the
contracts of the demo history (``history.py``), disbursed through servicing.

``run_scenarios()`` drives each scenario through the same use cases the API calls, as the demo users
of the tenant (officer, reviewers, finance), on the tenant's business date: the history runs each
scenario on the day ``days_ago`` days before its last day. Run it after the demo products are seeded.
Idempotent: each scenario leaves a mark naming its application, and a marked scenario is not run again.

It also seeds what group consolidation needs to find:

* 上海申江精密机械有限公司 borrows from demo-lending and sells receivables to demo-factoring (the same
  unified social credit code, so the same group identity hash in both);
* 华南控股集团有限公司 and its subsidiary 华南智能装备有限公司 (related party ``parent``) are customers of
  both demo-lending and demo-leasing, with business in each;

and ``debtor@demo-factoring``, a console user of the core enterprise 华东重工集团有限公司 who confirms
the invoices assigned against it (demo password).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from typing import Any, Callable, Iterable

from pynamodb.attributes import UnicodeAttribute

from chalicelib.local.demo.group import DEMO, DemoGroup, cognito_sub
from chalicelib.origination import wiring
from chalicelib.origination.applications import commands, service
from chalicelib.origination.applications.domain import Decision
from chalicelib.origination.applications.lifecycle import Status
from chalicelib.origination.applications.storage import sha256_hex
from chalicelib.origination.customers import service as customers_service
from chalicelib.origination.customers.domain import NewCustomer
from chalicelib.platform.dynamo import TenantModel
from chalicelib.platform.repository import TenantRepository
from chalicelib.shared import clock as the_clock
from chalicelib.shared.errors import DomainError
from chalicelib.shared.identity import resident_id_check_digit, uscc_check_char
from chalicelib.shared.tenant import Role, TenantContext

log = logging.getLogger(__name__)
CHINA = timezone(timedelta(hours=8))
CORE_ENTERPRISE = "华东重工集团有限公司"


# --- idempotency marks ------------------------------------------------------------------------------


class SeedMarkRecord(TenantModel):
    application_id = UnicodeAttribute()


class SeedMarks(TenantRepository[SeedMarkRecord]):
    record = SeedMarkRecord
    aggregate = "SEED_APPLICATION"

    def find(self, ctx: TenantContext, key: str) -> str | None:
        r = self.get(ctx, key)
        return r.application_id if r else None

    def mark(self, ctx: TenantContext, key: str, application_id: str) -> None:
        self.create(ctx, self.new(ctx, key, application_id=application_id), "origination.seed.exists")


# --- demo identities ----------------------------------------------------------------------------------


def demo_resident_id(birth: str, seq: int) -> str:
    first17 = f"310101{birth}{seq:03d}"
    return first17 + resident_id_check_digit(first17)


def demo_uscc(n: int) -> str:
    first17 = f"91310000{n:04d}JK0D8"
    return first17 + uscc_check_char(first17)


def person(name: str, birth: str, seq: int, income: str | None = "240000.00") -> dict:
    return {"type": "individual", "name": name, "identity_type": "resident_id",
            "identity_number": demo_resident_id(birth, seq), "contact": {"phone": f"+86 139 {seq:04d} {seq:04d}"},
            "region": "310000", **({"annual_income": income} if income else {})}


def company(name: str, n: int, industry: str = "C34", established: str = "2012-04-01", core: bool = False,
            parent: str | None = None) -> dict:
    body: dict[str, Any] = {"type": "enterprise", "name": name, "identity_type": "uscc",
                            "identity_number": demo_uscc(n), "industry": industry, "region": "310000",
                            "established_on": established, "is_core_enterprise": core}
    if parent:
        body["_parent"] = parent
    return body


BLACKLISTED = person("郑某", "19750409", 199)

# Enterprises appearing in more than one subsidiary (the same USCC → the same group identity).
SHENJIANG = company("上海申江精密机械有限公司", 1, industry="C34", established="2010-09-15")
HUANAN_PARENT = company("华南控股集团有限公司", 2, industry="L72", established="2005-03-01")
HUANAN_SUB = company("华南智能装备有限公司", 3, industry="C35", established="2014-07-20", parent="华南控股集团有限公司")


# --- scenarios ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    key: str
    tenant: str
    product: str
    customer: dict
    target: Status
    days_ago: int  # opened this many days before the history's last day
    terms: dict[str, Any] = field(default_factory=dict)
    assets: tuple[dict, ...] = ()
    invoices: tuple[dict, ...] = ()  # each with "debtor": a customer body, plus face_amount
    note: str = ""
    repays: str = ""  # disbursed ones: how the customer pays (``history.Behaviour``)
    invoice_days: int = 75  # factoring: the invoices fall due this many days after the application


def _people() -> list[dict]:
    names = ["王小明", "李娜", "陈思远", "赵丽", "刘洋", "杨帆", "黄静", "周杰", "吴敏", "徐磊", "孙悦", "马超", "朱琳",
             "胡斌", "郭晓"]
    return [person(n, f"19{80 + i % 15:02d}{(i % 12) + 1:02d}{(i % 27) + 1:02d}", 100 + i) for i, n in enumerate(names)]


def _borrowers() -> list[dict]:
    """The consumer borrowers of the history's loans (beyond the applicants above)."""
    names = ["林晨", "何芳", "高远", "罗敏", "梁涛", "宋佳", "郑浩", "谢婷", "韩冰", "唐宁"]
    return [person(n, f"19{82 + i % 12:02d}{(i % 12) + 1:02d}{(i % 25) + 2:02d}", 120 + i) for i, n in enumerate(names)]


# How the history's customers pay (``history.Behaviour``): the bucket each contract ends in follows.
ON_TIME, PARTIAL, OFFLINE = "on_time", "partial", "offline"


def late(days: int) -> str:
    return f"late:{days}"


def stop_after(paid: int) -> str:
    return f"stop:{paid}"


def prepay_after(paid: int) -> str:
    return f"prepay:{paid}"


def written_off(paid: int, days_before_end: int) -> str:
    return f"write_off:{paid}:{days_before_end}"


def recovered(paid: int, written_off_days_before_end: int, recovered_days_before_end: int) -> str:
    return f"recover:{paid}:{written_off_days_before_end}:{recovered_days_before_end}"


def _lending() -> list[Scenario]:
    p, b = _people(), _borrowers()
    t, loan, sme = "demo-lending", "CONSUMER-INSTALMENT", "SME-OPERATING"
    small = {"principal": "30000.00", "term": 12}
    large = {"principal": "80000.00", "term": 12}  # above the 50,000 second-review line
    no_income = person("钱多多", "19880606", 190, income=None)
    D = Status.DISBURSED

    def book(key: str, customer: dict, days: int, repays: str, terms: dict = small) -> Scenario:
        return Scenario(key, t, loan, customer, D, days, terms, repays=repays)

    return [
        Scenario("lending-draft", t, loan, p[0], Status.DRAFT, 1, small),
        Scenario("lending-submitted", t, loan, p[1], Status.SUBMITTED, 1, small),
        Scenario("lending-risk-checked", t, loan, p[2], Status.RISK_CHECKED, 2, small),
        Scenario("lending-risk-referred", t, loan, no_income, Status.RISK_CHECKED, 1, small),
        Scenario("lending-first-review", t, loan, p[3], Status.FIRST_REVIEW, 2, small),
        Scenario("lending-second-review", t, loan, p[4], Status.SECOND_REVIEW, 3, large),
        Scenario("lending-approved", t, loan, p[5], Status.APPROVED, 2, small),
        Scenario("lending-contract-issued", t, loan, p[6], Status.CONTRACT_ISSUED, 3, small),
        Scenario("lending-signed", t, loan, p[7], Status.SIGNED, 4, large),
        Scenario("lending-withdrawn", t, loan, p[9], Status.WITHDRAWN, 6, small, note="客户已获得其他银行贷款"),
        Scenario("lending-returned", t, loan, p[10], Status.RETURNED, 3, small, note="请补充近六个月银行流水"),
        Scenario("lending-rejected", t, loan, p[11], Status.REJECTED, 8, small, note="收入来源无法核实"),
        Scenario("lending-expired", t, loan, p[12], Status.EXPIRED, 30, small),
        Scenario("lending-risk-declined", t, loan, BLACKLISTED, Status.REJECTED, 4, small),
        # The history's loans: disbursed months ago, each paying its own way.
        book("lending-disbursed", p[8], 100, ON_TIME),
        book("lending-late", p[13], 100, late(12)),
        book("lending-partial", p[14], 95, PARTIAL),
        book("lending-offline", b[0], 70, OFFLINE),
        book("lending-prepaid", b[1], 105, prepay_after(3)),
        book("lending-m1", b[2], 70, stop_after(1)),
        book("lending-m2", b[3], 100, stop_after(1)),
        book("lending-m3", b[4], 130, stop_after(1)),
        book("lending-m4", b[5], 135, stop_after(0)),
        book("lending-written-off", b[6], 140, written_off(0, 10), large),
        book("lending-recovered", b[7], 165, recovered(0, 40, 20)),
        Scenario("lending-sme-shenjiang", t, sme, SHENJIANG, D, 90, {"principal": "800000.00"}, repays=ON_TIME),
        Scenario("lending-sme-huanan-sub", t, sme, HUANAN_SUB, D, 80, {"principal": "1200000.00"}, repays=ON_TIME),
        Scenario("lending-sme-huanan-parent", t, sme, HUANAN_PARENT, Status.SECOND_REVIEW, 2,
                 {"principal": "2000000.00"}),
    ]


def _machine(price: str, n: int, supplier: str = "沈阳机床股份有限公司") -> dict:
    return {"description": "五轴数控加工中心 5-axis CNC machining centre", "supplier": supplier, "price": price,
            "serial": f"SYK-5X-2025-{n:04d}", "quantity": 1}


def _leasing() -> list[Scenario]:
    t, direct, leaseback = "demo-leasing", "DIRECT-LEASE", "SALE-LEASEBACK"
    firms = [company(name, 20 + i, industry="G54" if "物流" in name else "C29", established="2011-05-10")
             for i, name in enumerate(["苏州华晟物流有限公司", "杭州绿能新材料股份有限公司", "宁波港航运输有限公司",
                                       "合肥智造科技有限公司", "南京金陵制药有限公司", "无锡昊天电子有限公司",
                                       "常州天宁纺织有限公司", "嘉兴南湖包装有限公司", "温州瓯江汽配有限公司",
                                       "扬州运河食品有限公司", "镇江江海化工设备有限公司", "绍兴越城印染有限公司"])]
    lessees = [company(name, 60 + i, industry="C34", established="2013-08-08")
               for i, name in enumerate(["泰兴长江船舶配件有限公司", "丹阳精锐光学有限公司", "江阴澄江钢管有限公司",
                                         "昆山玉山精密模具有限公司", "张家港沙洲机械有限公司", "海门东洲电力设备有限公司"])]
    d = {"principal": "1800000.00", "term": 12, "frequency": "quarterly"}
    lb = {"principal": "5000000.00"}

    monthly = {**d, "term": 36, "frequency": "monthly"}  # the arrears cases pay rent monthly

    def direct_lease(key: str, c: dict, target: Status, days: int, note: str = "", repays: str = "",
                     terms: dict = d) -> Scenario:
        return Scenario(key, t, direct, c, target, days, terms, (_machine("2000000.00", len(key) + days),),
                        note=note, repays=repays)

    D = Status.DISBURSED
    return [
        direct_lease("leasing-draft", firms[0], Status.DRAFT, 1),
        direct_lease("leasing-submitted", firms[1], Status.SUBMITTED, 1),
        direct_lease("leasing-risk-checked", firms[2], Status.RISK_CHECKED, 2),
        direct_lease("leasing-first-review", firms[3], Status.FIRST_REVIEW, 3),
        direct_lease("leasing-second-review", firms[4], Status.SECOND_REVIEW, 3),
        direct_lease("leasing-approved", firms[5], Status.APPROVED, 5),
        direct_lease("leasing-contract-issued", firms[6], Status.CONTRACT_ISSUED, 6),
        direct_lease("leasing-withdrawn", firms[7], Status.WITHDRAWN, 9, note="客户推迟设备采购计划"),
        direct_lease("leasing-returned", firms[8], Status.RETURNED, 4, note="设备报价单需加盖供应商公章"),
        direct_lease("leasing-rejected", firms[9], Status.REJECTED, 12, note="租赁物估值依据不足"),
        direct_lease("leasing-expired", firms[10], Status.EXPIRED, 45),
        Scenario("leasing-leaseback-signed", t, leaseback, firms[11], Status.SIGNED, 7, lb,
                 ({"description": "印染生产线 Dyeing production line", "supplier": "绍兴越城印染有限公司（自有）",
                   "price": "6500000.00", "serial": "YC-DYE-LINE-02", "quantity": 1},)),
        # The history's leases: rent due quarterly.
        Scenario("leasing-huanan-sub", t, direct, HUANAN_SUB, D, 100, d, (_machine("2000000.00", 77),),
                 repays=ON_TIME),
        Scenario("leasing-huanan-parent", t, leaseback, HUANAN_PARENT, D, 100, lb,
                 ({"description": "总部办公楼中央空调系统 HQ central air-conditioning", "supplier": "华南控股集团有限公司（自有）",
                   "price": "5600000.00", "serial": "HN-HVAC-01", "quantity": 1},), repays=ON_TIME),
        direct_lease("leasing-late", lessees[0], D, 115, repays=late(20)),
        direct_lease("leasing-partial", lessees[1], D, 100, repays=PARTIAL),
        direct_lease("leasing-m2", lessees[2], D, 75, repays=stop_after(0), terms=monthly),
        direct_lease("leasing-m3", lessees[3], D, 105, repays=stop_after(0), terms=monthly),
        direct_lease("leasing-m4", lessees[4], D, 135, repays=stop_after(0), terms=monthly),
        direct_lease("leasing-written-off", lessees[5], D, 140, repays=written_off(0, 10), terms=monthly),
    ]


CORE = company(CORE_ENTERPRISE, 40, industry="C35", established="1998-01-08", core=True)
CORE_2 = company("江南汽车制造股份有限公司", 41, industry="C36", established="2003-06-18", core=True)


def _factoring() -> list[Scenario]:
    t, recourse, reverse = "demo-factoring", "RECOURSE-FACTORING", "REVERSE-FACTORING"
    suppliers = [company(name, 50 + i, industry="C33", established="2016-03-03")
                 for i, name in enumerate(["常州恒力零部件有限公司", "无锡精工模具有限公司", "昆山华达电子有限公司",
                                           "太仓联创机械有限公司", "南通海辰钢构有限公司", "泰州东方线缆有限公司",
                                           "盐城新港铸造有限公司", "宿迁金田轴承有限公司", "淮安清江电机有限公司",
                                           "连云港海州液压有限公司", "徐州汉源机电有限公司", "湖州吴兴电气有限公司"])]
    sellers = [company(name, 70 + i, industry="C33", established="2015-06-06")
               for i, name in enumerate(["靖江港城紧固件有限公司", "仪征化纤配套有限公司", "如皋长江链条有限公司",
                                         "句容茅山五金有限公司", "溧阳天目湖电器有限公司", "宜兴陶都环保设备有限公司",
                                         "启东吕四港机械有限公司", "东台新曹农机有限公司"])]
    one = ({"debtor": CORE, "face_amount": "1000000.00"},)
    big = ({"debtor": CORE, "face_amount": "4000000.00"}, {"debtor": CORE_2, "face_amount": "4000000.00"})

    def deal(key: str, c: dict, target: Status, days: int, invoices: tuple = one, product: str = recourse,
             note: str = "", repays: str = "") -> Scenario:
        return Scenario(key, t, product, c, target, days, {}, (), invoices, note, repays)

    D = Status.DISBURSED
    return [
        deal("factoring-draft", suppliers[0], Status.DRAFT, 1),
        deal("factoring-submitted", suppliers[1], Status.SUBMITTED, 1),
        deal("factoring-risk-checked", suppliers[2], Status.RISK_CHECKED, 2, product=reverse),
        deal("factoring-first-review", suppliers[3], Status.FIRST_REVIEW, 2),
        deal("factoring-second-review", suppliers[4], Status.SECOND_REVIEW, 3, invoices=big),
        deal("factoring-approved", suppliers[5], Status.APPROVED, 1, product=reverse),
        deal("factoring-contract-issued", suppliers[6], Status.CONTRACT_ISSUED, 2),
        deal("factoring-signed", suppliers[7], Status.SIGNED, 3, product=reverse),
        deal("factoring-withdrawn", suppliers[8], Status.WITHDRAWN, 5, note="卖方改用银行承兑汇票结算"),
        deal("factoring-returned", suppliers[9], Status.RETURNED, 3, note="请补充基础交易合同的履约凭证"),
        deal("factoring-rejected", suppliers[10], Status.REJECTED, 9, note="应收账款存在争议"),
        deal("factoring-expired", suppliers[11], Status.EXPIRED, 20),
        # The history's receivables, each falling due 75 days after it was bought.
        deal("factoring-shenjiang", SHENJIANG, D, 100, product=reverse, repays=stop_after(0)),
        deal("factoring-paid", sellers[0], D, 90, repays=ON_TIME),
        deal("factoring-late", sellers[1], D, 95, repays=late(10)),
        deal("factoring-current", sellers[2], D, 40, repays=ON_TIME),
        deal("factoring-partial", sellers[3], D, 90, repays=PARTIAL),
        deal("factoring-m2", sellers[4], D, 120, repays=stop_after(0)),
        deal("factoring-m3", sellers[5], D, 150, repays=stop_after(0)),
        deal("factoring-m4", sellers[6], D, 170, repays=stop_after(0)),
        deal("factoring-recovered", sellers[7], D, 175, repays=recovered(0, 20, 10)),
    ]


def scenarios() -> list[Scenario]:
    return _lending() + _leasing() + _factoring()


# --- running them ---------------------------------------------------------------------------------------


@dataclass
class SeededApplication:
    tenant_id: str
    key: str
    application_id: str | None
    status: str | None
    created: bool
    error: str | None = None


class _Clock:
    """The working day's instants: from 09:20 on the tenant's business date (local), a few minutes per
    step and hours per stage, so a scenario's timeline reads like a day at the desk."""

    def __init__(self, ctx: TenantContext):
        from chalicelib.closing.service import tenant_timezone
        from zoneinfo import ZoneInfo

        self.at = datetime.combine(the_clock.business_date(ctx), time(9, 20),
                                   ZoneInfo(tenant_timezone(ctx))).astimezone(timezone.utc)

    def __call__(self) -> datetime:
        self.at += timedelta(minutes=7)
        return self.at

    def next_stage(self) -> None:
        self.at += timedelta(hours=1)


def seed_demo_applications(only: Iterable[str] | None = None, group: DemoGroup = DEMO) -> list[SeededApplication]:
    """Run every demo scenario not yet run (or only the scenarios named by key) on each tenant's
    business date. Returns one entry per scenario, in the order of ``scenarios()``."""
    wanted = set(only) if only is not None else None
    return run_scenarios([s for s in scenarios() if wanted is None or s.key in wanted], group)


def run_scenarios(chosen: list[Scenario], group: DemoGroup = DEMO) -> list[SeededApplication]:
    out = []
    for part in dict.fromkeys(s.tenant for s in chosen):
        out += _seed_tenant(part, group, [s for s in chosen if s.tenant == part])
    return out


def _seed_tenant(part: str, group: DemoGroup, chosen: list[Scenario]) -> list[SeededApplication]:
    tenant_id = group.tenant(part)
    roles = _staff(tenant_id)
    _prepare_tenant(part, group, roles)
    marks = SeedMarks()
    out = []
    for s in chosen:
        existing = marks.find(roles[Role.LOAN_OFFICER], s.key)
        if existing:  # run before (this stack, or another caller): reported as it stands now
            status = service.get_application(roles[Role.VIEWER], existing).status.value
            out.append(SeededApplication(tenant_id, s.key, existing, status, False))
            continue
        opened: list[str] = []

        def mark(app_id: str, key: str = s.key) -> None:
            # Marked as soon as it exists: a run that fails half-way is not repeated with a duplicate.
            marks.mark(roles[Role.LOAN_OFFICER], key, app_id)
            opened.append(app_id)

        try:
            app_id = _run(s, group, roles, mark)
        except DomainError as err:  # a demo scenario must not stop the stack from starting
            log.warning("demo application %s not seeded: %s %s %s", s.key, err.code, err.message, err.details or "")
            out.append(SeededApplication(tenant_id, s.key, opened[0] if opened else None, None, bool(opened),
                                         f"{err.code}: {err.message}"))
            continue
        status = service.get_application(roles[Role.VIEWER], app_id).status.value
        out.append(SeededApplication(tenant_id, s.key, app_id, status, True))
    return out


def _staff(tenant_id: str) -> dict[Role, TenantContext]:
    from chalicelib.local.demo.group import staff_context

    return {role: staff_context(tenant_id, role)
            for role in (Role.LOAN_OFFICER, Role.FIRST_REVIEWER, Role.SECOND_REVIEWER, Role.FINANCE,
                         Role.TENANT_ADMIN, Role.VIEWER)}


def _prepare_tenant(part: str, group: DemoGroup, roles: dict[Role, TenantContext]) -> None:
    if part == "demo-lending":
        # One individual on the blacklist, declined by the risk check when they apply.
        from chalicelib.origination.blacklist.service import add_to_blacklist

        blacklisted = _customer(roles[Role.LOAN_OFFICER], BLACKLISTED)
        if wiring.blacklist().find(roles[Role.LOAN_OFFICER], wiring.customers().find(
                roles[Role.LOAN_OFFICER], blacklisted).identity_hash) is None:
            add_to_blacklist(roles[Role.FIRST_REVIEWER], "法院失信被执行人 (court list of defaulters)", blacklisted)
    if part == "demo-factoring":
        from chalicelib import bootstrap
        from chalicelib.local.seed import demo_password
        from chalicelib.origination.debtors.service import create_debtor_user

        core = _customer(roles[Role.LOAN_OFFICER], CORE)
        if not bootstrap.user_directory().user_exists(group.debtor_username):
            create_debtor_user(roles[Role.TENANT_ADMIN], core, group.debtor_username, password=demo_password())
        elif wiring.debtor_users().customer_of(roles[Role.TENANT_ADMIN], group.debtor_username) is None:
            wiring.debtor_users().bind(roles[Role.TENANT_ADMIN], group.debtor_username, core)


def _customer(ctx: TenantContext, body: dict) -> str:
    """The tenant's customer with this identity, registered if new (parents before subsidiaries)."""
    from chalicelib.shared.identity import IdentityType, keyed_hash

    customers = wiring.customers()
    body = dict(body)
    parent = body.pop("_parent", None)
    found = customers.find_by_identity(ctx, keyed_hash(wiring.identity_key(ctx),
                                                       IdentityType(body["identity_type"]), body["identity_number"]))
    if found:
        return found
    if parent:
        parent_body = next(b for b in (HUANAN_PARENT, SHENJIANG, CORE, CORE_2) if b["name"] == parent)
        body["related_parties"] = [{"relation": "parent", "customer_id": _customer(ctx, parent_body)}]
    return customers_service.register_customer(ctx, NewCustomer.model_validate(body), customers,
                                               wiring.identity_key(ctx)).customer.customer_id


def _run(s: Scenario, group: DemoGroup, roles: dict[Role, TenantContext], opened: Callable[[str], None]) -> str:
    """Drive one scenario to its status as the tenant's demo staff would, step by step, on the
    business date: a disbursed one is paid out through servicing (contract, ledger, clearing)."""
    officer, first, second = roles[Role.LOAN_OFFICER], roles[Role.FIRST_REVIEWER], roles[Role.SECOND_REVIEWER]
    clock = _Clock(officer)
    customer_id = _customer(officer, s.customer)
    start = the_clock.business_date(officer)
    invoices = [{"number": f"INV-{s.key.upper()}-{i + 1:03d}", "debtor_customer_id": _customer(officer, inv["debtor"]),
                 "face_amount": inv["face_amount"], "issue_date": (start - timedelta(days=12)).isoformat(),
                 "due_date": (start + timedelta(days=s.invoice_days)).isoformat()} for i, inv in enumerate(s.invoices)]
    command = commands.OpenApplication.model_validate({
        "product_code": s.product, "customer_id": customer_id, "terms": s.terms, "assets": list(s.assets),
        "invoices": invoices})
    app_id = service.open_application(officer, command, now=clock).application_id
    opened(app_id)
    checklist = [d.code for d in wiring.products().active(officer, s.product).documents if d.required]
    for code in (checklist[:1] if s.target is Status.DRAFT else checklist):
        _attach(officer, app_id, code, clock)
    if s.target is Status.DRAFT:
        return app_id
    if s.invoices:
        _confirm_invoices(s, group, roles, app_id, clock)
    clock.next_stage()
    submitted = service.submit_application(officer, app_id, run_risk_check=s.target is not Status.SUBMITTED,
                                           now=clock)
    if s.target in (Status.SUBMITTED, Status.RISK_CHECKED) or submitted.status is Status.REJECTED:
        return app_id  # a risk decline rejects at submission
    clock.next_stage()
    if s.target is Status.WITHDRAWN:
        service.claim_application(first, app_id, now=clock)
        service.withdraw_application(officer, app_id, s.note, now=clock)
        return app_id
    if s.target is Status.FIRST_REVIEW:
        service.claim_application(first, app_id, now=clock)
        return app_id
    if s.target in (Status.RETURNED, Status.REJECTED):
        decision = Decision.RETURN if s.target is Status.RETURNED else Decision.REJECT
        service.first_review(first, app_id, decision, s.note, now=clock)
        return app_id
    after_first = service.first_review(first, app_id, Decision.APPROVE, "资料齐全，收入/经营情况核实无误", now=clock)
    if s.target is Status.SECOND_REVIEW:
        return app_id
    clock.next_stage()
    if after_first.status is Status.SECOND_REVIEW:
        service.second_review(second, app_id, Decision.APPROVE, "同意初审意见", now=clock)
    if s.target in (Status.APPROVED, Status.EXPIRED):
        return app_id  # never signed: close of business expires it once its signing window has closed
    clock.next_stage()
    service.issue_contract(officer, app_id, now=clock)
    if s.target is Status.CONTRACT_ISSUED:
        return app_id
    clock.next_stage()
    service.sign_contract(officer, app_id, now=clock)
    if s.target is Status.SIGNED:
        return app_id
    from chalicelib.servicing import service as servicing

    servicing.disburse(roles[Role.FINANCE], app_id, idempotency_key=f"demo-disburse:{s.key}",
                       reference=f"DEMO-{app_id[-8:]}")
    return app_id


def _attach(ctx: TenantContext, app_id: str, code: str, clock: Callable[[], datetime]) -> str:
    """Upload a small placeholder PDF for a checklist item, as the browser would, and confirm it."""
    body = f"%PDF-1.4\n% Jinkong demo document {code} for {app_id}\n".encode()
    requested = service.request_document_upload(ctx, app_id, commands.RequestUpload(
        type=code, file_name=f"{code.lower()}.pdf", content_type="application/pdf", size=len(body),
        sha256=sha256_hex(body)), now=clock)
    wiring.documents().put(ctx.tenant_id, requested.document.key, body, "application/pdf")
    return service.confirm_document(ctx, app_id, requested.document.document_id, now=clock).document_id


def _confirm_invoices(s: Scenario, group: DemoGroup, roles: dict[Role, TenantContext], app_id: str,
                      clock: _Clock) -> None:
    """The core enterprise confirms through its debtor user; other debtors' confirmations are recorded by
    the officer with the signed acknowledgement as evidence. Drafts and rejections stay unconfirmed."""
    if s.target in (Status.DRAFT, Status.SUBMITTED, Status.REJECTED):
        return
    app = service.get_application(roles[Role.VIEWER], app_id)
    debtor_ctx = _debtor_context(roles[Role.VIEWER], group.debtor_username)
    core_id = wiring.debtor_users().customer_of(debtor_ctx, group.debtor_username)
    for inv in app.invoices:
        if inv.debtor_customer_id == core_id:
            service.confirm_invoice(debtor_ctx, app_id, inv.invoice_id,
                                    commands.ConfirmInvoice(decision="confirm", note="确认应收账款真实有效"), now=clock)
        else:
            evidence = _attach(roles[Role.LOAN_OFFICER], app_id, "DEBTOR_CONFIRMATION", clock)
            service.confirm_invoice(roles[Role.LOAN_OFFICER], app_id, inv.invoice_id, commands.ConfirmInvoice(
                decision="confirm", note="债务人盖章确认函已收", evidence_document_id=evidence), now=clock)


def _debtor_context(like: TenantContext, username: str) -> TenantContext:
    return TenantContext(tenant_id=like.tenant_id, kind=like.kind, user_id=cognito_sub(username),
                         username=username, roles=frozenset({Role.DEBTOR}), group_id=like.group_id,
                         isolation=like.isolation)
