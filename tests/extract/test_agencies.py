"""Agencies: bodies acting in a case, their kinds and countries (EN and FR test sentences)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from ghostwatch.extract.bodies import body_finder
from ghostwatch.model import Report

pytestmark = pytest.mark.models

COMPONENTS = (
    "ghostwatch_scope",
    "ghostwatch_relevance",
    "ghostwatch_places",
    "ghostwatch_agencies",
)


def kinds(result: Report) -> list[tuple[str, str | None]]:
    return [(agency.kind, agency.country) for agency in result.agencies]


def test_repeated_mentions_are_one_agency_with_several_spans(
    parsed_report: Callable[..., Report],
) -> None:
    text = (
        "Fourteen people were arrested in France over a network selling 3D-printed guns, the "
        "prosecutor's office in Marseille said on Monday. The investigation was led by the "
        'Cyber Division of the French National Gendarmerie. "This is a first," said '
        "Marseille prosecutor Nicolas Bessone."
    )
    result = parsed_report(text)
    assert kinds(result) == [("prosecutor", "FR"), ("gendarmerie", "FR")]
    prosecutor, gendarmerie = result.agencies
    assert [span.text for span in prosecutor.evidence] == [
        "prosecutor's office in Marseille",
        "Marseille prosecutor",
    ]
    assert gendarmerie.name == "Cyber Division of the French National Gendarmerie"
    for span in result.spans():
        assert text[span.start : span.end] == span.text


def test_a_later_bare_mention_is_the_body_already_named(
    parsed_report: Callable[..., Report],
) -> None:
    """The case's first country (Belgium here) does not make a second, Belgian prosecutor of
    "the public prosecutor's office" when the Lille prosecutor's office was named before."""
    text = (
        "Police arrested two men in Tournai, Belgium, and a third in Roubaix on Tuesday over "
        "the sale of 3D-printed pistols, the prosecutor's office in Lille said. The parts had "
        "been sent one by one to avoid checks, according to the public prosecutor's office."
    )
    result = parsed_report(text)
    prosecutors = [agency for agency in result.agencies if agency.kind == "prosecutor"]
    assert [(agency.country, len(agency.evidence)) for agency in prosecutors] == [("FR", 2)]
    assert prosecutors[0].evidence[1].text == "public prosecutor's office"


def test_kinds_follow_the_coding_guide(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Agents from the ATF and the FBI searched the home of a man in Mesa, Arizona, after "
        "U.S. Customs and Border Protection officers intercepted auto sears shipped from "
        "China. The Maricopa County Sheriff's Office assisted, and the U.S. Attorney's Office "
        "for the District of Arizona charged him. Europol shared intelligence."
    )
    result = parsed_report(text)
    assert sorted(kinds(result), key=str) == sorted(
        [
            ("police", "US"),  # ATF
            ("police", "US"),  # FBI
            ("customs", "US"),
            ("police", "US"),  # sheriff's office
            ("prosecutor", "US"),
            ("international", None),
        ],
        key=str,
    )


def test_demonyms_and_seats_give_the_country(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Dutch police arrested two men in Rotterdam on suspicion of selling 3D-printed "
        "pistols, while Belgian federal police detained a third suspect in Antwerp. The "
        "Canada Border Services Agency had flagged a parcel, and the RCMP and Guardia Civil "
        "helped trace the buyers."
    )
    assert sorted(kinds(parsed_report(text)), key=str) == sorted(
        [
            ("police", "NL"),
            ("police", "BE"),
            ("border", "CA"),
            ("police", "CA"),
            ("gendarmerie", "ES"),
        ],
        key=str,
    )


def test_bare_police_counts_only_without_a_named_force(
    parsed_report: Callable[..., Report],
) -> None:
    bare = "Police in Leeds seized a 3D-printed gun and arrested a man on Tuesday."
    assert kinds(parsed_report(bare)) == [("police", "GB")]
    named = (
        "Officers from West Yorkshire Police seized a 3D-printed gun in Leeds on Tuesday. "
        "Police said a man had been arrested."
    )
    result = parsed_report(named)
    assert kinds(result) == [("police", "GB")]
    assert result.agencies[0].name == "West Yorkshire Police"


def test_unidentified_authorities_are_not_agencies(parsed_report: Callable[..., Report]) -> None:
    text = "The French authorities said two men were arrested with a 3D-printed pistol in Lyon."
    assert parsed_report(text).agencies == []


def test_french_bodies_chained_and_negated(parsed_report: Callable[..., Report]) -> None:
    text = (
        "Les gendarmes de la brigade de recherches de Lorient ont interpellé mardi à Lanester "
        "un homme soupçonné de fabriquer des armes imprimées en 3D. Il a été présenté à un "
        "juge d'instruction du tribunal judiciaire de Rennes. Le parquet national "
        "antiterroriste (Pnat) ne s'est pas saisi du dossier, a indiqué le parquet de Lorient."
    )
    result = parsed_report(text, "fr")
    assert kinds(result) == [("gendarmerie", "FR"), ("court", "FR"), ("prosecutor", "FR")]
    gendarmerie, court, prosecutor = result.agencies
    assert gendarmerie.name == "gendarmes de la brigade de recherches de Lorient"
    assert court.name == "juge d'instruction du tribunal judiciaire de Rennes"
    assert prosecutor.name == "parquet de Lorient"


def test_canadian_bodies_in_french(parsed_report: Callable[..., Report]) -> None:
    text = (
        "La Sûreté du Québec (SQ) et la GRC ont démantelé à Laval un atelier d'armes "
        "imprimées en 3D; le Directeur des poursuites criminelles et pénales a porté des "
        "accusations."
    )
    assert kinds(parsed_report(text, "fr")) == [
        ("police", "CA"),
        ("police", "CA"),
        ("prosecutor", "CA"),
    ]


def test_body_finder_reads_seats_without_sentence_openers() -> None:
    text = "Today Sheffield Crown Court heard the case."
    (body,) = body_finder("en").find(text)
    assert (body.kind, text[body.start : body.end]) == ("court", "Sheffield Crown Court")
    assert body.seat is not None
    assert text[body.seat[0] : body.seat[1]] == "Sheffield"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Detectives from the Met arrested two men in Croydon after a 3D-printed pistol was "
            "found in a flat. The Met said the gun was loaded.",
            [("police", "GB")],
        ),
        (
            "The Met Office warned of heavy rain on Friday. Officers from Greater Manchester "
            "Police arrested a man after a 3D-printed pistol was found in a car.",
            [("police", "GB")],
        ),
    ],
)
def test_the_met_is_londons_police_not_the_weather_office(
    parsed_report: Callable[..., Report], text: str, expected: list[tuple[str, str | None]]
) -> None:
    result = parsed_report(text)
    assert kinds(result) == expected
    names = [agency.name for agency in result.agencies]
    assert ("Met" in names) == ("the Met arrested" in text)
