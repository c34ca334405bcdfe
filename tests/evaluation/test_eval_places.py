"""`locations` (by geonames id, else name or alias and country) and `regions`."""

from __future__ import annotations

from collections.abc import Callable

from ghostwatch.evaluation import FieldScore
from ghostwatch.model import Report

MakeReport = Callable[..., Report]
ScoreField = Callable[[Report, Report, str], FieldScore]


def _place(name: str, kind: str = "city", country: str | None = "FR", **extra: object) -> dict:
    return {"name": name, "kind": kind, "country": country, **extra}


def _tally(score: FieldScore) -> tuple[int, int, int]:
    return score.tp, score.fp, score.fn


def test_same_geonames_id_matches_despite_another_name(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(locations=[_place("Marseille", geonames_id=2995469)])
    predicted = make_report(locations=[_place("Marseilles", geonames_id=2995469)])
    assert _tally(score_field(gold, predicted, "locations")) == (1, 0, 0)


def test_different_geonames_ids_do_not_match_despite_the_same_name(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(locations=[_place("Saint-Denis", geonames_id=2980916)])
    predicted = make_report(locations=[_place("Saint-Denis", geonames_id=6690301)])
    assert _tally(score_field(gold, predicted, "locations")) == (0, 1, 1)


def test_one_id_missing_falls_back_to_name_and_country(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(locations=[_place("Marseille", geonames_id=2995469)])
    same = make_report(locations=[_place("MARSEILLE")])
    other_country = make_report(locations=[_place("Marseille", country="BE")])
    no_country = make_report(locations=[_place("Marseille", country=None)])
    assert _tally(score_field(gold, same, "locations")) == (1, 0, 0)
    assert _tally(score_field(gold, other_country, "locations")) == (0, 1, 1)
    assert _tally(score_field(gold, no_country, "locations")) == (0, 1, 1)


def test_missing_country_equals_missing_country(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(locations=[_place("Moree", country=None)])
    predicted = make_report(locations=[_place("Moree", country=None)])
    assert _tally(score_field(gold, predicted, "locations")) == (1, 0, 0)


def test_gold_alias_matches(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(locations=[_place("Chicago", country="US", aliases=["Chicago (Englewood)"])])
    predicted = make_report(locations=[_place("chicago englewood", country="US")])
    assert _tally(score_field(gold, predicted, "locations")) == (1, 0, 0)


def test_predicted_alias_matches(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(locations=[_place("Saint Louis", country="US")])
    predicted = make_report(locations=[_place("St. Louis", country="US", aliases=["Saint Louis"])])
    assert _tally(score_field(gold, predicted, "locations")) == (1, 0, 0)


def test_aliases_that_are_not_a_list_of_strings(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    """The schema leaves `aliases` open: a lone string is one alias, anything else is ignored."""
    plain = make_report(locations=[_place("St Louis", country="US")])
    lone = make_report(locations=[_place("Saint Louis", country="US", aliases="St. Louis")])
    mixed = make_report(locations=[_place("Saint Louis", country="US", aliases=[7, "St Louis"])])
    mapping = make_report(locations=[_place("Saint Louis", country="US", aliases={"St Louis": 1})])
    assert _tally(score_field(lone, plain, "locations")) == (1, 0, 0)
    assert _tally(score_field(mixed, plain, "locations")) == (1, 0, 0)
    assert _tally(score_field(mapping, plain, "locations")) == (0, 1, 1)


def test_accents_and_case_are_ignored_but_hyphens_join_words(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(locations=[_place("Besançon")])
    assert _tally(score_field(gold, make_report(locations=[_place("BESANCON")]), "locations")) == (
        1,
        0,
        0,
    )
    hyphenated = make_report(locations=[_place("Roquebrune-sur-Argens")])
    spaced = make_report(locations=[_place("Roquebrune sur Argens")])
    assert _tally(score_field(hyphenated, spaced, "locations")) == (0, 1, 1)


def test_only_city_admin2_and_place_kinds_are_locations(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(
        locations=[
            _place("Belgium", kind="country", country="BE"),
            _place("Grand Est", kind="admin1"),
            _place("Bas-Rhin", kind="admin2"),
            _place("Strasbourg"),
            _place("Port du Rhin", kind="place"),
        ]
    )
    assert score_field(gold, make_report(), "locations").fn == 3


def test_each_location_is_used_once(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(
        locations=[_place("Marseille", role="incident"), _place("Marseille", role="authority")]
    )
    predicted = make_report(locations=[_place("Marseille")])
    assert _tally(score_field(gold, predicted, "locations")) == (1, 0, 1)


def test_matching_is_maximal_not_first_come(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    # Greedy in order would pair Springfield/Shelbyville with "Shelbyville" and leave two misses.
    gold = make_report(
        locations=[
            _place("Springfield", country="US", aliases=["Shelbyville"]),
            _place("Shelbyville", country="US"),
        ]
    )
    predicted = make_report(
        locations=[_place("Shelbyville", country="US"), _place("Springfield", country="US")]
    )
    assert _tally(score_field(gold, predicted, "locations")) == (2, 0, 0)


def test_region_from_a_city_merges_with_the_admin1_location(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(
        locations=[
            _place("Paris", admin1="Ile-de-France"),
            _place("Île-de-France", kind="admin1", aliases=["Ile-de-France"]),
            _place("Marseille", admin1="Provence-Alpes-Côte d'Azur"),
        ]
    )
    predicted = make_report(
        locations=[
            _place("Paris", admin1="Île-de-France"),
            _place("Provence-Alpes-Côte d'Azur", kind="admin1"),
        ]
    )
    assert _tally(score_field(gold, predicted, "regions")) == (2, 0, 0)


def test_regions_match_by_alias_and_need_the_same_country(
    make_report: MakeReport, score_field: ScoreField
) -> None:
    gold = make_report(
        locations=[
            _place("Midi-Pyrénées", kind="admin1", aliases=["Occitanie"]),
            _place("Savannah", country="US", admin1="Georgia"),
        ]
    )
    predicted = make_report(
        locations=[
            _place("Occitanie", kind="admin1"),
            _place("Georgia", kind="admin1", country="GE"),
        ]
    )
    assert _tally(score_field(gold, predicted, "regions")) == (1, 1, 1)


def test_each_distinct_region_counts_once(make_report: MakeReport, score_field: ScoreField) -> None:
    gold = make_report(
        locations=[
            _place("Toulon", admin1="Provence-Alpes-Côte d'Azur"),
            _place("Nice", admin1="Provence-Alpes-Cote d'Azur"),
            _place("Metz", admin1="Grand Est"),
        ]
    )
    predicted = make_report(locations=[_place("Toulon", admin1="Provence-Alpes-Côte d'Azur")])
    assert _tally(score_field(gold, predicted, "regions")) == (1, 0, 1)
