"""The `kg` command: a thin layer over `kg.KnowledgeGraph`.

Every command takes `--store DIR` (default ./kgstore, or $KG_STORE). Errors are one line,
naming the file or store and what to do, with a non-zero exit. Heavy imports (spaCy, the
server) happen inside the commands that need them, so that `kg --help` starts at once.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .graph import EXPORT_FORMATS, KnowledgeGraph, StoreError
from .netexport import NETWORK_FORMATS

store_option = click.option(
    "--store", "store", envvar="KG_STORE", default="kgstore", show_default=True,
    type=click.Path(file_okay=False, path_type=Path), help="Store directory (or $KG_STORE).",
)


def fail(message: str) -> None:
    """Stop with a one-line error (exit 1); multi-line messages such as parser errors are folded."""
    raise click.ClickException(" ".join(message.split()))


def open_graph(store: Path, read_only: bool = False) -> KnowledgeGraph:
    try:
        return KnowledgeGraph.open(store, read_only=read_only)
    except StoreError as e:
        fail(str(e))
        raise  # unreachable: fail() raises


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """Turn news articles into a knowledge graph, query it with SPARQL, export it.

    \b
    Example:
      kg build data/samples/ && kg stats && kg export --format ttl -o out/kg.ttl
    """


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@store_option
@click.option("--on-error", type=click.Choice(["skip", "fail"]), default="skip", show_default=True,
              help="skip: build what can be read and report the rest; fail: refuse the whole batch.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar or warnings; errors and summary only.")
@click.option("--workers", "-j", type=click.IntRange(min=1), default=os.cpu_count() or 1, show_default=True,
              help="Extraction processes (one writer); with --dask local, the cluster's workers.")
@click.option("--prune", is_flag=True, help="Remove stored articles that are not in PATHS.")
@click.option("--bulk/--atomic", default=True, show_default=True,
              help="Oxigraph's bulk loader (a batch cut by a crash is rebuilt by the next build), or one "
                   "transaction per batch (slower; readers never see half a batch).")
@click.option("--dask", "scheduler", metavar="tcp://HOST:PORT|local",
              help="Extract on a Dask cluster (local: a LocalCluster of --workers processes).")
@click.option("--shards-only", type=click.Path(file_okay=False, path_type=Path),
              help="Write N-Quads shards to this folder instead of a store (implies --dask local if no --dask).")
def build(paths: tuple[Path, ...], store: Path, on_error: str, quiet: bool, workers: int, prune: bool,
          bulk: bool, scheduler: str | None, shards_only: Path | None) -> None:
    """Build the graph from articles: .txt .md .html .json .jsonl files or folders.

    \b
    Articles already in the store with the same content are skipped; changed ones replaced.
    Example:
      kg build data/samples/ --store kgstore
    """
    from tqdm import tqdm

    from .ingest import read_articles

    if shards_only is not None or scheduler is not None:
        report = _build_on_dask(paths, store, on_error, quiet, workers, prune, bulk, scheduler or "local", shards_only)
    else:
        with open_graph(store) as graph:
            bar = tqdm(unit=" articles", disable=True if quiet else None, file=sys.stderr)
            try:
                report = graph.add(read_articles(paths), on_error=on_error, progress=bar.update,
                                   workers=workers, prune=prune, bulk=bulk)
            except StoreError as e:
                fail(str(e))
            finally:
                bar.close()
    for message in ([] if quiet else report.warnings):
        click.echo(f"warning: {message}", err=True)
    for message in report.errors:
        click.echo(f"error: {message}", err=True)
    click.echo(report.summary())
    if report.articles + report.unchanged == 0:
        fail("nothing usable was read; see the errors above")


def _build_on_dask(paths: tuple[Path, ...], store: Path, on_error: str, quiet: bool, workers: int, prune: bool,
                   bulk: bool, scheduler: str, shards_only: Path | None):  # -> BuildReport
    from tqdm import tqdm

    from .distributed import build_on_dask
    from .graph import BuildReport, _fail_fast
    from .ingest import read_articles

    if shards_only is not None and prune:
        fail("--prune needs a store; it cannot be combined with --shards-only")
    items = read_articles(paths)
    if on_error == "fail":
        items = _fail_fast(items)
    bar = tqdm(unit=" articles", disable=True if quiet else None, file=sys.stderr)
    try:
        if shards_only is not None:
            return build_on_dask(items, BuildReport(), scheduler, shards_dir=shards_only, workers=workers, progress=bar.update)
        with open_graph(store) as graph:
            return build_on_dask(items, BuildReport(), scheduler, graph=graph, workers=workers, progress=bar.update, prune=prune, bulk=bulk)
    except (StoreError, OSError) as e:
        fail(str(e))
    finally:
        bar.close()


@main.command()
@click.argument("sparql", required=False)
@click.option("-f", "--file", "query_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Read the query from a .rq file.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt"]),
              default="table", show_default=True,
              help="SELECT/ASK: table, csv, tsv, json, xml. CONSTRUCT/DESCRIBE: ttl or nt (table means ttl).")
@store_option
def query(sparql: str | None, query_file: Path | None, fmt: str, store: Path) -> None:
    """Run a SPARQL query (kg:, rdfs:, skos:... prefixes are predeclared).

    \b
    Examples:
      kg query 'SELECT ?name WHERE { ?p a kg:Person ; rdfs:label ?name }'
      kg query -f data/queries/people_and_posts.rq --format csv
    """
    from .output import write_results

    if (sparql is None) == (query_file is None):
        fail("give a query or -f FILE.rq (one of them)")
    text = query_file.read_text(encoding="utf-8") if query_file else sparql
    graph = open_graph(store, read_only=True)
    try:
        results = graph.query(text)
        write_results(results, fmt, sys.stdout.buffer)
    except SyntaxError as e:
        hint = f"; to run the query in that file: kg query -f {sparql}" if sparql and Path(sparql).is_file() else ""
        fail(f"{query_file or 'query'}: SPARQL syntax error: {e}{hint}")
    finally:
        graph.close()


@main.command()
@click.option("--format", "fmt", type=click.Choice(sorted(EXPORT_FORMATS) + list(NETWORK_FORMATS)), default="ttl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="File to write (stdout if absent).")
@click.option("--graph", "article_id", help="Export only this article's graph (its id).")
@store_option
def export(fmt: str, output: Path | None, article_id: str | None, store: Path) -> None:
    """Export the graph as ttl, trig, nq, nt, jsonld or rdfxml; its network as graphml, gexf or csv.

    \b
    ttl/nt/rdfxml hold the union of all articles; trig/nq/jsonld keep each article's named graph.
    graphml/gexf (Gephi) and csv (spreadsheets: one row per relation) hold the entity network.
    Example:
      kg export --format nq -o out/kg.nq
    """
    graph = open_graph(store, read_only=True)
    try:
        if fmt in NETWORK_FORMATS:
            from .netexport import export_network

            if article_id:
                fail(f"--graph works with the RDF formats only, not {fmt}")
            sys.stdout.buffer.write(export_network(graph, fmt, output) or b"")
        elif output is None:
            sys.stdout.buffer.write(graph.export(fmt, graph=article_id) or b"")
        else:
            output.parent.mkdir(parents=True, exist_ok=True)
            tmp = output.with_name(output.name + ".part")
            graph.export(fmt, str(tmp), graph=article_id)
            tmp.replace(output)  # a reader of `output` never sees half a file
    except StoreError as e:
        fail(str(e))
    finally:
        graph.close()


@main.command()
@store_option
@click.option("--json", "as_json", is_flag=True, help="Print as JSON.")
def stats(store: Path, as_json: bool) -> None:
    """Articles, entities per class and triples per property.

    \b
    Example:
      kg stats --store kgstore
    """
    import json

    graph = open_graph(store, read_only=True)
    try:
        figures = graph.stats()
    finally:
        graph.close()
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    click.echo(f"articles  {figures['articles']}")
    click.echo(f"quads     {figures['quads']}")
    click.echo("entities")
    for cls, n in figures["entities"].items():
        click.echo(f"  {cls:<12}{n:>8}")
    click.echo("triples per property")
    for prop, n in figures["properties"].items():
        click.echo(f"  {prop:<24}{n:>8}")


@main.command()
@click.argument("article_id")
@store_option
def remove(article_id: str, store: Path) -> None:
    """Remove an article and every fact it contributed.

    \b
    Example:
      kg remove sample-pt-seminario
    """
    with open_graph(store) as graph:
        if not graph.remove(article_id):
            fail(f"no article {article_id!r} in {store}; `kg query 'SELECT ?a WHERE {{ ?a a kg:Article }}'` lists them")
    click.echo(f"removed {article_id}")


@main.command("eval")
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--json", "json_out", type=click.Path(dir_okay=False, path_type=Path), help="Also write the scores as JSON.")
@click.option("--verbose", "-v", is_flag=True, help="List missed and spurious entities and relations per article.")
def eval_(gold_dir: Path, json_out: Path | None, verbose: bool) -> None:
    """Score extraction against gold-annotated articles: P/R/F1 per entity and relation type.

    \b
    Example:
      kg eval ../shared/corpus/dev --verbose
    """
    import json

    from .evaluate import evaluate, format_table

    details: dict[str, list[str]] = {}
    summary = evaluate(gold_dir, details)
    if verbose:
        for name, lines in details.items():
            click.echo(name)
            click.echo("\n".join(lines) or "  (all matched)")
    click.echo(format_table(summary))
    if json_out:
        json_out.write_text(json.dumps(summary, indent=1, ensure_ascii=False), encoding="utf-8")


@main.command()
@click.argument("name")
@store_option
def describe(name: str, store: Path) -> None:
    """Print an entity, its relations and the sentences behind them.

    \b
    Example:
      kg describe CAF --store kgstore
    """
    from .describe import describe as describe_entity, format_description

    graph = open_graph(store, read_only=True)
    try:
        found = describe_entity(graph, name)
    finally:
        graph.close()
    if not found:
        fail(f"no entity named {name!r} in {store}; `kg stats` shows what the store holds")
    click.echo("\n\n".join(format_description(d) for d in found))


from . import cli_endpoint  # noqa: E402,F401  registers serve, import, validate, push
from .viz.command import viz  # noqa: E402

main.add_command(viz)

if __name__ == "__main__":
    main()
