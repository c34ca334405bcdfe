"""The merged incident record: every value with its sources, conflicts side by side."""

from __future__ import annotations

import datetime as dt

import pytest

from ghostwatch.incidents import build_record
from ghostwatch.incidents.record import is_official, merge_people
from ghostwatch.model import Count, DocumentBlock, Person, Report, Span

pytestmark = pytest.mark.models


def counted(
    document_id: str, published: dt.date, arrested: int, source: str | None = None
) -> Report:
    text = f"Police said {arrested} people were arrested."
    evidence = Span(start=12, end=12 + len(str(arrested)), text=str(arrested))
    return Report(
        document=DocumentBlock(
            id=document_id, source=source, published=published, language="en", text=text
        ),
        relevant=True,
        incident_types=["arrest"],
        counts={"arrested": Count(value=arrested, evidence=[evidence])},
    )


def people_report(document_id: str, published: dt.date, *people: Person) -> Report:
    return Report(
        document=DocumentBlock(id=document_id, published=published, language="en"),
        relevant=True,
        incident_types=["arrest"],
        suspects=list(people),
    )


def sources_of(record, key: str) -> dict[int, list[str]]:
    return {
        claim.value: [s.document_id for s in claim.sources] for claim in record.counts[key].claims
    }


def test_conflicting_counts_are_kept_side_by_side_with_the_most_sources() -> None:
    reports = [
        counted("wire", dt.date(2025, 4, 2), 14),
        counted("daily", dt.date(2025, 4, 3), 15),
        counted("weekly", dt.date(2025, 4, 4), 14),
    ]
    record = build_record(3, reports)
    arrested = record.counts["arrested"]
    assert arrested.chosen == 14
    assert arrested.rule == "most sources"
    assert arrested.conflicting
    assert sources_of(record, "arrested") == {14: ["wire", "weekly"], 15: ["daily"]}
    daily = record.counts["arrested"].claims[1].sources[0]
    assert daily.evidence[0].text == "15"


def test_a_tie_goes_to_the_latest_report() -> None:
    record = build_record(
        1, [counted("b", dt.date(2025, 4, 3), 15), counted("a", dt.date(2025, 4, 2), 14)]
    )
    assert record.counts["arrested"].chosen == 15
    assert record.counts["arrested"].rule == "most sources"


def test_the_latest_official_source_wins_over_the_majority() -> None:
    reports = [
        counted("police-early", dt.date(2025, 4, 2), 12, "https://www.police.be/fr/news/1"),
        counted("wire", dt.date(2025, 4, 2), 14, "https://wire.example/2"),
        counted("daily", dt.date(2025, 4, 3), 14, "https://daily.example/3"),
        counted("police-late", dt.date(2025, 4, 4), 15, "https://www.police.be/fr/news/2"),
    ]
    arrested = build_record(1, reports).counts["arrested"]
    assert arrested.chosen == 15
    assert arrested.rule == "latest official source"
    assert {claim.value for claim in arrested.claims} == {12, 14, 15}
    official = [s.document_id for c in arrested.claims for s in c.sources if s.official]
    assert sorted(official) == ["police-early", "police-late"]


def test_agreeing_sources_say_so() -> None:
    record = build_record(
        1, [counted("a", dt.date(2025, 4, 2), 4), counted("b", dt.date(2025, 4, 3), 4)]
    )
    assert record.counts["arrested"].rule == "all sources agree"
    assert not record.counts["arrested"].conflicting


@pytest.mark.parametrize(
    ("address", "official"),
    [
        ("https://www.police.be/5998/fr/actualites/saisie", True),
        ("https://www.gendarmerie.interieur.gouv.fr/actualites", True),
        ("https://www.gov.uk/government/news/x", True),
        ("https://www.nationalcrimeagency.gov.uk/news", True),
        ("https://www.europol.europa.eu/media-press", True),
        ("https://www.ladepeche.example/toulouse", False),
        ("https://www.bbc.co.uk/news/uk-england-leeds", False),
        (None, False),
    ],
)
def test_official_sources(address: str | None, official: bool) -> None:
    assert is_official(address) is official


def test_people_are_merged_by_age_and_role_across_reports() -> None:
    first = people_report(
        "a",
        dt.date(2025, 4, 2),
        Person(label="a 26-year-old man", age=26, gender="male", status=["arrested"]),
        Person(label="a 31-year-old woman", age=31, gender="female"),
    )
    second = people_report(
        "b",
        dt.date(2025, 4, 3),
        Person(label="the 26-year-old Frenchman", age=26, gender="male", roles=["leader"]),
        Person(label="a 31-year-old man", age=31, gender="male"),
    )
    third = people_report("c", dt.date(2025, 4, 4), Person(label="the leader", roles=["leader"]))
    people = merge_people([first, second, third], lambda r: r.suspects)
    by_label = [[m.value for m in p.mentions] for p in people]
    assert by_label == [
        ["a 26-year-old man", "the 26-year-old Frenchman", "the leader"],
        ["a 31-year-old woman"],
        ["a 31-year-old man"],  # same age, other gender: another person
    ]
    assert people[0].roles == ["leader"]
    assert people[0].status == ["arrested"]


def test_an_unnamed_suspect_gets_his_name_from_the_trial(raid_en: Report, trial: Report) -> None:
    record = build_record(1, [trial, raid_en])
    assert len(record.suspects) == 1
    suspect = record.suspects[0]
    assert suspect.name == "Kevin Dumont"
    assert suspect.age == 26
    assert [m.sources[0].document_id for m in suspect.mentions] == ["raid-en", "trial"]


def test_one_suspect_across_three_reports_that_name_him_differently(
    raid_en: Report, raid_fr: Report, trial: Report
) -> None:
    # "a 26-year-old man" (raid-en), "Kevin D." (raid-fr) and "Kevin Dumont, 26" (trial) are one
    # person: the trial links the age of the first to the name of the second
    record = build_record(1, [raid_en, raid_fr, trial])
    assert len(record.suspects) == 1, [[m.value for m in p.mentions] for p in record.suspects]


def test_the_timeline_is_in_date_order_with_the_trial_as_follow_up(
    raid_en: Report, raid_fr: Report, trial: Report
) -> None:
    record = build_record(4, [trial, raid_fr, raid_en])
    assert record.documents == ["raid-en", "raid-fr", "trial"]
    assert [(e.document_id, e.date, e.follow_up) for e in record.timeline] == [
        ("raid-en", dt.date(2025, 3, 11), False),
        ("raid-fr", dt.date(2025, 3, 11), False),
        ("trial", dt.date(2025, 11, 19), True),
    ]
    # the case's date is the raid's, not the trial's
    assert record.date is not None
    assert record.date.chosen == {"start": dt.date(2025, 3, 11), "end": dt.date(2025, 3, 11)}
    assert {s.document_id for c in record.date.claims for s in c.sources} == {"raid-en", "raid-fr"}


def test_places_and_seizures_keep_every_source(raid_en: Report, raid_fr: Report) -> None:
    record = build_record(1, [raid_fr, raid_en])
    assert record.locations[0].value["name"] == "Toulouse"
    assert record.locations[0].value["lat"] is not None
    assert sorted(s.document_id for s in record.locations[0].sources) == ["raid-en", "raid-fr"]
    pistols = record.seized["3d_printed_firearm"]
    assert pistols.chosen == 3 and pistols.rule == "all sources agree"
    assert sorted(s.document_id for c in pistols.claims for s in c.sources) == [
        "raid-en",
        "raid-fr",
    ]
