"""Score place resolution on the hand-written test set bench/places/sentences.jsonl.

    python bench/places.py [--language en|fr] [--limit N] [--errors/--no-errors] [--json]
                           [--ignore-relevance]

Each line of the set is a short news-style text with its gold place mentions (character spans,
resolved to a gazetteer entry) and, for some texts, `not_places`: surface strings that look like
places but are not (a person called "Jack London", "Nice work", the telecom company "Orange").
The full extractor runs on the texts; a gold mention is *found* when the evidence of a predicted
location overlaps its span. Mentions marked `optional` (places known only from a force's or
court's name beside other places, which the coding guide does not code) count neither for nor
against recall and precision, but their resolution is scored when they are found.

Figures, per language and overall:
- recall: found required mentions / required mentions;
- precision: predicted locations whose evidence overlaps a gold mention / predicted locations;
- exact: found mentions resolved to the gold GeoNames entry (same `geonames_id`; for regions and
  counties the gazetteer has no id for, same name or alias and same country);
- country: found mentions given the gold country;
- distractors: `not_places` strings reported as a location.

Predictions are written to bench/out/places.jsonl.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from ghostwatch.evaluation import normalise
from ghostwatch.extract import Extractor
from ghostwatch.extract.state import EXTENSION
from ghostwatch.geo import default_gazetteer
from ghostwatch.model import Location, RawDocument, Report
from ghostwatch.text import prepare_document

BENCH = Path(__file__).resolve().parent
SET = BENCH / "places" / "sentences.jsonl"
OUT = BENCH / "out"


@dataclass(frozen=True)
class Mention:
    """One gold place mention: a span of the text and the entry it resolves to."""

    text: str
    start: int
    end: int
    name: str
    kind: str
    country: str
    admin1: str | None
    geonames_id: int | None
    role: str | None = None
    optional: bool = False


@dataclass(frozen=True)
class Item:
    id: str
    language: str
    published: dt.date
    text: str
    mentions: tuple[Mention, ...]
    not_places: tuple[str, ...] = ()


@dataclass
class Tally:
    """Counts for one group of texts (a language, or all)."""

    required: int = 0
    found: int = 0
    required_in_relevant: int = 0
    found_in_relevant: int = 0
    predicted: int = 0
    matched_predictions: int = 0
    resolved: int = 0
    exact: int = 0
    right_country: int = 0
    distractors: int = 0
    distractor_hits: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def as_dict(self) -> dict[str, float | int | None]:
        return {
            **{name: getattr(self, name) for name in self.__dataclass_fields__},
            "recall": _ratio(self.found, self.required),
            "recall_in_relevant": _ratio(self.found_in_relevant, self.required_in_relevant),
            "precision": _ratio(self.matched_predictions, self.predicted),
            "exact_accuracy": _ratio(self.exact, self.resolved),
            "country_accuracy": _ratio(self.right_country, self.resolved),
        }


@dataclass
class Scored:
    """One text's tally, the errors behind it as readable lines, and a tally per gold kind
    (only the mention counts: predictions and distractors belong to no gold kind)."""

    tally: Tally
    errors: list[tuple[str, str]] = field(default_factory=list)
    by_kind: dict[str, Tally] = field(default_factory=dict)


def load_items(path: Path = SET) -> list[Item]:
    items = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        data = json.loads(line)
        items.append(
            Item(
                id=data["id"],
                language=data["language"],
                published=dt.date.fromisoformat(data["published"]),
                text=data["text"],
                mentions=tuple(Mention(**mention) for mention in data["mentions"]),
                not_places=tuple(data.get("not_places", ())),
            )
        )
    return items


def extract(items: list[Item], ignore_relevance: bool = False) -> list[Report]:
    """The full extractor's reports, in item order.

    The texts are plain single paragraphs, so cleaning must leave them unchanged; otherwise the
    gold offsets would not point into the text the evidence points into. With
    `ignore_relevance` the reports are taken as the components left them, before a document
    judged not relevant is emptied: place resolution measured apart from the relevance gate.
    """
    documents = []
    for item in items:
        raw = RawDocument(
            id=item.id,
            text=item.text,
            origin=f"places:{item.id}",
            published=item.published,
            language=item.language,
        )
        document = prepare_document(raw)
        if document.text != item.text:
            raise SystemExit(f"{item.id}: cleaning changed the text; gold offsets would drift")
        documents.append(document)
    extractor = Extractor()
    if ignore_relevance:
        return [extractor.parse(document)._.get(EXTENSION).report for document in documents]
    return [extraction.report for extraction in extractor.pipe(documents)]


def overlaps(start: int, end: int, location: Location) -> bool:
    return any(span.start < end and start < span.end for span in location.evidence)


def same_entry(mention: Mention, location: Location) -> bool:
    """Whether `location` is the gold entry: the same GeoNames id, or for a region or county
    without one in the gazetteer, the same country and the same name or one of its aliases."""
    if mention.geonames_id is not None:
        return location.geonames_id == mention.geonames_id
    if location.kind != mention.kind or location.country != mention.country:
        return False
    if normalise(location.name) == normalise(mention.name):
        return True
    return any(
        place.kind == mention.kind
        and place.country == mention.country
        and place.called(location.name)
        for place in default_gazetteer().lookup(mention.name)
    )


def describe(location: Location) -> str:
    where = ", ".join(part for part in (location.admin1, location.country) if part)
    return f"{location.name} [{location.kind}; {where}; id={location.geonames_id}]"


def gold_label(mention: Mention) -> str:
    where = ", ".join(part for part in (mention.admin1, mention.country) if part)
    return f"{mention.name} [{mention.kind}; {where}; id={mention.geonames_id}]"


def score_item(item: Item, report: Report, gated: bool = True) -> Scored:
    scored = Scored(Tally())
    tally = scored.tally
    for mention in item.mentions:
        _score_mention(item, report, mention, scored, tally, gated)
        _score_mention(
            item, report, mention, scored, scored.by_kind.setdefault(mention.kind, Tally()), gated
        )
    decoys = _decoy_spans(item)
    for location in report.locations:
        tally.predicted += 1
        if any(overlaps(m.start, m.end, location) for m in item.mentions):
            tally.matched_predictions += 1
            continue
        evidence = ", ".join(repr(span.text) for span in location.evidence)
        kind = "false place"
        if any(overlaps(start, end, location) for _, start, end in decoys):
            kind = "distractor found"
        scored.errors.append((kind, f"{item.id}: {evidence} -> {describe(location)}"))
    for surface in item.not_places:
        tally.distractors += 1
        spans = [(start, end) for text, start, end in decoys if text == surface]
        if any(overlaps(start, end, loc) for start, end in spans for loc in report.locations):
            tally.distractor_hits += 1
    return scored


def _score_mention(
    item: Item, report: Report, mention: Mention, scored: Scored, tally: Tally, gated: bool
) -> None:
    """Add one gold mention to `tally`; errors are recorded only for the text's own tally.
    `gated`: the report was emptied when judged not relevant, which then explains a miss."""
    record = tally is scored.tally
    candidates = [loc for loc in report.locations if overlaps(mention.start, mention.end, loc)]
    if not mention.optional:
        tally.required += 1
        tally.required_in_relevant += report.relevant
    if not candidates:
        if record and not mention.optional:
            why = (
                "missed" if report.relevant or not gated else "missed: document judged not relevant"
            )
            scored.errors.append((why, f"{item.id}: {mention.text!r} ({gold_label(mention)})"))
        return
    if not mention.optional:
        tally.found += 1
        tally.found_in_relevant += report.relevant
    tally.resolved += 1
    best = next((loc for loc in candidates if same_entry(mention, loc)), candidates[0])
    if same_entry(mention, best):
        tally.exact += 1
    elif record:
        line = f"{item.id}: {mention.text!r} -> {describe(best)}, gold {gold_label(mention)}"
        scored.errors.append(("wrong entry", line))
    if best.country == mention.country:
        tally.right_country += 1


def _decoy_spans(item: Item) -> list[tuple[str, int, int]]:
    """Every occurrence of each `not_places` string outside the gold mentions."""
    spans = []
    for surface in item.not_places:
        start = item.text.find(surface)
        while start >= 0:
            end = start + len(surface)
            if not any(m.start < end and start < m.end for m in item.mentions):
                spans.append((surface, start, end))
            start = item.text.find(surface, start + 1)
    return spans


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _cell(part: int, whole: int) -> str:
    return f"{part / whole:.3f} ({part}/{whole})" if whole else "-"


def render(groups: dict[str, Tally], title: str, first: str = "group") -> Table:
    table = Table(title=title)
    headers = (first, "recall", "recall, relevant", "precision", "exact entry", "country")
    for header in (*headers, "distractors found"):
        table.add_column(header, justify="left" if header == first else "right")
    for name, tally in groups.items():
        table.add_row(
            name,
            _cell(tally.found, tally.required),
            _cell(tally.found_in_relevant, tally.required_in_relevant),
            _cell(tally.matched_predictions, tally.predicted),
            _cell(tally.exact, tally.resolved),
            _cell(tally.right_country, tally.resolved),
            f"{tally.distractor_hits}/{tally.distractors}" if tally.distractors else "-",
        )
    return table


def group_errors(scores: Iterable[Scored]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = {}
    for scored in scores:
        for kind, line in scored.errors:
            grouped.setdefault(kind, []).append(line)
    return grouped


def main(
    language: str | None = typer.Option(None, help="Only the texts in this language (en, fr)."),
    limit: int | None = typer.Option(None, help="Only the first N texts."),
    errors: bool = typer.Option(True, "--errors/--no-errors", help="List every error."),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    ignore_relevance: bool = typer.Option(
        False, "--ignore-relevance", help="Keep the places of texts judged not relevant."
    ),
) -> None:
    items = [item for item in load_items() if language in (None, item.language)][:limit]
    reports = extract(items, ignore_relevance)
    OUT.mkdir(exist_ok=True)
    (OUT / "places.jsonl").write_text(
        "".join(json.dumps(r.to_json_dict(), ensure_ascii=False) + "\n" for r in reports), "utf-8"
    )
    scores = [
        score_item(item, report, gated=not ignore_relevance)
        for item, report in zip(items, reports, strict=True)
    ]
    groups: dict[str, Tally] = {}
    kinds: dict[str, Tally] = {}
    overall = Tally()
    for item, scored in zip(items, scores, strict=True):
        groups.setdefault(item.language, Tally()).add(scored.tally)
        overall.add(scored.tally)
        for kind, tally in scored.by_kind.items():
            kinds.setdefault(kind, Tally()).add(tally)
    groups = {**dict(sorted(groups.items())), "all": overall}
    kinds = {kind: kinds[kind] for kind in ("city", "admin2", "admin1", "country") if kind in kinds}
    grouped = group_errors(scores)
    if as_json:
        result = {
            "groups": {name: tally.as_dict() for name, tally in groups.items()},
            "kinds": {name: tally.as_dict() for name, tally in kinds.items()},
            "errors": grouped,
        }
        sys.stdout.write(json.dumps(result, indent=1, ensure_ascii=False) + "\n")
        return
    console = Console(width=max(Console().width, 120))
    console.print(render(groups, f"place resolution: {len(items)} texts -> {OUT / 'places.jsonl'}"))
    console.print(render(kinds, "by gold kind (mentions only)", first="kind"))
    if errors:
        for kind, lines in sorted(grouped.items()):
            console.print(f"\n[bold]{kind}[/bold] ({len(lines)})")
            for line in lines:
                console.print(f"  {line}", markup=False, highlight=False, soft_wrap=True)


if __name__ == "__main__":
    typer.run(main)
