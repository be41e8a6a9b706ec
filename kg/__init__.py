"""kg: knowledge graphs from news articles (pt, es, en).

    from kg import KnowledgeGraph, read_articles
    with KnowledgeGraph.open("kgstore") as graph:
        graph.add(read_articles(["data/samples"]))
        print(graph.stats())
"""
from .graph import BuildReport, KnowledgeGraph, StoreError
from .ingest import InputError, read_articles

__all__ = ["KnowledgeGraph", "BuildReport", "StoreError", "InputError", "read_articles"]
__version__ = "0.1.0"
