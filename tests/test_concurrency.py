"""One writer, many readers: a second writer is told who holds the store; `kg query`, `kg export` and
`kg serve` answer from the last committed state while a build writes, and never show half an article.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from pyoxigraph import RdfFormat, parse

from conftest import ROOT, run_kg
from reliability_support import (
    BATCH, batch_records, build, by_graph, dataset, free_port, stop, store_graphs, write_jsonl,
)


def start(*args: str | Path, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True, **kwargs)


def wait_for_lock(store: Path, writer: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and writer.poll() is None:
        lock = store / "kg.lock"
        if lock.exists() and lock.read_text().strip() == f"pid {writer.pid}":
            return
        time.sleep(0.05)
    raise AssertionError("the build never took the store's lock")


def test_second_writer_is_told_which_process_holds_the_store(tmp_path):
    source = write_jsonl(tmp_path / "batch.jsonl", batch_records())
    store = tmp_path / "store"
    writer = start("build", source, "--store", store, "-q")
    try:
        wait_for_lock(store, writer)
        for command in (["build", source], ["remove", "nota-1"]):
            proc = run_kg(*command, "--store", store, check=False)
            assert proc.returncode != 0 and "Traceback" not in proc.stderr, proc.stderr
            [line] = [l for l in proc.stderr.splitlines() if l.startswith("Error:")]
            assert str(store) in line and f"being written by pid {writer.pid}" in line, line
            assert "readers such as `kg query` work meanwhile" in line
        assert writer.wait(timeout=300) == 0, writer.stderr.read() if writer.stderr else ""
    finally:
        stop(writer)
    assert len(store_graphs(store)) == BATCH


@pytest.mark.slow
def test_query_and_export_read_whole_articles_while_a_build_writes(tmp_path):
    source = write_jsonl(tmp_path / "batch.jsonl", batch_records())
    store = tmp_path / "store"
    writer = start("build", source, "--store", store, "-q")
    counts: list[int] = []
    snapshots: list[dict[str, frozenset[str]]] = []
    try:
        wait_for_lock(store, writer)
        while writer.poll() is None:
            if not (store / "oxigraph").exists():
                time.sleep(0.05)
                continue
            exported = subprocess.run([sys.executable, "-m", "kg", "export", "--store", str(store), "--format", "nq"],
                                      cwd=ROOT, capture_output=True, timeout=120)
            assert exported.returncode == 0, exported.stderr
            snapshot = by_graph(parse(exported.stdout, format=RdfFormat.N_QUADS))
            snapshots.append(snapshot)
            count = run_kg("query", "--store", store, "--format", "csv",
                           "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }", check=False)
            assert count.returncode == 0, count.stderr
            n = int(count.stdout.split()[1])
            assert n >= len(snapshot), "a later reader saw fewer articles than an earlier one"
            counts += [len(snapshot), n]
        assert writer.returncode == 0
    finally:
        stop(writer)
    assert counts == sorted(counts), counts
    final = store_graphs(store)
    assert len(final) == BATCH
    for snapshot in snapshots:
        for name, quads in snapshot.items():
            assert quads == final[name], f"{name} was half-written in an export taken during the build"
    print(f"readers during a build saw article counts {counts} of {BATCH}")


@pytest.mark.slow
def test_endpoint_answers_from_committed_state_while_a_build_writes(tmp_path):
    source = write_jsonl(tmp_path / "batch.jsonl", batch_records())
    store = tmp_path / "store"
    assert build(source, "--store", store, "-q").returncode == 0
    port = free_port()
    server = start("serve", "--store", store, "--port", port, "--workers", "1")
    url = f"http://127.0.0.1:{port}/sparql"
    count_query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"http://127.0.0.1:{port}/", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline and server.poll() is None, "kg serve did not start"
                time.sleep(0.2)
        total = len(dataset(store))
        # the build replaces every article: each is dropped and rewritten while the endpoint answers
        changed = tmp_path / "v2.jsonl"
        changed.write_text(source.read_text(encoding="utf-8").replace('"title": "Programa', '"title": "Plano'),
                           encoding="utf-8")
        writer = start("build", changed, "--store", store, "-q")
        answers = []
        while writer.poll() is None:
            r = httpx.post(url, data={"query": count_query}, headers={"Accept": "text/csv"}, timeout=30)
            assert r.status_code == 200, r.text
            answers.append(int(r.text.split()[1]))
        assert writer.returncode == 0, writer.stderr.read() if writer.stderr else ""
        r = httpx.post(url, data={"query": "SELECT (COUNT(?t) AS ?n) WHERE { ?a kg:title ?t FILTER STRSTARTS(?t, 'Plano') }"},
                       headers={"Accept": "text/csv"}, timeout=30)
        assert r.status_code == 200 and int(r.text.split()[1]) == BATCH, r.text
        assert answers and all(0 < a <= total + BATCH for a in answers), answers
    finally:
        stop(server)
        if "writer" in locals():
            stop(writer)
    print(f"endpoint answered {len(answers)} queries during a build that replaced {BATCH} articles")
