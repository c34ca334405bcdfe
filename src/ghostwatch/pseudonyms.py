"""Stable pseudonyms for people's names in exports.

The brief asks to keep only what the sources state about people and to offer pseudonymised
exports. A pseudonym here is "Person " and eight base32 characters of an HMAC-SHA256 of the name,
so the same person gets the same pseudonym in every export made with the same key, and analysts
can still follow one person across incidents and files without reading the name.

Why a keyed hash: an unkeyed hash (SHA-256 of "kevin dumont") looks opaque but is not. Anyone who
suspects who is in a file hashes the candidate names (a phone book, the people named in the news)
and compares; names are a small space and the reversal takes seconds. With HMAC the hash depends
on a secret key as well, so without the key no candidate can be tested. Keep the key with the
database, not with the exports; whoever holds both can re-identify people, as intended.

The name is case-folded, stripped of accents and of extra whitespace before hashing, so "Kévin
Dumont" and "kevin  dumont" are one pseudonym. Different spellings of one person ("Kevin D.") are
different strings and get different pseudonyms: the export's merged records say they are one
person.

The key: `$GHOSTWATCH_PSEUDONYM_KEY` when set (its UTF-8 bytes), else a random key created once in
the data directory (`pseudonym.key`, mode 0600) holding 32 random bytes as 64 hexadecimal
characters. The key is the file's text, so copying the file's content into the variable gives the
same pseudonyms on another machine.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import hmac
import os
import re
import secrets
import unicodedata
from pathlib import Path

from ghostwatch.geo.cache import data_dir

#: the environment variable holding the key (its UTF-8 bytes are the key)
KEY_ENV = "GHOSTWATCH_PSEUDONYM_KEY"
#: the key file's name in the data directory
KEY_FILE = "pseudonym.key"

_PREFIX = "Person "
_LENGTH = 8  # base32 characters: 40 bits, no collision to expect among a corpus's names
_PATTERN = re.compile(re.escape(_PREFIX) + f"[A-Z2-7]{{{_LENGTH}}}")


class Pseudonymiser:
    """Names to stable pseudonyms under one secret key."""

    def __init__(self, key: bytes) -> None:
        if not key:
            raise ValueError("a pseudonym key must not be empty")
        self._key = bytes(key)

    @classmethod
    def from_environment(cls) -> Pseudonymiser:
        """A pseudonymiser with the key of `load_key`."""
        return cls(load_key())

    def name(self, real: str) -> str:
        """The pseudonym of a person's name, e.g. "Person 3F7K2QXA"."""
        digest = hmac.new(self._key, normalise(real).encode("utf-8"), hashlib.sha256).digest()
        return _PREFIX + base64.b32encode(digest).decode("ascii")[:_LENGTH]


def is_pseudonym(text: str) -> bool:
    """Whether `text` has the form of a pseudonym ("Person " and eight base32 characters)."""
    return _PATTERN.fullmatch(text) is not None


def normalise(name: str) -> str:
    """A name as it is hashed: case-folded, without accents, single spaces."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.split())


def load_key(directory: Path | None = None) -> bytes:
    """The pseudonym key: `$GHOSTWATCH_PSEUDONYM_KEY`, else the data directory's key file,
    created (32 random bytes, hex, mode 0600) the first time."""
    if explicit := os.environ.get(KEY_ENV):
        return explicit.encode("utf-8")
    path = (directory or data_dir()) / KEY_FILE
    if not path.is_file():
        _create_key_file(path)
    key = path.read_text("ascii").strip().encode("ascii")
    if not key:
        raise ValueError(f"the pseudonym key file is empty: {path}")
    return key


def _create_key_file(path: Path) -> None:
    """Write a new key file atomically: a complete temporary file linked into place, so two
    processes starting together agree on one key and no reader sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as stream:
            stream.write(secrets.token_hex(32) + "\n")
        os.chmod(temporary, 0o600)  # whatever the umask
        with contextlib.suppress(FileExistsError):  # another process made one first: use it
            os.link(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
