"""`evaluate`: pairing, pooling, macro F1, evidence validity and the JSON form."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from ghostwatch.evaluation import DuplicateGoldError, evaluate, load_reports
from ghostwatch.evaluation.fields import FIELDS
from ghostwatch.evaluation.registry import FieldRegistry
from ghostwatch.evaluation.scorers import RelevanceField
from ghostwatch.model import Report

MakeReport = Callable[..., Report]

ARTICLE = "Two men were arrested in Lyon on Tuesday. Police seized a 3D printer."


def _collapse_spaces(text: str) -> str:
    """A stand-in cleaner: what matters is that gold text goes through the same function."""
    return " ".join(text.split())


def test_fields_pool_over_documents(make_report: MakeReport) -> None:
    gold = [
        make_report("a", incident_types=["arrest", "search"]),
        make_report("b", incident_types=["arrest"]),
    ]
    predicted = [
        make_report("a", incident_types=["arrest"]),
        make_report("b", incident_types=["arrest", "seizure"]),
    ]
    score = evaluate(gold, predicted).field("incident_types")
    assert (score.tp, score.fp, score.fn, score.support) == (2, 1, 1, 3)
    assert score.precision == score.recall == score.f1 == 2 / 3


def test_macro_f1_leaves_out_fields_empty_everywhere(make_report: MakeReport) -> None:
    gold = [make_report("a", incident_types=["arrest", "search"])]
    predicted = [make_report("a", incident_types=["arrest"])]
    result = evaluate(gold, predicted)
    counted = [score.field for score in result.fields if score.in_macro]
    assert counted == ["relevant", "incident_types"]
    assert result.macro_f1 == pytest.approx((1.0 + 2 / 3) / 2)


def test_a_field_empty_in_gold_but_predicted_counts_as_zero(make_report: MakeReport) -> None:
    gold = [make_report("a")]
    predicted = [make_report("a", methods=["darknet"])]
    result = evaluate(gold, predicted)
    methods = result.field("methods")
    assert (methods.precision, methods.recall, methods.f1, methods.in_macro) == (0, 0, 0, True)
    assert result.macro_f1 == 0.5


def test_zero_denominator_conventions(make_report: MakeReport) -> None:
    result = evaluate([make_report("a", motives=["profit"])], [make_report("a")])
    missed, empty = result.field("motives"), result.field("operations")
    assert (missed.precision, missed.recall, missed.f1, missed.in_macro) == (0, 0, 0, True)
    assert (empty.precision, empty.recall, empty.f1, empty.in_macro) == (1, 1, 1, False)


def test_no_documents_scores_nothing() -> None:
    result = evaluate([], [])
    assert result.documents == 0
    assert result.macro_f1 == 0.0
    assert not any(score.in_macro for score in result.fields)


def test_evidence_validity_with_a_broken_span(make_report: MakeReport) -> None:
    predicted = make_report(
        "a",
        text=ARTICLE,
        counts={"arrested": {"value": 2, "evidence": [{"start": 0, "end": 7, "text": "Two men"}]}},
        seized=[
            {
                "category": "3d_printer",
                "quantity": 1,
                # off by one: "a 3D printer" sits at 56..68
                "evidence": [{"start": 57, "end": 69, "text": "a 3D printer"}],
            }
        ],
        # past the end of the text: the slice would still equal the text, the bounds do not
        locations=[{"name": "Lyon", "evidence": [{"start": 66, "end": 90, "text": "er."}]}],
    )
    result = evaluate([make_report("a", text=ARTICLE)], [predicted])
    assert (result.evidence_spans, result.evidence_valid_spans) == (3, 1)
    assert result.evidence_validity == pytest.approx(1 / 3)


def test_evidence_without_spans_is_valid(make_report: MakeReport) -> None:
    result = evaluate([make_report("a")], [make_report("a")])
    assert (result.evidence_validity, result.evidence_spans) == (1.0, 0)


def test_missing_prediction_is_an_empty_not_relevant_report(make_report: MakeReport) -> None:
    gold = [
        make_report("a", incident_types=["arrest"]),
        make_report("b", incident_types=["arrest", "seizure"]),
        make_report("c", relevant=False),
    ]
    result = evaluate(gold, [make_report("a", incident_types=["arrest"])])
    assert (result.documents, result.paired_by_id, result.missing_predictions) == (3, 1, 2)
    types, relevant = result.field("incident_types"), result.field("relevant")
    assert (types.tp, types.fp, types.fn) == (1, 0, 2)
    assert (relevant.tp, relevant.fp, relevant.fn) == (2, 0, 1)


def test_extra_predictions_are_counted_not_scored(make_report: MakeReport) -> None:
    broken = [{"start": 0, "end": 3, "text": "nope"}]
    predicted = [
        make_report("a", incident_types=["arrest"]),
        make_report("a", incident_types=["seizure"]),  # a second prediction for "a"
        make_report(
            "zz",
            text="x",
            incident_types=["shooting"],
            operations=[{"name": "Viper", "evidence": broken}],
        ),
    ]
    result = evaluate([make_report("a", incident_types=["arrest"])], predicted)
    assert result.unmatched_predictions == 2
    assert result.field("incident_types").f1 == 1.0
    assert not result.field("operations").in_macro
    assert (result.evidence_spans, result.evidence_validity) == (0, 1.0)


def test_pairing_by_cleaned_text(make_report: MakeReport) -> None:
    gold = [make_report("case-7", text="Two men  were arrested\nin Lyon.", countries=["FR"])]
    digest = hashlib.sha256(b"Two men were arrested in Lyon.").hexdigest()
    predicted = [make_report(f"sha256:{digest}", countries=["FR"])]

    paired = evaluate(gold, predicted, align_text=_collapse_spaces)
    unpaired = evaluate(gold, predicted)

    assert (paired.paired_by_id, paired.paired_by_text, paired.missing_predictions) == (0, 1, 0)
    assert paired.unmatched_predictions == 0
    assert paired.field("countries").f1 == 1.0
    assert (unpaired.paired_by_text, unpaired.missing_predictions) == (0, 1)
    assert unpaired.unmatched_predictions == 1
    assert unpaired.field("countries").f1 == 0.0


def test_id_pairing_comes_before_text_pairing(make_report: MakeReport) -> None:
    text = "A man was arrested in Nantes."
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    gold = [make_report("a", text=text), make_report(f"sha256:{digest}")]
    predicted = [make_report(f"sha256:{digest}")]
    result = evaluate(gold, predicted, align_text=_collapse_spaces)
    assert (result.paired_by_id, result.paired_by_text, result.missing_predictions) == (1, 0, 1)


def test_gold_without_text_is_never_paired_by_text(make_report: MakeReport) -> None:
    empty_digest = hashlib.sha256(b"").hexdigest()
    result = evaluate(
        [make_report("gva-1")], [make_report(f"sha256:{empty_digest}")], align_text=str.strip
    )
    assert (result.paired_by_text, result.unmatched_predictions) == (0, 1)


def test_duplicate_gold_ids_are_refused(make_report: MakeReport) -> None:
    with pytest.raises(DuplicateGoldError, match="'a'"):
        evaluate([make_report("a"), make_report("a")], [])


def test_to_dict_is_json_with_a_stable_key_order(make_report: MakeReport) -> None:
    data = evaluate([make_report("a", countries=["FR"])], [make_report("a")]).to_dict()
    assert list(data) == ["documents", "pairing", "macro_f1", "evidence", "fields"]
    assert list(data["fields"]) == FIELDS.names()
    assert data["pairing"] == {
        "by_id": 1,
        "by_text": 0,
        "missing_predictions": 0,
        "unmatched_predictions": 0,
    }
    assert data["fields"]["countries"] == {
        "metric": "f1",
        "precision": 0.0,
        "recall": 0.0,
        "f1": 0.0,
        "tp": 0,
        "fp": 0,
        "fn": 1,
        "support": 1,
        "in_macro": True,
    }
    assert json.loads(json.dumps(data)) == data


def test_unknown_field_name(make_report: MakeReport) -> None:
    with pytest.raises(KeyError):
        evaluate([make_report("a")], [make_report("a")]).field("suspects")


def test_registry_covers_the_guide_table(shared_dir: Path) -> None:
    guide = (shared_dir / "spec/ANNOTATION.md").read_text("utf-8")
    table = guide.split("## Comparing a report with a gold report", 1)[1]
    rows = [line for line in table.splitlines() if line.startswith("| `")]
    named = [name for row in rows for name in re.findall(r"`(\w+)`", row.split("|")[1])]
    assert named[-1] == "evidence"
    assert FIELDS.names() == named[:-1]


def test_registry_refuses_a_second_field_of_the_same_name() -> None:
    registry = FieldRegistry()
    registry.register(RelevanceField("relevant"))
    with pytest.raises(ValueError, match="already registered"):
        registry.register(RelevanceField("relevant"))
    assert isinstance(registry["relevant"], RelevanceField)


def test_seed_gold_against_itself_is_perfect(shared_dir: Path) -> None:
    gold = load_reports(shared_dir / "examples/seed/gold.json")
    result = evaluate(gold, load_reports(shared_dir / "examples/seed"))
    assert result.macro_f1 == 1.0
    assert (result.evidence_validity, result.evidence_spans) == (1.0, 22)
    assert [score.field for score in result.fields if not score.in_macro] == [
        "weapon_models",
        "operations",
    ]
    assert result.field("regions").tp == 4  # Marseille's region merges with the admin1 entry
    assert result.field("locations").tp == 2


def test_gva_dev_gold_against_itself_is_perfect(shared_dir: Path) -> None:
    gold = load_reports(shared_dir / "corpora/gva/dev-gold.jsonl")
    result = evaluate(gold, gold)
    present = [score for score in result.fields if score.in_macro]
    assert [score.field for score in present] == [
        "relevant",
        "incident_types",
        "countries",
        "date",
        "locations",
        "regions",
        "counts",
        "suspect_ages",
    ]
    assert all(score.f1 == score.precision == score.recall == 1.0 for score in present)
    assert result.macro_f1 == 1.0
    assert (result.documents, result.paired_by_id) == (len(gold), len(gold))
    assert (result.evidence_spans, result.evidence_validity) == (0, 1.0)
    assert result.field("regions").tp == len(gold)  # the city's state merges with the state entry
