"""What the reliability tests share: invented articles, and a store's contents compared exactly.

Every name here is invented (or is a well-known public institution); none comes from the corpus.
"""
from __future__ import annotations

import fcntl
import json
import os
import random
import shutil
import signal
import socket
import subprocess
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, Quad, Store

from kg.union import MENDING, named_quads

from conftest import run_kg

FIRST = ("Ana", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Gisela", "Hugo", "Irene", "Julio", "Lorena", "Mateus")
LAST = ("Quintanilha Rocha", "Barreto Lins", "Okonkwo Paz", "Vasquez Teles", "Moreira Arce", "Salgueiro Duarte")
INSTITUTIONS = ("Banco Interamericano de Desenvolvimento", "Banco Mundial", "Ministério da Fazenda", "CAF")
CITIES = ("Recife", "Lima", "Assunção", "Bogotá", "Quito", "Montevidéu")
COUNTRIES = ("Brasil", "Peru", "Paraguai", "Colômbia", "Equador", "Uruguai")


def invented_article(i: int) -> dict:
    """A short Portuguese press note, different for every `i`, the same for the same `i`."""
    rnd = random.Random(i)
    person = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    other = f"{rnd.choice(FIRST)} {rnd.choice(LAST)}"
    org, city, country = rnd.choice(INSTITUTIONS), rnd.choice(CITIES), rnd.choice(COUNTRIES)
    text = (f"O presidente do {org}, {person}, anunciou em {city} um empréstimo de US$ {10 + i % 90} milhões "
            f"para o {country}. A ministra {other} disse que o programa {i} começa em março de 2025. "
            f"{person} visitou {city} na segunda-feira.")
    return {"id": f"nota-{i}", "lang": "pt", "title": f"Programa {i} anunciado em {city}", "text": text,
            "published": f"2025-0{1 + i % 9}-1{i % 10}"}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def store_graphs(store: Path) -> dict[str, frozenset[str]]:
    """Each named graph (article) of a store and its quads in N-Quads syntax, read from disk.

    Also checks kg's invariant that the default graph is exactly the union of the article graphs
    (kg/union.py), so that every crash test proves the union whole too.
    """
    if not (store / "oxigraph").exists():
        return {}
    snapshot = Store.read_only(str(store / "oxigraph"))
    try:
        graphs = by_graph(named_quads(snapshot))
        union = {(q.subject, q.predicate, q.object) for q in snapshot.quads_for_pattern(None, None, None, DefaultGraph())}
        stated = {(q.subject, q.predicate, q.object) for q in named_quads(snapshot)}
        if not (store / MENDING).exists():  # else the next writer mends it first (kg/union.py)
            assert union == stated, f"{store}: default graph is not the union of the article graphs"
        return graphs
    finally:
        del snapshot


def by_graph(quads: Iterable[Quad]) -> dict[str, frozenset[str]]:
    """Quads grouped by graph name, each in N-Quads syntax."""
    graphs: dict[str, set[str]] = defaultdict(set)
    for quad in quads:
        graphs[str(quad.graph_name)].add(str(quad))
    return {g: frozenset(q) for g, q in graphs.items()}


def union_triples(store: Path) -> frozenset[str]:
    """The triples of all article graphs together, as ttl, nt and rdfxml exports hold them."""
    snapshot = Store.read_only(str(store / "oxigraph"))
    try:
        return frozenset(str(q.triple) for q in snapshot.quads_for_pattern(None, None, None, None))
    finally:
        del snapshot


def dataset(store: Path) -> frozenset[str]:
    """Every quad of a store, for comparing two stores exactly (kg makes no blank nodes)."""
    return frozenset(q for quads in store_graphs(store).values() for q in quads)


def build(*args: str | Path, timeout: float = 300):
    """`kg build ARGS` with the real CLI; the process, whatever its exit code."""
    proc = run_kg("build", *args, check=False, timeout=timeout)
    assert "Traceback" not in proc.stderr, proc.stderr
    return proc


def shared_dir(tmp_path_factory, name: str, make) -> Path:
    """A directory made once per test session, even across xdist workers (they share the parent
    of their base temp dir): `make(path)` fills it under a lock; later callers reuse it."""
    root = tmp_path_factory.getbasetemp().parent / f"reliability-{name}"
    with open(f"{root}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (root / ".done").exists():
            if root.exists():
                shutil.rmtree(root)
            root.mkdir(parents=True)
            make(root)
            (root / ".done").touch()
    return root


#: Enough articles that writing them takes a while (a window to crash or read in), few enough for CI.
BATCH = 400


def batch_records(version: int = 1) -> list[dict]:
    """The batch the crash and concurrency tests build; version 2 changes every article (replacements)."""
    records = [invented_article(i) for i in range(BATCH)]
    if version == 2:
        records = [dict(r, title=r["title"] + " (versão corrigida)") for r in records]
    return records


def stop(proc: subprocess.Popen) -> None:
    """End a process started in its own session, and its children (workers), politely then not."""
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    proc.communicate()


def free_port() -> int:
    """A loopback port nobody listens on right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
