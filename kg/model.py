"""What extraction produces for one article, before it becomes RDF.

This is the contract between the stages: the spaCy pipeline (`kg.nlp`) finds `Mention`s,
resolution (`kg.resolve`) groups them into `Entity`s, relation extraction (`kg.relations`)
adds `Relation`s, and `kg.rdf` turns the whole `Extraction` into quads.
Character offsets are into `Extraction.text` (the article's title line and body).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .article import Article

#: Relation names are the ontology's object properties (local names in kg:).
RELATION_PROPERTIES = (
    "affiliatedWith", "nationality", "basedIn", "organizer", "host", "sponsor",
    "participant", "speaker", "location", "funds", "partnerOf",
)


@dataclass
class Mention:
    cls: str                 # Person, Institution, Country, Place or Event
    text: str                # the surface form as written
    start: int               # character offsets into Extraction.text
    end: int
    sentence: int            # index into Extraction.sentences
    key: str | None = None   # identity known from a lexicon: ISO code of a country, id of an institution or place


@dataclass
class Entity:
    cls: str
    key: str                 # identity: ISO alpha-2 for a Country, lexicon id or normalised name otherwise
    label: str               # canonical name
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    #: wikidata ("Q..."), country (ISO code where known), start / end (datetime.date, events)
    attrs: dict[str, Any] = field(default_factory=dict)

    @property
    def ref(self) -> str:
        """Identifier of the entity within one extraction (and, through kg.iris, across the graph)."""
        return f"{self.cls}:{self.key}"


@dataclass
class Relation:
    prop: str                # one of RELATION_PROPERTIES
    subject: str             # Entity.ref
    object: str              # Entity.ref
    sentence: int            # the sentence that states it (index into Extraction.sentences)
    #: details kept on the statement: role (affiliation), amount and currency (funds)
    attrs: dict[str, Any] = field(default_factory=dict)


@dataclass
class Extraction:
    article: Article
    text: str
    sentences: list[tuple[int, int]]
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def sentence_text(self, index: int) -> str:
        start, end = self.sentences[index]
        return self.text[start:end]

    def entity(self, ref: str) -> Entity | None:
        for e in self.entities:
            if e.ref == ref:
                return e
        return None
