"""The role a place mention plays in the case, read from the words around it.

The seat of a court or a prosecutor is the `authority`'s; a police force works in the area it is
named after ("Chicago police"), so its seat is an `incident` place, while gendarmerie units,
customs and other bodies serve wider areas from their seat (`authority`). Otherwise the pack's
cues decide:
where the wounded, the arrested or the dead were taken afterwards (a hospital, a jail, an
autopsy: `other`, not coded, but still read as context for the case's namesakes), goods `from` a
place (`origin`) or sent `to` one (`destination`), where a suspect lives
(`residence`: "who lived in", "Daniel Hargreaves, of Walsall", "A Rockingham man", "domicilié
à"; a victim's home is `other` and is not coded). A place continuing a list takes the
role of the one before it ("to buyers in Belgium, the Netherlands and France"). Everything else
is where the case happened (`incident`).
"""

from __future__ import annotations

from typing import Any

from ghostwatch.extract.place_mentions import PlaceMention, any_of

#: bodies that work in the area they are named after
AREA_FORCES = frozenset({"police"})
#: roles of the place itself read from the words around a mention, in the order they are tried
PLACE_ROLES = ("other", "origin", "destination")
#: every role read from the words around a mention (a residence is checked after the others)
CUED_ROLES = (*PLACE_ROLES, "residence")
#: how far before and after a mention the cues are looked for (characters, within its sentence)
BEFORE = 120
AFTER = 60


class RoleReader:
    """The pack's role cues, compiled once per language."""

    def __init__(self, config: dict[str, Any]):
        roles = config.get("roles") or {}
        self.before = {role: any_of((roles.get(role) or {}).get("before")) for role in CUED_ROLES}
        self.after = {role: any_of((roles.get(role) or {}).get("after")) for role in CUED_ROLES}
        residence = roles.get("residence") or {}
        person = residence.get("person_before")
        self.person_before = any_of([person] if person else None, flags=0)
        self.suspect_sentence = any_of(residence.get("suspect_sentence"))
        self.list_joint = any_of(config.get("list_joints"))
        self.distinct_area = any_of(f"(?:{p})$" for p in config.get("distinct_area_before") or ())

    def assign(self, text: str, mentions: list[PlaceMention]) -> None:
        """Set each mention's `role` and `distinct` flag (mentions in text order)."""
        previous = None
        for mention in mentions:
            mention.role = self._role(text, mention, previous)
            mention.distinct = bool(self.distinct_area.search(text, 0, mention.start))
            previous = mention

    def _role(self, text: str, mention: PlaceMention, previous: PlaceMention | None) -> str:
        if mention.body is not None:
            return "incident" if mention.body.kind in AREA_FORCES else "authority"
        sentence = mention.sentence
        before = text[max(sentence.start_char, mention.start - BEFORE) : mention.start]
        after = text[mention.end : min(sentence.end_char, mention.end + AFTER)]
        for role in PLACE_ROLES:
            if self.before[role].search(before) or self.after[role].match(after):
                return role
        if (
            self.after["residence"].match(after)
            or self.before["residence"].search(before)
            or self.person_before.search(before)
        ):
            return self._whose_home(sentence.text)
        if (
            previous is not None
            and previous.body is None
            and previous.sentence == sentence
            and self.list_joint.fullmatch(text[previous.end : mention.start])
        ):
            return previous.role
        return "incident"

    def _whose_home(self, sentence: str) -> str:
        """`residence` for a suspect's home, in a sentence that speaks of a suspect ("A Toledo
        man was arrested"); anyone else's home (a victim's, a witness's, a bystander's: "a
        16-year-old girl who lived in Antioch") is not coded (`other`)."""
        return "residence" if self.suspect_sentence.search(sentence) else "other"
