"""Origination's model, lifecycle, contract rendering and the risk rules import no infrastructure."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
APPLICATIONS = ROOT / "chalicelib" / "origination" / "applications"
PURE_MODULES = [APPLICATIONS / name
                for name in ("domain.py", "lifecycle.py", "contract.py", "commands.py", "ports.py")]
PURE_MODULES += [ROOT / "chalicelib" / "risk" / "rules.py",
                 ROOT / "chalicelib" / "origination" / "customers" / "domain.py"]
INFRASTRUCTURE = {"boto3", "botocore", "pynamodb", "chalice", "stripe", "aws_lambda_powertools", "moto"}


def imported(tree: ast.AST) -> set[str]:
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_a_pure_module_imports_no_infrastructure_and_no_adapter(path):
    names = imported(ast.parse(path.read_text(encoding="utf-8")))
    assert not {n.split(".")[0] for n in names} & INFRASTRUCTURE
    assert not any(n.startswith(("chalicelib.platform", "chalicelib.origination.wiring")) for n in names)


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_a_pure_module_has_no_float_literal(path):
    assert [n.value for n in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(n, ast.Constant) and isinstance(n.value, float)] == []
