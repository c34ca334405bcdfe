"""What the web tests share: the news documents they ingest, the users, a logged-in client."""

from __future__ import annotations

import re
from dataclasses import dataclass

from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"

DOCUMENTS = [
    {
        "id": "lyon-en",
        "url": "https://news.example/lyon-printed-pistols",
        "title": "Two held in Lyon over 3D-printed pistols",
        "published": "2025-03-12",
        "text": (
            "Police in Lyon arrested two men on Monday and seized four 3D-printed pistols and two "
            "3D printers in a flat in the Guillotière district, the prosecutor's office said. "
            "Julien Marchetti, 31, is suspected of leading the group and of selling the weapons "
            "to buyers across the region."
        ),
    },
    {
        "id": "lyon-fr",
        "url": "https://presse.example/lyon-pistolets-imprimes",
        "title": "Lyon : cinq pistolets imprimés en 3D saisis à la Guillotière",
        "published": "2025-03-13",
        "text": (
            "Les policiers ont interpellé lundi à Lyon deux hommes et saisi cinq pistolets "
            "imprimés en 3D ainsi que deux imprimantes 3D dans un appartement de la Guillotière, "
            "a indiqué le parquet. Julien Marchetti, 31 ans, est soupçonné d'avoir dirigé le "
            "groupe et revendu les armes."
        ),
    },
    {
        "id": "salford",
        "url": "https://news.example/salford-printed-gun",
        "title": "Salford man charged after 3D-printed gun found " + SCRIPT,
        "published": "2025-06-02",
        "text": (
            "Greater Manchester Police arrested a 24-year-old man in Salford on Friday after "
            "officers found a 3D-printed handgun and ammunition at his home. Daniel Oakes was "
            f"charged with possessing a firearm. A message read {SCRIPT} on his computer, "
            "officers said."
        ),
    },
    {
        "id": "bristol-council",
        "url": "https://news.example/bristol-cycle-lanes",
        "title": "Bristol approves new cycle lanes",
        "published": "2025-06-05",
        "text": (
            "Bristol city council approved three new cycle lanes on Tuesday after a public "
            "consultation, and work is due to start in the autumn."
        ),
    },
]

PASSWORD = "correct horse battery"
ROLES = ("viewer", "analyst", "admin")


@dataclass
class Web:
    db: str
    client: TestClient
    tokens: dict[str, str]
    incidents: dict[str, int]  # incident id by a document of it

    def auth(self, role: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[role]}"}

    def login(self, role: str, client: TestClient | None = None) -> str:
        """Log `client` in as the user of `role`; returns the session's CSRF token."""
        client = client or self.client
        token = csrf_of(client.get("/login").text)
        answer = client.post(
            "/login",
            data={"username": role, "password": PASSWORD, "csrf_token": token, "next": "/"},
            follow_redirects=False,
        )
        assert answer.status_code == 303, answer.text
        return csrf_of(client.get("/incidents").text)


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "no CSRF field in the page"
    return found.group(1)
