"""Extraction as a Distributed Map on the real ASL: a subsidiary cut into parts, each part a child
execution reading one key range of the subsidiary's exposure list, consolidated as if read at once."""
from __future__ import annotations

import json

import pytest

from chalicelib.risk import wiring
from chalicelib.risk.contexts import group_context
from chalicelib.risk.exposures import SEGMENTS, ExposureInvalid, ExtractPart, exposure_segment, parts_for
from chalicelib.risk.reporting.files import extract_key, work_key
from chalicelib.risk.store import DynamoExposureSource, upsert_exposure
from tests.integration.risk.conftest import identity_hash, make_scratch_group, run_to_end, subsidiary_context, \
    today_in_china

REPORTS = ("exposures.csv", "classification.csv", "portfolio.csv", "large-exposures.csv", "related-party.csv")


def _plan(group, exposures_per_part: int) -> None:
    wiring.group_store().put_config(group_context(group.group_id), "EXTRACTION",
                                    {"exposures_per_part": exposures_per_part}, None)


@pytest.fixture(scope="module")
def group(risk_stack):
    g = make_scratch_group("ab")
    today = today_in_china()
    a, b = subsidiary_context(g.sub("a")), subsidiary_context(g.sub("b"))
    for i in range(1, 13):  # twelve contracts of six customers in a, two of them overdue
        upsert_exposure(a, contract_id=f"K-A{i:02d}", customer_hash=identity_hash(f"{g.group_id}/c{i % 6}"),
                        product_kind="loan", outstanding_principal=f"{i * 10000}.00", accrued_interest=f"{i}.25",
                        days_past_due=100 if i in (3, 9) else 0, customer_label=f"c{i % 6}", industry="C34",
                        region="310000", figures_on=today)
    for i in range(1, 3):
        upsert_exposure(b, contract_id=f"K-B{i}", customer_hash=identity_hash(f"{g.group_id}/c{i}"),
                        product_kind="loan", outstanding_principal="5000.00", customer_label=f"c{i}",
                        industry="C34", region="310000", figures_on=today)
    return g


def _reports(api, group, run_id: str) -> dict[str, list[str]]:
    """Each dataset's rows, sorted, without the run id (which differs between runs by design)."""
    out = {}
    for name in REPORTS:
        body = api.as_(group.risk_user).get(f"/v1/group/reports/{run_id}/{name}?inline=true").body["content"]
        out[name] = sorted(body.replace(run_id, "<run>").splitlines())
    return out


@pytest.fixture(scope="module")
def split_and_whole(risk_api, group):
    _plan(group, 4)  # a: 12 exposures → 3 parts; b: 2 → 1
    split = run_to_end(risk_api, group.risk_user)
    _plan(group, 20_000)  # everyone in one part
    whole = run_to_end(risk_api, group.risk_user)
    return split, whole


def test_a_large_subsidiary_is_extracted_in_parts_by_the_distributed_map(split_and_whole, group):
    split, _ = split_and_whole
    assert (split["status"], split["missing_subsidiaries"]) == ("SUCCEEDED", [])
    progress = {p["subsidiary_id"]: p for p in split["subsidiary_progress"]}
    a, b = progress[group.sub("a")], progress[group.sub("b")]
    assert (a["status"], a["parts"], a["parts_extracted"], a["exposures"], a["estimated_exposures"]) == (
        "extracted", 3, 3, 12, 12)
    assert (b["status"], b["parts"], b["parts_extracted"], b["exposures"], b["attempts"]) == ("extracted", 1, 1, 2, 1)
    # The manifest the ItemReader read: one unit per part, the subsidiary's context in each.
    files = wiring.run_files()
    units = files.get_json(work_key(group.group_id, split["run_id"], "extract-manifest.json"))
    assert sorted((u["subsidiary_id"], u["part"], u["parts"]) for u in units) == [
        (group.sub("a"), 0, 3), (group.sub("a"), 1, 3), (group.sub("a"), 2, 3), (group.sub("b"), 0, 1)]
    assert {(u["run_id"], u["group_id"], u["as_of"]) for u in units} == {
        (split["run_id"], group.group_id, split["as_of"])}
    # Each part file holds its own segments' contracts only, and together they hold all twelve, once.
    seen = []
    for k in range(3):
        doc = files.get_json(extract_key(group.group_id, split["run_id"], group.sub("a"), k, 3))
        part = ExtractPart(k, 3)
        ids = [e["contract_id"] for e in doc["exposures"]]
        assert all(part.holds(i) for i in ids) and doc["totals"]["count"] == len(ids)
        assert (doc["ledger_note"] == "read with part 1") is (k > 0)  # the books are read once, with part 1
        seen += ids
    assert sorted(seen) == [f"K-A{i:02d}" for i in range(1, 13)]


def test_parts_consolidate_to_the_same_figures_as_one_part(risk_api, split_and_whole, group):
    split, whole = split_and_whole
    assert whole["status"] == "SUCCEEDED"
    assert [p["parts"] for p in whole["subsidiary_progress"]] == [1, 1]
    assert split["headline"] == whole["headline"]
    assert split["headline"]["exposure"] == "790081.00"  # a: 10,000 × 78 + (78 + 0.25 × 12); b: 10,000
    assert split["validation_status"] == whole["validation_status"]
    assert _reports(risk_api, group, split["run_id"]) == _reports(risk_api, group, whole["run_id"])
    # The parts' declared totals add up to what was read, and tie out as the one-part extract does.
    split_rules, whole_rules = (_rules(risk_api, group, r["run_id"]) for r in (split, whole))
    assert {split_rules[f"extract_integrity:{s}"] for s in group.subsidiaries} == {"passed"}
    assert split_rules == whole_rules


def _rules(api, group, run_id: str) -> dict[str, str]:
    report = json.loads(api.as_(group.risk_user).get(
        f"/v1/group/reports/{run_id}/validation-report.json?inline=true").body["content"])
    return {r["rule"]: r["status"] for r in report["rules"]}


class BrokenPartSource:
    """The real source, except that one part of one subsidiary holds a row that cannot be consolidated."""

    def __init__(self, subsidiary_id: str, part: int):
        self.inner, self.subsidiary_id, self.part = DynamoExposureSource(), subsidiary_id, part

    def estimate_count(self, sub):
        return self.inner.estimate_count(sub)

    def extract(self, sub, as_of, part=None):
        if sub.tenant_id == self.subsidiary_id and part is not None and part.part == self.part:
            raise ExposureInvalid("contract K-A99: outstanding_principal must be a non-negative decimal")
        return self.inner.extract(sub, as_of, part)


def test_a_part_that_fails_for_good_makes_the_run_partial_naming_its_subsidiary(risk_api, split_and_whole, group):
    _plan(group, 4)
    with wiring.override(exposure_source=BrokenPartSource(group.sub("a"), 1)):
        run = run_to_end(risk_api, group.risk_user)
    assert (run["status"], run["missing_subsidiaries"]) == ("PARTIAL", [group.sub("a")])
    progress = {p["subsidiary_id"]: p for p in run["subsidiary_progress"]}
    a = progress[group.sub("a")]
    assert (a["status"], a["parts"], a["parts_extracted"], a["failed_parts"]) == ("failed", 3, 2, [1])
    assert a["error"]["name"] == "ExtractFailedError" and "part 2/3" in a["error"]["message"]
    assert progress[group.sub("b")]["status"] == "extracted"
    # Only b is in the figures: the two parts of a that did arrive are not passed off as a's book.
    assert run["headline"]["exposure"] == "10000.00"
    extract_step = next(s for s in run["steps"] if s["step"] == "extract")
    assert (extract_step["status"], extract_step["failed"]) == ("partial", [group.sub("a")])


def test_parts_cover_every_segment_once():
    assert parts_for(0, 4) == parts_for(4, 4) == 1 and parts_for(5, 4) == 2 and parts_for(10**9, 1) == SEGMENTS
    for parts in (1, 2, 3, 7, 100, SEGMENTS):
        covered = [s for k in range(parts) for s in range(ExtractPart(k, parts).first_segment,
                                                          ExtractPart(k, parts).last_segment + 1)]
        assert covered == list(range(SEGMENTS))
    assert exposure_segment("K-A01") == exposure_segment("K-A01")  # a fact of the id, in any process
    with pytest.raises(ValueError):
        ExtractPart(3, 3)


def test_a_large_subsidiary_s_size_is_estimated_from_its_first_rows(group):
    exact = DynamoExposureSource()
    sampled = DynamoExposureSource()
    sampled.page_size, sampled.sample = 2, 4
    a = subsidiary_context(group.sub("a"))
    assert exact.estimate_count(a) == 12
    estimate = sampled.estimate_count(a)  # four to six rows counted, then scaled by the segments they span
    assert estimate >= 4
