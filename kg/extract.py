"""Extraction of one article: the spaCy pipeline, resolution, relations, in that order."""
from __future__ import annotations

from .article import SUPPORTED_LANGS, Article
from .model import Extraction
from .nlp import mentions_from_doc, pipeline_for
from .relations import extract_relations
from .resolve import resolve_mentions


def extract(article: Article) -> Extraction:
    """Everything kg finds in one article."""
    lang = article.lang if article.lang in SUPPORTED_LANGS else "en"
    text = article.full_text
    doc = pipeline_for(lang)(text)
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    mentions = mentions_from_doc(doc)
    entities = resolve_mentions(mentions, lang)
    extraction = Extraction(article=article, text=text, sentences=sentences, entities=entities)
    extraction.relations = extract_relations(doc, extraction)
    return extraction
