"""The consolidation engine: the group's view of its subsidiaries' exposures. Pure: no AWS.

``consolidate(exposures, ...)`` takes every subsidiary's extracted contracts and returns:

* **customers** — one per identity hash, whichever subsidiaries lend to it, with the per-subsidiary
  breakdown (a company borrowing from the lending company and factoring its receivables with the
  factoring company is one customer with one summed exposure);
* **group customers** (集团客户) — customers connected by declared parent / shareholder / guarantor
  relations, found by union-find over the related-party hashes, with their summed exposure;
* **five-category classification** of every contract: a manual override (with its reason) if HQ set
  one, else the worse of the days-past-due class (configurable thresholds) and the subsidiary's own;
  NPL is substandard, doubtful and loss;
* **portfolio** splits by subsidiary, product kind, industry, region, class and delinquency bucket,
  the NPL ratio, top-10 concentration, Herfindahl indexes and the trend against earlier snapshots;
* **findings** HQ must hear about that no single subsidiary can see (a customer overdue in one
  subsidiary while current in another).

Everything is one pass over the contracts plus work proportional to the number of customers, so the
run time grows linearly with the portfolio (``benches/consolidation.py``).
"""
from __future__ import annotations

import contextlib
import gc
import hashlib
import heapq
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_EVEN, Decimal
from typing import Any, Iterable, Sequence

from chalicelib.risk.exposures import ZERO, Exposure, FiveCategory, Relation

RATIO_PLACES = Decimal("0.000001")
TOP_N = 10

# (label, lowest dpd in the bucket); the last bucket is open-ended.
DELINQUENCY_BUCKETS: tuple[tuple[str, int], ...] = (
    ("current", 0), ("1-30", 1), ("31-60", 31), ("61-90", 61), ("91-180", 91), ("181-360", 181), ("360+", 361),
)


def delinquency_bucket(days_past_due: int) -> str:
    label = DELINQUENCY_BUCKETS[0][0]
    for name, start in DELINQUENCY_BUCKETS:
        if days_past_due >= start:
            label = name
        else:
            break
    return label


def ratio(part: Decimal, whole: Decimal) -> Decimal:
    if not whole:
        return Decimal("0.000000")
    return (part / whole).quantize(RATIO_PLACES, rounding=ROUND_HALF_EVEN)


# --- classification policy ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    """HQ's manual classification of a contract (or of every contract of a customer), with its reason."""

    category: FiveCategory
    reason: str
    set_by: str = ""
    set_at: datetime | None = None
    subsidiary_id: str | None = None
    contract_id: str | None = None
    customer_hash: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        if self.contract_id:
            return ("contract", f"{self.subsidiary_id}/{self.contract_id}")
        return ("customer", self.customer_hash or "")


@dataclass(frozen=True)
class ClassificationPolicy:
    """Days past due at which each worse class begins (defaults: 1, 91, 181, 361), plus overrides."""

    special_mention_from: int = 1
    substandard_from: int = 91
    doubtful_from: int = 181
    loss_from: int = 361
    overrides: tuple[Override, ...] = ()

    def __post_init__(self) -> None:
        bounds = (self.special_mention_from, self.substandard_from, self.doubtful_from, self.loss_from)
        if bounds[0] < 1 or any(later <= earlier for earlier, later in zip(bounds, bounds[1:])):
            raise ValueError("classification thresholds must rise strictly and start at 1 day or later")

    def by_dpd(self, days_past_due: int) -> FiveCategory:
        if days_past_due >= self.loss_from:
            return FiveCategory.LOSS
        if days_past_due >= self.doubtful_from:
            return FiveCategory.DOUBTFUL
        if days_past_due >= self.substandard_from:
            return FiveCategory.SUBSTANDARD
        if days_past_due >= self.special_mention_from:
            return FiveCategory.SPECIAL_MENTION
        return FiveCategory.NORMAL

    def index(self) -> tuple[dict[tuple[str, str], Override], dict[str, Override]]:
        contracts, customers = {}, {}
        for o in self.overrides:
            if o.contract_id:
                contracts[(o.subsidiary_id or "", o.contract_id)] = o
            elif o.customer_hash:
                customers[o.customer_hash] = o
        return contracts, customers


def worse(a: FiveCategory, b: FiveCategory | None) -> FiveCategory:
    return a if b is None or a.rank >= b.rank else b


# --- results -------------------------------------------------------------------------------------------


@dataclass
class ClassifiedContract:
    exposure: Exposure
    category: FiveCategory
    source: str  # "dpd" | "subsidiary" | "override"
    override_reason: str | None
    bucket: str
    group_customer_id: str | None = None


@dataclass
class Position:
    """Sums over a set of contracts (a customer in one subsidiary, a customer, a group, a portfolio slice)."""

    contracts: int = 0
    principal: Decimal = ZERO
    interest: Decimal = ZERO
    undrawn: Decimal = ZERO
    npl_principal: Decimal = ZERO
    max_dpd: int = 0
    category: FiveCategory = FiveCategory.NORMAL

    @property
    def exposure(self) -> Decimal:
        return self.principal + self.interest + self.undrawn

    def add(self, c: ClassifiedContract) -> None:
        e = c.exposure
        self.contracts += 1
        self.principal += e.outstanding_principal
        self.interest += e.accrued_interest
        self.undrawn += e.undrawn_commitment
        if c.category.is_npl:
            self.npl_principal += e.outstanding_principal
        if e.days_past_due > self.max_dpd:
            self.max_dpd = e.days_past_due
        if c.category.rank > self.category.rank:
            self.category = c.category

    def merge(self, other: "Position") -> None:
        self.contracts += other.contracts
        self.principal += other.principal
        self.interest += other.interest
        self.undrawn += other.undrawn
        self.npl_principal += other.npl_principal
        self.max_dpd = max(self.max_dpd, other.max_dpd)
        if other.category.rank > self.category.rank:
            self.category = other.category

    def to_json(self) -> dict[str, Any]:
        return {"contracts": self.contracts, "principal": _s(self.principal), "interest": _s(self.interest),
                "undrawn": _s(self.undrawn), "exposure": _s(self.exposure), "npl_principal": _s(self.npl_principal),
                "max_dpd": self.max_dpd, "classification": self.category.value}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Position":
        return cls(int(d["contracts"]), Decimal(d["principal"]), Decimal(d["interest"]), Decimal(d["undrawn"]),
                   Decimal(d["npl_principal"]), int(d["max_dpd"]), FiveCategory(d["classification"]))


@dataclass
class CustomerExposure:
    identity_hash: str
    label: str
    customer_type: str
    industry: str | None
    region: str | None
    total: Position = field(default_factory=Position)
    by_subsidiary: dict[str, Position] = field(default_factory=dict)
    product_kinds: set[str] = field(default_factory=set)
    group_customer_id: str | None = None
    group_related_party: bool = False

    @property
    def exposure(self) -> Decimal:
        return self.total.exposure

    def to_json(self) -> dict[str, Any]:
        return {"identity_hash": self.identity_hash, "label": self.label, "customer_type": self.customer_type,
                "industry": self.industry, "region": self.region, "total": self.total.to_json(),
                "by_subsidiary": {k: v.to_json() for k, v in sorted(self.by_subsidiary.items())},
                "product_kinds": sorted(self.product_kinds), "group_customer_id": self.group_customer_id,
                "group_related_party": self.group_related_party}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "CustomerExposure":
        return cls(d["identity_hash"], d["label"], d["customer_type"], d.get("industry"), d.get("region"),
                   Position.from_json(d["total"]), {k: Position.from_json(v) for k, v in d["by_subsidiary"].items()},
                   set(d["product_kinds"]), d.get("group_customer_id"), bool(d.get("group_related_party")))


@dataclass(frozen=True)
class Link:
    customer_hash: str
    relation: str
    related_hash: str


@dataclass
class GroupCustomer:
    """Connected customers (集团客户): one obligor for limits and concentration."""

    group_customer_id: str
    label: str
    members: list[str]  # every identity hash in the group, with or without exposure here
    links: list[Link]
    total: Position = field(default_factory=Position)
    by_subsidiary: dict[str, Position] = field(default_factory=dict)

    @property
    def exposure(self) -> Decimal:
        return self.total.exposure

    def to_json(self) -> dict[str, Any]:
        return {"group_customer_id": self.group_customer_id, "label": self.label, "members": self.members,
                "links": [{"customer_hash": x.customer_hash, "relation": x.relation, "related_hash": x.related_hash}
                          for x in self.links],
                "total": self.total.to_json(),
                "by_subsidiary": {k: v.to_json() for k, v in sorted(self.by_subsidiary.items())}}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "GroupCustomer":
        return cls(d["group_customer_id"], d["label"], list(d["members"]),
                   [Link(x["customer_hash"], x["relation"], x["related_hash"]) for x in d["links"]],
                   Position.from_json(d["total"]), {k: Position.from_json(v) for k, v in d["by_subsidiary"].items()})


@dataclass(frozen=True)
class CrossOverdue:
    """A customer overdue in one subsidiary while it still has business in good standing in another."""

    identity_hash: str
    label: str
    overdue_in: tuple[str, ...]
    current_in: tuple[str, ...]
    max_dpd: int
    exposure: Decimal


@dataclass(frozen=True)
class TrendPoint:
    run_id: str
    as_of: date
    exposure: Decimal
    npl_ratio: Decimal
    top10_share: Decimal
    hhi: Decimal
    customers: int

    def to_json(self) -> dict[str, Any]:
        return {"run_id": self.run_id, "as_of": self.as_of.isoformat(), "exposure": _s(self.exposure),
                "npl_ratio": _s(self.npl_ratio), "top10_share": _s(self.top10_share), "hhi": _s(self.hhi),
                "customers": self.customers}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "TrendPoint":
        return cls(d["run_id"], date.fromisoformat(d["as_of"]), Decimal(d["exposure"]), Decimal(d["npl_ratio"]),
                   Decimal(d["top10_share"]), Decimal(d["hhi"]), int(d["customers"]))


@dataclass
class Consolidation:
    as_of: date
    currency: str
    contracts: list[ClassifiedContract]
    customers: dict[str, CustomerExposure]
    groups: dict[str, GroupCustomer]
    total: Position
    portfolio: dict[str, dict[str, Position]]
    top_customers: list[tuple[str, Decimal]]
    top_groups: list[tuple[str, Decimal]]
    top10_share: Decimal
    hhi_customers: Decimal
    hhi_obligors: Decimal
    npl_ratio: Decimal
    cross_overdue: list[CrossOverdue]
    unconverted: dict[str, Position]  # currency -> exposures in a currency the group does not consolidate
    trend: list[TrendPoint]

    def trend_point(self, run_id: str) -> TrendPoint:
        return TrendPoint(run_id, self.as_of, self.total.exposure, self.npl_ratio, self.top10_share,
                          self.hhi_customers, len(self.customers))

    def summary_json(self, run_id: str) -> dict[str, Any]:
        """The dashboard's figures (everything but the per-contract and per-customer detail)."""
        total = self.total.exposure
        previous = self.trend[-2] if len(self.trend) >= 2 else None
        return {
            "as_of": self.as_of.isoformat(), "currency": self.currency,
            "totals": {**self.total.to_json(), "customers": len(self.customers), "group_customers": len(self.groups),
                       "on_balance": _s(self.total.principal + self.total.interest)},
            "npl_ratio": _s(self.npl_ratio),
            "portfolio": {dim: {k: {**p.to_json(), "share": _s(ratio(p.exposure, total)),
                                    "npl_ratio": _s(ratio(p.npl_principal, p.principal))}
                                for k, p in sorted(slices.items())}
                          for dim, slices in self.portfolio.items()},
            "top10": [self._top_customer(h, i + 1) for i, (h, _) in enumerate(self.top_customers)],
            "top10_groups": [self._top_group(g, i + 1) for i, (g, _) in enumerate(self.top_groups)],
            "concentration": {"top10_share": _s(self.top10_share), "hhi": _s(self.hhi_customers),
                              "hhi_points": _s((self.hhi_customers * 10000).quantize(Decimal("0.01"))),
                              "hhi_obligor_groups": _s(self.hhi_obligors)},
            "cross_overdue": [{"identity_hash": c.identity_hash, "label": c.label, "overdue_in": list(c.overdue_in),
                               "current_in": list(c.current_in), "max_dpd": c.max_dpd, "exposure": _s(c.exposure)}
                              for c in self.cross_overdue],
            "unconverted": {ccy: p.to_json() for ccy, p in sorted(self.unconverted.items())},
            "trend": [p.to_json() for p in self.trend],
            "change": None if previous is None else {
                "since_run": previous.run_id, "since_as_of": previous.as_of.isoformat(),
                "exposure": _s(total - previous.exposure), "npl_ratio": _s(self.npl_ratio - previous.npl_ratio),
                "hhi": _s(self.hhi_customers - previous.hhi)},
            "run_id": run_id,
        }

    def _top_customer(self, identity_hash: str, rank: int) -> dict[str, Any]:
        c = self.customers[identity_hash]
        return {"rank": rank, "identity_hash": identity_hash, "label": c.label, "exposure": _s(c.exposure),
                "share": _s(ratio(c.exposure, self.total.exposure)), "classification": c.total.category.value,
                "group_customer_id": c.group_customer_id,
                "by_subsidiary": {k: _s(v.exposure) for k, v in sorted(c.by_subsidiary.items())}}

    def _top_group(self, group_id: str, rank: int) -> dict[str, Any]:
        g = self.groups[group_id]
        return {"rank": rank, "group_customer_id": group_id, "label": g.label, "exposure": _s(g.exposure),
                "share": _s(ratio(g.exposure, self.total.exposure)), "members": len(g.members),
                "by_subsidiary": {k: _s(v.exposure) for k, v in sorted(g.by_subsidiary.items())}}


def _s(d: Decimal) -> str:
    return format(d, "f")


@contextlib.contextmanager
def bulk_work():
    """Pause Python's cyclic garbage collector while a step builds or parses its bulk data.

    A consolidation allocates millions of small acyclic objects (rows, decimals, dicts); the collector
    can free none of them, yet each full collection rescans them all as they grow, which makes a
    linear pass superlinear (measured: 50k rows parse 3× slower with it on). Reference counting still
    frees everything; the collector resumes afterwards.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- the engine ------------------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        parent = self.parent
        root = parent.setdefault(x, x)
        while root != parent[root]:
            root = parent[root]
        while x != root:  # path compression keeps every later find near O(1)
            parent[x], x = root, parent[x]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            # The smaller hash becomes the root: deterministic, whatever order the rows came in.
            if rb < ra:
                ra, rb = rb, ra
            self.parent[rb] = ra


def group_customer_id(members: Iterable[str]) -> str:
    """A stable id for a set of connected customers (same members → same id, run after run)."""
    digest = hashlib.sha256("|".join(sorted(members)).encode()).hexdigest()
    return f"grp_{digest[:20]}"


def classify(e: Exposure, policy: ClassificationPolicy,
             contract_overrides: dict[tuple[str, str], Override],
             customer_overrides: dict[str, Override]) -> ClassifiedContract:
    override = contract_overrides.get((e.subsidiary_id, e.contract_id)) or customer_overrides.get(e.customer_hash)
    bucket = delinquency_bucket(e.days_past_due)
    if override is not None:
        return ClassifiedContract(e, override.category, "override", override.reason, bucket)
    by_dpd = policy.by_dpd(e.days_past_due)
    if e.classification is not None and e.classification.rank > by_dpd.rank:
        return ClassifiedContract(e, e.classification, "subsidiary", None, bucket)
    return ClassifiedContract(e, by_dpd, "dpd", None, bucket)


DEFAULT_POLICY = ClassificationPolicy()


def consolidate(exposures: Iterable[Exposure], *, as_of: date, currency: str = "CNY",
                policy: ClassificationPolicy = DEFAULT_POLICY,
                previous: Sequence[TrendPoint] = (), run_id: str = "") -> Consolidation:
    """Consolidate every subsidiary's contracts into the group's view (see the module docstring)."""
    contract_overrides, customer_overrides = policy.index()
    contracts: list[ClassifiedContract] = []
    customers: dict[str, CustomerExposure] = {}
    unconverted: dict[str, Position] = defaultdict(Position)
    uf = _UnionFind()
    links: list[Link] = []

    for e in exposures:
        if not e.is_active:
            continue
        c = classify(e, policy, contract_overrides, customer_overrides)
        if e.currency != currency:
            # Never summed into the group's figures in another currency; reported on its own instead.
            unconverted[e.currency].add(c)
            continue
        contracts.append(c)
        cust = customers.get(e.customer_hash)
        if cust is None:
            cust = customers[e.customer_hash] = CustomerExposure(e.customer_hash, e.customer_label, e.customer_type,
                                                                 e.industry, e.region)
        cust.total.add(c)
        sub = cust.by_subsidiary.get(e.subsidiary_id)
        if sub is None:
            sub = cust.by_subsidiary[e.subsidiary_id] = Position()
        sub.add(c)
        cust.product_kinds.add(e.product_kind.value)
        cust.group_related_party |= e.group_related_party
        if not cust.label and e.customer_label:
            cust.label = e.customer_label
        cust.industry = cust.industry or e.industry
        cust.region = cust.region or e.region
        uf.find(e.customer_hash)
        for p in e.related_parties:
            uf.union(e.customer_hash, p.identity_hash)
            links.append(Link(e.customer_hash, p.relation.value, p.identity_hash))

    groups = _group_customers(uf, links, customers)
    for c in contracts:
        c.group_customer_id = customers[c.exposure.customer_hash].group_customer_id

    total = Position()
    portfolio: dict[str, dict[str, Position]] = {d: defaultdict(Position) for d in
                                                 ("subsidiary", "product_kind", "industry", "region",
                                                  "classification", "delinquency_bucket")}
    for c in contracts:
        e = c.exposure
        total.add(c)
        portfolio["subsidiary"][e.subsidiary_id].add(c)
        portfolio["product_kind"][e.product_kind.value].add(c)
        portfolio["industry"][e.industry or "unknown"].add(c)
        portfolio["region"][e.region or "unknown"].add(c)
        portfolio["classification"][c.category.value].add(c)
        portfolio["delinquency_bucket"][c.bucket].add(c)
    for cat in FiveCategory:  # the five-category split always shows all five
        portfolio["classification"].setdefault(cat.value, Position())

    exposure_total = total.exposure
    top_customers = heapq.nlargest(TOP_N, ((h, c.exposure) for h, c in customers.items()), key=lambda t: (t[1], t[0]))
    top_groups = heapq.nlargest(TOP_N, ((g, x.exposure) for g, x in groups.items()), key=lambda t: (t[1], t[0]))
    top10_share = ratio(sum((x for _, x in top_customers), ZERO), exposure_total)
    hhi_customers = _hhi((c.exposure for c in customers.values()), exposure_total)
    obligors = [g.exposure for g in groups.values()]
    obligors += [c.exposure for c in customers.values() if not c.group_customer_id]
    hhi_obligors = _hhi(obligors, exposure_total)
    npl_ratio = ratio(total.npl_principal, total.principal)

    result = Consolidation(
        as_of=as_of, currency=currency, contracts=contracts, customers=customers, groups=groups, total=total,
        portfolio={d: dict(v) for d, v in portfolio.items()}, top_customers=top_customers, top_groups=top_groups,
        top10_share=top10_share, hhi_customers=hhi_customers, hhi_obligors=hhi_obligors, npl_ratio=npl_ratio,
        cross_overdue=_cross_overdue(customers), unconverted=dict(unconverted), trend=[],
    )
    earlier = sorted((p for p in previous if p.run_id != run_id), key=lambda p: (p.as_of, p.run_id))
    result.trend = earlier + [result.trend_point(run_id)]
    return result


def _hhi(exposures: Iterable[Decimal], total: Decimal) -> Decimal:
    """Herfindahl–Hirschman index of exposure shares: 1/n for n equal obligors, 1 for a single one."""
    if not total:
        return Decimal("0.000000")
    squares = sum((x * x for x in exposures), ZERO)
    return (squares / (total * total)).quantize(RATIO_PLACES, rounding=ROUND_HALF_EVEN)


def _group_customers(uf: _UnionFind, links: list[Link],
                     customers: dict[str, CustomerExposure]) -> dict[str, GroupCustomer]:
    components: dict[str, list[str]] = defaultdict(list)
    for node in list(uf.parent):
        components[uf.find(node)].append(node)
    link_by_root: dict[str, list[Link]] = defaultdict(list)
    seen_links: set[Link] = set()
    for link in links:
        if link not in seen_links:
            seen_links.add(link)
            link_by_root[uf.find(link.customer_hash)].append(link)
    groups: dict[str, GroupCustomer] = {}
    for root, members in components.items():
        if len(members) < 2:
            continue
        with_exposure = [m for m in members if m in customers]
        if not with_exposure:
            continue
        gid = group_customer_id(members)
        group_links = sorted(link_by_root[root], key=lambda x: (x.customer_hash, x.relation, x.related_hash))
        group = GroupCustomer(gid, _group_label(group_links, with_exposure, customers), sorted(members), group_links)
        for m in with_exposure:
            cust = customers[m]
            cust.group_customer_id = gid
            group.total.merge(cust.total)
            for sub, pos in cust.by_subsidiary.items():
                group.by_subsidiary.setdefault(sub, Position()).merge(pos)
        groups[gid] = group
    return groups


def _group_label(links: list[Link], members: list[str], customers: dict[str, CustomerExposure]) -> str:
    """The group is named after its parent company when one is declared, else its largest member."""
    parents = {x.related_hash for x in links if x.relation == Relation.PARENT.value}
    parents |= {x.customer_hash for x in links if x.relation == Relation.SUBSIDIARY.value}
    named = [customers[p] for p in sorted(parents) if p in customers and customers[p].label]
    if named:
        return named[0].label
    largest = max(members, key=lambda m: (customers[m].exposure, m))
    return customers[largest].label


def _cross_overdue(customers: dict[str, CustomerExposure]) -> list[CrossOverdue]:
    found = []
    for h, c in customers.items():
        if len(c.by_subsidiary) < 2:
            continue
        overdue = tuple(sorted(s for s, p in c.by_subsidiary.items() if p.max_dpd > 0))
        current = tuple(sorted(s for s, p in c.by_subsidiary.items() if p.max_dpd == 0 and p.exposure > 0))
        if overdue and current:
            found.append(CrossOverdue(h, c.label, overdue, current, c.total.max_dpd, c.exposure))
    return sorted(found, key=lambda f: (-f.exposure, f.identity_hash))


# --- the work file between steps (S3) ---------------------------------------------------------------------


def contract_to_json(c: ClassifiedContract) -> dict[str, Any]:
    from chalicelib.risk.exposures import exposure_to_json

    return {**exposure_to_json(c.exposure), "hq_classification": c.category.value, "classification_source": c.source,
            "override_reason": c.override_reason, "delinquency_bucket": c.bucket,
            "group_customer_id": c.group_customer_id}


def contract_from_json(d: dict[str, Any]) -> ClassifiedContract:
    from chalicelib.risk.exposures import exposure_from_json

    return ClassifiedContract(exposure_from_json(d), FiveCategory(d["hq_classification"]), d["classification_source"],
                              d.get("override_reason"), d["delinquency_bucket"], d.get("group_customer_id"))


def consolidation_to_json(c: Consolidation) -> dict[str, Any]:
    return {
        "as_of": c.as_of.isoformat(), "currency": c.currency,
        "contracts": [contract_to_json(x) for x in c.contracts],
        "customers": [x.to_json() for x in c.customers.values()],
        "groups": [g.to_json() for g in c.groups.values()],
        "total": c.total.to_json(),
        "portfolio": {d: {k: p.to_json() for k, p in v.items()} for d, v in c.portfolio.items()},
        "top_customers": [[h, _s(x)] for h, x in c.top_customers],
        "top_groups": [[g, _s(x)] for g, x in c.top_groups],
        "top10_share": _s(c.top10_share), "hhi_customers": _s(c.hhi_customers), "hhi_obligors": _s(c.hhi_obligors),
        "npl_ratio": _s(c.npl_ratio),
        "cross_overdue": [{"identity_hash": x.identity_hash, "label": x.label, "overdue_in": list(x.overdue_in),
                           "current_in": list(x.current_in), "max_dpd": x.max_dpd, "exposure": _s(x.exposure)}
                          for x in c.cross_overdue],
        "unconverted": {k: p.to_json() for k, p in c.unconverted.items()},
        "trend": [p.to_json() for p in c.trend],
    }


def consolidation_from_json(d: dict[str, Any]) -> Consolidation:
    customers = [CustomerExposure.from_json(x) for x in d["customers"]]
    groups = [GroupCustomer.from_json(x) for x in d["groups"]]
    return Consolidation(
        as_of=date.fromisoformat(d["as_of"]), currency=d["currency"],
        contracts=[contract_from_json(x) for x in d["contracts"]],
        customers={c.identity_hash: c for c in customers}, groups={g.group_customer_id: g for g in groups},
        total=Position.from_json(d["total"]),
        portfolio={dim: {k: Position.from_json(p) for k, p in v.items()} for dim, v in d["portfolio"].items()},
        top_customers=[(h, Decimal(x)) for h, x in d["top_customers"]],
        top_groups=[(g, Decimal(x)) for g, x in d["top_groups"]],
        top10_share=Decimal(d["top10_share"]), hhi_customers=Decimal(d["hhi_customers"]),
        hhi_obligors=Decimal(d["hhi_obligors"]), npl_ratio=Decimal(d["npl_ratio"]),
        cross_overdue=[CrossOverdue(x["identity_hash"], x["label"], tuple(x["overdue_in"]), tuple(x["current_in"]),
                                    int(x["max_dpd"]), Decimal(x["exposure"])) for x in d["cross_overdue"]],
        unconverted={k: Position.from_json(p) for k, p in d["unconverted"].items()},
        trend=[TrendPoint.from_json(p) for p in d["trend"]],
    )
