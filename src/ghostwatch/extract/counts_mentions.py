"""Count mentions: whom a predicate ("were arrested", "died", "in custody") counts, by the parse.

A mention ties one key to the node the parse gives as the predicate's argument: its passive
subject, its object, the noun its participle qualifies, its subject, or the number placed right
before it when the verb is left out ("six were remanded, five placed under judicial supervision").
The node is worth a number ("Fourteen people", "six", "both"), a coordination ("a man and a
woman" is two), or one person ("a man", "he", "Kevin Morales, 19"), whose age, name and gender
let the document's totals tell people apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.counts_lexicon import (
    CountLexicon,
    PhraseMatch,
    forms,
    has_form,
    longest_first,
    normal,
)
from ghostwatch.extract.counts_modality import FactCheck
from ghostwatch.extract.counts_persons import Person, PersonReader
from ghostwatch.extract.evidence import doc_text
from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.model import Span as Evidence

_PASSIVE_SUBJECT = {"nsubjpass", "nsubj:pass"}
_SUBJECT = {"nsubj", "nsubjpass", "nsubj:pass"}
_OBJECT = {"dobj", "obj"}
_QUALIFIER = {"acl", "amod", "relcl", "acl:relcl"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM"}
_VERBAL = {"VERB", "AUX"}
#: a number written as a year is not a count of people ("in 2014 ...")
_YEARS = range(1900, 2100)
#: most tokens between a count and its predicate for one evidence span covering both
_EVIDENCE_REACH = 10
#: the first rank that is a total even after "the" ("the third suspect")
_DEFINITE_RANK = 3
#: what the parse makes of a subject it did not see: the object of a preposition before it
_MISREAD_SUBJECT = {"pobj", "obl", "nmod"}
#: most tokens of a parenthetical between a subject and its verb (", including an infant,")
_PARENTHETICAL = 8


@dataclass(frozen=True)
class Mention:
    """One statement of a count: `value` people, or one `person` when `value` is None."""

    key: str
    value: int | None
    person: Person | None
    other: bool  # "six other people", "three others": on top of those counted one by one
    sentence: int  # the sentence's number in the document
    line: int  # the line within the sentence (a parse may join a headline to the lead)
    predicate: str  # the predicate's lemmas: statements of the same predicate do not add up
    node: int  # the counted node: one mention per key and node
    evidence: tuple[Evidence, ...]
    role: str = "patient"  # the predicate's role in counts.yaml ("state": "in critical condition")


@dataclass(frozen=True)
class _Worth:
    value: int | None
    person: Person | None
    other: bool
    first: int  # first token of the counted phrase
    last: int  # its last token


class MentionFinder:
    """Finds the count mentions of one parsed document, sentence by sentence."""

    def __init__(self, doc: Doc, lexicon: CountLexicon, numbers: list[NumberPhrase]):
        self.doc = doc
        self.text = doc_text(doc)
        self.lexicon = lexicon
        self.number_at: dict[int, NumberPhrase] = {phrase.root: phrase for phrase in numbers}
        self.persons = PersonReader(doc, lexicon, self.number_at)
        self.check = FactCheck(lexicon)
        self.sentence_number = 0
        #: line breaks in the document before each token
        self.line_of: list[int] = []
        breaks = 0
        for token in doc:
            self.line_of.append(breaks)
            breaks += (token.is_space and "\n" in token.text) or "\n" in token.whitespace_

    # -- predicates -------------------------------------------------------------------------

    def predicates(self, matches: list[PhraseMatch]) -> list[PhraseMatch]:
        """The people keys' phrases among a sentence's `matches`, blocked ones removed, the
        longest kept where they overlap (`shot` apart: "shot dead" is also shot)."""
        blocks = [m for m in matches if m.role == "block"]

        def allowed(match: PhraseMatch, shots: bool) -> bool:
            if match.role == "block" or match.key == "searches" or (match.key == "shot") != shots:
                return False
            return not any(b.key == match.key and b.overlaps(match) for b in blocks)

        people = longest_first(m for m in matches if allowed(m, False))
        return people + longest_first(m for m in matches if allowed(m, True))

    def mentions(self, sentence: Span, matches: list[PhraseMatch], number: int) -> list[Mention]:
        """The count mentions of `sentence` (the document's `number`th), whose phrase
        `matches` the lexicon found."""
        self.sentence_number = number
        matches = [
            m
            for m in self.predicates(matches)
            if self.check.well_formed(m, self._anchor(m)) and self.check.factual(m, self._anchor(m))
        ]
        claims = self._adjacent_subjects(sentence, matches)
        arguments = [(match, self._arguments(match, claims)) for match in matches]
        owners: dict[int, set[str]] = {}
        for match, nodes in arguments:
            for node in nodes:
                owners.setdefault(self._antecedent(node).i, set()).add(match.key)
        found: dict[tuple[str, int], Mention] = {}
        for match, nodes in arguments:
            fatal = match.key == "shot" and self.check.fatal_result(self._anchor(match))
            for node in nodes:
                mention = self._mention(match, node, claims, owners, sentence)
                if mention is not None:
                    known = found.get((mention.key, mention.node))
                    if known is None or (known.role == "state" != mention.role):
                        found[mention.key, mention.node] = mention  # "were hospitalized": a verb
                    if fatal:  # "shot his brother to death", "shot the man dead"
                        found.setdefault(("killed", mention.node), replace(mention, key="killed"))
        for mention in self._fatal(sentence, matches):
            found.setdefault((mention.key, mention.node), mention)
        return list(found.values())

    def _adjacent_subjects(
        self, sentence: Span, matches: list[PhraseMatch]
    ) -> dict[int, PhraseMatch]:
        """Counts written right before their predicate, whatever the parse made of them.

        In "six were remanded, five placed under judicial supervision and two released" the
        verb of the later clauses is left out and parsers often attach "two" to "five"; the
        number standing right before a predicate is its subject.
        """
        starts = {match.start: match for match in matches}
        claims: dict[int, PhraseMatch] = {}
        for index in range(sentence.start, sentence.end):
            phrase = self.number_at.get(index)
            if phrase is None or self.doc[index].dep_ == "nummod" or self.persons.is_age(phrase):
                continue
            position = phrase.end
            while position < sentence.end and self._skippable(self.doc[position]):
                position += 1
            match = starts.get(position)
            if match is not None and match.role in ("patient", "passive", "state"):
                claims[index] = match
        return claims

    def _skippable(self, token: Token) -> bool:
        """Auxiliaries and partitives between a count and its predicate ("six were", "huit
        d'entre eux ont été")."""
        if token.pos_ == "AUX" or token.dep_ in ("aux", "auxpass", "aux:pass", "aux:tense"):
            return True
        if token.dep_ in ("fixed", "case") and token.head.pos_ == "PRON":
            return True
        return token.pos_ == "PRON" and token.dep_ == "nmod"

    # -- arguments --------------------------------------------------------------------------

    def _arguments(self, match: PhraseMatch, claims: dict[int, PhraseMatch]) -> list[Token]:
        """The nodes `match` counts: numbers attached to it from before ("cinq sous contrôle
        judiciaire", "two dead") and those standing right before it, else its argument by
        role."""
        anchor = self._anchor(match)
        span = range(match.start, match.end)
        claimed = [self.doc[i] for i, owner in claims.items() if owner == match]
        attached = (
            [
                self.doc[i]
                for i in range(self.doc[match.start].sent.start, match.start)
                if i in self.number_at
                and self.doc[i].head.i in span
                and i not in claims
                and not self.persons.is_age(self.number_at[i])
            ]
            if match.role != "event"
            else []
        )  # "9 shootings" are not nine people
        attached += [  # "were both injured"
            c
            for c in anchor.children
            if c.dep_ in ("preconj", "advmod", "npadvmod", "dep", "det", "predet")
            and has_form(c, frozenset(self.lexicon.collective))
        ]
        if attached or claimed:
            return attached + [node for node in claimed if node not in attached]
        if match.role in ("patient", "passive"):
            return self._small_clause(anchor, match) or self._patients(
                anchor, match.role == "patient"
            )
        if match.role == "subject":
            return self._subjects(anchor)
        if match.role == "state":
            return self._state_holders(anchor)
        if match.role == "event":
            return self._event_complements(anchor)
        return []

    def _small_clause(self, anchor: Token, match: PhraseMatch) -> list[Token]:
        """ "A judge ordered Benson detained": the subject of the phrase's inner verb."""
        for verb in self.doc[match.start : match.end]:
            if verb.head == anchor and verb.dep_ in ("ccomp", "xcomp", "oprd"):
                return [c for c in verb.children if c.dep_ in _SUBJECT | _OBJECT]
        return []

    def _anchor(self, match: PhraseMatch) -> Token:
        return self.doc[match.start : match.end].root

    def _patients(self, verb: Token, active: bool, depth: int = 0) -> list[Token]:
        subjects = [c for c in verb.children if c.dep_ in _PASSIVE_SUBJECT]
        if subjects and not all(self._line_break(*sorted((s.i, verb.i))) for s in subjects):
            return subjects
        written = self._written_subject(verb)
        if written is not None:
            return [written]
        if subjects:
            return subjects
        if active:
            objects = [c for c in verb.children if c.dep_ in _OBJECT]
            if objects:
                return objects
            shared = [  # "arrested and charged the man"; not "..., and his brother pulled
                c  # the trigger", a clause of its own
                for conjunct in verb.conjuncts
                if conjunct.i > verb.i and not any(g.dep_ in _SUBJECT for g in conjunct.children)
                for c in conjunct.children
                if c.dep_ in _OBJECT
            ]
            if shared:
                return shared[:1]
        if verb.dep_ in _QUALIFIER and verb.head.pos_ in _NOMINAL | {"ADJ"}:
            return [verb.head]
        host = self._controller(verb)
        if host is not None:
            return host
        if verb.dep_ in ("xcomp", "oprd") and verb.head.pos_ in _VERBAL:
            # "a young man was found shot", "police found him shot"
            held = [c for c in verb.head.children if c.dep_ in _PASSIVE_SUBJECT | _OBJECT]
            if held:
                return held
        if active and self._reduced_passive(verb):
            return [c for c in verb.children if c.dep_ == "nsubj"]
        if verb.dep_ == "conj" and verb.head.pos_ in _VERBAL and depth < 3:
            if self._passive(verb):  # "he appeared in court and was remanded in custody"
                shared = [c for c in verb.head.children if c.dep_ in _SUBJECT]
                if shared:
                    return shared
            if self._reduced_passive(verb.head) and any(c.dep_ == "agent" for c in verb.children):
                # "a man shot and killed by police": the parse made "shot" active
                return [c for c in verb.head.children if c.dep_ == "nsubj"]
            return self._patients(verb.head, False, depth + 1)
        return []

    def _written_subject(self, verb: Token) -> Token | None:
        """The noun written right before a passive's auxiliary when the parse gave the verb no
        subject on its line: "after five people, including an infant, were injured" read as
        "after [five people]", a headline joined to the lead ("Four shot in Park  Four men were
        shot" with the headline's "shot" as subject), an ordinal taken for a second object ("Two
        men suffered fatal injuries and [a third] was wounded"). A parenthetical between commas
        is skipped."""
        auxiliaries = [
            c.i for c in verb.children if c.dep_ in ("auxpass", "aux:pass", "aux") and c.i < verb.i
        ]
        if not auxiliaries or not any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children):
            return None
        position, start = min(auxiliaries) - 1, verb.sent.start
        if position > start and self.doc[position].text == ",":
            opening = position - 1
            while opening > start and position - opening <= _PARENTHETICAL:
                if self.doc[opening].text == ",":
                    break
                opening -= 1
            if self.doc[opening].text != ",":
                return None
            position = opening - 1
        if position < start:
            return None
        token = self.doc[position]
        ordinal = token.dep_ == "conj" and token.like_num and not token.is_digit
        if not ordinal and (
            token.pos_ not in ("NOUN", "NUM") or token.dep_ not in _MISREAD_SUBJECT
        ):
            return None  # not "tell 7 Action News [Robinson] was shot", nor a caption's name
        if self._line_break(position, verb.i):
            return None
        return token

    def _passive(self, verb: Token) -> bool:
        return any(c.dep_ in ("auxpass", "aux:pass") for c in verb.children)

    def _controller(self, verb: Token) -> list[Token] | None:
        """The subject a passive without one shares with the clause it hangs on: "a girl was
        recovering after being shot", "seven people had to be treated for wounds"."""
        if not self._passive(verb):
            return None
        clause = verb.head
        if verb.dep_ == "pcomp" and clause.dep_ == "prep":
            clause = clause.head
        elif verb.dep_ not in ("advcl", "xcomp"):
            return None
        subjects = [c for c in clause.children if c.dep_ in _SUBJECT]
        return subjects or None

    def _reduced_passive(self, verb: Token) -> bool:
        """A headline-style passive: "three other people wounded" (a subject, no auxiliary, no
        object, a past form)."""
        if verb.tag_ not in ("VBD", "VBN"):
            return False
        if not any(c.dep_ == "nsubj" for c in verb.children):
            return False
        return not any(c.dep_ in ("aux", "auxpass", "prt", "dobj", "obj") for c in verb.children)

    def _subjects(self, verb: Token, depth: int = 0) -> list[Token]:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECT]
        if subjects:
            return subjects
        if verb.tag_ == "VBG" and depth < 3:
            # "is recovering after suffering a gunshot wound"
            clause = verb.head.head if verb.dep_ == "pcomp" else verb.head
            if verb.dep_ in ("pcomp", "advcl") and clause.pos_ in _VERBAL:
                return [c for c in clause.children if c.dep_ in _SUBJECT]
        if verb.dep_ in _QUALIFIER and verb.head.pos_ in _NOMINAL:
            return [verb.head]
        if verb.dep_ == "conj" and verb.head.pos_ in _VERBAL | {"ADJ"} and depth < 3:
            return self._subjects(verb.head, depth + 1)
        return []

    def _state_holders(self, anchor: Token) -> list[Token]:
        own = [c for c in anchor.children if c.dep_ in _SUBJECT]
        if own:
            return own
        if anchor.dep_ == "ROOT":
            return []
        host = anchor.head
        if (
            anchor.dep_ == "prep"
            and host.dep_ == "pobj"
            and host.head.dep_ == "prep"
            and host.head.head.pos_ in _VERBAL
        ):
            # "were transported to a hospital with injuries": the parser hangs the state on
            # the place the people were taken to; they are the verb's
            host = host.head.head
        elif anchor.dep_ in ("amod", "acl", "prep", "nmod", "appos") and host.pos_ in _NOMINAL:
            return [host]
        if host.pos_ not in _VERBAL | {"ADJ"}:
            return []
        objects = [c for c in host.children if c.dep_ in _OBJECT]
        if objects:
            return objects
        return self._subjects(host)

    def _event_complements(self, noun: Token) -> list[Token]:
        """Whom an event noun is about: "the death of a teenager", "his arrest", "un mandat
        d'arrêt contre lui"; the noun itself when one is made ("an arrest has been made")."""
        lexicon = self.lexicon
        found = self._complements(noun, lexicon.event_markers)
        found += [
            c
            for c in noun.children
            if c.dep_ == "poss" or (c.dep_ == "det" and "Yes" in c.morph.get("Poss"))
        ]
        if not found and noun.head.pos_ in _VERBAL:
            found = self._complements(noun.head, lexicon.event_verb_markers)
        # "a warrant for his arrest": the person is the possessor of "arrest"
        found = [
            person
            for node in found
            for person in (
                [c for c in node.children if c.dep_ == "poss"]
                if has_form(node, lexicon.possessed_events)
                else [node]
            )
        ]
        if not found and self._made_once(noun):
            return [noun]
        return found

    def _complements(self, token: Token, markers: frozenset[str]) -> list[Token]:
        """The nouns `token` governs through one of these prepositions: an English "prep"
        with its object, a French "nmod"/"obl" with its "case" marker."""
        found: list[Token] = []
        for child in token.children:
            if child.dep_ == "prep" and has_form(child, markers):
                found += [c for c in child.children if c.dep_ == "pobj"]
            elif child.dep_.startswith(("nmod", "obl")) and any(
                c.dep_ in ("case", "fixed") and has_form(c, markers) for c in child.children
            ):
                found.append(child)
        return found

    def _made_once(self, noun: Token) -> bool:
        """ "An arrest has been made", "une interpellation a été effectuée"."""
        if "Plur" in noun.morph.get("Number") or not has_form(noun.head, self.lexicon.made):
            return False
        return any(
            c.dep_ in ("det", "nummod") and has_form(c, self.lexicon.indefinite)
            for c in noun.children
        )

    # -- what a node is worth ---------------------------------------------------------------

    def _mention(
        self,
        match: PhraseMatch,
        node: Token,
        claims: dict[int, PhraseMatch],
        owners: dict[int, set[str]],
        sentence: Span,
    ) -> Mention | None:
        node = self._antecedent(node)
        if self._across_lines(node.i, match):
            return None
        if match.role == "event" and node.i in range(match.start, match.end):
            worth: _Worth | None = _Worth(1, None, False, match.start, match.end - 1)
        else:
            worth = self._worth(node, match, claims, owners)
        if worth is None:
            return None
        if worth.person is not None and self._additional(node, match):
            worth = replace(worth, person=replace(worth.person, distinct=True))
        rank = self._rank(node) if worth.person is not None or worth.value == 1 else None
        if rank is not None and match.key in self.lexicon.ordinal_keys:
            worth = replace(worth, value=rank, person=None)  # "a third suspect was arrested"
        return Mention(
            key=match.key,
            value=worth.value,
            person=worth.person,
            other=worth.other,
            sentence=self.sentence_number,
            line=self.line_of[match.start],
            predicate=" ".join(normal(t.lemma_) for t in self.doc[match.start : match.end]),
            node=node.i,
            evidence=self._evidence(worth, match),
            role=match.role,
        )

    def _rank(self, node: Token) -> int | None:
        """ "A third suspect", "un troisième homme", "the fifth person killed": the rank a
        person is given (with "the", from the third on: "the second victim" may be someone
        met before)."""
        for child in node.children:
            if child.dep_ == "amod" and normal(child.text) in self.lexicon.ordinals:
                rank = self.lexicon.ordinals[normal(child.text)]
                if self.persons.indefinite(node, numbers=True) or rank >= _DEFINITE_RANK:
                    return rank
        return None

    def _additional(self, node: Token, match: PhraseMatch) -> bool:
        """ "A woman was also injured", "une femme a également été blessée": someone besides
        the people met before."""
        if not self.persons.indefinite(node):
            return False
        anchor = self._anchor(match)
        return any(
            c.dep_ == "advmod" and has_form(c, self.lexicon.additive) for c in anchor.children
        )

    def _across_lines(self, index: int, match: PhraseMatch) -> bool:
        """Whether a line break separates a node from its predicate: a parse joining a
        headline to the lead ("Man killed, girl wounded  A 22-year-old man was killed") is
        wrong there."""
        first, last = sorted((index, match.start))
        return self._line_break(first, last)

    def _antecedent(self, node: Token) -> Token:
        """ "who" in "a man who was shot" stands for "a man", "himself" in "a teen shot
        himself" for "a teen"."""
        clause = node.head
        if has_form(node, self.lexicon.persons.reflexive) and node.dep_ in _OBJECT:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if subjects:
                return self._dateline_person(subjects[-1])
        if has_form(node, self.lexicon.relative) and clause.dep_ in ("relcl", "acl:relcl"):
            return clause.head
        return self._dateline_person(node)

    def _dateline_person(self, node: Token) -> Token:
        """ "AUSTIN - A 15-year-old was shot": the parse may make the dateline in capitals the
        subject and hang the person on it."""
        if not (node.pos_ == "PROPN" and node.is_upper and len(node.text) > 1):
            return node
        for child in node.children:
            if child.dep_ in ("amod", "appos") and self.persons.person(child) is not None:
                return child
        return node

    def _worth(
        self,
        node: Token,
        match: PhraseMatch,
        claims: dict[int, PhraseMatch],
        owners: dict[int, set[str]],
    ) -> _Worth | None:
        """What `node` and the items coordinated with it count; items another predicate takes
        ("left one dead and three other people wounded") are not this predicate's."""
        items = [node]
        if any(c.dep_ == "cc" and has_form(c, self.lexicon.alternative) for c in node.children):
            return self._worth_of_one(node)  # "his brother or a friend was dead" is one
        for conjunct in node.conjuncts:
            if conjunct.i < node.i or claims.get(conjunct.i, match) != match:
                continue
            if owners.get(conjunct.i, {match.key}) - {match.key}:
                continue
            items.append(conjunct)
        if self._apposed_parts(items):
            items = [node]
        total = 0
        persons: list[Person] = []
        others = []
        first, last = node.i, node.i
        for item in items:
            if self._negative(item):
                return None
            value, person, start = self._item_worth(item)
            if value is None and person is None:
                if item is not node and total and not persons and self._bare_plural(item):
                    continue  # "five men and women": the number counts both
                if item is node or self.persons.plural_people(item):
                    return None  # "the men and a woman": the total is unknown
                continue
            others.append(self._is_other(item))
            first, last = min(first, start), max(last, item.i)
            if person is not None:
                persons.append(person)
                total += 1
            else:
                total += value or 0
        if total == 0:
            return None
        other = all(others)
        if len(persons) == 1 and total == 1:
            return _Worth(None, persons[0], other, first, last)
        return _Worth(total, None, other, first, last)

    def _bare_plural(self, item: Token) -> bool:
        """A plural people noun with no determiner or number of its own: "women" in "five men
        and women", which the first item's number counts too."""
        return self.persons.plural_people(item) and not any(
            c.dep_ in ("det", "nummod", "poss", "quantmod", "predet") for c in item.children
        )

    def _apposed_parts(self, items: list[Token]) -> bool:
        """Whether the items after the first, set off by commas, only spell out its figure:
        "the two other teens, one female and one male, were treated" is two (not "three men,
        two women and a child were hurt", a list)."""
        if len(items) < 2:
            return False
        value = self._item_worth(items[0])[0]
        opening = items[1].left_edge.i - 1
        closing = items[-1].right_edge.i + 1
        if not value or closing >= len(self.doc) or opening <= items[0].i:
            return False
        if self.doc[opening].text != "," or self.doc[closing].text != ",":
            return False
        parts = 0
        for item in items[1:]:
            count, person, _ = self._item_worth(item)
            parts += 1 if person is not None else count or 0
        return parts <= value

    def _worth_of_one(self, node: Token) -> _Worth | None:
        value, person, start = self._item_worth(node)
        if value is None and person is None:
            return None
        return _Worth(value, person, self._is_other(node), start, node.i)

    def _item_worth(self, item: Token) -> tuple[int | None, Person | None, int]:
        """A number of people, or one person, for one coordinated item; the phrase's start."""
        phrase = self.number_at.get(item.i)
        if phrase is not None and (self._plural_word(phrase) or self._slashed(phrase)):
            return None, None, item.i  # "their loved ones", "photo 1 / 5": no figure
        if phrase is not None:
            if self.persons.is_age(phrase):
                return None, self.persons.person(item), phrase.start
            if not self._counts_people(item) or int(phrase.value) in _YEARS:
                return None, None, item.i
            return int(phrase.value), None, phrase.start
        for child in item.children:
            counted = self.number_at.get(child.i)
            # a count precedes its noun ("two men"); after a name it is an age ("Jr. 26")
            if (
                counted is not None
                and child.dep_ in ("nummod", "det", "quantmod")
                and child.i < item.i
                and self.persons.people_noun(item)
                and int(counted.value) not in _YEARS
                and not self._slashed(counted)
                and not self.persons.is_age(counted)  # "15 year-old Senquez Jackson"
                and not self._line_break(child.i, item.i)  # "6\n\nA 16-year-old boy"
            ):
                return int(counted.value), None, counted.start
        collective = self._collective(item)
        if collective:
            return collective, None, item.left_edge.i
        person = self.persons.person(item)
        if person is not None:
            start = min(item.left_edge.i, item.i)
            while start < item.i and (self.doc[start].is_punct or self._line_break(start, item.i)):
                start += 1  # "AUSTIN - A 15-year-old": the dash is the dateline's
            return None, person, start
        return None, None, item.i

    def _slashed(self, phrase: NumberPhrase) -> bool:
        """ "1 / 5": a picture's number in a gallery, or a date, not a count."""
        before = self.doc[phrase.start - 1].text if phrase.start else ""
        after = self.doc[phrase.end].text if phrase.end < len(self.doc) else ""
        return "/" in (before, after)

    def _line_break(self, first: int, last: int) -> bool:
        return any(token.is_space or "\n" in token.whitespace_ for token in self.doc[first:last])

    def _plural_word(self, phrase: NumberPhrase) -> bool:
        """A number word in the plural ("ones", "hundreds") names groups, not a figure."""
        if phrase.end - phrase.start != 1:
            return False
        token = self.doc[phrase.start]
        return token.is_alpha and "Plur" in token.morph.get("Number")

    def _counts_people(self, number: Token) -> bool:
        """A bare number counts people unless its partitive names something else ("two of
        the guns", "une cinquantaine de cartouches")."""
        counted = self._complements(number, self.lexicon.partitive) + [
            c for c in number.children if c.dep_ == "nmod" and c.i > number.i
        ]
        return all(
            target.pos_ == "PRON"
            or target.pos_ not in ("NOUN", "PROPN")
            or self.persons.people_noun(target)
            for target in counted
        )

    def _collective(self, token: Token) -> int | None:
        """ "both", "the pair", "les deux": a fixed number of people."""
        for form in forms(token):
            if form in self.lexicon.collective:
                return self.lexicon.collective[form]
        for child in token.children:
            if child.dep_ in ("det", "predet", "nummod") and has_form(
                child, frozenset(self.lexicon.collective)
            ):
                return self.lexicon.collective[normal(child.text)]
        return None

    def _negative(self, token: Token) -> bool:
        """ "no one", "nobody", "none of them": the count is zero, nothing to code."""
        modality = self.lexicon.modality
        if has_form(token, modality.negative_people):
            return True
        return any(
            c.dep_ in ("det", "neg", "advmod") and has_form(c, modality.negative_determiners)
            for c in token.children
        )

    def _is_other(self, token: Token) -> bool:
        """ "six other people", "three others", "two more men"."""
        if has_form(token, self.lexicon.other) and "Plur" in token.morph.get("Number"):
            return True
        return any(
            c.dep_ in ("amod", "advmod", "det", "nummod") and has_form(c, self.lexicon.other)
            for c in token.children
        ) and "Sing" not in token.morph.get("Number")

    def _fatal(self, sentence: Span, matches: list[PhraseMatch]) -> list[Mention]:
        """ "Four people were shot, one fatally": the number the fatal adverb qualifies died."""
        if not any(m.key == "shot" for m in matches):
            return []
        found = []
        for index in range(sentence.start, sentence.end):
            phrase = self.number_at.get(index)
            if phrase is None or phrase.end >= sentence.end:
                continue
            number = self.doc[index]
            fatal = [
                t
                for t in [*number.children, self.doc[phrase.end]]
                if has_form(t, self.lexicon.fatal)
            ]
            if fatal and number.dep_ != "nummod":
                span = self._chars(phrase.start, fatal[0].i)
                found.append(
                    Mention(
                        "killed",
                        int(phrase.value),
                        None,
                        False,
                        self.sentence_number,
                        self.line_of[index],
                        "fatally",
                        index,
                        (span,),
                    )
                )
        return found

    # -- evidence ---------------------------------------------------------------------------

    def _evidence(self, worth: _Worth, match: PhraseMatch) -> tuple[Evidence, ...]:
        first, last = worth.first, worth.last
        if match.start > last + _EVIDENCE_REACH or first > match.end + _EVIDENCE_REACH:
            return (self._chars(first, last), self._chars(match.start, match.end - 1))
        return (self._chars(min(first, match.start), max(last, match.end - 1)),)

    def _chars(self, first: int, last: int) -> Evidence:
        start, end = self.doc[first].idx, self.doc[last].idx + len(self.doc[last])
        return Evidence(start=start, end=end, text=self.text[start:end])
