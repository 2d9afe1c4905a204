"""The customers context's rules — ladder, consent and overrides, grades, eligibility, the provider
port — import no infrastructure and hold no float."""
import ast

import pytest

from tests.unit.origination.test_purity import INFRASTRUCTURE, ROOT, imported

CUSTOMERS = ROOT / "chalicelib" / "customers"
PURE_MODULES = [CUSTOMERS / name for name in ("domain.py", "ladder.py", "grades.py", "eligibility.py", "ports.py")]


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_a_pure_module_imports_no_infrastructure_nor_another_contexts_service(path):
    names = imported(ast.parse(path.read_text(encoding="utf-8")))
    assert not {n.split(".")[0] for n in names} & INFRASTRUCTURE
    assert not any(n.startswith(("chalicelib.platform", "chalicelib.customers.store", "chalicelib.customers.service"))
                   or (n.startswith("chalicelib.") and n.endswith((".store", ".service", ".wiring"))) for n in names)


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_a_pure_module_has_no_float_literal(path):
    assert [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, float)] == []
