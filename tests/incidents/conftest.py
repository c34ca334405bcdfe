"""Fixtures of the incident tests: reports made by the real extractor from short news texts, and
reports built directly where a unit needs exact inputs.

`news(id, text, language, published, source=None)` runs the whole extractor (pipelines are cached
per process) and fails unless the text reads as a firearms case, so a broken extractor cannot pass
for two reports that simply do not match.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ghostwatch.extract import Extractor
from ghostwatch.model import Document, Report

NewsFactory = Callable[..., Report]


@pytest.fixture(scope="session")
def incident_extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def news(incident_extractor: Extractor) -> NewsFactory:
    cache: dict[tuple, Report] = {}

    def make(
        document_id: str,
        text: str,
        language: str,
        published: dt.date,
        source: str | None = None,
        title: str | None = None,
    ) -> Report:
        key = (document_id, text, language, published, source, title)
        if key not in cache:
            document = Document(
                id=document_id,
                text=text,
                raw_text=text,
                language=language,
                published=published,
                source=source,
                title=title,
            )
            extraction = incident_extractor.extract(document)
            assert extraction.errors == []
            assert extraction.report.relevant, f"{document_id} must read as a firearms case"
            cache[key] = extraction.report
        return cache[key]

    return make


# One case told twice on the day after (English and French), its trial eight months later, a
# look-alike raid in the same town two weeks later, and a near-copy of the case in Belgium.
RAID_EN = (
    "Police in Toulouse arrested a 26-year-old man on Tuesday and seized three 3D-printed "
    "pistols and a 3D printer at his flat in the Mirail district, the prosecutor's office said. "
    "Kevin Dumont is due to appear before a judge on Friday."
)
RAID_FR = (
    "Les policiers ont interpellé mardi à Toulouse un homme de 26 ans, Kevin D., et saisi trois "
    "pistolets imprimés en 3D ainsi qu'une imprimante 3D dans son appartement du Mirail, a "
    "indiqué le parquet."
)
LOOKALIKE_EN = (
    "Police in Toulouse arrested a 41-year-old man on Tuesday after finding two 3D-printed "
    "handguns in a garage in the Rangueil district, prosecutors said."
)
TRIAL_EN = (
    "Kevin Dumont, 26, was sentenced to four years in prison on Wednesday by the Toulouse "
    "criminal court for making three 3D-printed pistols seized at his flat in March."
)
BELGIUM_EN = (
    "Police in Liege arrested a 26-year-old man on Tuesday and seized three 3D-printed pistols "
    "and a 3D printer, Belgian prosecutors said."
)


@pytest.fixture(scope="session")
def raid_en(news: NewsFactory) -> Report:
    return news("raid-en", RAID_EN, "en", dt.date(2025, 3, 12), "https://www.ladepeche.example/a")


@pytest.fixture(scope="session")
def raid_fr(news: NewsFactory) -> Report:
    return news("raid-fr", RAID_FR, "fr", dt.date(2025, 3, 12), "https://actu.example/b")


@pytest.fixture(scope="session")
def lookalike(news: NewsFactory) -> Report:
    return news("lookalike", LOOKALIKE_EN, "en", dt.date(2025, 3, 26))


@pytest.fixture(scope="session")
def trial(news: NewsFactory) -> Report:
    return news("trial", TRIAL_EN, "en", dt.date(2025, 11, 20), "https://court-news.example/c")


@pytest.fixture(scope="session")
def belgium(news: NewsFactory) -> Report:
    return news("belgium", BELGIUM_EN, "en", dt.date(2025, 3, 12))
