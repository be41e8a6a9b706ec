"""Build benchmark: `make bench SIZES="1000 10000 100000" WORKERS=2`.

For each size, on synthetic articles from bench/generate.py (cached as JSONL in --work):
- a first build with N workers: articles/s and triples/s end to end (open to close, pool start
  included), peak RSS of the build (the process and its workers, summed, sampled every 50 ms),
  store size on disk, and seconds per stage (read, NLP, RDF, store, writer waiting, compaction);
- a second build over the same, unchanged input (the incremental path);
- the queries of data/queries/*.rq on our store against an rdflib in-memory Graph holding the
  same triples (our default graph: the union of the article graphs), and Turtle export against
  rdflib's serializer (below --rdflib-max-quads: rdflib needs about 1 KB of memory per triple).
Results go to stdout as Markdown tables and to --work/results.json.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import generate  # noqa: E402

from kg import KnowledgeGraph  # noqa: E402
from kg.ingest import read_articles  # noqa: E402

QUERIES = sorted((ROOT / "data" / "queries").glob("*.rq"))


class PeakRSS:
    """Peak resident memory of a process plus its children, summed, sampled in a thread."""

    def __init__(self, pid: int, interval: float = 0.05):
        self.pid, self.interval, self.peak, self._stop = pid, interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        root = psutil.Process(self.pid)
        while not self._stop.is_set():
            total = 0
            try:
                tree = [root, *root.children(recursive=True)]
            except psutil.Error:
                return
            for proc in tree:
                try:
                    total += proc.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            self._stop.wait(self.interval)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def corpus(work: Path, n: int) -> Path:
    """The cached corpus of `n` articles, made again whenever bench/generate.py changes."""
    version = hashlib.sha1((ROOT / "bench" / "generate.py").read_bytes()).hexdigest()[:8]
    path = work / f"articles-{n}-{version}.jsonl"
    if not path.exists():
        generate.main([str(n), "-o", str(path)])
    return path


def timed_build(store: Path, source: Path, workers: int, bulk: bool = True) -> tuple[float, int, dict]:
    """A build in a new process, as `kg build` runs: wall time, peak RSS of its process tree, report."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--child", "build", str(store), str(source), str(workers),
                             "bulk" if bulk else "atomic"], stdout=subprocess.PIPE, text=True)
    with PeakRSS(proc.pid) as rss:
        out, _ = proc.communicate()
    if proc.returncode != 0:
        raise SystemExit(f"the build of {source} failed (exit {proc.returncode})")
    return time.perf_counter() - started, rss.peak, json.loads(out)


def best_of(fn, repeat: int = 3, budget: float = 20.0) -> float:
    """Best wall time of `fn` over `repeat` runs, fewer if one run takes more than `budget` s."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
        if best > budget:
            break
    return best


def isolated(args: list[str], memory_gb: float, timeout: float) -> dict:
    """Run `bench_build.py --child ARGS` in a process with capped memory and time; its JSON, or why it died.

    A query that runs away (or rdflib running out of memory) is reported, not fatal.
    """
    limit = int(memory_gb * 2**30)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))

    try:
        proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                              timeout=timeout, preexec_fn=cap)
    except subprocess.TimeoutExpired:
        return {"error": f"over {timeout:.0f} s"}
    if proc.returncode != 0:
        return {"error": f"died (exit {proc.returncode}; memory cap {memory_gb:g} GB?)"}
    return json.loads(proc.stdout)


def child(args: list[str]) -> None:
    """In the child: `ours STORE QUERY`, `rdflib NTRIPLES QUERY` or `rdflib NTRIPLES --turtle OUT`; prints JSON."""
    if args[0] == "build":
        store, source, workers, mode = args[1:5]
        with KnowledgeGraph.open(store) as graph:
            report = graph.add(read_articles([source]), workers=int(workers), bulk=mode == "bulk")
        print(json.dumps({"articles": report.articles, "unchanged": report.unchanged, "failed": report.failed,
                          "triples": report.triples, "stages": report.stages, "summary": report.summary()}))
        return
    if args[0] == "ours":
        graph = KnowledgeGraph.open(args[1], read_only=True)
        text = Path(args[2]).read_text(encoding="utf-8")
        rows = sum(1 for _ in graph.query(text))
        print(json.dumps({"rows": rows, "seconds": best_of(lambda: sum(1 for _ in graph.query(text)))}))
        return
    import rdflib

    t0 = time.perf_counter()
    graph = rdflib.Graph()
    graph.parse(args[1], format="nt")
    out: dict = {"load_s": time.perf_counter() - t0}
    if args[2] == "--turtle":
        out["seconds"] = best_of(lambda: graph.serialize(destination=args[3], format="turtle"), repeat=1)
    else:
        text = Path(args[2]).read_text(encoding="utf-8")
        rows: list[int] = []
        out["seconds"] = best_of(lambda: rows.append(sum(1 for _ in graph.query(text))), repeat=2)
        out["rows"] = rows[0]
    print(json.dumps(out))


def queries_and_export(store: Path, work: Path, memory_gb: float, timeout: float, rdflib: bool) -> dict:
    """Our example query times and Turtle export; with `rdflib`, the same on an rdflib Graph."""
    with KnowledgeGraph.open(store, read_only=True) as graph:
        ours_ttl = best_of(lambda: graph.export("ttl", str(work / "ours.ttl")), repeat=1)
        nt = work / "dump.nt"
        if rdflib:
            graph.export("nt", str(nt))
    del graph
    queries = {}
    load_s = None
    for path in QUERIES:
        ours = isolated(["ours", str(store), str(path)], memory_gb, timeout)
        # each rdflib query in its own process, so that one that runs past the cap costs only itself
        other = isolated(["rdflib", str(nt), str(path)], memory_gb, timeout) if rdflib else {"error": "not run"}
        load_s = other.get("load_s", load_s)
        entry = {"rows": ours.get("rows"), "ours_s": ours.get("seconds"), "ours_error": ours.get("error"),
                 "rdflib_rows": other.get("rows"), "rdflib_s": other.get("seconds"), "rdflib_error": other.get("error")}
        if entry["ours_s"] and entry["rdflib_s"]:
            entry["ratio"] = entry["rdflib_s"] / entry["ours_s"]
        elif entry["ours_s"] and str(entry["rdflib_error"]).startswith("over"):  # rdflib hit the time cap
            entry["ratio_above"] = (timeout - (load_s or 0.0)) / entry["ours_s"]
        queries[path.stem] = entry
    theirs = (isolated(["rdflib", str(nt), "--turtle", str(work / "rdflib.ttl")], memory_gb, timeout * 4)
              if rdflib else {"error": "not run"})
    turtle = {"ours_s": ours_ttl, "rdflib_s": theirs.get("seconds")}
    if turtle["rdflib_s"]:
        turtle["ratio"] = turtle["rdflib_s"] / ours_ttl
    return {"rdflib_load_s": theirs.get("load_s", load_s), "rdflib_error": theirs.get("error"),
            "queries": queries, "turtle": turtle}


def run(n: int, work: Path, workers: int, bulk: bool, rdflib_max_quads: int, memory_gb: float,
        timeout: float) -> dict:
    source = corpus(work, n)
    store = work / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)
    seconds, peak, report = timed_build(store, source, workers, bulk)
    again, _, report2 = timed_build(store, source, workers, bulk)
    assert report2["unchanged"] == n, report2["summary"]
    with KnowledgeGraph.open(store, read_only=True) as graph:
        quads = len(graph.store)
    result = {
        "articles": n, "workers": workers, "bulk": bulk, "seconds": seconds,
        "articles_per_s": report["articles"] / seconds, "triples": report["triples"],
        "triples_per_s": report["triples"] / seconds, "peak_rss_mb": peak / 2**20,
        "store_mb": dir_size(store) / 2**20, "input_mb": source.stat().st_size / 2**20,
        "stages_s": report["stages"], "failed": report["failed"],
        "second_run_s": again, "second_run_speedup": seconds / again,
    }
    result["reads"] = queries_and_export(store, work, memory_gb, timeout, rdflib=quads <= rdflib_max_quads)
    return result


def _seconds(value: float | None, error: str | None) -> str:
    return f"{value:.1f} s" if value is not None else str(error)


def markdown(results: list[dict]) -> str:
    lines = ["| articles | workers | s | articles/s | triples/s | peak RSS MB | store MB | 2nd run s (speedup) |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        lines.append(f"| {r['articles']} | {r['workers']}{'' if r['bulk'] else ' atomic'} | {r['seconds']:.1f} | "
                     f"{r['articles_per_s']:.0f} | {r['triples_per_s']:.0f} | {r['peak_rss_mb']:.0f} | "
                     f"{r['store_mb']:.0f} | {r['second_run_s']:.2f} ({r['second_run_speedup']:.0f}x) |")
    lines += ["", "Stages (seconds; nlp and rdf are CPU seconds summed over the workers):", "",
              "| articles | read | nlp | rdf | store | writer waiting | compact |", "|---:|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        s = r["stages_s"]
        lines.append(f"| {r['articles']} | {s['read']:.1f} | {s['nlp']:.1f} | {s['rdf']:.1f} | "
                     f"{s['store']:.1f} | {s['wait']:.1f} | {s.get('compact', 0.0):.1f} |")
    for r in results:
        c = r["reads"]
        lines += ["", f"Queries and Turtle export, {r['articles']} articles; against rdflib "
                  f"{__import__('rdflib').__version__} in memory (rdflib load of the N-Triples: "
                  f"{_seconds(c['rdflib_load_s'], c['rdflib_error'])}):", "",
                  "| query | rows | ours ms | rdflib ms | rdflib / ours |", "|---|---:|---:|---:|---:|"]
        for name, q in c["queries"].items():
            ours = f"{q['ours_s'] * 1000:.1f}" if q["ours_s"] else q["ours_error"]
            theirs = f"{q['rdflib_s'] * 1000:.1f}" if q["rdflib_s"] else q["rdflib_error"]
            ratio = (f"{q['ratio']:.0f}x" if "ratio" in q else
                     f"> {q['ratio_above']:.0f}x" if "ratio_above" in q else "-")
            rows = q["rows"] if q["rows"] == q["rdflib_rows"] else f"{q['rows']} (rdflib {q['rdflib_rows']})"
            lines.append(f"| {name} | {rows} | {ours} | {theirs} | {ratio} |")
        t = c["turtle"]
        theirs = f"{t['rdflib_s'] * 1000:.0f}" if t["rdflib_s"] else c["rdflib_error"]
        ratio = f"{t['ratio']:.1f}x" if "ratio" in t else "-"
        lines.append(f"| Turtle export | | {t['ours_s'] * 1000:.0f} | {theirs} | {ratio} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000 10000 100000", help="article counts, space-separated")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--atomic", action="store_true", help="one transaction per batch instead of the bulk loader")
    parser.add_argument("--work", type=Path, default=Path("/tmp/kg-bench"), help="corpora, stores, results")
    parser.add_argument("--rdflib-max-quads", type=int, default=2_000_000)
    parser.add_argument("--memory-gb", type=float, default=6.0, help="memory cap of each query process")
    parser.add_argument("--timeout", type=float, default=120.0, help="time cap of each query process, s")
    parser.add_argument("--child", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(args.child)
        return
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for n in (int(s) for s in args.sizes.split()):
        results.append(run(n, args.work, args.workers, not args.atomic, args.rdflib_max_quads, args.memory_gb,
                           args.timeout))
        print(json.dumps(results[-1], indent=1), file=sys.stderr, flush=True)
    (args.work / "results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
