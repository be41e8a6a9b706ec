"""Network view benchmark: `python bench/bench_viz.py [--entities 5000 --relations 15000]`.

Builds a synthetic store of that size (kg.viz.synthetic, through the real RDF path), then:
- runs the real `kg viz` on it: wall and CPU seconds, page size (target: < 10 s, < 15 MB);
- opens the page from file:// in the system's headless Chromium: seconds until the vis network is
  drawn, node and edge counts in vis's data sets (must equal the graph's);
- types names into the search box and presses Enter, timing in the page from the submit to the
  second animation frame after it (the focused view is on screen), for entities in the first view
  and for hidden ones that the search has to reveal (target: < 1 s).
The load average is printed alongside: on a shared machine the wall times grow with it.
Results go to stdout and to --work/viz-results.json.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.graph import KnowledgeGraph  # noqa: E402
from kg.viz.browser import chromium, wait_for  # noqa: E402
from kg.viz.synthetic import build_synthetic_store  # noqa: E402

SEARCH = """async (name) => {
  document.getElementById('kg-search').value = name;
  const form = document.getElementById('kg-search-form');
  const frame = () => new Promise(r => requestAnimationFrame(r));
  const t0 = performance.now();
  form.requestSubmit();
  const handled = performance.now() - t0;
  await frame(); await frame();
  return {handled: handled, shown: performance.now() - t0, selected: network.getSelectedNodes().length};
}"""


def build(store: Path, entities: int, relations: int) -> dict:
    started = time.perf_counter()
    with KnowledgeGraph.open(store) as kg:
        n, m = build_synthetic_store(kg, entities, relations)
    return {"entities": n, "relations": m, "build_seconds": round(time.perf_counter() - started, 1)}


def generate_page(store: Path, page: Path) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "kg", "viz", "--store", str(store), "-o", str(page)], check=True, cwd=ROOT)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"generate_wall_s": round(wall, 2), "generate_cpu_s": round(cpu, 2),
            "page_mb": round(page.stat().st_size / 1e6, 2)}


def browse(page_file: Path, searches: int) -> dict:
    with chromium() as context:
        page = context.new_page()
        errors: list[str] = []
        requests: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        page.on("request", lambda r: requests.append(r.url))
        started = time.perf_counter()
        page.goto(page_file.resolve().as_uri())
        wait_for(page, "typeof network !== 'undefined' && network !== null", timeout=120)
        page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        load = time.perf_counter() - started
        nodes, edges, visible = page.evaluate(
            "() => [network.body.data.nodes.length, network.body.data.edges.length,"
            " network.body.data.nodes.get({filter: n => !n.hidden}).length]")
        names = page.evaluate("""(k) => {
            const shown = nodes.get({filter: n => !n.hidden}), hidden = nodes.get({filter: n => n.hidden});
            const pick = (list) => Array.from({length: Math.min(k, list.length)}, (_, i) => list[Math.floor(i * list.length / k)].label);
            return {shown: pick(shown), hidden: pick(hidden)};
        }""", searches)
        # CPU time of the page's renderer process (DevTools' ProcessTime) does not grow with the
        # machine's load as wall time does: both are reported.
        cdp = context.new_cdp_session(page)
        cdp.send("Performance.enable")

        def busy() -> float:
            return next(m["value"] for m in cdp.send("Performance.getMetrics")["metrics"] if m["name"] == "ProcessTime")

        timings: dict[str, list[float]] = {}
        cpu: list[float] = []
        for kind, labels in names.items():
            for label in labels:
                before = busy()
                result = page.evaluate(SEARCH, label)
                cpu.append((busy() - before) * 1000)
                assert result["selected"] == 1, f"search for {label!r} selected nothing"
                timings.setdefault(kind, []).append(result["shown"])
        outside = [u for u in requests if not u.startswith("file://")]
    searched = [t for ts in timings.values() for t in ts]
    return {"load_s": round(load, 2), "vis_nodes": nodes, "vis_edges": edges, "first_view_nodes": visible,
            "search_ms_median": round(statistics.median(searched)), "search_ms_max": round(max(searched)),
            "search_ms_visible_max": round(max(timings.get("shown", [0]))),
            "search_ms_hidden_max": round(max(timings.get("hidden", [0]))),
            "search_cpu_ms_median": round(statistics.median(cpu)), "search_cpu_ms_max": round(max(cpu)),
            "console_errors": len(errors), "requests_outside_file": len(outside)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=5000)
    parser.add_argument("--relations", type=int, default=15000)
    parser.add_argument("--searches", type=int, default=5, help="searches of each kind (shown, hidden)")
    parser.add_argument("--work", type=Path, default=None, help="folder for the store and page (default: a temp dir)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-viz-") as tmp:
        work = args.work or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        store, page = work / f"store-{args.entities}", work / f"kg-{args.entities}.html"
        results: dict = {"load_average": [round(x, 1) for x in os.getloadavg()], "cpus": os.cpu_count()}
        if not (store / "oxigraph").exists():
            results |= build(store, args.entities, args.relations)
        results |= generate_page(store, page)
        results |= browse(page, args.searches)
        results["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
        for key, value in results.items():
            print(f"{key:<24}{value}")
        (work / "viz-results.json").write_text(json.dumps(results, indent=1))
        ok = (results["generate_wall_s"] < 10 and results["page_mb"] < 15 and results["search_ms_max"] < 1000
              and results["vis_nodes"] == args.entities and results["vis_edges"] == args.relations
              and results["console_errors"] == 0 and results["requests_outside_file"] == 0)
        print("targets met" if ok else "TARGETS MISSED (see above; on a loaded machine compare CPU seconds)")


if __name__ == "__main__":
    main()
