"""The spaCy side of kg: one pipeline per language, built from rules and lexicons.

`pipeline_for(lang)` gives the pipeline (blank + sentencizer + kg components, cached);
`mentions_from_doc(doc)` reads the entity mentions it set on the Doc.
"""
from .pipeline import mentions_from_doc, pipeline_for

__all__ = ["pipeline_for", "mentions_from_doc"]
