"""One real compiled gazetteer per test session, built into a temporary directory.

Building takes about half a minute; every test of the SQLite gazetteer reads this one file.
Tests of the build itself (rebuilds, failures) build the smaller 15,000-inhabitant gazetteer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ghostwatch.geo import GeonamesCacheGazetteer, SqliteGazetteer
from ghostwatch.geo.cache import ensure_gazetteer


@pytest.fixture(scope="session")
def gazetteer_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path, stats = ensure_gazetteer(tmp_path_factory.mktemp("gazetteer"))
    assert stats is not None
    return path


@pytest.fixture(scope="session")
def sqlite_gazetteer(gazetteer_file: Path) -> SqliteGazetteer:
    return SqliteGazetteer(gazetteer_file)


@pytest.fixture(scope="session")
def reference_gazetteer() -> GeonamesCacheGazetteer:
    """The dict gazetteer the compiled one must agree with, loaded once."""
    reference = GeonamesCacheGazetteer()
    reference.lookup("Paris")
    return reference
