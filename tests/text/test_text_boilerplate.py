"""Boilerplate lines go, article sentences stay, in English and French."""

from __future__ import annotations

from pathlib import Path

import pytest

from ghostwatch.text.boilerplate import compile_line_patterns, is_boilerplate
from ghostwatch.text.clean import clean_text

ENGLISH_PAGE = """\
Home > News > Crime
Man charged after 3D-printed pistols found in Bristol flat
Share this article
Facebook | Twitter | Email
A 31-year-old man has been charged after officers found two 3D-printed pistols at a flat in \
Bristol, Avon and Somerset Police said on Friday.
Advertisement
Detectives searched the property on Wednesday and also seized a 3D printer and spools of filament.
• Also read: Council approves new cycle lanes in the city centre
Photo: Avon and Somerset Police
He was remanded in custody and will appear at Bristol Crown Court next month.
Police said they would share more details later.
Read more: Teenager arrested over knife attack in Bath
We use cookies to improve your experience. By continuing, you agree to our cookie policy.
Accept all
Sign up for our newsletter to get the latest crime news in your inbox.
Follow us on Twitter @BristolNewsDesk
Subscribe
Click here to read the full court schedule.
Please enable JavaScript to watch this video
Copyright 2024 Bristol Evening Star. All rights reserved.
Sponsored content
"""

ENGLISH_ARTICLE_LINES = [
    "Man charged after 3D-printed pistols found in Bristol flat",
    "A 31-year-old man has been charged after officers found two 3D-printed pistols at a flat in "
    "Bristol, Avon and Somerset Police said on Friday.",
    "Detectives searched the property on Wednesday and also seized a 3D printer and spools of "
    "filament.",
    "He was remanded in custody and will appear at Bristol Crown Court next month.",
    "Police said they would share more details later.",
]

FRENCH_PAGE = """\
Accueil > Faits divers > Justice
Armes imprimées en 3D : trois hommes interpellés dans le Var
Partager sur Facebook
Partager sur Twitter
Les gendarmes de la section de recherches ont interpellé mardi trois hommes à Toulon, soupçonnés \
de fabriquer et de revendre des pistolets imprimés en 3D.
Publicité
À lire aussi : Le conseil municipal vote le budget de la piscine
Les enquêteurs ont saisi deux imprimantes 3D et quatre armes lors des perquisitions.
LIRE AUSSI >> Marseille : un point de deal démantelé
Lire aussi
Nous utilisons des cookies pour améliorer votre expérience sur notre site.
Tout accepter
La suite après cette publicité
Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.
Suivez-nous sur Twitter
Photo : Gendarmerie nationale
© AFP
Le parquet a ouvert une information judiciaire, a-t-on appris de source proche du dossier.
Les enquêteurs partageront d'autres éléments plus tard.
"""

FRENCH_ARTICLE_LINES = [
    "Armes imprimées en 3D : trois hommes interpellés dans le Var",
    "Les gendarmes de la section de recherches ont interpellé mardi trois hommes à Toulon, "
    "soupçonnés de fabriquer et de revendre des pistolets imprimés en 3D.",
    "Les enquêteurs ont saisi deux imprimantes 3D et quatre armes lors des perquisitions.",
    "Le parquet a ouvert une information judiciaire, a-t-on appris de source proche du dossier.",
    "Les enquêteurs partageront d'autres éléments plus tard.",
]


@pytest.mark.parametrize(
    ("page", "article"),
    [(ENGLISH_PAGE, ENGLISH_ARTICLE_LINES), (FRENCH_PAGE, FRENCH_ARTICLE_LINES)],
    ids=["en", "fr"],
)
def test_only_article_lines_survive(page: str, article: list[str]) -> None:
    assert clean_text(page).text.split("\n") == article


@pytest.mark.parametrize(
    "line",
    [
        # sentences that start like furniture or mention its words
        "Following a year-long investigation, officers arrested four men.",
        "Follow-up searches on Facebook accounts linked the suspects to the sales.",
        "More than 20 weapons were seized during the raids.",
        "Related charges against a second man were dropped.",
        "Home-made firearms are increasingly found in searches, police said.",
        "Subscribers to the encrypted channel could order parts, prosecutors said.",
        "Photo radar cameras recorded the car near the border.",
        "Copyright lawyers were not involved in the case.",
        "Share prices of the printer maker fell after the report.",
        "Advertisements for the weapons were posted on a messaging app.",
        "Click-and-collect parcels were used to ship the parts.",
        "Accueil de la presse au tribunal : l'audience a été reportée.",
        "Publicité mensongère : le vendeur de répliques a été condamné.",
        "Partager des fichiers d'impression d'armes est un délit, a rappelé le procureur.",
        "Lire les messages chiffrés a pris des mois aux enquêteurs.",
        "Suivez-le : c'est ce qu'a dit le gendarme au témoin.",
        "Photos et vidéos du suspect ont été saisies sur son téléphone.",
    ],
)
def test_article_sentences_are_not_boilerplate(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Advertisement - Continue Reading Below",
        "Sponsored content",
        "Share this: Facebook",
        "Like this: Like Loading...",
        "RELATED: Two arrested after shots fired in Leeds",
        "[RELATED: Police seize guns in dawn raids]",
        "Related Coverage Man charged over printed gun parts",
        "Read or Share this story: https://example.com/story/123",
        "Home / News / Crime",
        "Sign up for breaking news alerts from the Bristol Evening Star",
        "For access to this article please sign in or subscribe.",
        "Follow CBSDFW.COM: Facebook | Twitter",
        "Download the Evening Star app for iPhone and Android",
        "Copyright Associated Press",
        "(Photo: Avon and Somerset Police)",
        "Photo credit: Family photo",
        "(File photo)",
        "——————",
        "###",
        "Publicité",
        "Contenu sponsorisé",
        "Accueil / Actualités / Faits divers",
        "Ce site utilise des cookies pour vous offrir une meilleure expérience.",
        "Continuer sans accepter",
        "Abonnez-vous",
        "Cet article est réservé aux abonnés",
        "Cliquez ici pour voir la vidéo",
        "Activez JavaScript pour lire cette vidéo",
        "Téléchargez notre application",
        "Crédit photo : Gendarmerie nationale",
        "(Photo d'illustration)",
        "À voir aussi",
        "Sur le même sujet",
    ],
)
def test_furniture_lines_are_boilerplate(line: str) -> None:
    assert is_boilerplate(line)


def test_seed_article_loses_only_its_also_read_line(shared_dir: Path) -> None:
    raw = (shared_dir / "examples/seed/article.txt").read_text("utf-8")
    raw_lines = [line.strip() for line in raw.splitlines() if line.strip()]
    also_read = [line for line in raw_lines if "Also read" in line]
    assert also_read == ["• Also read: Triple parking fees: Parisians vote against SUVs"]
    kept = clean_text(raw).text.split("\n")
    assert kept == [line for line in raw_lines if line not in also_read]


def test_patterns_from_all_packs_apply_together() -> None:
    pattern = compile_line_patterns({"en": ["advertisement"], "fr": ["publicité"]})
    assert pattern.fullmatch("ADVERTISEMENT")
    assert pattern.fullmatch("Publicité")
    assert not pattern.fullmatch("Advertisement for guns")


def test_no_patterns_match_nothing() -> None:
    assert compile_line_patterns({}).fullmatch("Advertisement") is None


def test_bad_pattern_names_its_pack() -> None:
    with pytest.raises(ValueError, match=r"lang/xx/boilerplate.yaml: bad pattern '\(unclosed'"):
        compile_line_patterns({"xx": ["(unclosed"]})
