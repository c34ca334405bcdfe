"""How the cue rules read the parse (rules.py), on sentences written for these tests: which
wording of overlapping cues gives the evidence, gerunds, pending and hedged actions."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from ghostwatch.extract.rules import recorded_evidence
from ghostwatch.model import Report

pytestmark = pytest.mark.models


def evidence(doc: Doc, field: str, value: str) -> list[str]:
    return [span.text for span in recorded_evidence(doc, field).get(value, [])]


def test_a_cue_inside_a_longer_one_gives_way_to_it(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    _, doc = parsed("The man was remanded in custody until his trial.", "en")
    assert evidence(doc, "incident_types", "remand") == ["remanded in custody"]


def test_partly_overlapping_cues_give_the_first_listed_wording(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    _, doc = parsed("Il a été placé en détention provisoire samedi.", "fr")
    assert evidence(doc, "incident_types", "remand") == ["détention provisoire"]


def test_a_gerund_names_the_action(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    english, _ = parsed("He admitted assembling pistols from kits of parts.", "en")
    french, _ = parsed("Il finançait son train de vie en fabriquant des pistolets.", "fr")
    described, _ = parsed("Officers seized a printed pistol.", "en")
    assert "manufacture" in english.incident_types
    assert "manufacture" in french.incident_types
    assert "manufacture" not in described.incident_types


def test_an_action_pending_on_a_future_one_is_not_a_fact(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    pending, _ = parsed("The suspects will be charged with murder once arrested.", "en")
    done, _ = parsed("The suspects were charged with murder after they were arrested.", "en")
    assert "arrest" not in pending.incident_types
    assert {"arrest", "charge"} <= set(done.incident_types)


def test_potential_actions_are_not_facts(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    english, _ = parsed("Prosecutors are reviewing the case for potential charges.", "en")
    french, _ = parsed("Le parquet étudie une éventuelle mise en examen du père.", "fr")
    assert "charge" not in english.incident_types
    assert "charge" not in french.incident_types


def test_a_prohibited_action_is_not_a_fact(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = "As a convicted felon, the 24-year-old is prohibited from possessing any firearm."
    report, _ = parsed(text, "en")
    assert "possession" not in report.incident_types
