"""Crashes, a full disk and a read-only store: the store opens afterwards, holds every article that
finished and none half-written, and the same build run again ends in the same dataset as an
uninterrupted one.

The disk-full and read-only cases mount a small tmpfs when the tests run as root (CI's container
does); otherwise the disk is "filled" with RLIMIT_FSIZE and the directory made read-only with chmod.
"""
from __future__ import annotations

import os
import random
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kg import KnowledgeGraph

from conftest import ROOT, run_kg
from reliability_support import BATCH, batch_records, build, dataset, store_graphs, write_jsonl


def store_files(store: Path) -> dict[str, int]:
    """Size of each of Oxigraph's data files: the write-ahead log, and the tables bulk loads add."""
    try:
        return {p.name: p.stat().st_size for p in (store / "oxigraph").iterdir() if p.suffix in (".log", ".sst")}
    except FileNotFoundError:
        return {}


def written(store: Path, before: dict[str, int]) -> int:
    """Bytes the store's data files have grown by since `before`."""
    return sum(store_files(store).values()) - sum(before.values())


def start_build(source: Path, store: Path, *args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kg", "build", str(source), "--store", str(store), "-q", *args],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)


def kill_at_random(source: Path, store: Path, rnd: random.Random, during_startup: bool, mode: str,
                   full_size: int) -> bool:
    """Run a build and SIGKILL it at a random moment; False if it finished first.

    Past start-up, the moment is when the store has grown by a random part of `full_size` (what
    a whole build writes): a bulk load writes a batch at once, so a kill by the clock would
    mostly land before or after the few moments that matter."""
    before = store_files(store)
    proc = start_build(source, store, mode, start_new_session=True)
    deadline = time.monotonic() + 120
    if during_startup:
        time.sleep(rnd.uniform(0.05, 1.5))
    else:
        target = rnd.uniform(0.05, 0.6) * full_size
        while proc.poll() is None and written(store, before) < target and time.monotonic() < deadline:
            time.sleep(0.005)
        time.sleep(rnd.uniform(0.0, 0.01))
    if proc.poll() is not None:
        proc.communicate()
        return False
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    # Its extraction workers, if any, outlive it a moment (they write nothing to the store) and
    # hold its output pipes: end them too, then collect the output.
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    proc.communicate()
    return True


def opened(store: Path) -> Path:
    """The store once a writer has opened it, which drops what a killed bulk load left half-done."""
    if (store / "oxigraph").exists():
        KnowledgeGraph.open(store).close()
    return store


@pytest.mark.slow
@pytest.mark.parametrize("mode", ["--bulk", "--atomic"])
def test_kill_9_at_random_moments_loses_nothing(tmp_path, mode):
    """Builds of a batch, then of a changed version of it (every article replaced), killed at random.

    After a kill, an --atomic store holds whole articles as it is; a --bulk one once a writer has
    opened it (before that, a reader may see part of the batch that was loading)."""
    seed = int(os.environ.get("KG_CRASH_SEED", time.time()))
    rnd = random.Random(seed)
    store = tmp_path / "store"
    kills, snapshots, finals = 0, [], []
    sources = [write_jsonl(tmp_path / f"v{version}.jsonl", batch_records(version)) for version in (1, 2)]
    # the killed-and-resumed store must end where an uninterrupted build does
    assert build(sources[1], "--store", tmp_path / "uninterrupted", "-q", mode).returncode == 0
    full_size = written(tmp_path / "uninterrupted", {})
    for version, rounds in ((1, 3), (2, 2)):
        source = sources[version - 1]
        for i in range(rounds):
            kills += kill_at_random(source, store, rnd, during_startup=(i == 0), mode=mode, full_size=full_size)
            # the store opens after every kill
            snapshots.append((version, store_graphs(opened(store) if mode == "--bulk" else store)))
        proc = build(source, "--store", store, "-q", mode)
        assert proc.returncode == 0, f"seed {seed}: {proc.stderr}"
        finals.append(store_graphs(store))
    v1, v2 = finals
    # every article seen after a kill is whole: the version the build finished with, or, while
    # version 2 replaced version 1, the old version (a kill between a graph's removal and its new
    # version leaves the article out; the re-run adds it)
    for version, graphs in snapshots:
        for name, quads in graphs.items():
            allowed = (v1.get(name),) if version == 1 else (v1.get(name), v2.get(name))
            assert quads in allowed, f"seed {seed}: {name} half-written or mixed after a kill"
    assert len(v1) == len(v2) == BATCH
    assert dataset(store) == dataset(tmp_path / "uninterrupted"), f"seed {seed}"
    counts = [len(g) for _, g in snapshots]
    print(f"kill -9: {kills} builds killed (seed {seed}); articles in the store after each: {counts}")
    assert kills >= 4, f"seed {seed}: only {kills} builds were still running when killed"
    assert any(0 < n < BATCH for n in counts[:3]), f"seed {seed}: no kill landed mid-batch: {counts}"


# --------------------------------------------------------------------- disk full, read-only

@contextmanager
def scratch_disk(path: Path, size: str) -> Iterator[bool]:
    """A tmpfs of `size` at `path` when this process may mount one (yields True), else a plain folder."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = os.geteuid() == 0 and shutil.which("mount") is not None and subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True).returncode == 0
    try:
        yield mounted
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def remount(path: Path, options: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{options}", str(path)], check=True, capture_output=True)


def limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the limit fail with EFBIG instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def assert_clear_write_error(proc: subprocess.CompletedProcess, store: Path) -> None:
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.startswith("Error:")]
    assert len(lines) == 1, proc.stderr
    assert str(store) in lines[0] and ("free disk space" in lines[0] or "permissions" in lines[0]), lines[0]


# The disk fills part-way: bulk loads write less than transactions (no write-ahead log), and in
# smaller files (RLIMIT_FSIZE limits each file, where no tmpfs can be mounted).
@pytest.mark.slow
@pytest.mark.parametrize("mode,disk_size,file_limit", [("--bulk", "6m", 1_000_000), ("--atomic", "12m", 24_000_000)])
def test_disk_full_clear_error_and_nothing_lost(tmp_path, mode, disk_size, file_limit):
    source = write_jsonl(tmp_path / "batch.jsonl", batch_records())
    disk = tmp_path / "disk"
    with scratch_disk(disk, disk_size) as mounted:
        store = disk / "store"
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(source), "--store", str(store), "-q", mode],
                              cwd=ROOT, capture_output=True, text=True, timeout=300,
                              preexec_fn=None if mounted else limit_file_size(file_limit))
        assert_clear_write_error(proc, store)
        store_graphs(store)  # a reader opens the store on the full disk
        if mounted:
            remount(disk, "size=256m")
        kept = store_graphs(opened(store))  # the next writer drops what a bulk batch cut short left
        assert 0 < len(kept) < BATCH, "the disk should fill after some batches were written"
        proc = build(source, "--store", store, "-q", mode)
        assert proc.returncode == 0, proc.stderr
        assert f"{len(kept)} unchanged" in proc.stdout, proc.stdout
        final = store_graphs(store)
        assert len(final) == BATCH
        assert all(final[name] == quads for name, quads in kept.items()), "an article kept on the full disk changed"
        print(f"disk full ({'tmpfs' if mounted else 'RLIMIT_FSIZE'}): {len(kept)} articles kept whole, the rest added")


def test_read_only_store_refuses_writes_and_still_answers_reads(tmp_path):
    disk = tmp_path / "disk"
    with scratch_disk(disk, "64m") as mounted:
        store = disk / "store"
        assert build(write_jsonl(tmp_path / "cinco.jsonl", batch_records()[:5]), "--store", store, "-q").returncode == 0
        before = dataset(store)
        more = write_jsonl(tmp_path / "mais.jsonl", batch_records()[5:8])
        set_writable(disk, store, mounted, False)
        if os.access(store, os.W_OK):
            pytest.skip("this user can write to read-only directories and cannot mount")
        assert_clear_write_error(build(more, "--store", store, "-q"), store)
        # readers need no write access: a store published read-only answers queries and exports
        count = run_kg("query", "--store", store, "--format", "csv", "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }")
        assert count.stdout.split() == ["n", "5"]
        run_kg("export", "--store", store, "--format", "nq", "-o", tmp_path / "out.nq")
        assert (tmp_path / "out.nq").stat().st_size > 0
        set_writable(disk, store, mounted, True)
        assert dataset(store) == before
        assert build(more, "--store", store, "-q").returncode == 0
        assert len(store_graphs(store)) == 8


def set_writable(disk: Path, store: Path, mounted: bool, writable: bool) -> None:
    if mounted:
        remount(disk, "rw" if writable else "ro")
        return
    for p in [store, *store.rglob("*")]:
        mode = p.stat().st_mode
        p.chmod(mode | 0o200 if writable else mode & ~0o222)
