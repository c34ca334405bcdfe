"""Score the extractor on a named corpus: the seed, the development and held-out sets, GVA.

    python bench/evaluate.py gva [--limit N] [--fields date,locations] [--json] [--no-cache]
        [--out FILE]

The spaCy models' parses are cached per corpus (in bench/.cache/, keyed by the texts and the
model versions), so that working on a component re-runs only our components: a full GVA run
parses 2,672 articles once and then takes seconds. `--no-cache` runs the whole pipeline, exactly
as `ghostwatch extract` does. Predictions are written to bench/out/<corpus>.jsonl, or to `--out`
(for runs side by side).
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import typer
from rich.console import Console
from spacy.tokens import Doc, DocBin

from ghostwatch.demo import find_seed, seed_line
from ghostwatch.evaluation import evaluate, load_reports
from ghostwatch.evaluation.render import render
from ghostwatch.extract import Extractor
from ghostwatch.extract.models import installed_model
from ghostwatch.lang import load_pack
from ghostwatch.model import Document, Report
from ghostwatch.sources import SourceError, read_paths
from ghostwatch.text import clean_text, prepare_document

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SHARED = ROOT.parent / "shared"
CACHE = BENCH / ".cache"
OUT = BENCH / "out"


@dataclass(frozen=True)
class Corpus:
    inputs: list[Path]
    gold: list[Path]


def corpora() -> dict[str, Corpus]:
    dev = BENCH / "devset"
    heldout = BENCH / "heldout"
    named = {
        "dev-en": Corpus([dev / "en/input.jsonl"], [dev / "en/gold.jsonl"]),
        "dev-fr": Corpus([dev / "fr/input.jsonl"], [dev / "fr/gold.jsonl"]),
        "heldout-en": Corpus([heldout / "en/input.jsonl"], [heldout / "en/gold.jsonl"]),
        "heldout-fr": Corpus([heldout / "fr/input.jsonl"], [heldout / "fr/gold.jsonl"]),
        "gva": Corpus(
            [SHARED / "corpora/gva/dev-input.jsonl"], [SHARED / "corpora/gva/dev-gold.jsonl"]
        ),
    }
    named["dev"] = Corpus(
        named["dev-en"].inputs + named["dev-fr"].inputs, named["dev-en"].gold + named["dev-fr"].gold
    )
    named["heldout"] = Corpus(
        named["heldout-en"].inputs + named["heldout-fr"].inputs,
        named["heldout-en"].gold + named["heldout-fr"].gold,
    )
    seed = find_seed()
    if seed is not None:
        path = CACHE / "seed-input.jsonl"
        CACHE.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(seed_line(seed), ensure_ascii=False) + "\n", "utf-8")
        named["seed"] = Corpus([path], [seed / "gold.json"])
    return named


def load_documents(corpus: Corpus, limit: int | None) -> list[Document]:
    documents = []
    for item in read_paths([str(path) for path in corpus.inputs]):
        if isinstance(item, SourceError):
            raise SystemExit(f"bad benchmark input: {item}")
        documents.append(prepare_document(item))
        if limit is not None and len(documents) >= limit:
            break
    return documents


def cache_key(name: str, documents: list[Document], extractor: Extractor) -> str:
    digest = hashlib.sha256()
    for document in documents:
        digest.update(f"{document.id}\0{document.language}\0{document.text}\0".encode())
    for code in extractor.languages:
        digest.update(installed_model(load_pack(code)).encode())
    return f"{name}-{digest.hexdigest()[:16]}"


def parsed_pairs(
    name: str, documents: list[Document], extractor: Extractor, use_cache: bool
) -> Iterator[tuple[Document, Doc]]:
    """Each document with its parse by the base models, from the cache when possible."""
    by_language: dict[str, list[Document]] = {}
    for document in documents:
        by_language.setdefault(document.language or "en", []).append(document)
    parses: dict[str, Doc] = {}
    key = cache_key(name, documents, extractor)
    for language, group in by_language.items():
        if language not in extractor.languages:
            continue
        nlp = extractor.pipeline(language)
        base = [pipe for pipe in nlp.pipe_names if pipe not in extractor.components]
        path = CACHE / f"{key}-{language}.spacy"
        if use_cache and path.exists():
            docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        else:
            with nlp.select_pipes(enable=base):
                docs = list(nlp.pipe(document.text for document in group))
            if use_cache:
                CACHE.mkdir(parents=True, exist_ok=True)
                DocBin(docs=docs, store_user_data=False).to_disk(path)
        parses.update((document.id, doc) for document, doc in zip(group, docs, strict=True))
    for document in documents:
        yield document, parses.get(document.id, Doc(extractor.pipeline("en").vocab))


def main(
    corpus: str = typer.Argument(
        help="seed, dev-en, dev-fr, dev, heldout-en, heldout-fr, heldout or gva"
    ),
    limit: int | None = typer.Option(None, help="Only the first N documents."),
    fields: str | None = typer.Option(None, help="Only these fields in the table (a,b,c)."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Parse again; run the full pipeline."),
    out: Path | None = typer.Option(
        None, help="Write the predictions here (default bench/out/<corpus>.jsonl)."
    ),
) -> None:
    named = corpora()
    if corpus not in named:
        raise SystemExit(f"unknown corpus {corpus!r}; have {', '.join(sorted(named))}")
    chosen = named[corpus]
    documents = load_documents(chosen, limit)
    extractor = Extractor()
    if no_cache:
        reports = [extraction.report for extraction in extractor.pipe(documents)]
    else:
        pairs = parsed_pairs(corpus, documents, extractor, use_cache=True)
        reports = [extraction.report for extraction in extractor.pipe_parsed(pairs)]
    out = out or OUT / f"{corpus}.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        "".join(json.dumps(r.to_json_dict(), ensure_ascii=False) + "\n" for r in reports), "utf-8"
    )
    gold: list[Report] = [report for path in chosen.gold for report in load_reports(path)]
    wanted = {document.id for document in documents}
    gold = [report for report in gold if report.document.id in wanted]
    result = evaluate(gold, reports, align_text=lambda text: clean_text(text).text)
    if fields:
        keep = set(fields.split(","))
        result = result.__class__(
            **{
                **result.__dict__,
                "fields": [score for score in result.fields if score.field in keep],
            }
        )
    if as_json:
        sys.stdout.write(json.dumps(result.to_dict(), indent=1) + "\n")
    else:
        Console().print(render(result, f"{corpus}: {len(documents)} documents -> {out}"))


if __name__ == "__main__":
    typer.run(main)
