"""The place-resolution test set bench/places/sentences.jsonl is checked like code.

A span that drifted from its text, a gold id that is not the gazetteer entry it names, or a
distractor that no longer occurs would silently change every score `bench/places.py` reports.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from itertools import pairwise
from pathlib import Path

import pytest

from ghostwatch.geo import default_gazetteer

SET = Path(__file__).resolve().parents[1] / "bench" / "places" / "sentences.jsonl"
KINDS = {"country", "admin1", "admin2", "city"}
ROLES = {"incident", "residence", "authority", "origin", "destination"}
ITEM_KEYS = {"id", "language", "published", "text", "mentions", "not_places"}
MENTION_KEYS = {
    "text",
    "start",
    "end",
    "name",
    "kind",
    "country",
    "admin1",
    "geonames_id",
    "role",
    "optional",
}


def _items() -> list[dict]:
    return [json.loads(line) for line in SET.read_text("utf-8").splitlines() if line.strip()]


ITEMS = _items()


def test_set_is_large_enough_and_bilingual() -> None:
    required = Counter(
        item["language"]
        for item in ITEMS
        for mention in item["mentions"]
        if not mention.get("optional")
    )
    assert sum(required.values()) >= 150
    assert set(required) == {"en", "fr"}
    assert min(required.values()) >= 60
    assert sum(len(item.get("not_places", [])) for item in ITEMS) >= 15
    assert len({item["id"] for item in ITEMS}) == len(ITEMS)


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_item_schema_and_spans(item: dict) -> None:
    assert set(item) <= ITEM_KEYS
    assert item["language"] in {"en", "fr"}
    assert item["id"].startswith(item["language"] + "-")
    dt.date.fromisoformat(item["published"])
    text = item["text"]
    assert text == " ".join(text.split()), "texts are single clean paragraphs"
    assert item["mentions"]
    for mention in item["mentions"]:
        assert set(mention) <= MENTION_KEYS
        assert {"text", "start", "end", "name", "kind", "country"} <= set(mention)
        start, end = mention["start"], mention["end"]
        assert text[start:end] == mention["text"], mention
        assert start == 0 or not text[start - 1].isalnum(), f"{mention} starts inside a word"
        assert end == len(text) or not text[end].isalnum(), f"{mention} ends inside a word"
        assert mention["kind"] in KINDS
        assert mention.get("role", "incident") in ROLES
        assert len(mention["country"]) == 2 and mention["country"].isupper()
        if mention["kind"] in {"country", "admin1"}:
            assert mention["admin1"] is None
        if mention["kind"] in {"city", "country"} and not mention.get("optional"):
            assert isinstance(mention["geonames_id"], int), f"{mention} needs an id"
    spans = sorted((m["start"], m["end"]) for m in item["mentions"])
    assert all(a[1] <= b[0] for a, b in pairwise(spans)), "spans overlap"
    for surface in item.get("not_places", []):
        assert surface in text, surface


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["id"])
def test_gold_entries_exist_in_the_gazetteer(item: dict) -> None:
    """Each gold id is a gazetteer entry of that country and kind; regions without an id are
    known to the gazetteer by that name."""
    gazetteer = default_gazetteer()
    for mention in item["mentions"]:
        places = gazetteer.lookup(mention["name"])
        if mention["geonames_id"] is None:
            if mention.get("optional"):
                continue
            assert any(
                place.kind == mention["kind"]
                and place.country == mention["country"]
                and place.called(mention["name"])
                for place in places
            ), mention
            continue
        (place,) = [place for place in places if place.geonames_id == mention["geonames_id"]]
        assert (place.kind, place.country) == (mention["kind"], mention["country"]), mention
        if mention["kind"] not in {"country", "admin1"}:
            assert place.admin1 == mention["admin1"], mention
