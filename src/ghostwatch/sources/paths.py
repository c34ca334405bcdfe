"""Turn the paths a user names (files, folders, "-" for stdin) into a stream of documents.

Folders are walked in sorted order so runs are repeatable, hidden entries are skipped (editor
backups, .git), and files of unknown formats are passed over silently: a folder may hold
anything. A file the user names explicitly is read whatever its suffix, sniffing its content.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ghostwatch.sources.errors import SourceError
from ghostwatch.sources.registry import FORMATS, STDIN_LABEL, Item, format_for_suffix
from ghostwatch.sources.sniff import detect_format

STDIN_PATH = "-"


def read_paths(paths: Iterable[str], *, stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Documents and errors from every path in order; `stdin` defaults to the process's."""
    for path in paths:
        if path == STDIN_PATH:
            stream = stdin if stdin is not None else sys.stdin.buffer
            yield from read_data(STDIN_LABEL, stream.read())
        elif os.path.isdir(path):
            yield from _read_folder(path)
        else:
            yield from _read_file(path)


def read_data(path_label: str, data: bytes) -> Iterator[Item]:
    """Read bytes with the reader their suffix or content calls for."""
    yield from FORMATS[detect_format(path_label, data)].read(path_label, data)


def _read_file(path: str) -> Iterator[Item]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        yield SourceError(path, None, f"cannot read: {error.strerror or error}")
        return
    yield from read_data(path, data)


def _read_folder(folder: str) -> Iterator[Item]:
    for path in _walk(folder, set()):
        if isinstance(path, SourceError):
            yield path
        elif format_for_suffix(path) is not None:
            yield from _read_file(path)


def _walk(folder: str, seen: set[tuple[int, int]]) -> Iterator[str | SourceError]:
    """Non-hidden files under `folder`, depth first in name order; each folder visited once.

    `seen` holds the folders already walked (device, inode), so symbolic links that loop back
    up the tree cannot make the walk endless.
    """
    try:
        identity = os.stat(folder)
        if (identity.st_dev, identity.st_ino) in seen:
            return
        seen.add((identity.st_dev, identity.st_ino))
        with os.scandir(folder) as scan:
            entries = sorted(
                (entry for entry in scan if not entry.name.startswith(".")),
                key=lambda entry: entry.name,
            )
    except OSError as error:
        yield SourceError(folder, None, f"cannot read folder: {error.strerror or error}")
        return
    for entry in entries:
        path = os.path.join(folder, entry.name)
        if entry.is_dir():
            yield from _walk(path, seen)
        elif entry.is_file():
            yield path
