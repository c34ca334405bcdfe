"""Stable pseudonyms: a keyed hash of the normalised name, the key from the environment or file."""

from __future__ import annotations

import base64
import hashlib
import hmac
import stat
from pathlib import Path

import pytest

from ghostwatch.pseudonyms import KEY_ENV, KEY_FILE, Pseudonymiser, is_pseudonym, load_key


def test_spellings_of_one_name_share_a_pseudonym() -> None:
    pseudonyms = Pseudonymiser(b"secret")
    same = {
        pseudonyms.name(spelling)
        for spelling in ("Kevin Dumont", "kevin  dumont", " KEVIN DUMONT\n", "Kévin Dumont")
    }
    assert len(same) == 1
    (pseudonym,) = same
    assert is_pseudonym(pseudonym)
    assert pseudonym != pseudonyms.name("Kevin D.")
    assert pseudonym != pseudonyms.name("Julien Marchetti")


def test_the_pseudonym_is_the_hmac_of_the_normalised_name() -> None:
    digest = hmac.new(b"secret", b"helene roux", hashlib.sha256).digest()
    expected = "Person " + base64.b32encode(digest).decode()[:8]
    assert Pseudonymiser(b"secret").name("Hélène  ROUX") == expected
    # the same key in another process gives the same pseudonym; another key another one
    assert Pseudonymiser(b"secret").name("Hélène Roux") == expected
    assert Pseudonymiser(b"other").name("Hélène Roux") != expected


def test_an_empty_key_is_refused() -> None:
    with pytest.raises(ValueError, match="empty"):
        Pseudonymiser(b"")


def test_the_key_comes_from_the_environment_when_set(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(KEY_ENV, "a shared team key")
    assert load_key(tmp_path) == b"a shared team key"
    assert not (tmp_path / KEY_FILE).exists()
    assert Pseudonymiser.from_environment().name("Kevin Dumont") == Pseudonymiser(
        b"a shared team key"
    ).name("Kevin Dumont")


def test_else_a_private_key_file_is_made_once_in_the_data_directory(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    monkeypatch.setenv("GHOSTWATCH_DATA_DIR", str(tmp_path / "data"))
    first = Pseudonymiser.from_environment().name("Kevin Dumont")
    path = tmp_path / "data" / KEY_FILE
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    text = path.read_text("ascii").strip()
    assert len(text) == 64 and int(text, 16) >= 0  # 32 random bytes as hex
    assert list(path.parent.iterdir()) == [path]  # no temporary file left behind
    # a second run reads the same key; copying it into the variable gives the same pseudonyms
    assert Pseudonymiser.from_environment().name("Kevin Dumont") == first
    monkeypatch.setenv(KEY_ENV, text)
    assert Pseudonymiser.from_environment().name("kevin dumont") == first


def test_two_data_directories_get_two_keys(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KEY_ENV, raising=False)
    assert load_key(tmp_path / "a") != load_key(tmp_path / "b")
    assert load_key(tmp_path / "a") == load_key(tmp_path / "a")
