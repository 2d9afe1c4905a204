"""State machine definitions: the ASL files in ``infra/statemachines/`` with function placeholders.

An ASL file names a Lambda task by the Chalice function it calls, as a placeholder: ``${extract_exposures}``
(the name given to ``@app.lambda_function(name=...)``) or its CloudFormation logical id
``${ExtractExposures}``. Each placeholder is bound to the function's ARN — in the cloud through the state
machine's ``DefinitionSubstitutions``, locally by ``render_asl`` — and a placeholder that names no
function is refused, so a typo fails at synth instead of at the first execution.

Pure Python: no CDK import, so the local provisioner can render the same files the same way.
"""
from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path

STATEMACHINES_DIR = Path(__file__).resolve().parent / "statemachines"

PLACEHOLDER = re.compile(r"\$\{([A-Za-z][A-Za-z0-9_]*)\}")


class AslError(ValueError):
    """An ASL file that cannot be deployed as written."""


def cfn_logical_id(function_name: str) -> str:
    """Chalice's logical id for a function name: ``extract_exposures`` → ``ExtractExposures``.

    The same rule as ``chalice.utils.to_cfn_resource_name``, restated so this module stays importable
    without Chalice (the lambda bundle does not need it).
    """
    name = function_name
    for separator in ("-", "_"):
        name = "".join(part[0].upper() + part[1:] for part in name.split(separator) if part)
    return re.sub(r"[^A-Za-z0-9]+", "", name)


def placeholders(asl_text: str) -> list[str]:
    """The placeholder names an ASL document uses, in order of first appearance."""
    seen: dict[str, None] = {}
    for m in PLACEHOLDER.finditer(asl_text):
        seen.setdefault(m.group(1), None)
    return list(seen)


def resolve_placeholder(name: str, function_arns: Mapping[str, str]) -> str | None:
    """The key of ``function_arns`` (logical ids) a placeholder stands for, or None."""
    if name in function_arns:
        return name
    logical = cfn_logical_id(name)
    return logical if logical in function_arns else None


# Placeholders that name a platform resource rather than a function: bound from the same definitions
# in the cloud (the stack's bucket) and locally (the provisioned bucket's name).
RESOURCE_PLACEHOLDERS = ("reports_bucket",)


def substitutions(asl_text: str, function_arns: Mapping[str, str], *, source: str = "ASL",
                  resources: Mapping[str, str] | None = None) -> dict[str, str]:
    """Each placeholder of the document mapped to its function's ARN; fails on one that names no function.

    ``function_arns`` maps the app's function logical ids (``ExtractExposures``, ``APIHandler``) to ARNs.
    In the cloud these become the state machine's ``DefinitionSubstitutions``, so the definition stays a
    plain JSON string in the template (and cfn-lint can check its states).
    """
    resources = resources or {}
    unknown = [p for p in placeholders(asl_text)
               if p not in resources and resolve_placeholder(p, function_arns) is None]
    if unknown:
        known = ", ".join(sorted(function_arns)) or "none"
        raise AslError(
            f"{source} references function(s) the Chalice app does not define: {', '.join(unknown)}. "
            f"Functions in the app (logical ids): {known}. Name a task ${{function_name}} as given to "
            f"@app.lambda_function(name=...), or by its logical id."
        )
    _check_shape(asl_text, source)
    return {p: resources[p] if p in resources else function_arns[resolve_placeholder(p, function_arns)]  # type: ignore[index]
            for p in placeholders(asl_text)}


def render_asl(asl_text: str, function_arns: Mapping[str, str], *, source: str = "ASL",
               resources: Mapping[str, str] | None = None) -> str:
    """The document with every ``${Function}`` placeholder replaced by its ARN and every resource
    placeholder (``${reports_bucket}``) by its name (the local stack's way)."""
    subs = substitutions(asl_text, function_arns, source=source, resources=resources)
    # The ARN lands inside a JSON string: escape it as one.
    return PLACEHOLDER.sub(lambda m: json.dumps(subs[m.group(1)])[1:-1], asl_text)


def _check_shape(asl_text: str, source: str) -> None:
    try:
        doc = json.loads(asl_text)
    except json.JSONDecodeError as exc:
        raise AslError(f"{source} is not valid JSON: {exc}") from exc
    if not isinstance(doc, dict) or not isinstance(doc.get("States"), dict) or "StartAt" not in doc:
        raise AslError(f"{source} is not a state machine definition (no StartAt/States)")
