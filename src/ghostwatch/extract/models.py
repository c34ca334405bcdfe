"""Loading the spaCy pipeline of a language, as its pack names it.

The pack's `pipeline.yaml` lists model packages in order of preference; the first one installed is
loaded. No model is ever downloaded at run time: a missing model is an install problem and the
error says how to fix it.
"""

from __future__ import annotations

import importlib.util

import spacy
from spacy.language import Language

from ghostwatch.lang import LanguagePack


class ModelNotInstalledError(RuntimeError):
    pass


def installed_model(pack: LanguagePack) -> str:
    """The name of the first of the pack's models that is installed."""
    names: list[str] = pack.section("pipeline")["models"]
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelNotInstalledError(
        f"no spaCy model for language {pack.code!r}: install one of {', '.join(names)} "
        "(pip install --no-deps --require-hashes -r requirements/models.txt)"
    )


def load_model(pack: LanguagePack) -> Language:
    return spacy.load(installed_model(pack))
