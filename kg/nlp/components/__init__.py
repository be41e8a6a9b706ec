"""kg's spaCy components, one concern each; importing this module registers them."""
from . import acronyms, coreference, events, gazetteer, institutions, persons, places, select, sentences, statistical  # noqa: F401
