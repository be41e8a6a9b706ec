"""`kg export --format graphml|gexf|csv`: the entity network for Gephi and spreadsheets.

The same network as `kg viz` draws (kg.viz.graph.store_graph), written by networkx. GraphML and
GEXF hold only scalar attributes, so sets and lists become "; "-joined text. The CSV has one row
per relation (and one per entity without any), readable as it is in a spreadsheet.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from .viz.style import relation_words

if TYPE_CHECKING:  # networkx is imported when a network is exported, not when `kg` starts
    import networkx as nx

    from .graph import KnowledgeGraph

NETWORK_FORMATS = ("graphml", "gexf", "csv")
CSV_COLUMNS = ("source", "source_class", "relation", "target", "target_class", "sentence", "article_title",
               "article_url", "published", "source_iri", "target_iri")


def _flat(value: Any) -> Any:
    if isinstance(value, (set, list, tuple)):
        return "; ".join(sorted(str(v) for v in value))
    return value


def flat_graph(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with only the attributes GraphML/GEXF can hold, as strings, numbers or booleans."""
    import networkx as nx

    flat = nx.MultiDiGraph()
    for n, attrs in g.nodes(data=True):
        flat.add_node(n, label=attrs["label"], cls=attrs["cls"], names=_flat(attrs["names"]),
                      countries=_flat(attrs["countries"]), articles=_flat(attrs["articles"]),
                      dates=_flat(attrs.get("dates", [])), start_date=attrs.get("start") or "")
    for s, o, key, attrs in g.edges(keys=True, data=True):
        evidence = attrs.get("evidence") or []
        flat.add_edge(s, o, key=key, label=relation_words(attrs["prop"])[0], prop=attrs["prop"],
                      sentence=" | ".join(e["text"] for e in evidence if e.get("text")),
                      articles=_flat({e["article"] for e in evidence if e.get("article")}),
                      role=attrs.get("role") or "", amount=attrs.get("amount") or "",
                      currency=attrs.get("currency") or "")
    return flat


def write_csv(g: nx.MultiDiGraph, out: IO[str]) -> None:
    articles = g.graph.get("articles", {})
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for s, o, attrs in g.edges(data=True):
        words, _ = relation_words(attrs["prop"])
        evidence = (attrs.get("evidence") or [{}])[0]
        info = articles.get(evidence.get("article") or "", {})
        writer.writerow([g.nodes[s]["label"], g.nodes[s]["cls"], words, g.nodes[o]["label"], g.nodes[o]["cls"],
                         evidence.get("text") or "", info.get("title") or "", info.get("url") or "",
                         info.get("published") or "", s, o])
    for n, attrs in g.nodes(data=True):
        if g.degree(n) == 0:
            writer.writerow([attrs["label"], attrs["cls"], "", "", "", "", "", "", "", n, ""])


def export_network(kg: KnowledgeGraph, fmt: str, output: Path | None) -> bytes | None:
    """Write the network to `output` (atomically), or return it as bytes when `output` is None."""
    import networkx as nx

    from .viz.graph import store_graph

    if fmt not in NETWORK_FORMATS:
        raise ValueError(f"unknown network format {fmt!r}; choose one of {', '.join(NETWORK_FORMATS)}")
    g = store_graph(kg)
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(flat_graph(g), buffer, encoding="utf-8")
    elif fmt == "gexf":
        nx.write_gexf(flat_graph(g), buffer, encoding="utf-8")
    else:
        text = io.StringIO(newline="")
        write_csv(g, text)
        buffer.write(text.getvalue().encode("utf-8"))
    if output is None:
        return buffer.getvalue()
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = output.with_name(output.name + ".part")
    tmp.write_bytes(buffer.getvalue())
    tmp.replace(output)  # a reader of `output` never sees half a file
    return None
