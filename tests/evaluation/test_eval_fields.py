"""Label sets, agencies, counts, seizures, ages, prices, names and relevance."""

from __future__ import annotations

from collections.abc import Callable

from ghostwatch.evaluation import FieldScore, evaluate
from ghostwatch.model import Report

MakeReport = Callable[..., Report]
ScoreField = Callable[[Report, Report, str], FieldScore]


def _tally(score: FieldScore) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


def test_labels_are_a_set_per_document(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(incident_types=["search", "arrest", "seizure"])
    predicted = make_report(incident_types=["arrest", "arrest", "charge", "search"])
    score = score_field(gold, predicted, "incident_types")
    assert _tally(score) == (2, 1, 1)
    assert score.precision == score.recall == score.f1 == 2 / 3


def test_every_label_field_is_scored(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(
        firearm_kinds=["3d_printed"],
        roles=["seller", "buyer"],
        methods=["darknet"],
        motives=["profit"],
    )
    predicted = make_report(
        firearm_kinds=["3d_printed", "conventional"],
        roles=["buyer"],
        methods=["encrypted_messaging"],
        motives=["profit"],
    )
    assert _tally(score_field(gold, predicted, "firearm_kinds")) == (1, 1, 0)
    assert _tally(score_field(gold, predicted, "roles")) == (1, 0, 1)
    assert _tally(score_field(gold, predicted, "methods")) == (0, 1, 1)
    assert _tally(score_field(gold, predicted, "motives")) == (1, 0, 0)


def test_countries_are_a_set_of_normalised_codes(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(countries=["FR", "BE"])
    predicted = make_report(countries=["fr", "FR", "NL"])
    assert _tally(score_field(gold, predicted, "countries")) == (1, 1, 1)


def test_agencies_match_on_kind_and_country_not_name(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(
        agencies=[
            {"name": "Section de recherches de Marseille", "kind": "gendarmerie", "country": "FR"},
            {"name": "Cyber unit of the gendarmerie", "kind": "gendarmerie", "country": "FR"},
            {"name": "parquet de Marseille", "kind": "prosecutor", "country": "FR"},
            {"name": "Europol", "kind": "international"},
        ]
    )
    predicted = make_report(
        agencies=[
            {"name": "the gendarmes", "kind": "gendarmerie", "country": "fr"},
            {"name": "Marseille prosecutor", "kind": "prosecutor", "country": "BE"},
            {"name": "Marseille police", "kind": "police", "country": "FR"},
            {"name": "Europol", "kind": "international"},
        ]
    )
    # one of the two gendarmerie units, Europol (no country on either side); the prosecutor's
    # country and the police kind are wrong
    assert _tally(score_field(gold, predicted, "agencies")) == (2, 2, 2)


def test_counts_need_equal_key_and_value(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(counts={"arrested": {"value": 14}, "bailed": {"value": 5}})
    predicted = make_report(
        counts={"arrested": {"value": 14}, "bailed": {"value": 6}, "charged": {"value": 5}}
    )
    assert _tally(score_field(gold, predicted, "counts")) == (1, 2, 1)


def test_seized_null_quantity_equals_null(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(
        seized=[
            {"category": "ammunition", "quantity": None},
            {"category": "3d_printer", "quantity": 2},
            {"category": "other_weapon", "quantity": 2},
            {"category": "other_weapon", "quantity": 2},
        ]
    )
    predicted = make_report(
        seized=[
            {"category": "ammunition"},
            {"category": "3d_printer", "quantity": None},
            {"category": "other_weapon", "quantity": 2},
            {"category": "drugs", "quantity": None},
        ]
    )
    assert _tally(score_field(gold, predicted, "seized")) == (2, 2, 2)
    assert _tally(score_field(gold, predicted, "seized_categories")) == (3, 1, 0)


def test_suspect_ages_are_a_multiset(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(suspects=[{"age": 25}, {"age": 25}, {"age": None}, {"age": 41}])
    predicted = make_report(suspects=[{"age": 25}, {"age": 30}, {"label": "a woman"}])
    assert _tally(score_field(gold, predicted, "suspect_ages")) == (1, 1, 2)


def test_victim_ages_are_not_suspect_ages(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(suspects=[{"age": 19}])
    predicted = make_report(victims=[{"age": 19}])
    assert _tally(score_field(gold, predicted, "suspect_ages")) == (0, 0, 1)


def test_prices_match_on_min_max_and_currency(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(
        prices=[
            {"min": 1000, "max": 1500, "currency": "EUR", "item": "3d_printed_firearm"},
            {"min": 300, "max": 300, "currency": "EUR"},
        ]
    )
    predicted = make_report(
        prices=[
            {"min": 1000.0, "max": 1500.0, "currency": "eur", "item": "firearm"},
            {"min": 300, "max": 350, "currency": "EUR"},
        ]
    )
    assert _tally(score_field(gold, predicted, "prices")) == (1, 1, 1)


def test_names_are_compared_normalised(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(
        weapon_models=[{"name": "FGC-9"}, {"name": "Glock-style"}],
        operations=[{"name": "Viper"}],
    )
    predicted = make_report(
        weapon_models=[{"name": "fgc9"}, {"name": "Glock style"}],
        operations=[{"name": "Operation Viper"}],
    )
    assert _tally(score_field(gold, predicted, "weapon_models")) == (1, 1, 1)
    assert _tally(score_field(gold, predicted, "operations")) == (0, 1, 1)


def test_relevance_is_accuracy_over_documents(make_report: MakeReport) -> None:
    gold = [
        make_report("a", relevant=True),
        make_report("b", relevant=False),
        make_report("c", relevant=True),
        make_report("d", relevant=False),
    ]
    predicted = [
        make_report("a", relevant=True),
        make_report("b", relevant=True),
        make_report("c", relevant=False),
        make_report("d", relevant=False),
    ]
    score = evaluate(gold, predicted).field("relevant")
    assert score.metric == "accuracy"
    assert (score.tp, score.fp, score.fn, score.support) == (2, 1, 1, 4)
    assert score.precision == score.recall == score.f1 == 0.5
