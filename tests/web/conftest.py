"""The web app over a real database holding a few ingested news reports (real extractor).

The extractor is loaded once per session; each test gets the `db` fixture's fresh database (SQLite
and PostgreSQL), the documents of `web_fixtures` ingested through `workflow.ingest`, and three users
(viewer, analyst, admin) with an API token each.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from web_fixtures import DOCUMENTS, PASSWORD, ROLES, Web

from ghostwatch.extract import Extractor
from ghostwatch.store import Store
from ghostwatch.web.app import create_app
from ghostwatch.workflow import ingest, load_documents


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def corpus_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "news.jsonl"
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCUMENTS), "utf-8")
    return path


@pytest.fixture
def web(
    db: str,
    extractor: Extractor,
    corpus_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[Web]:
    # the session key file is tested on its own (test_app.py); the data dir keeps the gazetteer
    monkeypatch.setenv("GHOSTWATCH_SECRET", "test-secret-" + "x" * 32)
    with Store.open(db) as store:
        summary = ingest(load_documents([str(corpus_file)]), store, extractor)
        assert not summary.problems, summary.problems
        tokens = {}
        for role in ROLES:
            store.users.add(role, PASSWORD, role)
            tokens[role] = store.users.create_token(role, f"{role} script")
        incidents = {
            document: incident_id
            for document in ("lyon-en", "lyon-fr", "salford", "bristol-council")
            if (incident_id := store.incidents.incident_of(document)) is not None
        }
    app = create_app(db)
    app.state.extractor = extractor  # the models are loaded once per session
    with TestClient(app) as client:
        yield Web(db, client, tokens, incidents)
