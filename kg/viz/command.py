"""`kg viz` and `python visualize.py`: the store (or a query's result) as an interactive page."""
from __future__ import annotations

from pathlib import Path

import click

from . import DEFAULT_MAX_NODES


@click.command()
@click.option("--store", "store", envvar="KG_STORE", default="kgstore", show_default=True,
              type=click.Path(file_okay=False, path_type=Path), help="Store directory (or $KG_STORE).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=Path("kg.html"),
              show_default=True, help="HTML file to write.")
@click.option("--focus", "focus", metavar="NAME", help="Only the entities around the one(s) with this name.")
@click.option("--depth", type=click.IntRange(0, 10), default=1, show_default=True, help="How many relations away from --focus.")
@click.option("--query", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Draw the result of a CONSTRUCT, or of a SELECT (from, to, then any details).")
@click.option("--communities", is_flag=True, help="Colour entities by Louvain community.")
@click.option("--size", "size_by", type=click.Choice(["pagerank", "degree"]), default="pagerank", show_default=True,
              help="What node size shows.")
@click.option("--max-nodes", type=click.IntRange(0), default=DEFAULT_MAX_NODES, show_default=True,
              help="Above this, open on the largest groups and most central entities (0: draw all).")
@click.option("--title", default=None, help="Page title.")
def viz(store: Path, output: Path, focus: str | None, depth: int, query_file: Path | None, communities: bool,
        size_by: str, max_nodes: int, title: str | None) -> None:
    """Write an interactive network page (opens offline, from the file system).

    \b
    Examples:
      kg viz -o out/kg.html
      kg viz --focus "Banco Central" --depth 2 -o out/ego.html
      kg viz --query data/queries/who_funds_whom.rq --communities -o out/funds.html
    """
    from ..graph import KnowledgeGraph, StoreError
    from .graph import QueryShapeError, ego_network, query_graph, store_graph
    from .page import ViewOptions, write_page

    if output.suffix.lower() not in (".html", ".htm"):
        raise click.ClickException(f"{output}: the page must be an .html file")
    try:
        kg = KnowledgeGraph.open(store, read_only=True)
    except StoreError as e:
        raise click.ClickException(str(e)) from None
    notes: list[str] = []
    try:
        if query_file is not None:
            g = query_graph(kg, query_file.read_text(encoding="utf-8"))
            notes.append(f"Result of the query {query_file.name}.")
        else:
            g = store_graph(kg)
    except (SyntaxError, QueryShapeError) as e:
        raise click.ClickException(f"{query_file}: {e}") from None
    finally:
        kg.close()
    if focus is not None:
        try:
            g = ego_network(g, focus, depth)
        except LookupError as e:
            raise click.ClickException(f"{e}; `kg query` can list the names, e.g. "
                                       "'SELECT ?name WHERE { ?e rdfs:label ?name }'") from None
        plural = "relation" if depth == 1 else "relations"
        notes.append(f"Entities within {depth} {plural} of “{focus}”.")
    opts = ViewOptions(title=title or "kg — news network", size_by=size_by, communities=communities,
                       max_nodes=max_nodes, notes=notes)
    report = write_page(g, output, opts)
    shown = "" if report.shown == report.nodes else f" (opens on {report.shown:,})"
    click.echo(f"wrote {output}: {report.nodes:,} entities{shown}, {report.edges:,} relations, "
               f"{report.bytes / 1e6:.1f} MB, {report.seconds:.1f} s")
