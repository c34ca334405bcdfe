"""The JSON API against a real database (SQLite and PostgreSQL) with ingested reports."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from web_fixtures import SCRIPT, Web

pytestmark = pytest.mark.models

READS = [
    "/api/incidents",
    "/api/incidents.csv",
    "/api/incidents.geojson",
    "/api/incidents/{lyon}",
    "/api/incidents/{lyon}/network",
    "/api/network",
    "/api/timeline",
    "/api/documents/lyon-en",
    "/api/audit",
    "/api/users",
]
WRITES = [
    ("/api/incidents/{lyon}/facts", {"field": "counts.arrested", "value": 3}),
    ("/api/incidents/{lyon}/facts/review", {"field": "counts.arrested", "verdict": "confirmed"}),
    ("/api/incidents/merge", {"target": "{lyon}", "other": "{salford}"}),
    ("/api/incidents/{lyon}/split", {"documents": ["lyon-fr"]}),
    ("/api/documents/lyon-fr/move", {"incident": "{salford}"}),
    ("/api/users", {"username": "eve", "password": "long enough", "role": "admin"}),
]


def reads(web: Web) -> list[str]:
    ids = {"lyon": web.incidents["lyon-en"], "salford": web.incidents["salford"]}
    return [path.format(**ids) for path in READS]


def writes(web: Web) -> list[tuple[str, dict[str, Any]]]:
    """The write requests, with the incidents' ids (PostgreSQL ids do not restart at 1)."""
    ids = {"lyon": web.incidents["lyon-en"], "salford": web.incidents["salford"]}

    def filled(value: Any) -> Any:
        if isinstance(value, str) and value.startswith("{"):
            return ids[value.strip("{}")]
        return value

    return [
        (path.format(**ids), {key: filled(value) for key, value in body.items()})
        for path, body in WRITES
    ]


def test_no_credentials_no_answer(web: Web) -> None:
    for path in reads(web):
        answer = web.client.get(path)
        assert answer.status_code == 401, path
        assert answer.headers["www-authenticate"] == "Bearer"
    for path, body in writes(web):
        assert web.client.post(path, json=body).status_code == 401, path
    assert web.client.post("/api/upload", files={"files": ("a.txt", b"x")}).status_code == 401
    wrong = {"Authorization": "Bearer gw_not-a-token"}
    assert web.client.get("/api/incidents", headers=wrong).status_code == 401
    # nothing changed
    assert web.client.get("/api/audit", headers=web.auth("admin")).json() == []


def test_viewer_reads_but_cannot_write(web: Web) -> None:
    for path in reads(web)[:-2]:
        assert web.client.get(path, headers=web.auth("viewer")).status_code == 200, path
    for path in ("/api/audit", "/api/users"):
        assert web.client.get(path, headers=web.auth("viewer")).status_code == 403, path
    for path, body in writes(web):
        answer = web.client.post(path, json=body, headers=web.auth("viewer"))
        assert answer.status_code == 403, path
    upload = web.client.post(
        "/api/upload", files={"files": ("a.txt", b"x")}, headers=web.auth("viewer")
    )
    assert upload.status_code == 403
    # an analyst is not an admin
    assert web.client.get("/api/users", headers=web.auth("analyst")).status_code == 403
    assert (
        web.client.post(
            "/api/users", json=writes(web)[-1][1], headers=web.auth("analyst")
        ).status_code
        == 403
    )
    assert web.client.get("/api/audit", headers=web.auth("admin")).json() == []


def test_incident_list_filters_sorts_and_pages(web: Web) -> None:
    lyon, salford = web.incidents["lyon-en"], web.incidents["salford"]

    def ids(**params: object) -> list[int]:
        answer = web.client.get("/api/incidents", params=params, headers=web.auth("viewer"))
        assert answer.status_code == 200, answer.text
        return [item["id"] for item in answer.json()["items"]]

    everything = web.client.get("/api/incidents", headers=web.auth("viewer")).json()
    assert everything["total"] == 2 and everything["page"] == 1
    assert [item["id"] for item in everything["items"]] == [salford, lyon]  # latest first
    row = next(item for item in everything["items"] if item["id"] == lyon)
    assert row["countries"] == ["FR"] and row["reports"] == 2
    assert row["first"] == "2025-03-10" and row["place"] == "Lyon"

    assert ids(sort="date") == [lyon, salford]
    assert ids(sort="-reports")[0] == lyon
    assert ids(country="GB") == [salford]
    assert ids(country="fr") == [lyon]
    assert ids(region="Auvergne-Rhône-Alpes") == [lyon]
    assert ids(date_from="2025-04-01") == [salford]
    assert ids(date_to="2025-04-01") == [lyon]
    assert ids(incident_type="trafficking") == [lyon]
    assert ids(firearm_kind="3d_printed") == [salford, lyon]
    assert ids(seized="3d_printer") == [lyon]
    assert ids(q="Guillotière") == [lyon]
    assert ids(q="Oakes") == [salford]
    assert ids(q="cycle lanes") == []
    # the filter form sends its empty boxes: they are no filter
    assert ids(date_from="", date_to="", country="", q="") == [salford, lyon]
    page = web.client.get(
        "/api/incidents", params={"per_page": 1, "page": 2}, headers=web.auth("viewer")
    ).json()
    assert (page["total"], page["page"], page["per_page"]) == (2, 2, 1)
    assert [item["id"] for item in page["items"]] == [lyon]

    for bad in ({"per_page": 201}, {"page": 0}, {"sort": "title"}, {"date_from": "March"}):
        answer = web.client.get("/api/incidents", params=bad, headers=web.auth("viewer"))
        assert answer.status_code == 422, bad


def test_exports_follow_the_filter(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    answer = web.client.get("/api/incidents.csv?country=FR", headers=web.auth("viewer"))
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(answer.text)))
    assert [row["id"] for row in rows] == [str(lyon)]
    assert rows[0]["seized_3d_printed_firearm"] == "5"
    assert rows[0]["conflicts"] == "1"

    every = web.client.get("/api/incidents.geojson", headers=web.auth("viewer"))
    assert every.headers["content-type"].startswith("application/geo+json")
    collection = every.json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 2
    gb = web.client.get("/api/incidents.geojson?country=GB", headers=web.auth("viewer")).json()
    (feature,) = gb["features"]
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert 53 < lat < 54 and -3 < lon < -2


def test_incident_record_document_and_not_found(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    record = web.client.get(f"/api/incidents/{lyon}", headers=web.auth("viewer")).json()
    assert record["id"] == lyon
    assert record["documents"] == ["lyon-en", "lyon-fr"]
    seized = record["seized"]["3d_printed_firearm"]
    assert seized["chosen"] == 5 and {c["value"] for c in seized["claims"]} == {4, 5}
    members = {m["document_id"]: m for m in record["members"]}
    assert members["lyon-fr"]["matched"] == "lyon-en"

    document = web.client.get("/api/documents/salford", headers=web.auth("viewer")).json()
    assert document["id"] == "salford" and SCRIPT in document["text"]
    assert document["published"] == "2025-06-02" and document["language"] == "en"
    assert document["source"] == "https://news.example/salford-printed-gun"

    for path in ("/api/incidents/999", "/api/incidents/999/network", "/api/documents/nope"):
        assert web.client.get(path, headers=web.auth("viewer")).status_code == 404, path
    assert web.client.get("/api/incidents/abc", headers=web.auth("viewer")).status_code == 422


def test_networks(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    network = web.client.get(f"/api/incidents/{lyon}/network", headers=web.auth("viewer")).json()
    nodes = {node["id"]: node for node in network["nodes"]}
    assert {"id", "label", "kind", "role_group", "brokerage"} <= set(next(iter(nodes.values())))
    labels = {node["label"] for node in nodes.values()}
    assert "Julien Marchetti" in labels
    assert any(node["kind"] == "incident" for node in nodes.values())
    for edge in network["edges"]:
        assert edge["source"] in nodes and edge["target"] in nodes and edge["relation"]

    everything = web.client.get("/api/network", headers=web.auth("viewer")).json()
    all_labels = {node["label"] for node in everything["nodes"]}
    assert {"Julien Marchetti", "Daniel Oakes"} <= all_labels
    one = web.client.get("/api/network?limit=1", headers=web.auth("viewer")).json()
    assert len(one["nodes"]) < len(everything["nodes"])
    assert web.client.get("/api/network?limit=0", headers=web.auth("viewer")).status_code == 422


def test_timeline(web: Web) -> None:
    rows = web.client.get("/api/timeline", headers=web.auth("viewer")).json()
    assert {(r["month"], r["country"], r["incidents"], r["printed_firearms"]) for r in rows} == {
        ("2025-03", "FR", 1, 5),
        ("2025-05", "GB", 1, 1),
    }
    only_gb = web.client.get("/api/timeline?country=GB", headers=web.auth("viewer")).json()
    assert [r["country"] for r in only_gb] == ["GB"]


def test_analyst_token_reviews_without_csrf(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    answer = web.client.post(
        f"/api/incidents/{lyon}/facts",
        json={"field": "seized.3d_printed_firearm", "value": 4},
        headers=web.auth("analyst"),
    )
    assert answer.status_code == 200, answer.text
    seized = answer.json()["seized"]["3d_printed_firearm"]
    assert (seized["chosen"], seized["rule"]) == (4, "analyst")
    dated = web.client.post(
        f"/api/incidents/{lyon}/facts",
        json={"field": "date", "value": {"start": "2025-03-09", "end": "2025-03-10"}},
        headers=web.auth("analyst"),
    )
    assert dated.json()["date"]["chosen"] == {"start": "2025-03-09", "end": "2025-03-10"}
    reviewed = web.client.post(
        f"/api/incidents/{lyon}/facts/review",
        json={"field": "counts.arrested", "verdict": "rejected"},
        headers=web.auth("analyst"),
    )
    assert reviewed.status_code == 200
    assert reviewed.json()["counts"]["arrested"]["review"] == "rejected"

    # kept by the store: the list shows the analyst's value
    listed = web.client.get("/api/incidents?country=FR", headers=web.auth("viewer")).json()
    assert listed["items"][0]["printed_firearms"] == 4

    audit = web.client.get(f"/api/audit?target=incident:{lyon}", headers=web.auth("analyst")).json()
    assert [(e["username"], e["field"]) for e in audit] == [
        ("analyst", "counts.arrested"),
        ("analyst", "date"),
        ("analyst", "seized.3d_printed_firearm"),
    ]
    assert audit[-1]["before"]["chosen"] == 5 and audit[-1]["after"] == 4
    assert web.client.get("/api/audit?limit=1", headers=web.auth("analyst")).json()[0]["id"]

    invalid = [
        {"field": "counts.arrested", "value": "many"},
        {"field": "counts.arrested", "value": -1},
        {"field": "date", "value": "2025-03-09"},
        {"field": "date", "value": {"start": "2025-03-10", "end": "2025-03-01"}},
        {"field": "colour", "value": 1},
        {"value": 1},
    ]
    for body in invalid:
        answer = web.client.post(
            f"/api/incidents/{lyon}/facts", json=body, headers=web.auth("analyst")
        )
        assert answer.status_code == 422, body
    bad_verdict = web.client.post(
        f"/api/incidents/{lyon}/facts/review",
        json={"field": "counts.arrested", "verdict": "maybe"},
        headers=web.auth("analyst"),
    )
    assert bad_verdict.status_code == 422
    bad_field = web.client.post(
        f"/api/incidents/{lyon}/facts/review",
        json={"field": "counts", "verdict": "confirmed"},
        headers=web.auth("analyst"),
    )
    assert bad_field.status_code == 422
    unknown = web.client.post(
        "/api/incidents/999/facts",
        json={"field": "counts.arrested", "value": 1},
        headers=web.auth("analyst"),
    )
    assert unknown.status_code == 404


def test_cookie_session_writes_need_the_csrf_header(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    token = web.login("analyst")
    body = {"field": "counts.arrested", "value": 3}
    path = f"/api/incidents/{lyon}/facts"
    assert web.client.get("/api/incidents").status_code == 200  # reads need no token
    assert web.client.post(path, json=body).status_code == 403
    assert web.client.post(path, json=body, headers={"X-CSRF-Token": "forged"}).status_code == 403
    answer = web.client.post(path, json=body, headers={"X-CSRF-Token": token})
    assert answer.status_code == 200
    assert answer.json()["counts"]["arrested"]["chosen"] == 3


def test_merge_split_and_move(web: Web) -> None:
    lyon, salford = web.incidents["lyon-en"], web.incidents["salford"]
    analyst = web.auth("analyst")
    split = web.client.post(
        f"/api/incidents/{lyon}/split", json={"documents": ["lyon-fr"]}, headers=analyst
    )
    assert split.status_code == 200, split.text
    new = split.json()["new_incident"]
    assert web.client.get(f"/api/incidents/{new}", headers=analyst).json()["documents"] == [
        "lyon-fr"
    ]
    moved = web.client.post(
        "/api/documents/lyon-fr/move", json={"incident": salford}, headers=analyst
    )
    assert moved.status_code == 200, moved.text
    assert web.client.get(f"/api/incidents/{new}", headers=analyst).status_code == 404
    merged = web.client.post(
        "/api/incidents/merge", json={"target": lyon, "other": salford}, headers=analyst
    )
    assert merged.status_code == 200, merged.text
    record = web.client.get(f"/api/incidents/{lyon}", headers=analyst).json()
    assert set(record["documents"]) == {"lyon-en", "lyon-fr", "salford"}
    actions = [e["action"] for e in web.client.get("/api/audit", headers=analyst).json()]
    assert len(actions) == 3 and all(e for e in actions)

    conflicts = [
        ("/api/incidents/merge", {"target": lyon, "other": lyon}, 409),
        ("/api/incidents/merge", {"target": lyon, "other": 999}, 404),
        (f"/api/incidents/{lyon}/split", {"documents": ["salford-x"]}, 409),
        (f"/api/incidents/{lyon}/split", {"documents": []}, 422),
        ("/api/documents/lyon-fr/move", {"incident": lyon}, 409),
        ("/api/documents/lyon-fr/move", {"incident": "x"}, 422),
        ("/api/incidents/merge", {"target": lyon}, 422),
    ]
    for path, body, status in conflicts:
        assert web.client.post(path, json=body, headers=analyst).status_code == status, body


def _news_line(identifier: str, text: str) -> bytes:
    return (json.dumps({"id": identifier, "title": "Upload", "text": text}) + "\n").encode()


UPLOADED = (
    "Police in Marseille arrested a 35-year-old man on Thursday and seized two 3D-printed "
    "pistols in his car in the Belle de Mai district, prosecutors said. Karim Benslimane was "
    "remanded in custody."
)


def test_upload_ingests_files_under_safe_names(
    web: Web, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    temporary = tmp_path / "tmp" / "inner"
    temporary.mkdir(parents=True)
    monkeypatch.setattr("tempfile.tempdir", str(temporary))
    files = [
        ("files", ("../../etc/passwd.jsonl", _news_line("marseille", UPLOADED), "text/plain")),
        ("files", ("notes.TXT", "Rien à signaler à Brest ce mardi.".encode(), "text/plain")),
        ("files", ("broken.json", b"{not json", "application/json")),
    ]
    answer = web.client.post("/api/upload", files=files, headers=web.auth("analyst"))
    assert answer.status_code == 200, answer.text
    summary = answer.json()
    assert summary["documents"] == 2 and summary["relevant"] == 1
    assert summary["incidents"]["opened"] == 1
    assert "marseille" in summary["reported"]
    assert [p["origin"].split(":")[0] for p in summary["problems"]] == ["broken.json"]
    # written nowhere but the (removed) temporary folder, and never under the given name
    assert list(temporary.iterdir()) == []
    assert not list(tmp_path.rglob("passwd*"))
    assert not Path("/etc/passwd.jsonl").exists()
    listed = web.client.get("/api/incidents?q=Benslimane", headers=web.auth("viewer")).json()
    assert listed["total"] == 1

    refused = web.client.post(
        "/api/upload",
        files={"files": ("run.sh", b"echo", "text/plain")},
        headers=web.auth("analyst"),
    )
    assert refused.status_code == 400
    assert web.client.post("/api/upload", headers=web.auth("analyst")).status_code == 422


def test_upload_size_limits(web: Web, monkeypatch: pytest.MonkeyPatch) -> None:
    big = b"a" * (10 * 1024 * 1024 + 1)
    answer = web.client.post(
        "/api/upload", files={"files": ("big.txt", big, "text/plain")}, headers=web.auth("analyst")
    )
    assert answer.status_code == 413
    # the total limit, made small so the test does not send 50 MB
    monkeypatch.setattr("ghostwatch.web.service.MAX_TOTAL_BYTES", 1000)
    files = [("files", (f"part{i}.txt", b"b" * 600, "text/plain")) for i in range(2)]
    answer = web.client.post("/api/upload", files=files, headers=web.auth("analyst"))
    assert answer.status_code == 413
    assert "in all" in answer.json()["detail"]
    # a body declaring more than the limits allow is refused before it is read
    monkeypatch.setattr("ghostwatch.web.service.MAX_TOTAL_BYTES", 0)
    files = [("files", ("huge.txt", b"c" * (1024 * 1024 + 1), "text/plain"))]
    answer = web.client.post("/api/upload", files=files, headers=web.auth("analyst"))
    assert answer.status_code == 413
    assert answer.json()["detail"] == "the upload is too large"
    assert web.client.get("/api/incidents", headers=web.auth("viewer")).json()["total"] == 2


def test_users_api_is_for_admins(web: Web) -> None:
    admin = web.auth("admin")
    users = web.client.get("/api/users", headers=admin).json()
    assert {(u["username"], u["role"]) for u in users} == {
        ("viewer", "viewer"),
        ("analyst", "analyst"),
        ("admin", "admin"),
    }
    added = web.client.post(
        "/api/users",
        json={"username": "claire", "password": "long enough", "role": "analyst"},
        headers=admin,
    )
    assert added.status_code == 201 and added.json()["role"] == "analyst"
    again = web.client.post(
        "/api/users",
        json={"username": "claire", "password": "long enough", "role": "viewer"},
        headers=admin,
    )
    assert again.status_code == 409
    for body in (
        {"username": "dan", "password": "short", "role": "viewer"},
        {"username": "dan", "password": "long enough", "role": "owner"},
    ):
        assert web.client.post("/api/users", json=body, headers=admin).status_code == 422
    audit = web.client.get("/api/audit", headers=admin).json()
    assert (audit[0]["action"], audit[0]["target"]) == ("add user", "user:claire")


def test_openapi_lists_the_api_and_not_the_pages(web: Web) -> None:
    schema = web.client.get("/api/openapi.json").json()
    paths = set(schema["paths"])
    assert "/api/incidents" in paths and "/api/upload" in paths
    assert not any(not path.startswith("/api/") for path in paths)
    assert web.client.get("/api/docs").status_code == 200
