"""The allowed dependencies between the contexts in ``chalicelib/``, enforced.

Every import counts, at module level or inside a function (a lazy import is still a dependency).
``bootstrap`` is the composition root: it may import any context, and a context may ask it for an
adapter (the tenant registry, the user directory). ``local`` (the local stack, demo seeds) may import
anything and nothing imports it. Otherwise a context may import only what
``ALLOWED`` lists, the graph has no cycle, and no context imports another context's ``store``:
contexts talk through services, ports (``platform.effects``, ``shared.clock``) or events.
"""
from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHALICELIB = ROOT / "chalicelib"
COMPOSITION_ROOTS = {"bootstrap", "local"}

# Context → the contexts it may import. Lower layers first; a new arrow is a design decision.
ALLOWED: dict[str, set[str]] = {
    "shared": set(),
    "platform": {"shared"},
    "finance": {"shared"},
    "approvals": {"shared"},  # the four-eyes request: one transition table, pure
    "ledger": {"platform", "shared"},
    "tenancy": {"platform", "shared"},
    "products": {"finance", "platform", "shared"},
    "risk": {"ledger", "platform", "shared", "tenancy"},
    "origination": {"credit", "finance", "platform", "products", "risk", "shared", "tenancy"},
    "servicing": {"approvals", "finance", "ledger", "origination", "platform", "products", "risk", "shared"},
    "payments": {"ledger", "platform", "servicing", "shared", "tenancy"},
    "partners": {"platform", "shared"},  # partner API applications: machine clients, scopes
    "credit": {"platform", "risk", "shared", "tenancy"},  # facilities; customers and HQ's group through ports
    "closing": {"credit", "customers", "ledger", "origination", "payments", "platform", "servicing", "shared", "tenancy"},
    # customer 360, grades, consent, campaigns: reads origination and servicing through their services,
    # writes HQ's customer directory under risk's group context; reads facilities through credit's service
    "customers": {"credit", "origination", "platform", "risk", "servicing", "shared"},
}


def imports_of(package: Path, name: str = "chalicelib") -> list[tuple[str, str, str]]:
    """(importing context, imported context, dotted name imported) for every import inside ``package``."""
    contexts = {p.name for p in package.iterdir() if p.is_dir() and not p.name.startswith("__")}
    contexts |= {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    found = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        source = rel.parts[0] if len(rel.parts) > 1 else rel.stem
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                dotted = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                dotted = [a.name for a in node.names]
            else:
                continue
            for d in dotted:
                parts = d.split(".")
                if parts[0] == name and len(parts) > 1 and parts[1] in contexts and parts[1] != source:
                    found.append((source, parts[1], d))
    return found


def cycle_in(edges: dict[str, set[str]]) -> list[str] | None:
    """One cycle of the graph, as a path that returns to its start, or None."""
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (found := visit(nxt)):
                return found
        state[node] = 2
        path.pop()
        return None

    for start in sorted(edges):
        if start not in state and (found := visit(start)):
            return found
    return None


def graph(found: list[tuple[str, str, str]]) -> dict[str, set[str]]:
    edges: dict[str, set[str]] = defaultdict(set)
    for source, target, _ in found:
        if source not in COMPOSITION_ROOTS and target != "bootstrap":
            edges[source].add(target)
    return edges


def test_the_allowed_graph_itself_has_no_cycle():
    assert cycle_in(ALLOWED) is None


def test_contexts_import_only_what_the_design_allows_and_form_no_cycle():
    edges = graph(imports_of(CHALICELIB))
    assert cycle_in(edges) is None, f"import cycle: {' → '.join(cycle_in(edges) or [])}"
    unexpected = {f"{s} → {t}" for s, targets in edges.items() for t in targets - ALLOWED.get(s, set())}
    assert unexpected == set(), "dependencies the design does not allow (see ALLOWED)"


def test_nothing_outside_the_local_package_imports_it():
    offenders = sorted({f"{s} imports {d}" for s, t, d in imports_of(CHALICELIB) if t == "local"
                        and s != "local"})
    for path in (ROOT / "app.py", *sorted((ROOT / "infra").glob("*.py"))):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        offenders += [f"{path.name} imports {n.module}" for n in ast.walk(tree)
                      if isinstance(n, ast.ImportFrom) and (n.module or "").startswith("chalicelib.local")]
    assert offenders == []


def test_no_context_imports_another_context_s_store():
    offenders = sorted({f"{s} imports {d}" for s, t, d in imports_of(CHALICELIB)
                        if s not in COMPOSITION_ROOTS and ".store" in d[len(f"chalicelib.{t}"):]})
    assert offenders == []


@pytest.fixture()
def tangled(tmp_path: Path) -> Path:
    """A package whose contexts import each other round in a circle, one of them lazily."""
    pkg = tmp_path / "pkg"
    for ctx, body in {"a": "from pkg.b import service\n",
                      "b": "def f():\n    from pkg.c.store import thing\n",
                      "c": "import pkg.a.service\n"}.items():
        (pkg / ctx).mkdir(parents=True)
        (pkg / ctx / "service.py").write_text(body, encoding="utf-8")
    return pkg


def test_the_scanner_sees_lazy_imports_cycles_and_store_reaches(tangled):
    found = imports_of(tangled, name="pkg")
    assert {(s, t) for s, t, _ in found} == {("a", "b"), ("b", "c"), ("c", "a")}
    assert cycle_in(graph(found)) == ["a", "b", "c", "a"]
    assert ("b", "c", "pkg.c.store") in found
