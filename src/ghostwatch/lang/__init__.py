"""Language packs: the domain knowledge of one language, kept as YAML data.

A pack is the folder `lang/<code>/` (ISO 639-1). Each `*.yaml` file in it is one section of the
pack, named by its stem (`boilerplate.yaml` -> `pack.section("boilerplate")`). Adding a language
means adding a folder here and a spaCy model; no code changes.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


class LanguagePack:
    """The YAML sections of one language, loaded once."""

    def __init__(self, code: str, sections: dict[str, Any]):
        self.code = code
        self._sections = sections

    def section(self, name: str, default: Any = None) -> Any:
        """One section's data, or `default` when the pack has no such file."""
        return self._sections.get(name, default)

    def __repr__(self) -> str:
        return f"LanguagePack({self.code!r}, sections={sorted(self._sections)})"


def available_languages() -> list[str]:
    """Codes of the packs shipped in the package, sorted."""
    root = resources.files(__name__)
    return sorted(
        entry.name
        for entry in root.iterdir()
        if entry.is_dir() and not entry.name.startswith(("_", "."))
    )


@cache
def load_pack(code: str) -> LanguagePack:
    """The pack for `code`; raises `KeyError` for a language with no pack."""
    if code not in available_languages():
        raise KeyError(f"no language pack for {code!r} (have: {', '.join(available_languages())})")
    folder = resources.files(__name__).joinpath(code)
    sections: dict[str, Any] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".yaml"):
            sections[entry.name.removesuffix(".yaml")] = yaml.safe_load(entry.read_text("utf-8"))
    return LanguagePack(code, sections)
