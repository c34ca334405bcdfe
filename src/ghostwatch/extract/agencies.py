"""The organisations acting in the case: police, gendarmerie, prosecutors, courts, customs.

Bodies are found by extract/bodies.py in the sentences about the case. Repeated mentions of one
body become one agency with several evidence spans: mentions of the same kind and title are the
same body unless their seats or countries differ ("the prosecutor's office in Marseille",
"Marseille prosecutor Nicolas Bessone" and "the public prosecutor's office" are one). A bare
mention ("police said", "les gendarmes") is coded only when no named body of its kind is. An
agency's country comes from its own name (a national body, a demonym), else from its seat, else
from the country of the case.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from ghostwatch.extract.bodies import Body, bodies_in
from ghostwatch.extract.component import ExtractionComponent, component
from ghostwatch.extract.places import place_finder
from ghostwatch.extract.state import ExtractionState
from ghostwatch.geo import name_key
from ghostwatch.model import Agency, Location
from ghostwatch.model import Span as Evidence


@dataclass
class _Entry:
    body: Body
    country: str | None
    seat: str | None
    spans: list[tuple[int, int]] = field(default_factory=list)

    def same_body(self, body: Body, country: str | None, seat: str | None) -> bool:
        return (
            body.kind == self.body.kind
            and body.label == self.body.label
            and (seat is None or self.seat is None or seat == self.seat)
            and (country is None or self.country is None or country == self.country)
        )


@component("ghostwatch_agencies")
class AgencyTagger(ExtractionComponent):
    fills = ("agencies",)

    def fill(self, doc: Doc, state: ExtractionState) -> None:
        text = state.document.text
        bodies = [
            body
            for body in bodies_in(self.pack.code, text)
            if state.in_case(doc.char_span(body.start, body.end, alignment_mode="expand").sent)
        ]
        case_country = _case_country(state.report.countries, state.report.locations)
        entries: list[_Entry] = []
        for generic in (False, True):
            for body in bodies:
                if body.generic != generic:
                    continue
                if generic and any(
                    e.body.kind == body.kind and not e.body.generic for e in entries
                ):
                    continue  # "police said" beside a named force is that force
                seat = name_key(text[body.seat[0] : body.seat[1]]) if body.seat else None
                country = self._own_country(text, body, state)
                entry = next((e for e in entries if e.same_body(body, country, seat)), None)
                if entry is None:
                    # a body neither its name nor its seat places is in the case's country,
                    # unless it is a body already named ("the public prosecutor's office"
                    # after "the prosecutor's office in Marseille")
                    if not body.country_known:
                        country = country or case_country
                    entry = _Entry(body, country, seat)
                    entries.append(entry)
                entry.seat = entry.seat or seat
                if not entry.body.country_known:
                    entry.country = entry.country or country
                entry.spans.append((body.start, body.end))
        entries.sort(key=lambda entry: entry.spans[0][0])
        state.report.agencies = [
            Agency(
                name=text[entry.body.start : entry.body.end],
                kind=entry.body.kind,
                country=entry.country,
                evidence=[
                    Evidence(start=start, end=end, text=text[start:end])
                    for start, end in sorted(entry.spans)
                ],
            )
            for entry in entries
        ]

    @staticmethod
    def _own_country(text: str, body: Body, state: ExtractionState) -> str | None:
        """The country the body's own name or seat gives, if any."""
        if body.country_known:
            return body.country
        if body.seat is not None:
            start, end = body.seat
            for location in state.report.locations:
                if any(span.start < end and start < span.end for span in location.evidence):
                    return location.country
            places = place_finder(state.pack.code).seat_places(text[start:end])
            inside = [p for p in places if p.country in state.report.countries]
            if inside or places:
                return (inside or places)[0].country
        return None


def _case_country(countries: list[str], locations: list[Location]) -> str | None:
    """The country the case happened in: the first of `countries`, else of any location."""
    if countries:
        return countries[0]
    return next((location.country for location in locations if location.country), None)
