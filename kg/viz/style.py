"""How the view looks: colour and shape per class, relations in plain words, community colours.

Readers of the page are policy analysts, not RDF people: every relation gets a short English
phrase read from the arrow's tail to its head, and every class one colour and one shape, so that
a printout in grey still tells people from institutions.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassStyle:
    colour: str
    shape: str  # a vis-network shape whose label sits outside the node, so size stays meaningful
    plural: str


CLASS_STYLES: dict[str, ClassStyle] = {
    "Person": ClassStyle("#2f6fb0", "dot", "People"),
    "Institution": ClassStyle("#e07b18", "square", "Institutions"),
    "Country": ClassStyle("#2e9a4a", "triangle", "Countries"),
    "Place": ClassStyle("#8a4fbf", "diamond", "Places"),
    "Event": ClassStyle("#c8302c", "star", "Events"),
    # Nodes drawn from a --query result that are not entities of the store.
    "Other": ClassStyle("#7b7b7b", "triangleDown", "Other resources"),
    "Value": ClassStyle("#a8a8a8", "hexagon", "Values"),
}

#: kg property -> (phrase, reversed). Event properties have the event as subject in RDF
#: ("event kg:organizer bank"); the page draws them from the actor to the event so that the
#: phrase reads as a sentence: "bank organised event".
RELATION_WORDS: dict[str, tuple[str, bool]] = {
    "affiliatedWith": ("works for", False),
    "nationality": ("nationality", False),
    "basedIn": ("based in", False),
    "funds": ("funds", False),
    "partnerOf": ("partner of", False),
    "organizer": ("organised", True),
    "host": ("hosted", True),
    "sponsor": ("sponsored", True),
    "speaker": ("spoke at", True),
    "participant": ("took part in", True),
    "location": ("located in", False),
    "country": ("located in", False),
}

#: Colour-blind-friendly qualitative palette (Tableau 10 and its lighter half) for communities.
COMMUNITY_COLOURS = (
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac", "#a0cbe8", "#ffbe7d", "#8cd17d", "#f1ce63", "#d4a6c8", "#86bcb6",
)


def class_style(cls: str) -> ClassStyle:
    return CLASS_STYLES.get(cls, CLASS_STYLES["Other"])


def relation_words(prop: str) -> tuple[str, bool]:
    """The phrase for a property (its local name) and whether the page draws it reversed."""
    if prop in RELATION_WORDS:
        return RELATION_WORDS[prop]
    # A property from elsewhere (a --query result): split camelCase into words.
    words = "".join(" " + c.lower() if c.isupper() else c for c in prop).strip()
    return words or prop, False
