"""Person mentions in one sentence: names, person nouns, bare ages and pronouns.

A mention is one noun phrase that points at a person ("a 26-year-old man", "The suspect,
Tyrell Banks, 17, of Paris", "un homme de 26 ans", "he"), or at several people listed with one
age each ("two men, aged 25 and 30"). Appositions are folded into one mention; ages are hung on
the mention they describe. Linking mentions into people is `people_links`' job.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.evidence import entities_in
from ghostwatch.extract.people_ages import AgeExpression
from ghostwatch.extract.people_frames import OBJECTS, REFLEXIVES
from ghostwatch.extract.people_lexicon import PeopleLexicon
from ghostwatch.text.numbers import parse_number

MentionKind = Literal["name", "noun", "age", "pronoun"]

#: entity labels of person names in the English and French models
PERSON_LABELS = frozenset({"PERSON", "PER"})

#: the longest gap (in tokens) between a person noun and an age written after it ("âgé de")
AGE_GAP = 4
#: the most words of a name the recogniser missed
NAME_WORDS = 4
#: the most people one age may stand for ("two 16-year-olds")
MAX_LISTED = 6


@dataclass(eq=False)
class Mention:
    sentence: Span
    head: Token
    start: int  # token span of the label
    end: int
    kind: MentionKind
    name: str | None = None
    gender: str | None = None
    definite: bool = False
    possessive: bool = False
    plural: bool = False
    count: int = 1
    #: a definite group named together ("the three men", "les deux principaux suspects"):
    #: not a person, but what is said of it is said of each member; `size` when counted
    group: bool = False
    size: int | None = None
    nouns: set[str] = field(default_factory=set)
    ages: list[int] = field(default_factory=list)
    heads: list[Token] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.sentence.doc[self.start : self.end].text

    def covers(self, index: int) -> bool:
        return self.start <= index < self.end or any(head.i == index for head in self.heads)


class MentionFinder:
    """Finds the person mentions of a sentence; officials' names are kept apart."""

    def __init__(self, doc: Doc, lexicon: PeopleLexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.officials: set[str] = set()
        #: words of the names met so far: a later bare "Reyes" is a name even untagged
        self.known: set[str] = set()

    def remember(self, name: str) -> None:
        self.known |= {word for word in name.split() if len(word) > 2}

    def find(self, sentence: Span, ages: list[AgeExpression]) -> list[Mention]:
        names = self._names(sentence)
        names += self._known_names(sentence, names)
        mentions = names + self._nouns(sentence) + self._bare_ages(sentence, ages)
        mentions.sort(key=lambda mention: mention.start)
        mentions = self._fold_appositions(mentions)
        self._attach_ages(sentence, mentions, ages)
        mentions += self._pronouns(sentence)
        mentions.sort(key=lambda mention: mention.start)
        for mention in mentions:
            mention.nouns |= self._apposed_side_nouns(mention)
        return [mention for mention in mentions if self._singles_out(mention)]

    # -- candidates ----------------------------------------------------------------------------

    def _names(self, sentence: Span) -> list[Mention]:
        found = []
        for entity in entities_in(sentence):
            if entity.label_ not in PERSON_LABELS:
                continue
            end = entity.end
            while end > entity.start and self.doc[end - 1].text in ("'s", "’s", "'", "’"):
                end -= 1
            tokens = self.doc[entity.start : end]
            if self._person_name(tokens):
                found.append(self._name_mention(sentence, tokens))
        return found

    def _person_name(self, tokens: Span) -> bool:
        """Whether a span the recogniser tagged as a person names a person of the case."""
        text = tokens.text
        if not text or not any(char.isalpha() for char in text) or not text[0].isupper():
            return False
        if "\n" in text or text.isupper():
            return False  # headings and datelines in capitals ("NANCY", "LAS VEGAS")
        words = {token.lower_ for token in tokens}
        if words & self.lexicon.not_names or self._names_a_thing(tokens):
            return False
        if self._place_or_word(tokens):
            return False
        if words & self.lexicon.official_words or self._official(tokens):
            self.officials.add(tokens[-1].lower_)
            return False
        root = tokens.root
        if root.dep_ == "compound" and root.head.i >= tokens.end:
            return False  # "Stroger Hospital", "Smith family": the name qualifies a thing
        return tokens[-1].lower_ not in self.officials

    def _name_mention(self, sentence: Span, tokens: Span) -> Mention:
        """The name with the nouns written before it ("suspect John Smith", "Mr Jones")."""
        start = tokens.start
        nouns: set[str] = set()
        gender = None
        while start > sentence.start:
            word = self.doc[start - 1]
            lemma = word.lemma_.lower()
            described = word.dep_ == "compound" or (
                word.dep_ == "amod" and lemma in self.lexicon.person_nouns
            )
            if word.is_space or word.is_punct or not described:
                break
            if lemma in self.lexicon.person_nouns:
                nouns.add(lemma)
                gender = gender or _gender(self.lexicon.person_nouns[lemma])
            start -= 1
        words = {token.lower_ for token in tokens}
        for title_gender, titles in self.lexicon.titles.items():
            if words & titles or self._lower(tokens.start - 1) in titles:
                gender = title_gender
        root = tokens.root
        return Mention(
            sentence,
            root,
            start,
            tokens.end,
            "name",
            name=tokens.text,
            gender=gender,
            nouns=nouns,
            heads=[root],
        )

    def _known_names(self, sentence: Span, names: list[Mention]) -> list[Mention]:
        """ "Reyes, a German national, ...": a name already met, which the recogniser missed."""
        found = []
        for token in sentence:
            if token.text not in self.known or token.pos_ not in ("PROPN", "NOUN"):
                continue
            if any(name.covers(token.i) for name in names) or token.ent_type_ in ("GPE", "LOC"):
                continue
            if token.i + 1 < sentence.end and self.doc[token.i + 1].pos_ == "PROPN":
                continue  # part of a longer name
            found.append(
                Mention(
                    sentence, token, token.i, token.i + 1, "name", name=token.text, heads=[token]
                )
            )
        return found

    def _place_or_word(self, tokens: Span) -> bool:
        """Tags the models get wrong: "of Mandurah", "from Lund" (places), "Déférés" (a
        participle opening a sentence), "Ont." (an abbreviation)."""
        root = tokens.root
        if len(tokens) == 1 and (root.pos_ in ("VERB", "ADJ", "ADV", "AUX") or len(root.text) <= 3):
            return True
        preposition = root.head if root.dep_ in ("pobj", "obl", "obl:mod", "nmod") else None
        if root.dep_ in ("obl", "obl:mod", "nmod"):
            preposition = next((c for c in root.children if c.dep_ == "case"), None)
        if preposition is None:
            return False
        if preposition.lower_ in self.lexicon.place_prepositions:
            return True
        # "Ryan Doherty, 38, of Mandurah": "of" after a person's age or name
        before = self.doc[preposition.i - 1] if preposition.i > 0 else None
        return preposition.lower_ in self.lexicon.residence_prepositions and (
            before is not None and before.text == ","
        )

    def _names_a_thing(self, tokens: Span) -> bool:
        """ "la messagerie Telegram", "the app Signal": a name given to a thing."""
        root = tokens.root
        governor = root.head
        return (
            root.dep_ in ("appos", "nmod", "flat", "flat:name", "compound")
            and governor.pos_ == "NOUN"
            and governor.i < root.i
            and not self._person_noun(governor)
            and governor.lower_ not in self.lexicon.official_words
        )

    def _official(self, tokens: Span) -> bool:
        """Whether a name is given with an official's title or function around it."""
        doc = self.doc
        if tokens.start > 0 and doc[tokens.start - 1].lower_ in self.lexicon.official_words:
            return True  # "Sgt. Tom Baker", "said prosecutor Elin Sandberg"
        root = tokens.root
        neighbours = [child for child in root.children if child.dep_ in ("appos", "compound")]
        if root.dep_ == "appos":
            neighbours.append(root.head)
        for neighbour in neighbours:
            words = {token.lower_ for token in neighbour.subtree}
            if neighbour.lower_ in self.lexicon.official_words or (
                neighbour.dep_ == "appos" and words & self.lexicon.official_words
            ):
                return True
        return False

    def _person_noun(self, token: Token) -> bool:
        lexicon = self.lexicon
        if self._multiword_noun(token):
            return True
        if token.pos_ not in ("NOUN", "PROPN"):
            # the French tagger often reads "prévenu", "suspect" as a verb or adjective
            determined = any(child.dep_ == "det" for child in token.children)
            return determined and token.lower_ in lexicon.person_nouns and token.dep_ != "amod"
        lemma = token.lemma_.lower()
        if lemma in lexicon.person_nouns or token.lower_ in lexicon.person_nouns:
            return True
        if lemma in lexicon.decade_nouns or token.lower_ in lexicon.decade_nouns:
            return True
        return (
            lexicon.demonym_person is not None
            and token.text[:1].isupper()
            and token.i > token.sent.start
            and lexicon.demonym_person.fullmatch(token.text) is not None
            and any(child.lower_ in ("un", "une", "le", "la", "l'") for child in token.children)
        )

    def _multiword_noun(self, token: Token) -> str | None:
        """A person noun of several words starting at `token` ("mis en cause")."""
        for noun in self.lexicon.multiword_person_nouns:
            words = noun.split()
            tokens = self.doc[token.i : token.i + len(words)]
            if len(tokens) == len(words) and [t.lower_ for t in tokens] == words:
                return noun
        return None

    def _noun_gender(self, token: Token) -> str | None:
        lemma = token.lemma_.lower()
        gender = self.lexicon.person_nouns.get(lemma, self.lexicon.person_nouns.get(token.lower_))
        if gender == "grammatical" or (gender is None and lemma not in self.lexicon.person_nouns):
            # the noun's own gender says the person's ("un étudiant"); English nouns have none
            grammatical = token.morph.get("Gender")
            if grammatical == ["Masc"]:
                return "male"
            if grammatical == ["Fem"]:
                return "female"
            return None
        return gender if gender in ("male", "female") else None

    def _nouns(self, sentence: Span) -> list[Mention]:
        found = []
        in_names = {
            token.i
            for entity in entities_in(sentence)
            if entity.label_ in PERSON_LABELS
            for token in entity
        }
        for token in sentence:
            if token.i in in_names or not self._person_noun(token):
                continue
            if token.dep_ == "compound" and token.head.i > token.i:
                continue  # "suspect vehicle", "victim advocate"
            start = min(
                (
                    child.i
                    for child in token.children
                    if sentence.start <= child.i < token.i
                    and child.dep_ not in ("punct", "cc", "case", "mark")
                ),
                default=token.i,
            )
            multiword = self._multiword_noun(token)
            end = token.i + (len(multiword.split()) if multiword else 1)
            while (
                end < sentence.end
                and self.doc[end].head.i == token.i
                and (
                    self.doc[end].dep_ in ("amod", "flat", "flat:name")
                    and self.doc[end].pos_ == "ADJ"
                )
            ):
                end += 1
            found.append(self._noun_mention(sentence, token, start, end))
        return found

    def _noun_mention(self, sentence: Span, token: Token, start: int, end: int) -> Mention:
        lexicon = self.lexicon
        determiners = [child for child in token.children if child.i < token.i]
        definite = any(
            child.lower_ in lexicon.definite_determiners and child.dep_ == "det"
            for child in determiners
        )
        possessive = any(
            child.dep_ == "poss" or "Poss=Yes" in str(child.morph) for child in determiners
        )
        plural = token.morph.get("Number") == ["Plur"]
        count = 1
        size = None
        for child in token.children:
            if child.dep_ == "nummod" and child.like_num and child.i < token.i:
                count = 0  # decided by the ages listed, if any
                size = _counted(child, lexicon.language)
            elif child.lower_ in lexicon.both_words and child.i < token.i:
                size = 2
        lemma = self._multiword_noun(token) or token.lemma_.lower()
        nouns = {lemma, token.lower_} | {
            child.lower_
            for child in token.children
            if child.dep_ in ("amod", "compound") and child.lower_ in lexicon.person_nouns
        }
        return Mention(
            sentence,
            token,
            start,
            end,
            "noun",
            gender=self._noun_gender(token),
            definite=definite,
            possessive=possessive,
            plural=plural,
            count=count,
            nouns=nouns,
            heads=[token],
            size=size,
        )

    def _bare_ages(self, sentence: Span, ages: list[AgeExpression]) -> list[Mention]:
        """ "A 17-year-old has been charged": the age stands for the person."""
        found = []
        for expression in ages:
            if expression.target is None or expression.kind != "single":
                continue
            target = self.doc[expression.target]
            if target.lower_ not in self.lexicon.ages.old_words:
                continue
            start = expression.start
            if start > sentence.start and self.doc[start - 1].dep_ == "det":
                start -= 1
            counts = [
                _counted(child, self.lexicon.language)
                for child in target.children
                if child.dep_ == "nummod" and child.i < expression.start
            ]  # "two 16-year-olds"
            count = next((n for n in counts if n is not None and 1 < n <= MAX_LISTED), 1)
            mention = Mention(
                sentence,
                target,
                start,
                expression.end,
                "age",
                ages=list(expression.values) * count,
                heads=[target],
            )
            mention.definite = self._lower(start) in self.lexicon.definite_determiners
            mention.plural = target.lower_.endswith("s")
            found.append(mention)
        return found

    def _pronouns(self, sentence: Span) -> list[Mention]:
        found = []
        for token in sentence:
            gender = self.lexicon.gender_of_pronoun(token.lower_)
            if gender is None or token.pos_ != "PRON" or token.tag_ == "PRP$":
                continue
            if "Poss=Yes" in str(token.morph):
                continue
            if token.lower_ in REFLEXIVES and token.dep_ in OBJECTS:
                continue  # "then shot himself": the subject, whose own frames say it
            found.append(
                Mention(
                    sentence,
                    token,
                    token.i,
                    token.i + 1,
                    "pronoun",
                    gender=gender,
                    definite=True,
                    heads=[token],
                )
            )
        return found

    # -- folding and ages ----------------------------------------------------------------------

    def _fold_appositions(self, mentions: list[Mention]) -> list[Mention]:
        """ "The man, Daniel Hargreaves," and "Tyler Benson, 28, a Mesa man" are one mention."""
        kept: list[Mention] = []
        for mention in mentions:
            host = next((other for other in kept if self._apposed(other, mention)), None)
            if host is None:
                kept.append(mention)
                continue
            host.heads.extend(mention.heads)
            host.end = max(host.end, mention.end)
            host.nouns |= mention.nouns
            host.name = host.name or mention.name
            host.gender = host.gender or mention.gender
            host.ages.extend(mention.ages)
            if mention.kind == "name":
                host.kind = "name"
            host.plural = host.plural and mention.plural
        return kept

    def _apposed(self, first: Mention, second: Mention) -> bool:
        if first.kind == "name" and second.kind == "name":
            return False  # two names side by side are two people
        head = second.head
        if head.dep_ == "appos" and first.covers(head.head.i):
            return True
        if first.head.dep_ == "appos" and second.covers(first.head.head.i):
            return True
        gap = self.doc[first.end : second.start]
        return (
            len(gap) == 1
            and gap[0].text == ","
            and second.kind != "pronoun"
            and (first.kind == "name" or second.kind == "name")
            and not first.plural
            and not second.plural
        )

    def _attach_ages(
        self, sentence: Span, mentions: list[Mention], ages: list[AgeExpression]
    ) -> None:
        for expression in ages:
            if expression.kind == "range":
                continue
            mention = self._described(sentence, mentions, expression)
            if mention is None:
                mention = self._age_target(sentence, expression) or self._unnamed_name(
                    sentence, expression
                )
                if mention is not None:
                    mentions.append(mention)
            if mention is None or mention.kind == "age":
                continue
            mention.ages.extend(expression.values)
            if not expression.predicative:
                mention.end = max(mention.end, expression.end)
                mention.start = min(mention.start, expression.start)
            if expression.distributive:
                for other in mentions:  # "He and Quamari McAllister, both 19"
                    if (
                        other is not mention
                        and other.kind != "age"
                        and _coordinated(other, mention)
                    ):
                        other.ages.extend(expression.values)

    def _age_target(self, sentence: Span, expression: AgeExpression) -> Mention | None:
        """ "a 45-year-old Navy veteran", "un étudiant de 22 ans": the noun an age describes is
        a person even when the lexicon does not list it."""
        if expression.target is None or expression.appositive:
            return None
        target = self.doc[expression.target]
        if not sentence.start <= target.i < sentence.end:
            return None
        if target.pos_ not in ("NOUN", "PROPN", "ADJ"):
            return None
        words = {target.lemma_.lower(), target.lower_}
        if words & (self.lexicon.non_person_nouns | self.lexicon.ages.unit_words):
            return None
        if target.lower_ in self.lexicon.ages.old_words | self.lexicon.ages.year_words:
            return None
        if words & set(self.lexicon.person_nouns):
            start = min(
                (c.i for c in target.children if c.i < target.i and c.dep_ == "det"),
                default=target.i,
            )
            return self._noun_mention(sentence, target, start, target.i + 1)
        if expression.predicative and target.pos_ == "PROPN" and target.i < expression.start:
            # "Bournes, who was 59,": a name the recogniser missed
            start = min((c.i for c in target.children if c.dep_ == "compound"), default=target.i)
            tokens = self.doc[start : target.i + 1]
            return Mention(
                sentence, target, start, target.i + 1, "name", name=tokens.text, heads=[target]
            )
        # an unknown word after the age ("a 45-year-old veteran", or a verb the tagger read as
        # a noun: "A 17-year-old mistook ..."): the age alone names the person
        start = expression.start
        if start > sentence.start and self.doc[start - 1].dep_ == "det":
            start -= 1
        nouns = {  # "Un huitième suspect, âgé de 29 ans"
            child.lower_
            for child in target.children
            if child.dep_ in ("amod", "compound") and child.lower_ in self.lexicon.person_nouns
        }
        return Mention(
            sentence,
            target,
            start,
            expression.end,
            "age",
            ages=list(expression.values),
            nouns=nouns,
            heads=[target],
        )

    def _apposed_side_nouns(self, mention: Mention) -> set[str]:
        """ "Marquise Frederick, 19, one of the accused shooters": the side said beside."""
        found = set()
        for head in mention.heads:
            for child in head.children:
                if child.dep_ != "appos" or mention.covers(child.i):
                    continue
                for token in child.subtree:
                    lemma = token.lemma_.lower()
                    said = token.dep_ in ("appos", "pobj", "attr") or token.i == child.i
                    if said and self.lexicon.side_of_noun(lemma):
                        found.add(lemma)
        return found

    def _nickname(self, gap: Span) -> bool:
        """ "Antonio Clark, aka Cheeto, 25": a nickname between the name and its age."""
        words = [token for token in gap if not token.is_punct]
        return (
            len(gap) > 0
            and gap[0].text == ","
            and bool(words)
            and words[0].lower_ in self.lexicon.ages.nickname_words
            and len(words) <= NAME_WORDS
        )

    def _unnamed_name(self, sentence: Span, expression: AgeExpression) -> Mention | None:
        """ "Marquez Jabar McCowin, 28,": a name the recogniser missed, written in capitals just
        before an apposed age."""
        if not expression.appositive:
            return None
        end = expression.anchor
        start = end
        while start > sentence.start and start > end - NAME_WORDS:
            token = self.doc[start - 1]
            if (
                token.pos_ != "PROPN"
                or not token.text[:1].isupper()
                or token.ent_type_ in ("FAC", "NORP", "DATE")
            ):
                break  # ("Marcus Hill, 31," is often tagged a place: the age says a person)
            start -= 1
        if end - start < 2:
            return None
        tokens = self.doc[start:end]
        words = {token.lower_ for token in tokens}
        if words & (self.lexicon.official_words | self.lexicon.not_names) or tokens.text.isupper():
            return None
        if start > sentence.start and self.doc[start - 1].lower_ in self.lexicon.place_prepositions:
            return None
        root = tokens.root
        return Mention(sentence, root, start, end, "name", name=tokens.text, heads=[root])

    def _described(
        self, sentence: Span, mentions: list[Mention], expression: AgeExpression
    ) -> Mention | None:
        if expression.target is not None:
            for mention in mentions:
                if mention.covers(expression.target):
                    return mention
            target = self.doc[expression.target]
            if target.lower_ in self.lexicon.ages.old_words or expression.bound:
                return None
        if expression.appositive:  # "Reeves, 30, an Army veteran,": folded around the age
            around = [
                mention
                for mention in mentions
                if mention.covers(expression.anchor - 1) and mention.end > expression.anchor
            ]
            if around:
                return around[0]
        before = [mention for mention in mentions if mention.end <= expression.anchor]
        if not before:
            return None
        nearest = max(before, key=lambda mention: mention.end)
        gap = self.doc[nearest.end : expression.anchor]
        if expression.appositive:
            return nearest if not len(gap) or self._nickname(gap) else None
        if len(gap) > AGE_GAP or any(token.pos_ in ("VERB", "AUX") for token in gap):
            return None
        return nearest

    # -- filters -------------------------------------------------------------------------------

    def _singles_out(self, mention: Mention) -> bool:
        """Groups are not persons, unless an age is listed for each of their members; a noun
        said of someone ("described as the group's leader") is not another person."""
        if mention.kind in ("name", "pronoun"):
            return True
        if mention.kind == "noun" and not mention.ages and _predicative(mention.head):
            return False
        if mention.plural or mention.count == 0:
            if len(mention.ages) >= 2:
                mention.count = len(mention.ages)
                return True
            mention.group = mention.definite and not mention.ages
            return mention.group
        return len(mention.ages) <= 1

    def _lower(self, index: int) -> str:
        return self.doc[index].lower_ if 0 <= index < len(self.doc) else ""


def _counted(token: Token, language: str) -> int | None:
    """The whole number a counting word says ("two", "3"), if any."""
    value = parse_number(token.text, language)
    return int(value) if value is not None and value == int(value) else None


def _gender(value: str | None) -> str | None:
    """A lexicon gender as a person's gender ("grammatical" and null say nothing)."""
    return value if value in ("male", "female") else None


def _coordinated(first: Mention, second: Mention) -> bool:
    """Whether two mentions are joined by "and" in the parse."""
    for one, other in ((first, second), (second, first)):
        if any(head.dep_ == "conj" and other.covers(head.head.i) for head in one.heads):
            return True
    return False


def _predicative(token: Token) -> bool:
    """A noun said of another: "as the group's leader", "comme la tête", "was the shooter"."""
    if token.dep_ == "attr":
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "as":
        return True
    return any(child.dep_ == "case" and child.lower_ == "comme" for child in token.children)
