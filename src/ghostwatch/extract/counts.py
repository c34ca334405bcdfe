"""How many were arrested, charged, remanded, killed, injured... attached by the parse.

`counts_mentions` finds each statement of a count in the case's sentences; this component turns
them into the document's totals. A document often states a key more than once: the lead's total
("Fourteen people were arrested") and a paragraph's share of it ("six other people were
detained"); the case total absorbs its sub-totals, so the largest statement wins. Within one
sentence, separate statements add up ("one under judicial supervision and one under house
arrest" is two). People met one by one ("a man was arrested", "the woman was released") are
told apart by age, name and gender, and "other" groups add to them ("a man was killed and two
others were killed" is three). Injured people are those shot and not killed when the text gives
no figure of its own ("four people were shot, one fatally": one killed, three injured).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import get_args

from spacy.tokens import Doc, Span

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.counts_lexicon import CountLexicon, count_lexicon, document_forms
from ghostwatch.extract.counts_mentions import Mention, MentionFinder
from ghostwatch.extract.counts_operations import OperationCounter, Tally
from ghostwatch.extract.counts_persons import Person
from ghostwatch.extract.evidence import sentences
from ghostwatch.extract.numbers import number_phrases
from ghostwatch.extract.state import ExtractionState
from ghostwatch.model import Count, CountKey
from ghostwatch.model import Span as Evidence

#: keys the report carries (the lexicon's working key `shot` is not one of them)
REPORTED: tuple[str, ...] = get_args(CountKey)


@component("ghostwatch_counts")
class CountExtractor(ExtractionComponent):
    fills = ("counts",)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        language = state.pack.code
        lexicon = count_lexicon(language)
        numbers = number_phrases(doc, language)
        finder = MentionFinder(doc, lexicon, numbers)
        operations = OperationCounter(doc, lexicon, numbers)
        mentions: list[Mention] = []
        tallies: list[Tally] = []
        words = document_forms(doc)
        for number, sentence in enumerate(sentences(doc)):
            if not state.in_case(sentence):
                continue
            matches = lexicon.phrases.find(sentence, words)
            found = finder.mentions(sentence, matches, number)
            mentions += _without_statistics(found, sentence, lexicon)
            tallies += operations.tallies(sentence, matches, {m.node for m in found})
        counts = totals(mentions, lexicon.at_least)
        for tally in largest(tallies):
            counts.setdefault(tally.key, Count(value=tally.value, evidence=list(tally.evidence)))
        state.report.counts = {key: counts[key] for key in REPORTED if key in counts}


def _without_statistics(
    mentions: list[Mention], sentence: Span, lexicon: CountLexicon
) -> list[Mention]:
    """The mentions less the casualty figures of a sentence counting over a period ("45 people
    were killed in the city so far this year"): a tally of many cases."""
    periods = lexicon.statistics_periods
    figures = [m for m in mentions if m.value is not None and m.key in lexicon.statistics_keys]
    if not figures or periods is None or not periods.search(sentence.text.lower()):
        return mentions
    return [m for m in mentions if m not in figures]


def largest(tallies: Iterable[Tally]) -> list[Tally]:
    """The largest tally of each key (the first one stated among equals)."""
    best: dict[str, Tally] = {}
    for tally in tallies:
        if tally.key not in best or tally.value > best[tally.key].value:
            best[tally.key] = tally
    return list(best.values())


class _Total:
    """The total of one key and the statements it rests on."""

    def __init__(self, value: int, evidence: list[Evidence]):
        self.value = value
        self.evidence = evidence


def _clusters(mentions: Iterable[Mention]) -> list[list[Mention]]:
    """People met one by one, grouped into the fewest distinct persons their details allow
    (a phrase that two predicates both count is one person: "a third person was grazed by a
    bullet")."""
    groups: list[tuple[Person, list[Mention]]] = []
    for mention in mentions:
        assert mention.person is not None
        for index, (person, members) in enumerate(groups):
            if any(m.node == mention.node for m in members) or person.compatible(mention.person):
                groups[index] = (person.merged(mention.person), [*members, mention])
                break
        else:
            groups.append((mention.person, [mention]))
    return [members for _, members in groups]


def _sentence_sums(mentions: list[Mention], breakdowns: bool = False) -> _Total | None:
    """The largest figure one sentence states: its predicates' figures added up ("six were
    remanded, one under judicial supervision and one under house arrest"; "shot a woman and
    a girl, then killed himself"), the same predicate counting once ("1 dead ... one man
    dead"). Only sentences with a figure count: people met one by one are counted apart.
    With `breakdowns`, figures that follow a first one and add up to no more than it share it
    out ("three others were hospitalized, two in critical condition and one with minor
    injuries" is three), as the wounded's conditions do."""
    by_sentence: dict[tuple[int, int], dict[str, list[Mention]]] = defaultdict(dict)
    for mention in mentions:
        by_sentence[mention.sentence, mention.line].setdefault(mention.predicate, [])
        by_sentence[mention.sentence, mention.line][mention.predicate].append(mention)
    best: _Total | None = None
    for by_predicate in by_sentence.values():
        figures = [
            max((m for m in group if m.value is not None), key=lambda m: m.value or 0)
            for group in by_predicate.values()
            if any(m.value is not None for m in group)
        ]
        if not figures:
            continue
        people = _clusters(
            m
            for group in by_predicate.values()
            if all(m.value is None for m in group)
            for m in group
        )
        first = min(figures, key=lambda m: m.node)
        if breakdowns:
            # people met before a figure are among it ("a boy was among four people hurt")
            # unless it counts others ("a man is fighting for his life; four others were hurt")
            before = [g for g in people if g[0].node < first.node] if first.other else []
            after = [g for g in people if g[0].node > first.node]
            if _shares_out(first, figures, after):
                figures, after = [first], []
            people = before + after
        value = sum(m.value or 0 for m in figures) + len(people)
        if best is None or value > best.value:
            evidence = [e for m in figures for e in m.evidence]
            best = _Total(value, evidence + [e for group in people for e in group[0].evidence])
    return best


def _shares_out(first: Mention, figures: list[Mention], people: list[list[Mention]]) -> bool:
    """Whether the figures and people after a sentence's first figure are parts of it: all
    written after it and together no more than it ("five people were hurt, with two in
    critical condition"; not "one was wounded and two others were hurt"). A first figure that
    is itself a state is a part too ("two were in critical condition and two suffered minor
    injuries")."""
    parts = [m for m in figures if m is not first]
    if (not parts and not people) or first.role == "state":
        return False
    if any(m.node < first.node for m in parts):
        return False
    return sum(m.value or 0 for m in parts) + len(people) <= (first.value or 0)


def _total(mentions: list[Mention], singles: list[list[Mention]] | None = None) -> _Total | None:
    """The case total of one key: the largest figure a sentence states; without one, the
    people met one by one; with "other" groups, those people plus the largest group when that
    is more ("a man was killed ... two other people were killed" is three)."""
    best = _sentence_sums(mentions)
    if singles is None:
        singles = _clusters(m for m in mentions if m.person is not None)
    others = [m for m in mentions if m.value is not None and m.other]
    extra = max(others, key=lambda m: m.value or 0) if others else None
    one_by_one = len(singles) + (extra.value or 0 if extra else 0)
    if one_by_one and (best is None or (extra is not None and one_by_one > best.value)):
        evidence = [e for group in singles for e in group[0].evidence]
        if extra is not None:
            evidence += list(extra.evidence)
        best = _Total(one_by_one, evidence)
    return best


def totals(
    mentions: list[Mention], at_least: dict[str, tuple[str, ...]] | None = None
) -> dict[str, Count]:
    """Each key's case total from its mentions, with injured derived from the people shot and
    each key raised to the keys it is `at_least` (people charged have been arrested)."""
    by_key: dict[str, list[Mention]] = defaultdict(list)
    for mention in mentions:
        by_key[mention.key].append(mention)
    found: dict[str, _Total] = {}
    for key, group in by_key.items():
        if key in ("shot", "injured"):
            continue
        total = _total(group)
        if total is not None:
            found[key] = total
    for key, lower_bounds in (at_least or {}).items():
        for bound in lower_bounds:
            if bound in found and (key not in found or found[key].value < found[bound].value):
                found[key] = found[bound]
    killed = found.get("killed")
    dead = _clusters(m for m in by_key.get("killed", []) if m.person is not None)
    # people the text says were shot and killed ("seven others fatally shot") did not survive
    killed_nodes = {m.node for m in by_key.get("killed", []) if m.value is not None}
    shot = [m for m in by_key.get("shot", []) if m.value is None or m.node not in killed_nodes]
    injured = _injured(by_key.get("injured", []), shot, dead, killed)
    if injured is not None:
        found["injured"] = injured
    return {
        key: Count(value=total.value, evidence=_unique(total.evidence))
        for key, total in found.items()
        if total.value > 0
    }


def _injured(
    injured: list[Mention], shot: list[Mention], dead: list[list[Mention]], killed: _Total | None
) -> _Total | None:
    """The injured: the text's own figure, or the people shot who did not die ("four people
    were shot, one fatally" is three; "a man was killed and a woman was shot" is one)."""

    def died(mention: Mention) -> bool:
        """Whether a person met one by one is someone who died: the same words say both ("a
        man was shot and killed"), the details match, the person points back to one who died
        ("a man was killed ... he was shot in the head"), or the death is only told of someone
        pointed back to ("a man was shot ... he died"; not when "a man was killed" is there to
        be pointed back to)."""
        person = mention.person
        assert person is not None
        for group in dead:
            known = _person_of(group)
            if not known.compatible(person):
                continue
            if any(m.node == mention.node for m in group):
                return True
            if (person.name & known.name) or (person.age is not None and person.age == known.age):
                return True
            if person.anaphoric or all(m.person and m.person.anaphoric for m in group):
                return True
        return False

    shot_numbers = [m for m in shot if m.value is not None]
    candidates = [
        _sentence_sums([m for m in injured if m.value is not None or not died(m)], breakdowns=True),
        # "a man was killed and two others were shot": the others are the injured
        _sentence_sums([m for m in shot_numbers if m.other], breakdowns=True),
    ]
    hit = _sentence_sums([m for m in shot_numbers if not m.other], breakdowns=True)
    if hit is not None:  # "four people were shot, one fatally"
        candidates.append(_Total(hit.value - (killed.value if killed else 0), hit.evidence))
    stated = [total for total in candidates if total is not None and total.value > 0]
    if stated:
        return max(stated, key=lambda total: total.value)
    wounded = [m for m in shot if m.person is not None and not died(m)]
    if killed is not None:  # "a young woman was shot ... one person was killed": she died
        everyone = _clusters([m for group in dead for m in group] + wounded)
        wounded = [m for group in everyone[killed.value :] for m in group if m.key == "shot"]
    alive = _clusters([m for m in injured if m.person is not None and not died(m)] + wounded)
    if not alive:
        return None
    return _Total(len(alive), [e for group in alive for e in group[0].evidence])


def _person_of(group: list[Mention]) -> Person:
    person = group[0].person or Person()
    for mention in group[1:]:
        assert mention.person is not None
        person = person.merged(mention.person)
    return person


def _unique(evidence: list[Evidence]) -> list[Evidence]:
    seen: set[tuple[int, int]] = set()
    kept = []
    for span in evidence:
        if (span.start, span.end) not in seen:
            seen.add((span.start, span.end))
            kept.append(span)
    return kept
