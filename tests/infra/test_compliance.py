"""cfn-lint and cdk-nag's AWS Solutions checks pass on both synthesised stacks."""
from __future__ import annotations

import json

from aws_cdk import Validations
from cfnlint.api import ManualArgs, lint

# cfn-lint rules ignored, each with its reason.
CFN_LINT_IGNORED = {
    # CDK's own constructs (StateMachine, BucketDeployment, the auto-delete-objects provider) declare
    # DependsOn on a role they also reference with GetAtt. Redundant and harmless; not ours to change.
    "W3005": "redundant DependsOn emitted by CDK constructs",
}
REGIONS = ["ap-east-1", "us-east-1"]  # the settings' default region, and the one every service launches in


def test_cfn_lint_passes(any_stack):
    matches = lint(
        json.dumps(any_stack.template),
        config=ManualArgs(regions=REGIONS, ignore_checks=list(CFN_LINT_IGNORED)),
    )
    assert [f"{m.rule.id} {m.message} ({'/'.join(map(str, m.path))})" for m in matches] == []


def test_cfn_lint_sees_the_state_machine_definition(fixture):
    """The ASL is linted, not skipped: a misspelt state type is caught."""
    [machine] = [r for r in fixture.template["Resources"].values() if r["Type"] == "AWS::StepFunctions::StateMachine"]
    machine = json.loads(json.dumps(machine))
    first = machine["Properties"]["Definition"]["StartAt"]
    machine["Properties"]["Definition"]["States"][first]["Type"] = "Taks"
    # The machine alone, in a template transformed like the stack's (Chalice's SAM transform).
    template = {"Transform": fixture.template["Transform"], "Resources": {"Machine": machine}}
    matches = lint(json.dumps(template), config=ManualArgs(regions=REGIONS, ignore_checks=list(CFN_LINT_IGNORED)))
    assert any(m.rule.id == "E3601" and "Taks" in m.message for m in matches)


def test_aws_solutions_checks_pass_with_every_finding_acknowledged(every_stack):
    assert every_stack.validation_error is None, every_stack.validation_error
    report = every_stack.outdir / "validation-report.json"
    if report.exists():  # written when anything was reported at all
        plugins = json.loads(report.read_text())["pluginReports"]
        nag = [p for p in plugins if p["pluginName"] == "AwsSolutions"]
        assert all(p["conclusion"] == "success" for p in nag)
        assert [v["ruleName"] for p in nag for v in p["violations"]] == []


def test_every_acknowledgment_says_why(any_stack):
    acknowledged = {}
    for construct in any_stack.stack.node.find_all():
        for entry in construct.node.metadata:
            if entry.type == Validations.ACKNOWLEDGED_RULES_METADATA_KEY:
                acknowledged.update({(construct.node.path, rule): reason for rule, reason in entry.data.items()})
    nag = {key: reason for key, reason in acknowledged.items() if key[1].startswith("AwsSolutions::AwsSolutions-")}
    assert nag, "acknowledgments are recorded under the AwsSolutions plugin's name"
    for key, reason in nag.items():
        assert len(reason.split()) >= 8, key
