"""The people the document singles out, with ages, roles and statuses, and the case's roles.

The work is split over helper modules, each with one job: `people_ages` reads ages and age
ranges, `people_mentions` finds the person mentions of a sentence, `people_frames` reads the
predicates governing a mention, `people_facts` turns them into sides, statuses and roles,
`people_details` reads residence, nationality, prior record and sentence, `people_links` links
mentions into people, `people_roles` reads the case's roles, and `people_scope` keeps other
cases out. This component runs them over the case's sentences and fills the report.
"""

from __future__ import annotations

from typing import get_args

from spacy.language import Language
from spacy.tokens import Doc, Span

from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.evidence import entities_in, evidence_chars
from ghostwatch.extract.numbers import number_phrases
from ghostwatch.extract.people_ages import AgeExpression, AgeReader
from ghostwatch.extract.people_details import Detail, DetailReader
from ghostwatch.extract.people_facts import FactReader
from ghostwatch.extract.people_frames import OBJECTS, Frame, FrameReader
from ghostwatch.extract.people_lexicon import PeopleLexicon, people_lexicon
from ghostwatch.extract.people_links import Actor, Linker
from ghostwatch.extract.people_mentions import PERSON_LABELS, Mention, MentionFinder
from ghostwatch.extract.people_roles import RoleReader
from ghostwatch.extract.people_scope import CaseScope, sentence_units
from ghostwatch.extract.state import ExtractionState
from ghostwatch.lang import LanguagePack
from ghostwatch.model import AgeRange, Person, PersonStatus, Role
from ghostwatch.model import Span as Evidence

ROLE_ORDER: tuple[str, ...] = get_args(Role)
STATUS_ORDER: tuple[str, ...] = get_args(PersonStatus)
#: statuses that only follow an arrest
CUSTODY = frozenset({"remanded", "bailed", "released"})


@component("ghostwatch_people")
class PeopleExtractor(ExtractionComponent):
    fills = ("suspects", "victims", "age_range", "roles")

    def __init__(self, nlp: Language, name: str, pack: LanguagePack):
        super().__init__(nlp, name, pack)
        self.lexicon: PeopleLexicon = people_lexicon(pack.code)
        self.frames = FrameReader(self.lexicon)
        self.facts = FactReader(self.lexicon)
        self.roles = RoleReader(self.lexicon)
        self.scope = CaseScope(self.lexicon)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        phrases = number_phrases(doc, self.pack.code)
        units = self._case_units(doc, state, AgeReader(doc, phrases, self.lexicon.ages))
        in_ages = {i for _, ages in units for e in ages for i in range(e.start, e.end)}
        details = DetailReader(doc, self.lexicon, phrases, in_ages)
        actors = [actor for actor in self._people(doc, units, details) if actor.side is not None]
        report = state.report
        report.suspects = [self._person(doc, a) for a in actors if a.side == "suspect"]
        report.victims = [self._person(doc, a) for a in actors if a.side == "victim"]
        report.age_range = self._age_range(doc, units)
        roles: set[str] = set()
        for unit, _ in units:
            roles |= self.roles.read(unit)
        for actor in actors:
            if actor.side == "suspect":
                roles |= actor.roles
        report.roles = [role for role in ROLE_ORDER if role in roles]  # type: ignore[misc]

    def _case_units(
        self, doc: Doc, state: ExtractionState, age_reader: AgeReader
    ) -> list[tuple[Span, list[AgeExpression]]]:
        """The sentence units of the main case, each with its age expressions."""
        units = [
            (unit, age_reader.read(unit))
            for unit in sentence_units(doc)
            if state.in_case(doc[unit.start].sent) and not self.scope.passing(unit)
        ]
        cut = self.scope.later_sections(doc, _people_offsets(units))
        if cut is not None:
            units = [(unit, ages) for unit, ages in units if unit.start_char < cut]
        return units

    def _people(
        self, doc: Doc, units: list[tuple[Span, list[AgeExpression]]], details: DetailReader
    ) -> list[Actor]:
        """Find the mentions unit by unit, read what is said of each, link them into people."""
        finder = MentionFinder(doc, self.lexicon)
        linker = Linker(self.lexicon)
        for unit, ages in units:
            mentions = finder.find(unit, ages)
            alone = len([mention for mention in mentions if mention.kind != "pronoun"]) <= 1
            fallback: list[Frame] | None = None
            for mention in mentions:
                frames = self.frames.frames(mention.heads, unit)
                facts = self.facts.read(mention.nouns, frames)
                if not facts.statuses and self._may_fall_back(mention):
                    if fallback is None:
                        fallback = self.frames.unit_frames(unit)
                    frames = frames + fallback
                    facts = self.facts.read(mention.nouns, frames)
                for actor in linker.link(mention, facts):
                    self._details(actor, mention, frames, details, alone)
                if mention.name:
                    finder.remember(mention.name)
        return linker.settle()

    def _may_fall_back(self, mention: Mention) -> bool:
        """Whether the sentence's predicates may speak of a mention the parse left without any
        status: not a pronoun, nor a lone capitalised word ("Schiedam", "Déférés"), nor the
        object of another verb the pack knows ("taking her daughter")."""
        if mention.kind == "pronoun":
            return False
        if mention.kind == "name" and not mention.ages and len((mention.name or "").split()) == 1:
            return False
        head = mention.heads[0]
        if not mention.sentence.start <= head.head.i < mention.sentence.end:
            return True  # hung on another sentence: the parse went astray
        if head.dep_ in ("pobj", "obl", "obl:arg", "obl:mod", "nmod", "poss"):
            return False
        governor = head.head
        if head.dep_ in OBJECTS and governor.pos_ in ("VERB", "AUX"):
            return not self.facts.knows(governor)  # "condamné jeudi un homme": "jeudi" a verb
        return True

    def _details(
        self,
        actor: Actor,
        mention: Mention,
        frames: list[Frame],
        details: DetailReader,
        alone: bool,
    ) -> None:
        if mention.kind == "pronoun":
            found_sentence = details.sentence_months(frames)
            self._keep(actor, "sentence_months", found_sentence)
            return
        self._keep(actor, "residence", details.residence(mention, alone))
        self._keep(actor, "nationality", details.nationality(mention))
        self._keep(actor, "prior_record", details.prior_record(mention, alone))
        self._keep(actor, "sentence_months", details.sentence_months(frames))

    @staticmethod
    def _keep(actor: Actor, attribute: str, detail: Detail | None) -> None:
        if detail is None or getattr(actor, attribute) is not None:
            return
        setattr(actor, attribute, detail.value)
        actor.spans.append((detail.start, detail.end))

    def _person(self, doc: Doc, actor: Actor) -> Person:
        statuses = set(actor.statuses)
        if "killed" in statuses:
            statuses.discard("injured")
        if statuses & CUSTODY:
            statuses.add("arrested")  # a custody decision follows an arrest
        spans = sorted(set(actor.spans))
        return Person(
            label=actor.first.label,
            name=actor.name,
            age=actor.age,
            gender=actor.gender,  # type: ignore[arg-type]
            roles=[role for role in ROLE_ORDER if role in actor.roles],  # type: ignore[misc]
            status=[s for s in STATUS_ORDER if s in statuses],  # type: ignore[misc]
            residence=actor.residence,
            nationality=actor.nationality,
            prior_record=actor.prior_record,
            sentence_months=actor.sentence_months,
            evidence=[self._evidence(doc, start, end) for start, end in spans],
        )

    @staticmethod
    def _evidence(doc: Doc, start: int, end: int) -> Evidence:
        last = doc[end - 1]
        return evidence_chars(doc, doc[start].idx, last.idx + len(last.text))

    def _age_range(
        self, doc: Doc, units: list[tuple[Span, list[AgeExpression]]]
    ) -> AgeRange | None:
        """The first stated range of ages that is not the victims'."""
        for _, ages in units:
            for expression in ages:
                if expression.kind != "range" or len(expression.values) != 2:
                    continue
                target_index = expression.target
                if target_index is None:
                    target_index = _group_before(doc, expression.anchor)
                if target_index is not None:
                    target = doc[target_index]
                    said = doc[expression.start]  # "ages" may carry the verb the group takes
                    frames = self.frames.frames([target]) + self.frames.frames([said])
                    facts = self.facts.read({target.lemma_.lower()}, frames)
                    if facts.sides["victim"] > facts.sides["suspect"]:
                        continue
                low, high = sorted(expression.values)
                if low == high:
                    continue
                evidence = self._evidence(doc, expression.start, expression.end)
                return AgeRange(min=low, max=high, evidence=[evidence])
        return None


def _group_before(doc: Doc, anchor: int) -> int | None:
    """The noun a range is said of when the parse does not say: "Three others, ages 16 to 20"."""
    index = anchor - 1
    while index >= 0 and doc[index].is_punct:
        index -= 1
    if index >= 0 and doc[index].pos_ in ("NOUN", "PRON", "PROPN") and anchor - index <= 2:
        return index
    return None


def _people_offsets(units: list[tuple[Span, list[AgeExpression]]]) -> list[int]:
    """Where people are introduced (ages and names), to tell a roundup's sections apart."""
    offsets = [unit.doc[e.start].idx for unit, ages in units for e in ages if e.kind != "range"]
    offsets += [
        entity.start_char
        for unit, _ in units
        for entity in entities_in(unit)
        if entity.label_ in PERSON_LABELS
    ]
    return offsets
