"""`kg build --dask local`: a LocalCluster of two worker processes builds what one process builds."""
from __future__ import annotations

from pyoxigraph import RdfFormat, Store

from kg import KnowledgeGraph

from conftest import SAMPLES, run_kg
from test_scale import quads, synthetic


def test_a_dask_build_equals_a_single_process_build(tmp_path):
    corpus = synthetic(tmp_path / "corpus.jsonl", 8)
    single, cluster = tmp_path / "single", tmp_path / "cluster"
    run_kg("build", SAMPLES, corpus, "--store", single, "--workers", "1", "-q")
    out = run_kg("build", SAMPLES, corpus, "--store", cluster, "--dask", "local", "--workers", "2", "-q").stdout
    assert "14 articles built (14 new, 0 replaced)" in out
    assert quads(single) == quads(cluster)
    # incremental on the cluster too: nothing is sent again
    out = run_kg("build", SAMPLES, corpus, "--store", cluster, "--dask", "local", "--workers", "2", "-q").stdout
    assert "14 unchanged" in out


def test_shards_only_leaves_n_quads_that_load_into_the_same_dataset(tmp_path):
    shards = tmp_path / "shards"
    single = tmp_path / "single"
    run_kg("build", SAMPLES, "--store", single, "--workers", "1", "-q")
    run_kg("build", SAMPLES, "--shards-only", shards, "--workers", "2", "-q")
    files = sorted(shards.glob("part-*.nq"))
    assert files and not list(shards.glob("*.part"))
    loaded = tmp_path / "loaded"
    with KnowledgeGraph.open(loaded) as graph:
        for shard in files:
            with shard.open("rb") as f:
                graph.load(f, "nq")
    del graph  # releases Oxigraph's lock before the store is read
    assert quads(loaded) == quads(single)
    # what another Oxigraph loads: the article graphs, and their union from the .union.nt files
    plain = tmp_path / "plain"
    plain.mkdir()
    store = Store(str(plain / "oxigraph"))
    for shard in files:
        store.bulk_load(path=str(shard), format=RdfFormat.N_QUADS)
        store.bulk_load(path=str(shard.with_suffix(".union.nt")), format=RdfFormat.N_TRIPLES)
    store.flush()
    del store
    assert quads(plain) == quads(single)
