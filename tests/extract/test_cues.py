"""Methods, motives, weapon models and operation names, on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from ghostwatch.extract.rules import recorded_evidence
from ghostwatch.model import Report

pytestmark = pytest.mark.models


def evidence(doc: Doc, field: str, value: str) -> list[str]:
    spans = recorded_evidence(doc, field).get(value, [])
    for span in spans:
        assert doc.text[span.start : span.end] == span.text
    return [span.text for span in spans]


def test_channels_payments_and_shipping(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Detectives say the pair advertised printed pistols on Telegram and took payment in "
        "bitcoin. To avoid detection, frames and barrels were posted to buyers in separate "
        "parcels."
    )
    report, doc = parsed(text, "en")
    assert report.methods == [
        "encrypted_messaging",
        "cryptocurrency",
        "mail_parcels",
        "parts_shipped_separately",
    ]
    assert evidence(doc, "methods", "encrypted_messaging") == ["Telegram"]
    assert evidence(doc, "methods", "parts_shipped_separately") == ["in separate parcels"]


def test_sold_online_names_no_channel(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    report, _ = parsed("The man sold the guns online for £1,500 each.", "en")
    assert report.methods == []


def test_social_media_only_counts_for_trade(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    trade, _ = parsed("He offered the pistols for sale on Instagram.", "en")
    talk, _ = parsed("He posted angry messages about the police on Instagram.", "en")
    assert trade.methods == ["social_media"]
    assert talk.methods == []


def test_workshop_and_imported_parts(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Police found a workshop in the garage where he assembled the guns. The barrels had "
        "been ordered from China."
    )
    report, _ = parsed(text, "en")
    assert report.methods == ["imported_parts", "workshop"]


def test_collectors_and_drug_trafficking_are_motives(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Buyers (collectors or people associated with drug trafficking) were also arrested. "
        "The leader shared a libertarian mentality."
    )
    report, doc = parsed(text, "en")
    assert report.motives == ["ideological", "collector", "organized_crime"]
    assert evidence(doc, "motives", "organized_crime") == ["drug trafficking"]


def test_prior_records_unit_names_and_denials_are_not_motives(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Officers from the Serious and Organised Crime unit arrested a man previously convicted "
        "of drug trafficking. There was no evidence that he held extremist views."
    )
    report, _ = parsed(text, "en")
    assert report.motives == []


def test_terrorism_needs_a_stated_charge_or_intent(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    convicted, _ = parsed("A jury convicted him of preparing acts of terrorism.", "en")
    unit, _ = parsed("Counter-terrorism officers searched the house.", "en")
    assert convicted.motives == ["terrorism"]
    assert unit.motives == []


def test_models_keep_their_canonical_name_but_not_comparisons(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    text = (
        "Both weapons appeared to be FGC9 type guns. They sold for 1,200 euros, cheaper than "
        "a Kalashnikov."
    )
    report, _ = parsed(text, "en")
    assert [(m.name, [e.text for e in m.evidence]) for m in report.weapon_models] == [
        ("FGC-9", ["FGC9"])
    ]


def test_operation_names_drop_the_generic_word(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    report, _ = parsed(
        "The arrests were part of Operation Viper, which grew out of Project Reproduction.",
        "en",
    )
    assert [op.name for op in report.operations] == ["Viper", "Reproduction"]
    assert report.operations[0].evidence[0].text == "Operation Viper"


def test_french_cues(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Dans le cadre de l'opération « Calque », les enquêteurs ont établi que le réseau "
        "vendait des pistolets via la messagerie Telegram. Les paiements se faisaient en "
        "cryptomonnaie et les pièces étaient envoyées séparément par colis. Le fabricant a "
        "expliqué avoir agi « par curiosité ». Les armes se vendaient moins cher qu'une "
        "kalachnikov, dont deux de type Glock."
    )
    report, doc = parsed(text, "fr")
    assert report.methods == [
        "encrypted_messaging",
        "cryptocurrency",
        "mail_parcels",
        "parts_shipped_separately",
    ]
    assert report.motives == ["curiosity"]
    assert [m.name for m in report.weapon_models] == ["Glock-style"]
    assert [op.name for op in report.operations] == ["Calque"]
    assert evidence(doc, "motives", "curiosity") == ["par curiosité"]


def test_french_negated_terrorism_and_drug_prior(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Déjà condamné pour trafic de stupéfiants, l'homme était proche de l'ultradroite. "
        "Aucune qualification terroriste n'a été retenue."
    )
    report, _ = parsed(text, "fr")
    assert report.motives == ["ideological"]


def test_social_media_only_counts_for_trade_in_french(
    parsed: Callable[..., tuple[Report, Doc]],
) -> None:
    trade, _ = parsed("Le réseau vendait des armes sur Snapchat.", "fr")
    talk, _ = parsed("Il a publié des messages contre la police sur Instagram.", "fr")
    assert trade.methods == ["social_media"]
    assert talk.methods == []


def test_operation_names_in_quotes_and_headings(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    text = (
        "Officers seized three pistols during Operation « Harbour ».\n"
        "Project Falcon\nPolice arrested two men in the second operation."
    )
    report, _ = parsed(text, "en")
    assert [op.name for op in report.operations] == ["Harbour", "Falcon"]


def test_a_code_name_is_an_operation_name(parsed: Callable[..., tuple[Report, Doc]]) -> None:
    report, _ = parsed(
        "Police in seven countries arrested 15 people. The operation, codenamed Kestrel, "
        "targeted the sale of printed pistols.",
        "en",
    )
    assert [op.name for op in report.operations] == ["Kestrel"]
