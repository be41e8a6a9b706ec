"""One spaCy pipeline per language, built without any model download."""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_suffix_regex

from ..model import Mention
from . import components  # noqa: F401  (registers the kg_* factories)
from .components.events import GROUP as EVENTS
from .components.select import ALIASES, ENTS, NESTED
from .tokens import tokens
from .components.statistical import load_model, model_name

LABELS = ("Person", "Institution", "Country", "Place", "Event")
#: Longest text one spaCy call takes; longer articles are read in pieces (see extract()).
MAX_LENGTH = 2_000_000


@lru_cache(maxsize=None)
def pipeline_for(lang: str, set_ents: bool = False) -> Language:
    """blank(lang) + kg's sentence splitter + rule and lexicon components (+ a statistical NER if named).

    With `set_ents`, the entities are also set as `doc.ents` (for displaCy and spaCy tools);
    kg itself reads them with `mentions_from_doc`.
    """
    nlp = spacy.blank(lang)
    # "(Agencia IP).- El": a dateline's closing ".-" is punctuation of its own, not part of "IP)"
    nlp.tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, r"\.[-–—]+"]).search
    nlp.max_length = MAX_LENGTH
    nlp.add_pipe("kg_sentences")
    nlp.add_pipe("kg_gazetteer")
    nlp.add_pipe("kg_places")
    nlp.add_pipe("kg_institutions")
    nlp.add_pipe("kg_persons")
    if load_model(lang) is not None:
        nlp.add_pipe("kg_statistical", config={"model": model_name(lang)})
    nlp.add_pipe("kg_select")
    nlp.add_pipe("kg_acronyms")
    nlp.add_pipe("kg_coreference", config={"set_ents": set_ents})
    nlp.add_pipe("kg_events")
    # The pipeline (vocabulary, string store, lexicons: some 600k entries) lives as long as the
    # process; each full collection of the cyclic GC would walk it again, ~0.2 s, some 10% of
    # extraction's CPU. Frozen, the collector leaves it, and what else is alive now, alone.
    gc.freeze()
    return nlp


def mentions_from_doc(doc: Doc) -> list[Mention]:
    """Entity mentions the pipeline found (entities, events, places named inside institutions'
    names, institutions' names without their country), in text order."""
    if ENTS not in doc.user_data:  # a pipeline without kg's components: its own NER, if any
        return [Mention(cls=e.label_, text=e.text, start=e.start_char, end=e.end_char, sentence=0,
                        key=e.kb_id_ or None) for e in doc.ents if e.label_ in LABELS]
    v = tokens(doc)
    text = v.doc_text
    mentions = []
    for group in (ENTS, EVENTS, NESTED, ALIASES):
        for start, end, label, key in doc.user_data.get(group, ()):
            if label not in LABELS or end <= start:
                continue
            a, b = v.char_span(start, end)
            mentions.append(Mention(cls=label, text=text[a:b], start=a, end=b, sentence=v.sent_of[start], key=key or None))
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions
