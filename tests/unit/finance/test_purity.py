"""The finance engine and the money kernel stay pure: no infrastructure imports, no float literals."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
PURE_MODULES = sorted((ROOT / "chalicelib" / "finance").glob("*.py")) + [ROOT / "chalicelib" / "shared" / "money.py"]
INFRASTRUCTURE = {"boto3", "botocore", "pynamodb", "chalice", "stripe", "aws_lambda_powertools", "moto"}


def _imported_roots(tree: ast.AST) -> set[str]:
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            roots.add(node.module.split(".")[0])
    return roots


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_given_a_finance_module_when_reading_its_imports_then_none_is_infrastructure(path):
    assert not _imported_roots(ast.parse(path.read_text())) & INFRASTRUCTURE


@pytest.mark.parametrize("path", PURE_MODULES, ids=lambda p: p.name)
def test_given_a_finance_module_when_reading_its_literals_then_none_is_a_float(path):
    floats = [node.value for node in ast.walk(ast.parse(path.read_text()))
              if isinstance(node, ast.Constant) and isinstance(node.value, float)]
    assert floats == []
