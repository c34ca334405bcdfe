"""Counts attached through the parse: people arrested, charged, killed..., the operation's size."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.model import Count, Report

pytestmark = pytest.mark.models

COMPONENTS = ("ghostwatch_scope", "ghostwatch_counts")


def counts(parsed_report: Callable[..., Report], language: str, text: str) -> dict[str, Count]:
    """The counts the component fills for `text` (relevance left aside: it is not its job)."""
    found = parsed_report(text, language).counts
    for count in found.values():
        assert count.evidence, "every count has evidence"
        for span in count.evidence:
            assert text[span.start : span.end] == span.text
    return found


def values(found: dict[str, Count]) -> dict[str, int]:
    return {key: count.value for key, count in found.items()}


def evidence(found: dict[str, Count], key: str) -> list[str]:
    return [span.text for span in found[key].evidence]


# -- English ----------------------------------------------------------------------------------


def test_case_total_absorbs_sub_totals_and_elided_verbs(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Fourteen people suspected of belonging to a network that resells printed weapons were "
        "arrested in France and Belgium at the end of January, prosecutors said. In addition "
        "to the leader, six other people were detained, five were placed under judicial "
        "supervision and one was remanded in custody."
    )
    found = counts(parsed_report, "en", text)
    assert values(found) == {"arrested": 14, "bailed": 5, "remanded": 1}
    assert evidence(found, "arrested")[0].startswith("Fourteen people")
    assert evidence(found, "bailed") == ["five were placed under judicial supervision"]
    assert evidence(found, "remanded") == ["one was remanded in custody"]


def test_gapped_clauses_take_the_number_before_each_predicate(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Police seized two pistols. Six were remanded in custody, five placed under judicial "
        "supervision and two released without charge."
    )
    assert values(counts(parsed_report, "en", text)) == {"remanded": 6, "bailed": 5, "released": 2}


def test_active_objects_and_passive_subjects(parsed_report: Callable[..., Report]) -> None:
    text = "Detectives arrested three suspects and charged two men with supplying guns."
    found = counts(parsed_report, "en", text)
    assert values(found) == {"arrested": 3, "charged": 2}
    assert evidence(found, "charged") == ["charged two men"]


def test_single_person_and_enumerations(parsed_report: Callable[..., Report]) -> None:
    assert values(counts(parsed_report, "en", "A man was arrested on Tuesday in Walsall.")) == {
        "arrested": 1
    }
    found = counts(parsed_report, "en", "Two men, aged 25 and 30, were charged on Friday.")
    # people charged have been arrested (counts.yaml: at_least)
    assert values(found) == {"charged": 2, "arrested": 2}
    found = counts(
        parsed_report,
        "en",
        "A 31-year-old man and a 28-year-old woman were arrested at the address.",
    )
    assert values(found) == {"arrested": 2}
    assert values(counts(parsed_report, "en", "Both men were remanded in custody.")) == {
        "remanded": 2
    }


def test_people_met_one_by_one_are_told_apart(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Kevin Morales, 19, was arrested early Thursday. Morales was charged with possessing a "
        "ghost gun. His mother, Ana Morales, was arrested later that day and released without "
        "charge. He was remanded in custody."
    )
    found = values(counts(parsed_report, "en", text))
    assert found["arrested"] == 1  # same surname, no detail tells them apart
    assert found["released"] == 1
    assert found["remanded"] == 1
    text = "A 22-year-old man was arrested on Monday. A 17-year-old girl was arrested on Friday."
    assert values(counts(parsed_report, "en", text)) == {"arrested": 2}


def test_shot_killed_and_injured(parsed_report: Callable[..., Report]) -> None:
    found = counts(parsed_report, "en", "Four people were shot on Sunday night, one fatally.")
    assert values(found) == {"killed": 1, "injured": 3}
    assert evidence(found, "killed") == ["one fatally"]
    found = counts(parsed_report, "en", "One person was killed and three others were injured.")
    assert values(found) == {"killed": 1, "injured": 3}
    found = counts(parsed_report, "en", "A 19-year-old was shot and killed outside a bar.")
    assert values(found) == {"killed": 1}
    text = "A man was shot dead on Main Street. Two other men were shot and taken to hospital."
    assert values(counts(parsed_report, "en", text)) == {"killed": 1, "injured": 2}
    text = "A teenager was shot in the leg. He is in stable condition."
    assert values(counts(parsed_report, "en", text)) == {"injured": 1}


def test_shots_fired_at_people_hit_nobody(parsed_report: Callable[..., Report]) -> None:
    text = "A gunman shot at two officers on Friday. Six people were shot at a party in June."
    assert values(counts(parsed_report, "en", text)) == {"injured": 6}


def test_negated_hypothetical_and_earlier_facts_count_nothing(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "No one was injured. The man was not charged. He faces up to ten years in prison and "
        "could be charged with firearms offences. Two guns were seized at 6 p.m. on 12 March "
        "2024. The suspect, who was previously convicted of robbery, lives in Leeds."
    )
    assert counts(parsed_report, "en", text) == {}


def test_numbers_that_are_ages_years_or_things_are_not_people(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "A 25-year-old man was arrested at 6 p.m. on 12 March 2024 after 58 charges were laid "
        "and 3 guns were found in his car."
    )
    assert values(counts(parsed_report, "en", text)) == {"arrested": 1}


def test_operation_size_and_warrants(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Around 200 officers carried out 14 search warrants across Merseyside. An international "
        "arrest warrant has been issued against the leader."
    )
    found = counts(parsed_report, "en", text)
    assert values(found) == {"officers": 200, "searches": 14, "wanted": 1}
    assert evidence(found, "officers") == ["200 officers"]
    text = "Officers searched the man's flat and a garage in neighbouring Gütersloh."
    assert values(counts(parsed_report, "en", text)) == {"searches": 2}


def test_background_sentences_are_left_out(parsed_report: Callable[..., Report]) -> None:
    text = (
        "A man was arrested in Bolton on Monday. The phenomenon is growing: 40 people were "
        "arrested for printed guns across the country last year."
    )
    assert values(counts(parsed_report, "en", text)) == {"arrested": 1}


# -- French -----------------------------------------------------------------------------------


def test_french_passive_active_and_gapping(parsed_report: Callable[..., Report]) -> None:
    found = counts(parsed_report, "fr", "Quatorze personnes ont été interpellées fin janvier.")
    assert values(found) == {"arrested": 14}
    assert evidence(found, "arrested") == ["Quatorze personnes ont été interpellées"]
    found = counts(parsed_report, "fr", "Mardi, les gendarmes ont interpellé trois hommes à Lyon.")
    assert values(found) == {"arrested": 3}
    text = "Six ont été placés en détention provisoire, cinq sous contrôle judiciaire."
    found = counts(parsed_report, "fr", text)
    assert values(found) == {"remanded": 6, "bailed": 5}
    assert evidence(found, "bailed") == ["cinq sous contrôle judiciaire"]


def test_french_nouns_of_the_dead_and_injured(parsed_report: Callable[..., Report]) -> None:
    found = counts(
        parsed_report, "fr", "La fusillade a fait deux morts et trois blessés samedi soir."
    )
    assert values(found) == {"killed": 2, "injured": 3}


def test_french_single_person_with_several_steps(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Un jeune homme de 19 ans a été mis en examen et placé en détention provisoire. "
        "Son complice, déjà condamné pour trafic, fait l'objet d'un mandat d'arrêt."
    )
    assert values(counts(parsed_report, "fr", text)) == {
        "charged": 1,
        "arrested": 1,
        "remanded": 1,
        "wanted": 1,
    }


def test_french_operation_size(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Une quarantaine de policiers ont participé à l'opération. Les enquêteurs ont mené "
        "douze perquisitions et démantelé deux ateliers clandestins."
    )
    assert values(counts(parsed_report, "fr", text)) == {
        "officers": 40,
        "searches": 12,
        "workshops": 2,
    }
