"""The server-rendered pages: login, CSRF on forms, escaping, evidence, review forms, users."""

from __future__ import annotations

import re
from html import unescape

import pytest
from fastapi.testclient import TestClient
from web_fixtures import PASSWORD, SCRIPT, Web, csrf_of

pytestmark = pytest.mark.models

PAGES = [
    "/incidents",
    "/incidents/1",
    "/map",
    "/timeline",
    "/network",
    "/upload",
    "/audit",
    "/users",
]


def test_pages_need_a_login(web: Web) -> None:
    for path in PAGES:
        answer = web.client.get(path, follow_redirects=False)
        assert answer.status_code == 303, path
        assert answer.headers["location"].startswith("/login?next=")
    # a bearer token is for the API, not for the pages
    answer = web.client.get("/incidents", headers=web.auth("admin"), follow_redirects=False)
    assert answer.status_code == 303


def test_login_needs_the_csrf_field_and_the_right_password(web: Web) -> None:
    token = csrf_of(web.client.get("/login").text)
    form = {"username": "viewer", "password": PASSWORD}
    assert web.client.post("/login", data=form).status_code == 403
    assert web.client.post("/login", data={**form, "csrf_token": "forged"}).status_code == 403
    wrong = web.client.post("/login", data={**form, "password": "not it!!", "csrf_token": token})
    assert "Wrong user name or password" in wrong.text
    assert web.client.get("/incidents", follow_redirects=False).status_code == 303
    answer = web.client.post(
        "/login",
        data={**form, "csrf_token": token, "next": "//evil.example/"},
        follow_redirects=False,
    )
    assert answer.headers["location"] == "/"  # no redirect off the site
    page = web.client.get("/incidents")
    assert "viewer" in page.text and "Two held in Lyon" in page.text
    # a new session token after login
    assert csrf_of(page.text) != token
    logout = web.client.post("/logout", data={"csrf_token": csrf_of(page.text)})
    assert logout.status_code == 200 and "Log in" in logout.text
    assert web.client.get("/incidents", follow_redirects=False).status_code == 303


def test_incident_list_filters_sorts_pages_and_exports(web: Web) -> None:
    web.login("viewer")
    page = web.client.get("/incidents?country=GB&q=Oakes").text
    assert "1 incidents" in page
    assert "Salford man charged" in page and "Two held in Lyon" not in page
    assert 'href="/api/incidents.csv?country=GB&amp;q=Oakes"' in page
    assert 'href="/api/incidents.geojson?country=GB&amp;q=Oakes"' in page
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    # sort links keep the filter
    assert "sort=-reports" in page and "country=GB" in page
    first = web.client.get("/incidents?per_page=1").text
    assert "page 1 of 2" in first and 'rel="next"' in first
    second = web.client.get("/incidents?per_page=1&page=2").text
    assert "Two held in Lyon" in second and 'rel="prev"' in second
    ordered = web.client.get("/incidents?sort=date").text
    assert ordered.index("Two held in Lyon") < ordered.index("Salford man charged")
    # nav: a viewer sees no Upload, Audit or Users
    assert 'href="/upload"' not in page and 'href="/users"' not in page


def test_incident_page_shows_evidence_conflicts_and_escaped_text(web: Web) -> None:
    web.login("viewer")
    lyon, salford = web.incidents["lyon-en"], web.incidents["salford"]
    page = web.client.get(f"/incidents/{lyon}").text
    marks = [unescape(m) for m in re.findall(r'<mark class="evidence">(.*?)</mark>', page)]
    assert "four 3D-printed pistols" in marks
    assert "cinq pistolets imprimés en 3D" in marks
    row = re.search(
        r'<tr class="fact conflict" data-field="seized.3d_printed_firearm">.*?</tr>', page, re.S
    )
    assert row and "badge conflict" in row.group(0) and "most sources" in row.group(0)
    assert "https://presse.example/lyon-pistolets-imprimes" in row.group(0)
    assert 'ghostwatchNetwork("network", "/api/incidents/' + str(lyon) + '/network")' in page
    assert "/static/vendor/cytoscape/cytoscape.min.js" in page
    assert "Timeline" in page and "2025-03-10" in page
    for target in set(re.findall(r'href="#(doc-[^"]+)"', page)):  # sources link to their text
        assert f'id="{target}"' in page
    assert 'href="#doc-lyon-fr"' in page
    assert 'id="split-form"' not in page  # a viewer gets no review forms

    hostile = web.client.get(f"/incidents/{salford}").text
    assert SCRIPT not in hostile
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in hostile
    missing = web.client.get("/incidents/999")
    assert missing.status_code == 404 and "no incident with id 999" in missing.text
    assert "<h1>404</h1>" in missing.text


def test_review_forms_need_the_csrf_field_and_reach_the_audit_log(web: Web) -> None:
    lyon, salford = web.incidents["lyon-en"], web.incidents["salford"]
    token = web.login("analyst")
    page = web.client.get(f"/incidents/{lyon}").text
    assert 'id="split-form"' in page and f'action="/incidents/{lyon}/facts"' in page

    form = {"field": "seized.3d_printed_firearm", "value": "4"}
    refused = web.client.post(f"/incidents/{lyon}/facts", data=form, follow_redirects=False)
    assert refused.status_code == 403
    forged = {**form, "csrf_token": "forged"}
    assert web.client.post(f"/incidents/{lyon}/facts", data=forged).status_code == 403
    done = web.client.post(
        f"/incidents/{lyon}/facts", data={**form, "csrf_token": token}, follow_redirects=False
    )
    assert done.status_code == 303 and done.headers["location"] == f"/incidents/{lyon}"
    page = web.client.get(f"/incidents/{lyon}").text
    assert "seized.3d_printed_firearm set to 4" in page
    row = re.search(r'data-field="seized.3d_printed_firearm">.*?</tr>', page, re.S).group(0)
    assert re.search(r'class="chosen">4\b', row) and "analyst" in row

    web.client.post(
        f"/incidents/{lyon}/facts",
        data={"field": "date", "value": "2025-03-09", "end": "2025-03-10", "csrf_token": token},
    )
    bad = web.client.post(
        f"/incidents/{lyon}/facts",
        data={"field": "counts.arrested", "value": "lots", "csrf_token": token},
    )
    assert "Not saved" in bad.text
    reviewed = web.client.post(
        f"/incidents/{lyon}/review",
        data={"field": "counts.arrested", "verdict": "confirmed", "csrf_token": token},
    )
    assert 'class="badge review confirmed"' in reviewed.text

    audit = web.client.get("/audit").text
    assert "seized.3d_printed_firearm" in audit and "counts.arrested" in audit
    assert audit.count("<td>analyst</td>") == 3

    # split, move and merge from the forms
    split = web.client.post(
        f"/incidents/{lyon}/split",
        data={"documents": ["lyon-fr"], "csrf_token": token},
        follow_redirects=False,
    )
    assert split.status_code == 303
    new = int(split.headers["location"].rsplit("/", 1)[1])
    assert new not in (lyon, salford)
    moved = web.client.post(
        "/documents/lyon-fr/move",
        data={"incident": salford, "back_to": f"/incidents/{new}", "csrf_token": token},
        follow_redirects=False,
    )
    assert moved.headers["location"] == f"/incidents/{salford}"
    merged = web.client.post(
        f"/incidents/{lyon}/merge", data={"other": salford, "csrf_token": token}
    )
    assert "merged into this one" in merged.text
    failed = web.client.post(f"/incidents/{lyon}/merge", data={"other": lyon, "csrf_token": token})
    assert "Not merged" in failed.text
    assert web.client.post("/documents/lyon-fr/move", data={"incident": 1}).status_code == 403
    audit = web.client.get(f"/audit?target=incident:{lyon}").text
    assert "merge" in audit


def test_viewer_cannot_post_review_forms(web: Web) -> None:
    lyon = web.incidents["lyon-en"]
    token = web.login("viewer")
    page = web.client.get(f"/incidents/{lyon}").text
    assert 'id="split-form"' not in page and "/facts" not in page
    answer = web.client.post(
        f"/incidents/{lyon}/facts",
        data={"field": "counts.arrested", "value": "9", "csrf_token": token},
    )
    assert answer.status_code == 403
    for path in ("/upload", "/audit", "/users"):
        refused = web.client.get(path)
        assert refused.status_code == 403 and "needs the" in refused.text, path


def test_map_timeline_and_network_pages(web: Web) -> None:
    web.login("viewer")
    page = web.client.get("/map?country=FR").text
    assert 'ghostwatchMap("map", "/api/incidents.geojson?country=FR")' in page
    assert (
        "/static/vendor/leaflet/leaflet.js" in page and "/static/vendor/leaflet/leaflet.css" in page
    )
    hostile = web.client.get("/map", params={"region": '"</script><script>alert(1)//'}).text
    assert "</script><script>alert(1)" not in hostile
    timeline = web.client.get("/timeline").text
    assert 'ghostwatchTimeline("timeline", "/api/timeline")' in timeline
    assert "2025-03" in timeline and "FR" in timeline
    network = web.client.get("/network").text
    assert 'ghostwatchNetwork("network", "/api/network")' in network
    assert "/static/app.css" in network


def test_upload_page(web: Web) -> None:
    token = web.login("analyst")
    assert 'type="file" name="files" multiple' in web.client.get("/upload").text
    text = (
        "La police a interpellé mercredi à Nantes un homme de 29 ans et saisi un pistolet "
        "imprimé en 3D à son domicile, a indiqué le parquet."
    )
    answer = web.client.post(
        "/upload",
        data={"csrf_token": token},
        files=[("files", ("../nantes.txt", text.encode(), "text/plain"))],
    )
    assert answer.status_code == 200, answer.text
    assert "1 documents" in answer.text and "1 relevant" in answer.text
    no_csrf = web.client.post("/upload", files=[("files", ("a.txt", b"x", "text/plain"))])
    assert no_csrf.status_code == 403


def test_users_page_adds_users_changes_roles_and_shows_a_token_once(web: Web) -> None:
    token = web.login("admin")
    page = web.client.get("/users").text
    assert 'href="/users"' in page and "analyst script" in page
    added = web.client.post(
        "/users",
        data={
            "username": "claire",
            "password": "long enough",
            "password_again": "long enough",
            "role": "viewer",
            "csrf_token": token,
        },
    )
    assert "User claire added" in added.text
    differ = web.client.post(
        "/users",
        data={
            "username": "dan",
            "password": "long enough",
            "password_again": "other one",
            "role": "viewer",
            "csrf_token": token,
        },
    )
    assert "The passwords differ" in differ.text
    role = web.client.post("/users/claire/role", data={"role": "analyst", "csrf_token": token})
    assert "claire is now analyst" in role.text
    created = web.client.post("/users/claire/token", data={"name": "scraper", "csrf_token": token})
    shown = re.search(r"<pre><code>(gw_[^<]+)</code></pre>", created.text)
    assert shown
    assert shown.group(1) not in web.client.get("/users").text  # shown once
    api = web.client.get("/api/audit", headers={"Authorization": f"Bearer {shown.group(1)}"})
    assert api.status_code == 200  # claire is an analyst now
    assert {e["action"] for e in api.json()} >= {"add user", "set role", "create token"}
    assert web.client.post("/users/claire/role", data={"role": "admin"}).status_code == 403


def test_other_client_has_no_session(web: Web) -> None:
    web.login("admin")
    with TestClient(web.client.app) as other:
        assert other.get("/users", follow_redirects=False).status_code == 303
