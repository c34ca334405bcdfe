"""Extraction speed against bare spaCy, in one run on the same texts.

    python bench/speed.py [--corpus PATH] [--limit N] [--chunk N]

Measures documents and words per second of (1) `nlp.pipe` of the bare spaCy models and (2) the
whole `ghostwatch extract` path (cleaning, language id, all components), and prints the ratio.
Results go to docs/benchmarks.md by hand, with the command line used.
"""

from __future__ import annotations

import time
from pathlib import Path

import typer

from ghostwatch.extract import Extractor
from ghostwatch.model import Document
from ghostwatch.sources import SourceError, read_paths
from ghostwatch.text import prepare_document

DEFAULT = Path(__file__).resolve().parents[2] / "shared/corpora/gva/dev-input.jsonl"


def main(
    corpus: Path = typer.Option(DEFAULT, help="A JSONL corpus."),
    limit: int = typer.Option(500, help="How many documents."),
    chunk: int = typer.Option(50, help="Documents per alternation of the two runs."),
) -> None:
    raws = []
    for item in read_paths([str(corpus)]):
        if not isinstance(item, SourceError):
            raws.append(item)
        if len(raws) >= limit:
            break
    extractor = Extractor()
    documents: list[Document] = [prepare_document(raw) for raw in raws]
    # load the models, the gazetteer and dateparser's tables before timing: one-time costs
    for language in {d.language or "en" for d in documents} & set(extractor.languages):
        extractor.pipeline(language)
    for document in documents[:1]:
        extractor.extract(document)
    words = sum(len(document.text.split()) for document in documents)

    # bare and full runs alternate chunk by chunk, so that other load on the machine (or a
    # warmer cache late in the run) weighs on both alike
    bare = full = 0.0
    for first in range(0, len(raws), chunk):
        part = raws[first : first + chunk]
        texts = {
            language: [
                d.text for d in documents[first : first + chunk] if (d.language or "en") == language
            ]
            for language in extractor.languages
        }
        start = time.perf_counter()
        for language, group in texts.items():
            nlp = extractor.pipeline(language)
            base = [pipe for pipe in nlp.pipe_names if pipe not in extractor.components]
            with nlp.select_pipes(enable=base):
                for _ in nlp.pipe(group, batch_size=extractor.batch_size):
                    pass
        bare += time.perf_counter() - start

        start = time.perf_counter()
        prepared = [prepare_document(raw) for raw in part]
        for _ in extractor.pipe(prepared):
            pass
        full += time.perf_counter() - start

    print(f"documents: {len(documents)}, words: {words}")
    for label, seconds in (("bare nlp.pipe", bare), ("ghostwatch", full)):
        print(
            f"{label:14} {seconds:8.1f} s {len(documents) / seconds:7.1f} docs/s "
            f"{words / seconds:8.0f} words/s"
        )
    print(f"ratio ghostwatch / bare: {full / bare:.2f}")


if __name__ == "__main__":
    typer.run(main)
