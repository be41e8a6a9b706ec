"""The `kg` commands that share the graph: serve, import, validate, push (registered on `kg.cli.main`)."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .cli import fail, main, open_graph, store_option
from .graph import EXPORT_FORMATS, StoreError

#: File name endings `kg import` recognises; --format overrides.
IMPORT_SUFFIXES = {
    ".ttl": "ttl", ".turtle": "ttl", ".trig": "trig", ".nt": "nt", ".nq": "nq",
    ".jsonld": "jsonld", ".json": "jsonld", ".rdf": "rdfxml", ".owl": "rdfxml", ".xml": "rdfxml",
}


@main.command()
@store_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind; 0.0.0.0 exposes it to the network.")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535))
@click.option("--timeout", default=30.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds a query may run before it is stopped (503).")
@click.option("--max-rows", default=100_000, show_default=True, type=click.IntRange(min=1),
              help="Rows (or triples) returned at most; a longer result is cut and flagged in X-Result-Truncated.")
@click.option("--max-body", default=1_000_000, show_default=True, type=click.IntRange(min=1024),
              help="Largest request body or query, in bytes (413 above).")
@click.option("--workers", default=min(4, os.cpu_count() or 1), show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes (queries evaluated at the same time).")
def serve(store: Path, host: str, port: int, timeout: float, max_rows: int, max_body: int, workers: int) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at /.

    \b
    `kg build` can keep writing into the store meanwhile: queries see the last committed state.
    Example:
      kg serve --store kgstore --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s a kg:Person }' http://127.0.0.1:7878/sparql
    """
    from .server import Limits, serve as run

    import socket

    open_graph(store, read_only=True).close()  # a missing or unreadable store fails here, in one line
    try:
        with socket.create_server((host, port)):
            pass
    except OSError as e:
        fail(f"cannot listen on {host}:{port}: {e.strerror or e}; choose another --port or --host")
    click.echo(f"kg SPARQL endpoint on http://{host}:{port}/sparql (query page http://{host}:{port}/); Ctrl-C stops",
               err=True)
    run(store, host, port, Limits(timeout=timeout, max_rows=max_rows, max_body=max_body, workers=workers))


@main.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS)),
              help="Format of the files (default: from each file's ending).")
@store_option
def import_(files: tuple[Path, ...], fmt: str | None, store: Path) -> None:
    """Load RDF files (ttl, trig, nt, nq, jsonld, rdf/xml) into the store.

    \b
    Named graphs (trig, nq, jsonld) are kept; plain triples go to the default graph, which
    queries and exports see together with the article graphs.
    Example:
      kg export --format trig -o out/kg.trig && kg import out/kg.trig --store other
    """
    for file in files:
        if fmt is None and file.suffix.lower() not in IMPORT_SUFFIXES:
            fail(f"{file}: unknown file ending; give --format ({', '.join(sorted(EXPORT_FORMATS))})")
    with open_graph(store) as graph:
        for file in files:
            with file.open("rb") as f:
                try:
                    added = graph.load(f, fmt or IMPORT_SUFFIXES[file.suffix.lower()])
                except SyntaxError as e:
                    fail(f"{file}: not valid {fmt or IMPORT_SUFFIXES[file.suffix.lower()]}: {e}; nothing of it was loaded")
                except OSError as e:
                    fail(f"{file}: cannot load: {e}")
            click.echo(f"{file}: {added} quads added")


@main.command()
@store_option
@click.option("--shapes", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="SHACL shapes to use instead of ontologies/shapes.ttl.")
def validate(store: Path, shapes: Path | None) -> None:
    """Check the store against the ontology's SHACL shapes; exit 1 if anything violates them.

    \b
    Example:
      kg validate --store kgstore
    """
    from .validate import SHAPES, validate as check

    graph = open_graph(store, read_only=True)
    try:
        report = check(graph, shapes or SHAPES)
    except ValueError as e:
        fail(str(e))
    finally:
        graph.close()
    for violation in report.violations:
        click.echo(str(violation))
    click.echo(report.summary(), err=True)
    if not report.conforms:
        sys.exit(1)


@main.command()
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL, e.g. http://host:7878/store (Oxigraph), http://host:3030/ds/data (Fuseki).")
@click.option("--auth", envvar="KG_PUSH_AUTH", metavar="USER:PASSWORD",
              help="HTTP basic authentication (or $KG_PUSH_AUTH).")
@click.option("--graph", "article_ids", multiple=True, metavar="ARTICLE_ID", help="Push only these articles.")
@click.option("--timeout", default=60.0, show_default=True, type=click.FloatRange(min=1), help="Seconds per request.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@store_option
def push(endpoint: str, auth: str | None, article_ids: tuple[str, ...], timeout: float, quiet: bool, store: Path) -> None:
    """Send every article graph to a remote triple store (SPARQL 1.1 Graph Store Protocol, one PUT per graph).

    \b
    Each PUT replaces the article's graph on the server, so pushing again is harmless.
    Example:
      kg push --endpoint http://localhost:7878/store --store kgstore
    """
    from pyoxigraph import NamedNode
    from tqdm import tqdm

    from .iris import article_iri
    from .push import push as send

    credentials = None
    if auth:
        user, sep, password = auth.partition(":")
        if not sep:
            fail("--auth takes USER:PASSWORD")
        credentials = (user, password)
    graph = open_graph(store, read_only=True)
    try:
        only = [article_iri(a) for a in article_ids] or None
        missing = [a for a in article_ids if not graph.store.contains_named_graph(NamedNode(article_iri(a)))]
        if missing:
            fail(f"no article {missing[0]!r} in {store}; `kg stats` counts the articles")
        total = len(only) if only else sum(1 for _ in graph.store.named_graphs())
        bar = tqdm(total=total, unit=" graphs", disable=True if quiet else None, file=sys.stderr)
        try:
            report = send(graph, endpoint, auth=credentials, timeout=timeout, only=only, progress=bar.update)
        finally:
            bar.close()
    except StoreError as e:
        fail(str(e))
    finally:
        graph.close()
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)
