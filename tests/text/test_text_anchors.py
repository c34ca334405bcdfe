"""Literal anchors never skip a regex that would have matched: same results, less scanning."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ghostwatch.extract.bodies import body_finder
from ghostwatch.extract.seizure_lexicon import seizure_lexicon
from ghostwatch.lang import load_pack
from ghostwatch.text.anchors import PatternUnion, anchors_of, may_match

DEVSET = Path(__file__).resolve().parents[2] / "bench/devset"


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        ("Gendarmerie nationale", re.I, ("gendarmerie nationale",)),
        ("colou?r", 0, ("colo",)),
        ("(?:pistol|rifle)s?", 0, ("pistol", "rifle")),
        (r"(?<!\w)police(?!\w) (?:officers?|constables?)", re.I, ("police ",)),
        ("ab(?=c)c", 0, ("abc",)),
        ("(?:xy)+z", 0, ("xy",)),
        ("[a-z]+", 0, ()),
        ("x*", 0, ()),
        ("(?:gun|)", 0, ()),
    ],
)
def test_anchors_of_patterns(pattern: str, flags: int, expected: tuple[str, ...]) -> None:
    assert anchors_of(re.compile(pattern, flags)) == expected


def test_text_without_anchor_is_skipped() -> None:
    anchors = anchors_of(re.compile("Border Force", re.I))
    assert may_match(anchors, "officers of the border force seized")
    assert not may_match(anchors, "police seized a pistol")
    assert may_match((), "anything at all")


_ATOMS = st.sampled_from(["a", "b", "ab", "ba", "c", "[ab]", ".", r"\w", " ", "A"])


def _regex() -> st.SearchStrategy[str]:
    return st.recursive(
        _ATOMS,
        lambda inner: st.one_of(
            st.tuples(inner, inner).map("".join),
            st.tuples(inner, inner).map(lambda pair: f"(?:{pair[0]}|{pair[1]})"),
            inner.map(lambda body: f"(?:{body})?"),
            inner.map(lambda body: f"(?:{body})+"),
            inner.map(lambda body: f"(?:{body}){{2}}"),
            inner.map(lambda body: f"(?:{body})*"),
            inner.map(lambda body: f"(?<!b){body}"),
        ),
        max_leaves=6,
    )


@settings(max_examples=400, deadline=None)
@given(
    pattern=_regex(),
    ignore_case=st.booleans(),
    text=st.text(alphabet="abcAB .", max_size=30),
)
def test_a_regex_that_matches_is_never_skipped(pattern: str, ignore_case: bool, text: str) -> None:
    regex = re.compile(pattern, re.I if ignore_case else 0)
    if regex.search(text):
        assert may_match(anchors_of(regex), text.lower())


def _pack_regexes() -> list[re.Pattern[str]]:
    regexes = []
    for language in ("en", "fr"):
        regexes += [spec.regex for spec in body_finder(language).specs]
        regexes += [item.regex for item in seizure_lexicon(language).items]
    return regexes


def test_pack_patterns_are_never_skipped_on_real_texts(shared_dir: Path) -> None:
    """Every agency and item pattern of both packs, on our development articles and 300 GVA
    articles: whenever the regex matches, its anchors let it run."""
    texts = [
        json.loads(line)["text"]
        for path in (DEVSET / "en/input.jsonl", DEVSET / "fr/input.jsonl")
        for line in path.read_text("utf-8").splitlines()
    ]
    with (shared_dir / "corpora/gva/dev-input.jsonl").open(encoding="utf-8") as lines:
        texts += [json.loads(line)["text"] for _, line in zip(range(300), lines, strict=False)]
    regexes = _pack_regexes()
    assert all(anchors_of(regex) for regex in regexes)  # every pack pattern has an anchor
    matched = 0
    for text in texts:
        lowered = text.lower()
        for regex in regexes:
            if regex.search(text):
                matched += 1
                assert may_match(anchors_of(regex), lowered), (regex.pattern, text[:80])
    assert matched > 100


@settings(max_examples=300, deadline=None)
@given(
    patterns=st.lists(_regex(), min_size=1, max_size=4),
    lines=st.lists(st.text(alphabet="abcAB .", max_size=20), min_size=1, max_size=3),
)
def test_a_union_that_matches_a_line_is_never_skipped(
    patterns: list[str], lines: list[str]
) -> None:
    union = PatternUnion.of(patterns, re.I)
    document = "\n".join(lines)
    narrowed = union.within(document.lower())
    for line in lines:
        if union.regex.search(line):
            assert narrowed is not None and narrowed.may_match(line.lower())


def test_scope_cues_are_skipped_only_where_they_cannot_match(shared_dir: Path) -> None:
    """The background cues of both packs, narrowed to each of 150 GVA articles: every line the
    alternation matches is let through, and most lines are skipped."""
    with (shared_dir / "corpora/gva/dev-input.jsonl").open(encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for _, line in zip(range(150), lines, strict=False)]
    for language in ("en", "fr"):
        union = PatternUnion.of(load_pack(language).section("scope")["background_sentence"], re.I)
        checked = skipped = 0
        for text in texts:
            narrowed = union.within(text.lower())
            for line in text.split("\n"):
                checked += 1
                if narrowed is None or not narrowed.may_match(line.lower()):
                    skipped += 1
                    assert not union.regex.search(line), (language, line[:80])
        assert skipped > checked / 2
