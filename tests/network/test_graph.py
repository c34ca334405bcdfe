"""The actors' network built from incident records: real extraction on short news texts, and
hand-built reports where the inputs must be exact."""

from __future__ import annotations

import datetime as dt

import networkx as nx
import pytest
from network_cases import BREST, RENNES, brest_report, person, rennes_report, report, span

from ghostwatch.extract import Extractor
from ghostwatch.incidents import build_record
from ghostwatch.incidents.profile import fold
from ghostwatch.model import Document, Report
from ghostwatch.network.graph import build_graph

RING_EN = (
    "Police in Grenoble arrested four men on Tuesday over a network selling 3D-printed pistols, "
    "prosecutors said. Marc Vidal, 38, the leader of the ring, and Lucas Ferrand, 27, who "
    "printed the weapons in his garage, were held alongside Hugo Besson, 24, who sold them on "
    "Telegram. A 19-year-old man who bought two of the pistols was also arrested. Officers "
    "seized five 3D-printed pistols and two 3D printers."
)
VALENCE_FR = (
    "Les gendarmes de la brigade de recherches de Valence ont interpellé jeudi Hugo Besson, "
    "24 ans, soupçonné d'avoir vendu des pistolets imprimés en 3D sur Telegram. Un homme de 19 "
    "ans qui lui en avait acheté un a également été interpellé. Trois pistolets imprimés en 3D "
    "ont été saisis, a indiqué le parquet."
)
NANTES_FR = (
    "Les policiers ont interpellé mardi à Nantes deux hommes soupçonnés d'avoir acheté des "
    "pistolets imprimés en 3D à un fabricant qui imprimait les armes dans son garage. Deux "
    "pistolets ont été saisis, a indiqué le parquet."
)
TEXTS = {"ring-en": RING_EN, "valence-fr": VALENCE_FR, "nantes-fr": NANTES_FR}


def node_of(name: str) -> str:
    return f"person:{fold(name)}"


def relations(graph: nx.MultiDiGraph, relation: str) -> set[tuple[str, str]]:
    return {(u, v) for u, v, k in graph.edges(keys=True) if k == relation}


def unnamed(graph: nx.MultiDiGraph, incident: int) -> list[str]:
    return [
        n
        for n, d in graph.nodes(data=True)
        if d["kind"] == "person" and not d["named"] and graph.has_edge(n, f"incident:{incident}")
    ]


# real extraction


@pytest.fixture(scope="module")
def extracted() -> dict[str, Report]:
    extractor = Extractor()
    found = {}
    for day, (document_id, text) in enumerate(TEXTS.items()):
        extraction = extractor.extract(
            Document(
                id=document_id,
                text=text,
                raw_text=text,
                language=document_id[-2:],
                published=dt.date(2025, 4, 10 + day),
                source=f"https://news.example/{document_id}",
                title=f"Story {document_id}",
            )
        )
        assert extraction.errors == [] and extraction.report.relevant, document_id
        found[document_id] = extraction.report
    return found


@pytest.fixture(scope="module")
def news_graph(extracted: dict[str, Report]) -> nx.MultiDiGraph:
    return build_graph(
        [
            build_record(1, [extracted["ring-en"]]),
            build_record(2, [extracted["valence-fr"]]),
            build_record(3, [extracted["nantes-fr"]]),
        ]
    )


pytestmark = pytest.mark.models


def test_news_nodes_have_their_kinds_and_labels(news_graph: nx.MultiDiGraph) -> None:
    kinds = nx.get_node_attributes(news_graph, "kind")
    assert {kinds[f"incident:{i}"] for i in (1, 2, 3)} == {"incident"}
    for name in ("Marc Vidal", "Lucas Ferrand", "Hugo Besson"):
        assert kinds[node_of(name)] == "person"
        assert news_graph.nodes[node_of(name)]["label"] == name
        assert news_graph.nodes[node_of(name)]["named"] is True
    assert news_graph.nodes[node_of("Lucas Ferrand")]["roles"] == ["manufacturer"]
    assert news_graph.nodes[node_of("Marc Vidal")]["role_group"] == "leader"
    assert set(kinds.values()) == {"incident", "person", "people", "group", "agency", "place"}
    assert news_graph.nodes["incident:1"]["label"].startswith("incident 1 (2025-04-")


def test_named_seller_of_two_cases_is_one_node_unnamed_buyers_are_two(
    news_graph: nx.MultiDiGraph,
) -> None:
    besson = node_of("Hugo Besson")
    assert news_graph.has_edge(besson, "incident:1", "involved in")
    assert news_graph.has_edge(besson, "incident:2", "involved in")
    assert news_graph.nodes[besson]["documents"] == ["ring-en", "valence-fr"]
    first, second = unnamed(news_graph, 1), unnamed(news_graph, 2)
    assert len(first) == 1 and len(second) == 1 and first != second
    for buyer in (*first, *second):
        assert news_graph.nodes[buyer]["age"] == 19
        assert news_graph.nodes[buyer]["label"] == "19-year-old man (buyer)"


def test_news_trade_edges_follow_the_roles(news_graph: nx.MultiDiGraph) -> None:
    ferrand, besson = node_of("Lucas Ferrand"), node_of("Hugo Besson")
    (buyer_1,), (buyer_2,) = unnamed(news_graph, 1), unnamed(news_graph, 2)
    assert (ferrand, besson) in relations(news_graph, "supplies")
    assert {(besson, buyer_1), (besson, buyer_2)} <= relations(news_graph, "sells to")
    assert (besson, ferrand) not in relations(news_graph, "supplies")
    assert (buyer_1, besson) not in relations(news_graph, "buys from")
    sold = news_graph.edges[besson, buyer_2, "sells to"]
    assert sold["documents"] == ["valence-fr"]
    assert sold["evidence"] and {e["document"] for e in sold["evidence"]} == {"valence-fr"}
    for item in sold["evidence"]:
        assert VALENCE_FR[item["start"] : item["end"]] == item["text"]


def test_news_group_membership_and_leadership(news_graph: nx.MultiDiGraph) -> None:
    suspects = {
        node_of("Marc Vidal"),
        node_of("Lucas Ferrand"),
        node_of("Hugo Besson"),
        *unnamed(news_graph, 1),
    }
    members = {u for u, v in relations(news_graph, "member of") if v == "group:1"}
    assert members == suspects
    assert {u for u, v in relations(news_graph, "leads") if v == "group:1"} == {
        node_of("Marc Vidal")
    }
    assert news_graph.nodes["group:1"]["kind"] == "group"


def test_news_arrests_point_at_police_and_gendarmerie(news_graph: nx.MultiDiGraph) -> None:
    arrests = relations(news_graph, "arrested by")
    assert arrests
    for person_node, agency in arrests:
        assert news_graph.nodes[agency]["kind"] == "agency"
        assert news_graph.nodes[agency]["agency_kind"] in {"police", "gendarmerie"}
        assert "arrested" in news_graph.nodes[person_node]["status"]
    gendarmes = [n for n, d in news_graph.nodes(data=True) if d.get("agency_kind") == "gendarmerie"]
    assert len(gendarmes) == 1 and "Valence" in news_graph.nodes[gendarmes[0]]["label"]
    assert (node_of("Hugo Besson"), gendarmes[0]) in arrests
    (buyer_2,) = unnamed(news_graph, 2)
    assert (buyer_2, gendarmes[0]) in arrests


def test_news_incidents_are_located_in_places_with_coordinates(
    news_graph: nx.MultiDiGraph,
) -> None:
    places = {
        u: news_graph.nodes[v]
        for u, v in relations(news_graph, "located in")
        if news_graph.nodes[v]["kind"] == "place"
    }
    assert places["incident:1"]["label"] == "Grenoble"
    assert places["incident:1"]["lat"] == pytest.approx(45.19, abs=0.05)
    assert places["incident:1"]["lon"] == pytest.approx(5.72, abs=0.05)
    assert places["incident:3"]["label"] == "Nantes"
    assert places["incident:3"]["lat"] == pytest.approx(47.22, abs=0.05)


def test_roles_no_person_holds_become_collective_nodes(news_graph: nx.MultiDiGraph) -> None:
    # Nantes: the buyers are "two men" no report describes one by one; the maker is one person
    (maker,) = unnamed(news_graph, 3)
    buyers = "people:3:buyer"
    assert news_graph.nodes[maker]["roles"] == ["manufacturer"]
    assert news_graph.nodes[buyers]["kind"] == "people"
    assert news_graph.nodes[buyers]["label"] == "buyers (incident 3)"
    assert news_graph.nodes[buyers]["roles"] == ["buyer"]
    assert news_graph.nodes[buyers]["documents"] == ["nantes-fr"]
    assert "people:3:manufacturer" not in news_graph  # a person holds that role
    assert (buyers, maker) in relations(news_graph, "buys from")
    assert news_graph.has_edge(buyers, "incident:3", "involved in")
    assert {(maker, "group:3"), (buyers, "group:3")} <= relations(news_graph, "member of")
    assert not any(n.startswith("people:1:") for n in news_graph)  # every role of case 1 is held


def test_documents_of_the_graph(news_graph: nx.MultiDiGraph) -> None:
    documents = news_graph.graph["documents"]
    assert set(documents) == set(TEXTS)
    assert documents["valence-fr"]["language"] == "fr"
    assert documents["ring-en"]["title"] == "Story ring-en"
    assert documents["ring-en"]["published"] == "2025-04-10"
    assert news_graph.nodes["incident:2"]["documents"] == ["valence-fr"]


# hand-built reports


def test_hand_built_network_edges(network: nx.MultiDiGraph) -> None:
    le_goff, tanguy, morvan, riou = map(
        node_of, ("Yann Le Goff", "Erwan Tanguy", "Loic Morvan", "Paul Riou")
    )
    (buyer_1,), (buyer_2,) = unnamed(network, 1), unnamed(network, 2)
    assert relations(network, "supplies") == {(tanguy, morvan)}
    assert relations(network, "sells to") == {(morvan, buyer_1), (morvan, riou), (morvan, buyer_2)}
    assert relations(network, "buys from") == set()  # there is a seller
    assert relations(network, "leads") == {(le_goff, "group:1")}
    assert relations(network, "arrested by") == {
        (le_goff, "agency:police in rennes"),
        (buyer_1, "agency:police in rennes"),
        (riou, "agency:police in rennes"),
        (morvan, "agency:gendarmerie de brest"),
        (buyer_2, "agency:gendarmerie de brest"),
    }
    # the prosecutor took part but arrests nobody
    assert network.has_edge("agency:rennes prosecutor", "incident:1", "involved in")
    assert network.nodes["agency:rennes prosecutor"]["agency_kind"] == "prosecutor"
    assert relations(network, "located in") == {
        ("incident:1", "place:2983990"),
        ("incident:2", "place:3030300"),
    }
    assert network.nodes["place:3030300"]["lat"] == pytest.approx(48.39029)


def test_hand_built_provenance_points_into_the_texts(network: nx.MultiDiGraph) -> None:
    morvan = node_of("Loic Morvan")
    assert network.nodes[morvan]["documents"] == ["brest-1", "rennes-1"]
    texts = {"rennes-1": RENNES, "brest-1": BREST}
    for item in network.nodes[morvan]["evidence"]:
        assert texts[item["document"]][item["start"] : item["end"]] == item["text"]
    arrest = network.edges[morvan, "agency:gendarmerie de brest", "arrested by"]
    assert arrest["documents"] == ["brest-1"]
    assert {e["text"] for e in arrest["evidence"]} == {"Loic Morvan, 25", "Gendarmerie de Brest"}
    (buyer_1,) = unnamed(network, 1)
    sale = network.edges[morvan, buyer_1, "sells to"]
    assert sale["documents"] == ["rennes-1"]
    assert {e["text"] for e in sale["evidence"]} == {"Loic Morvan, 25", "a 22-year-old man"}
    assert network.edges["incident:1", "place:2983990", "located in"]["evidence"] == [
        {"document": "rennes-1", "start": 10, "end": 16, "text": "Rennes"}
    ]
    assert network.nodes["group:2"]["documents"] == ["brest-1"]


def test_roles_merge_for_a_named_person_across_cases() -> None:
    text_a = "Jean Caradec, 50, sold the weapons to a 30-year-old man."
    text_b = "Jean Caradec, 50, printed the weapons; a 30-year-old man bought one."
    a = report(
        "a",
        text_a,
        published=dt.date(2025, 1, 2),
        suspects=[
            person(text_a, "Jean Caradec, 50", name="Jean Caradec", age=50, roles=["seller"]),
            person(text_a, "a 30-year-old man", age=30, gender="male", roles=["buyer"]),
        ],
    )
    b = report(
        "b",
        text_b,
        published=dt.date(2025, 6, 2),
        suspects=[
            person(text_b, "Jean Caradec", name="Jean Caradec", age=50, roles=["manufacturer"]),
            person(text_b, "a 30-year-old man", age=30, gender="male", roles=["buyer"]),
        ],
    )
    graph = build_graph([build_record(1, [a]), build_record(2, [b])])
    caradec = node_of("Jean Caradec")
    assert graph.nodes[caradec]["roles"] == ["manufacturer", "seller"]
    assert graph.nodes[caradec]["role_group"] == "manufacturer"
    buyers = [n for n, d in graph.nodes(data=True) if d["kind"] == "person" and not d["named"]]
    assert len(buyers) == 2  # same age, two cases: nothing says they are one man
    assert relations(graph, "sells to") == {(caradec, unnamed(graph, 1)[0])}
    # no seller in case 2: its buyer buys from the manufacturer
    assert relations(graph, "buys from") == {(unnamed(graph, 2)[0], caradec)}
    person_nodes = sum(d["kind"] == "person" for _, d in graph.nodes(data=True))
    assert person_nodes == 3


def test_supplier_supplies_courier_and_broker_sells() -> None:
    text = "Ana Roche supplied parts, Theo Blin carried them and Max Hervé, a broker, sold them."
    case = report(
        "c",
        text,
        published=dt.date(2025, 1, 2),
        roles=["buyer"],
        suspects=[
            person(text, "Ana Roche", name="Ana Roche", roles=["supplier"]),
            person(text, "Theo Blin", name="Theo Blin", roles=["courier"]),
            person(text, "Max Hervé", name="Max Hervé", roles=["broker"]),
        ],
    )
    graph = build_graph([build_record(7, [case])])
    roche, blin, herve = map(node_of, ("Ana Roche", "Theo Blin", "Max Hervé"))
    assert relations(graph, "supplies") == {(roche, blin), (roche, herve)}
    assert relations(graph, "sells to") == {(herve, "people:7:buyer")}
    assert graph.nodes["people:7:buyer"]["roles"] == ["buyer"]
    assert not any(k == "arrested by" for *_, k in graph.edges(keys=True))


def test_a_lone_suspect_has_no_group_and_leader_role_no_collective() -> None:
    text = "Police in Brest arrested Noe Kerbrat, 19, who printed a pistol."
    case = report(
        "lone",
        text,
        published=dt.date(2025, 1, 2),
        agencies=[("Police in Brest", "police")],
        roles=["leader"],
        suspects=[
            person(text, "Noe Kerbrat, 19", name="Noe Kerbrat", age=19,
                   roles=["manufacturer"], status=["arrested"]),
        ],
    )  # fmt: skip
    graph = build_graph([build_record(5, [case])])
    assert not any(d["kind"] in ("group", "people") for _, d in graph.nodes(data=True))
    assert relations(graph, "arrested by") == {(node_of("Noe Kerbrat"), "agency:police in brest")}


def test_victims_are_people_involved_but_not_members() -> None:
    text = "Tom Aubry, 31, shot Luc Pape, 40, with a printed pistol; a seller was held."
    case = report(
        "shot",
        text,
        published=dt.date(2025, 1, 2),
        suspects=[person(text, "Tom Aubry, 31", name="Tom Aubry", age=31, roles=["buyer"])],
        victims=[person(text, "Luc Pape, 40", name="Luc Pape", age=40)],
        roles=["seller"],
    )
    graph = build_graph([build_record(9, [case])])
    pape = node_of("Luc Pape")
    assert graph.nodes[pape]["side"] == "victim"
    assert graph.has_edge(pape, "incident:9", "involved in")
    assert not graph.has_edge(pape, "group:9", "member of")
    assert relations(graph, "sells to") == {("people:9:seller", node_of("Tom Aubry"))}


def test_the_same_records_build_the_same_graph() -> None:
    records = [build_record(1, [rennes_report()]), build_record(2, [brest_report()])]
    first, second = build_graph(records), build_graph(records)
    assert list(first.nodes(data=True)) == list(second.nodes(data=True))
    assert list(first.edges(keys=True, data=True)) == list(second.edges(keys=True, data=True))


GENERIC_AGENCIES = {
    "lyon-fr": (
        "fr",
        "Les policiers ont interpellé mardi à Lyon un homme de 32 ans qui vendait des pistolets "
        "imprimés en 3D sur Telegram. Deux pistolets ont été saisis, a indiqué le parquet.",
    ),
    "lille-fr": (
        "fr",
        "Les policiers ont interpellé vendredi à Lille un homme de 45 ans qui imprimait des "
        "armes dans son garage. Trois pistolets imprimés en 3D ont été saisis, a indiqué le "
        "parquet.",
    ),
    "derby-en": (
        "en",
        "Police arrested a 32-year-old man in Derby on Monday after finding two 3D-printed "
        "pistols at his home, officers said.",
    ),
    "hull-en": (
        "en",
        "Police arrested a 45-year-old man in Hull on Friday and seized a 3D printer and a "
        "3D-printed handgun, officers said.",
    ),
}


def test_unrelated_cases_are_not_joined_by_an_unnamed_police_force() -> None:
    # Four unrelated arrests in four towns, each by "the police" with no unit named. Like an
    # unnamed man, "police" names no one unit: nothing says the Lyon and Lille officers are one
    # agency, so the cases must stay four separate parts of the network (no false bridge for
    # betweenness, cut points and communities to pick up).
    extractor = Extractor()
    records = []
    for number, (document_id, (language, text)) in enumerate(GENERIC_AGENCIES.items(), 1):
        extraction = extractor.extract(
            Document(
                id=document_id,
                text=text,
                raw_text=text,
                language=language,
                published=dt.date(2025, 5, 10 + number),
            )
        )
        assert extraction.report.relevant and extraction.report.agencies, document_id
        records.append(build_record(number, [extraction.report]))
    graph = build_graph(records)
    incidents_of_agency = {
        node: sorted(v for _, v, k in graph.out_edges(node, keys=True) if k == "involved in")
        for node, kind in graph.nodes(data="kind")
        if kind == "agency"
    }
    assert all(len(incidents) == 1 for incidents in incidents_of_agency.values()), (
        incidents_of_agency
    )
    assert nx.number_weakly_connected_components(graph) == 4


def test_a_named_unit_in_two_cases_is_one_node() -> None:
    text_a = "West Yorkshire Police arrested Dale Upton, 30, who sold printed pistols."
    text_b = "West Yorkshire Police arrested Kyle Brent, 22, who printed a pistol."
    cases = [
        report(
            document_id,
            text,
            published=dt.date(2025, 1, day),
            agencies=[("West Yorkshire Police", "police")],
            suspects=[person(text, name, name=name, roles=[role], status=["arrested"])],
        )
        for document_id, text, day, name, role in [
            ("a", text_a, 2, "Dale Upton", "seller"),
            ("b", text_b, 9, "Kyle Brent", "manufacturer"),
        ]
    ]
    graph = build_graph([build_record(1, [cases[0]]), build_record(2, [cases[1]])])
    unit = "agency:west yorkshire police"
    assert graph.nodes[unit]["documents"] == ["a", "b"]
    assert relations(graph, "arrested by") == {
        (node_of("Dale Upton"), unit),
        (node_of("Kyle Brent"), unit),
    }


def test_unnamed_people_sharing_an_arrest_sentence_stay_two_nodes() -> None:
    # One sentence arrests both; each person's evidence starts with that shared clause.
    text = (
        "Police in Leeds arrested a 19-year-old man and a 22-year-old woman on Tuesday. The man "
        "sold the weapons on Telegram; the woman bought one."
    )
    clause = "arrested a 19-year-old man and a 22-year-old woman"
    seller = person(text, "a 19-year-old man", age=19, gender="male", roles=["seller"],
                    status=["arrested"])  # fmt: skip
    buyer = person(text, "a 22-year-old woman", age=22, gender="female", roles=["buyer"],
                   status=["arrested"])  # fmt: skip
    for someone in (seller, buyer):
        someone.evidence.insert(0, span(text, clause))
    case = report(
        "leeds",
        text,
        published=dt.date(2025, 5, 14),
        agencies=[("Police in Leeds", "police")],
        suspects=[seller, buyer],
    )
    graph = build_graph([build_record(1, [case])])
    people = {d["age"]: n for n, d in graph.nodes(data=True) if d["kind"] == "person"}
    assert set(people) == {19, 22}, [n for n in graph if n.startswith("person:")]
    assert graph.nodes[people[19]]["roles"] == ["seller"]
    assert graph.nodes[people[22]]["roles"] == ["buyer"]
    assert relations(graph, "sells to") == {(people[19], people[22])}


def test_extracted_couple_arrested_in_one_sentence_stays_two_nodes() -> None:
    text = (
        "Police in Leeds arrested a 19-year-old man and a 22-year-old woman on Tuesday after "
        "seizing 3D-printed pistols. The man sold the weapons on Telegram; the woman bought one."
    )
    extraction = Extractor().extract(
        Document(id="leeds-en", text=text, raw_text=text, language="en",
                 published=dt.date(2025, 5, 14))
    )  # fmt: skip
    suspects = extraction.report.suspects
    assert sorted((p.age, p.roles) for p in suspects) == [(19, ["seller"]), (22, ["buyer"])]
    graph = build_graph([build_record(1, [extraction.report])])
    people = [n for n, d in graph.nodes(data=True) if d["kind"] == "person"]
    assert len(people) == 2, people
    assert len(relations(graph, "sells to")) == 1
