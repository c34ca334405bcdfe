"""Details of a person said around a mention: residence, nationality, prior record, sentence.

"Jackson, 18, of Ardmore", "a 27-year-old man from Rotterdam", "un homme domicilié à Aubagne",
"un Carolorégien": residence. "A 41-year-old Dutch national": nationality. "Previously convicted",
"sans antécédents judiciaires": prior record. "Jailed for seven years and three months": 87
months of sentence. Each detail keeps the token range that states it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ghostwatch.extract.numbers import NumberPhrase
from ghostwatch.extract.people_frames import Frame, predicate_words
from ghostwatch.extract.people_lexicon import PeopleLexicon
from ghostwatch.extract.people_mentions import Mention

#: entity labels that are no place name
NOT_PLACES = frozenset({"ORG", "NORP", "DATE", "TIME", "CARDINAL", "MONEY", "PRODUCT"})


@dataclass(frozen=True)
class Detail:
    value: str | int | bool
    start: int  # token range of the evidence
    end: int


class DetailReader:
    def __init__(
        self,
        doc: Doc,
        lexicon: PeopleLexicon,
        phrases: list[NumberPhrase],
        ages: set[int] | None = None,
    ):
        self.doc = doc
        self.lexicon = lexicon
        #: number phrases that are not ages ("un homme de 31 ans à quatre ans de prison")
        self.phrases = [phrase for phrase in phrases if phrase.start not in (ages or set())]

    # -- residence -----------------------------------------------------------------------------

    def residence(self, mention: Mention, alone: bool = False) -> Detail | None:
        """Where the person lives; with `alone` (the sentence names no one else) the whole
        sentence is read ("Domicilié à Bordeaux, le prévenu ...")."""
        for reader in (self._residence_preposition, self._residence_phrase, self._residence_word):
            detail = reader(mention)
            if detail is not None:
                return detail
        if alone:
            return self._residence_phrase(
                mention, mention.sentence.start, self.lexicon.sentence_residence_phrases
            )
        return None

    def _place_at(self, index: int, limit: int) -> tuple[str, int] | None:
        """The place name starting at token `index` ("Roquebrune-sur-Argens", "St. Thomas")."""
        doc = self.doc
        connectors = self.lexicon.name_connectors
        if index >= limit or not doc[index].text[:1].isupper():
            return None
        end = index + 1
        while end < limit and self._continues_name(end, limit):
            end += 1
        while end > index + 1 and doc[end - 1].lower_ in connectors:
            end -= 1
        name = doc[index:end].text
        if not any(char.isalpha() for char in name):
            return None
        return name, end

    def _continues_name(self, index: int, limit: int) -> bool:
        doc = self.doc
        token = doc[index]
        glued = not doc[index - 1].whitespace_
        if token.text[:1].isupper() and (glued or token.pos_ == "PROPN"):
            return True
        connectors = self.lexicon.name_connectors
        return (
            token.lower_ in connectors
            and index + 1 < limit
            and (doc[index + 1].text[:1].isupper() or doc[index + 1].lower_ in connectors)
        )

    def _residence_preposition(self, mention: Mention) -> Detail | None:
        """ "Jackson, 18, of Ardmore", "a man from Rotterdam", "a 23-year-old Bendigo man"."""
        doc = self.doc
        for head in mention.heads:
            for child in head.children:
                if (
                    child.dep_ == "compound"
                    and child.pos_ == "PROPN"
                    and child.i < head.i
                    and mention.kind == "noun"
                    and self._place_word(child)
                    and self.lexicon.side_of_noun(head.lemma_.lower()) is None
                ):  # "a 23-year-old Bendigo man" (but "the Antwerp suspect" was only there)
                    start = child.left_edge.i
                    place = self._place_at(start, head.i)
                    if place:
                        return Detail(place[0], start, head.i + 1)
        # "Jackson, 18, of Ardmore", "a 27-year-old man from Rotterdam", "34 ans, de Terrebonne"
        index = mention.end
        if index < len(doc) and doc[index].text == ",":
            index += 1
        if index + 1 < len(doc) and doc[index].lower_ in self.lexicon.residence_prepositions:
            token = doc[index + 1]
            if self._place_word(token):
                place = self._place_at(token.i, mention.sentence.end)
                if place and not self._institution(place[0]):
                    return Detail(place[0], index, place[1])
        return None

    def _institution(self, name: str) -> bool:
        """ "the Montgomery County Jail", "Bolton Crown Court": a body, not a home town."""
        words = {word.lower() for word in name.split()}
        lexicon = self.lexicon
        return bool(words & (lexicon.institution_words | lexicon.official_words))

    def _place_word(self, token: Token) -> bool:
        """A capitalised word that may name a town ("Bendigo", often tagged as an organisation),
        not an institution ("Navy", "NYPD")."""
        if token.ent_type_ in NOT_PLACES - {"ORG"} or token.text.isupper():
            return False
        return token.lower_ not in self.lexicon.institution_words

    def _residence_phrase(
        self, mention: Mention, start: int | None = None, patterns: tuple | None = None
    ) -> Detail | None:
        """ "who lived in the town of X", "domicilié à X", "the man's home in X"."""
        doc = self.doc
        sentence = mention.sentence
        limit = self._clause_end(mention)
        begin = mention.start if start is None else start
        text = doc[begin:limit].text
        offset = doc[begin].idx
        for pattern in patterns if patterns is not None else self.lexicon.residence_phrases:
            match = pattern.search(text)
            if match is None:
                continue
            char = offset + match.end()
            index = next((t.i for t in sentence if t.idx >= char), None)
            if index is None:
                continue
            place = self._place_at(index, sentence.end)
            if place:
                first = next(t.i for t in sentence if t.idx + len(t.text) > offset + match.start())
                return Detail(place[0], first, place[1])
        return None

    def _residence_word(self, mention: Mention) -> Detail | None:
        """ "un Carolorégien de 41 ans", "son domicile annécien": a town's demonym."""
        doc = self.doc
        limit = self._clause_end(mention)
        for token in doc[mention.start : limit]:
            city = self.lexicon.city_demonyms.get(token.lower_)
            if city:
                return Detail(city, token.i, token.i + 1)
        return None

    def _clause_end(self, mention: Mention) -> int:
        """Where the words said of the mention stop: the next person, or the sentence end."""
        sentence = mention.sentence
        for token in self.doc[mention.end : sentence.end]:
            if token.ent_type_ == "PERSON" or token.ent_type_ == "PER":
                return token.i
            if token.pos_ == "PRON" and self.lexicon.gender_of_pronoun(token.lower_):
                return token.i
        return sentence.end

    # -- nationality ---------------------------------------------------------------------------

    def nationality(self, mention: Mention) -> Detail | None:
        lexicon = self.lexicon
        limit = self._clause_end(mention)
        for head in mention.heads:
            for token in head.subtree:
                if token.i >= limit:
                    break
                code = lexicon.nationalities.get(token.lower_)
                if code is None:
                    continue
                noun = token.head
                if token.dep_ in ("amod", "compound") and (
                    noun.lemma_.lower() in lexicon.nationality_nouns
                    or noun.lemma_.lower() in lexicon.person_nouns
                ):
                    return Detail(code, token.i, noun.i + 1)
                if token.i in (head.i,) and token.text[:1].isupper():
                    return Detail(code, token.i, token.i + 1)  # "un Français"
        return None

    # -- prior record --------------------------------------------------------------------------

    def prior_record(self, mention: Mention, alone: bool) -> Detail | None:
        """From the words said of the mention, or of the sentence when it names no one else."""
        doc = self.doc
        tokens: set[int] = set()
        for head in mention.heads:
            tokens |= {token.i for token in head.subtree}
        spans = [doc[min(tokens) : max(tokens) + 1]] if tokens else []
        if alone:
            spans.append(mention.sentence)
        for span in spans:
            detail = self._prior_in(span)
            if detail is not None:
                return detail
        return None

    def _prior_in(self, span: Span) -> Detail | None:
        text = span.text
        for value, patterns in ((False, self.lexicon.prior_no), (True, self.lexicon.prior_yes)):
            for pattern in patterns:
                match = pattern.search(text)
                if match:
                    start = span.start_char + match.start()
                    end = span.start_char + match.end()
                    char_span = self.doc.char_span(start, end, alignment_mode="expand")
                    if char_span is None:
                        continue
                    return Detail(value, char_span.start, char_span.end)
        return None

    # -- prison sentence -----------------------------------------------------------------------

    def sentence_months(self, frames: list[Frame]) -> Detail | None:
        words = self.lexicon.sentences
        for frame in frames:
            verb = frame.token
            if frame.negated or frame.voice in ("event", "noun"):
                continue
            if verb.lemma_.lower() not in words.verbs and verb.lower_ not in words.verbs:
                continue
            detail = self._term(verb)
            if detail is not None:
                return detail
        return None

    def _term(self, verb: Token) -> Detail | None:
        """The term given by a sentencing verb: "to seven years and three months"."""
        doc = self.doc
        words = self.lexicon.sentences
        indexes = sorted(
            {verb.i}
            | {
                token.i
                for child in verb.children
                if child.dep_
                not in (
                    "nsubj",
                    "nsubjpass",
                    "nsubj:pass",
                    "conj",
                    "cc",
                    "punct",
                    "advcl",
                    "parataxis",
                    "relcl",
                )
                for token in child.subtree
            }
        )
        inside = set(indexes)
        text = predicate_words(verb)
        if any(pattern.search(text) for pattern in words.excluded):
            return None
        months = 0
        first = last = None
        for phrase in self.phrases:
            if phrase.start not in inside:
                continue
            unit_index = phrase.end
            if unit_index < len(doc) and doc[unit_index].text in ("-", "–"):
                unit_index += 1
            if unit_index >= len(doc):
                continue
            unit = doc[unit_index].lower_
            if unit not in words.units or phrase.value != int(phrase.value):
                continue
            months += int(phrase.value) * words.units[unit]
            first = phrase.start if first is None else first
            last = unit_index + 1
            if not self._continues(unit_index + 1, inside):
                break
        if first is None or last is None or months <= 0:
            return None
        return Detail(months, first, last)

    def _continues(self, index: int, inside: set[int]) -> bool:
        """Whether the term goes on ("seven years and three months")."""
        return index in inside and self.doc[index].lower_ in ("and", "et", ",")
