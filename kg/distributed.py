"""Extraction on a Dask cluster, when one machine is not enough.

    kg build archive.jsonl --dask tcp://scheduler:8786          # into the local store
    kg build archive.jsonl --dask local --shards-only shards/   # N-Quads shards, no store

The driver (the `kg build` process) streams the input and sends partitions of it (`chunk_size`
articles) to the cluster's workers as dask.distributed futures, a bounded number at a time, so
the input is never held whole by anyone: a dask.bag would have to materialise the partition
list first. Each worker runs `kg.parallel.extract_chunk` and sends back its partition as
N-Quads; the driver writes them through the same single writer as a local build (so
incremental skips, replacement, `--prune` and per-batch transactions are the same), or, with
`shards_dir`, as numbered N-Quads shards for another loader (`part-00000.nq`, ...). Workers
need kg installed at the same version; they need no access to the input or the store.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from .article import Article
from .files import write_whole
from .ingest import InputError
from .parallel import Writer, build, extract_chunk

if TYPE_CHECKING:
    from dask.distributed import Client

    from .graph import BuildReport, KnowledgeGraph

#: Articles per Dask task: a task should last long enough (~1 s) to hide the scheduler's overhead.
PARTITION = 64


class ShardWriter(Writer):
    """Each batch becomes one N-Quads file of article graphs in `directory` (`part-00000.nq`, numbered
    after those already there), and one N-Triples file of the same triples (`part-00000.union.nt`):
    loaded into the default graph, they make it the union of the articles, as in kg's own store
    (kg/union.py), for stores whose union of named graphs repeats triples (Oxigraph 0.5)."""

    def __init__(self, directory: Path):
        super().__init__()
        self.directory = Path(directory)
        self.directory.mkdir(parents=True, exist_ok=True)
        taken = [int(m.group(1)) for p in self.directory.iterdir() if (m := re.fullmatch(r"part-(\d+)\.nq", p.name))]
        self.next = max(taken, default=-1) + 1
        self.shards: list[Path] = []

    def write(self, data: bytes, union: bytes, iris: list[str], replacing: list[str]) -> None:
        target = self.directory / f"part-{self.next:05d}.nq"
        write_whole(target.with_suffix(".union.nt"), union)
        write_whole(target, data)  # last: a loader that waits for the .nq finds both whole
        self.next += 1
        self.shards.append(target)


@contextmanager
def connect(scheduler: str, workers: int | None = None) -> Iterator[Client]:
    """A client of the scheduler at `scheduler` (tcp://host:port), or of a new LocalCluster for "local"."""
    from dask.distributed import Client, LocalCluster

    if scheduler != "local":
        with Client(scheduler, timeout="30s") as client:
            yield client
        return
    # Processes, not threads: extraction is Python code and holds the GIL.
    with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        yield client


def build_on_dask(
    items: Iterable[Article | InputError],
    report: BuildReport,
    scheduler: str,
    *,
    graph: KnowledgeGraph | None = None,
    shards_dir: Path | None = None,
    workers: int | None = None,
    progress: Callable[[int], None] | None = None,
    prune: bool = False,
    bulk: bool = True,
    chunk_size: int = PARTITION,
) -> BuildReport:
    """Extract `items` on the cluster; write into `graph`, or shards into `shards_dir` (one of them)."""
    if (graph is None) == (shards_dir is None):
        raise ValueError("give a graph or a shards directory")
    with connect(scheduler, workers) as client:
        threads = sum(client.nthreads().values()) or 1

        def submit(articles: list[Article]):  # noqa: ANN202 - a dask Future
            return client.submit(extract_chunk, articles, pure=False)

        writer = ShardWriter(shards_dir) if shards_dir is not None else None
        return build(graph, items, report, workers=threads, progress=progress, prune=prune, bulk=bulk,
                     submit=submit, chunk_size=chunk_size, writer=writer)
