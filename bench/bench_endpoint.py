"""Benchmark of `kg serve`: queries/s and p50/p95 latency with N concurrent clients on loopback.

    .venv/bin/python bench/bench_endpoint.py                      # samples, 16 clients, 10 s
    .venv/bin/python bench/bench_endpoint.py --store kgstore --clients 16 --seconds 20 --workers 2

Each client loops over the example queries of data/queries/ (POST, JSON results) until the time
is up. Also measured: what a worker pays to check whether the store changed, and to reopen it.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from liveserver import kg_server  # noqa: E402


def client_loop(url: str, queries: list[str], until: float, latencies: list[float], errors: list[str]) -> None:
    with httpx.Client(timeout=60) as client:
        i = 0
        while time.perf_counter() < until:
            started = time.perf_counter()
            r = client.post(url, data={"query": queries[i % len(queries)]},
                            headers={"Accept": "application/sparql-results+json"})
            latencies.append(time.perf_counter() - started)
            if r.status_code != 200:
                errors.append(f"{r.status_code}: {r.text[:100]}")
            i += 1


def snapshot_costs(store: Path, rounds: int = 20) -> dict[str, float]:
    from pyoxigraph import Store

    from kg.querypool import Snapshot

    snapshot = Snapshot(store)
    started = time.perf_counter()
    for _ in range(rounds * 50):
        snapshot.version()
    check = (time.perf_counter() - started) / (rounds * 50)
    started = time.perf_counter()
    for _ in range(rounds):
        Store.read_only(str(store / "oxigraph"))
    reopen = (time.perf_counter() - started) / rounds
    return {"change_check_us": round(check * 1e6, 1), "reopen_ms": round(reopen * 1e3, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--store", type=Path, help="store to serve (default: data/samples built into a temp dir)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--workers", type=int, default=2, help="query worker processes of the server")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        store = args.store
        if store is None:
            store = Path(tmp) / "store"
            subprocess.run([sys.executable, "-m", "kg", "build", str(ROOT / "data" / "samples"), "--store",
                            str(store), "--quiet"], check=True, cwd=ROOT, capture_output=True)
        queries = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "queries").glob("*.rq"))]
        latencies: list[float] = []
        errors: list[str] = []
        with kg_server(store, "--workers", str(args.workers)) as url:
            for q in queries:  # warm up each worker's snapshot and the OS caches
                httpx.post(url, data={"query": q}, timeout=60)
            started = time.perf_counter()
            until = started + args.seconds
            threads = [threading.Thread(target=client_loop, args=(url, queries, until, latencies, errors))
                       for _ in range(args.clients)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.perf_counter() - started
        costs = snapshot_costs(store)

    ordered = sorted(latencies)
    figures = {
        "clients": args.clients, "workers": args.workers, "seconds": round(elapsed, 1),
        "queries": len(latencies), "errors": len(errors),
        "queries_per_s": round(len(latencies) / elapsed, 1),
        "p50_ms": round(statistics.median(ordered) * 1e3, 1),
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1e3, 1),
        **costs,
    }
    print(json.dumps(figures))
    print(f"{figures['queries_per_s']} queries/s, p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms "
          f"({args.clients} clients, {args.workers} workers, {len(errors)} errors); store change check "
          f"{figures['change_check_us']} µs, reopen {figures['reopen_ms']} ms", file=sys.stderr)
    if errors:
        print("first error:", errors[0], file=sys.stderr)


if __name__ == "__main__":
    main()
