"""Entity resolution: mentions of one article grouped into entities with stable keys."""
from __future__ import annotations

from .iris import normalize
from .model import Entity, Mention


def resolve_mentions(mentions: list[Mention], lang: str) -> list[Entity]:
    """Group mentions by identity: lexicon key where known, normalised name otherwise."""
    entities: dict[tuple[str, str], Entity] = {}
    for m in mentions:
        key = m.key or normalize(m.text)
        ent = entities.get((m.cls, key))
        if ent is None:
            ent = entities[(m.cls, key)] = Entity(cls=m.cls, key=key, label=m.text)
        if len(m.text) > len(ent.label) and not m.key:
            ent.label = m.text
        ent.aliases.add(m.text)
        ent.mentions.append(m)
    return list(entities.values())
