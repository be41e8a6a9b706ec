"""Run SPARQL queries in worker processes, so that a query over its time limit really stops.

pyoxigraph cannot cancel a running query from Python: a thread that times out keeps burning a core
until the query ends, and enough of them starve the server. Each query therefore runs in one of a
few worker processes; when the time is up the worker is killed and replaced, and the client gets
503 at once. The price is one pickled round trip per query (well under a millisecond for results
capped at `max_rows`) and ~0.3 s to start a replacement worker.

Each worker holds a read-only snapshot of the store (`Store.read_only` sees the store as it was
when opened). Before every query it compares the names, sizes and modification times of the
store's files with those it opened (a `scandir` of some twenty files, 0.1-0.2 ms measured) and
reopens only when a writer such as `kg build` has committed since (reopening costs ~20 ms on the
samples and the dev corpus, more with a longer write-ahead log). Reads thus see the last committed state without
paying the reopen on every request.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

from .sparql_results import Reply, error_reply, serialize_results


@dataclass
class Job:
    query: str
    wanted: list[str]
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)


class Snapshot:
    """A read-only view of the store, reopened when the files on disk changed."""

    def __init__(self, store_dir: Path):
        self.data = Path(store_dir) / "oxigraph"
        self._store = None
        self._version: tuple | None = None

    def version(self) -> tuple:
        """Names, sizes and modification times of the store's files: changes with every commit."""
        entries = []
        with os.scandir(self.data) as listing:
            for entry in listing:
                try:
                    stat = entry.stat()
                except FileNotFoundError:  # removed by a compaction while we looked
                    continue
                entries.append((entry.name, stat.st_size, stat.st_mtime_ns))
        return tuple(sorted(entries))

    def forget(self) -> None:
        """Drop the snapshot; the next query opens the store afresh."""
        self._store = None
        self._version = None

    def store(self):  # -> pyoxigraph.Store
        """The snapshot, reopened if the store changed; OSError if it cannot be opened at all."""
        from pyoxigraph import Store

        error: Exception | None = None
        for _ in range(40):
            version = self.version()
            if version == self._version and self._store is not None:
                return self._store
            try:
                store = Store.read_only(str(self.data))
            except (OSError, RuntimeError) as e:
                # The writer was between two files (a compaction deletes files that the manifest
                # just read still names). Serving the older snapshot would let a later query see
                # less than an earlier one on another worker: wait a moment and open again.
                error = e
                time.sleep(0.05)
                continue
            if self.version() != version:
                # Files changed while RocksDB read them: the snapshot may mix two states. Again.
                error = RuntimeError("the store kept changing while it was opened")
                time.sleep(0.01)
                continue
            self._store, self._version = store, version
            return store
        if self._store is not None:  # a writer that keeps the store unreadable for 2 s: stale beats nothing
            return self._store
        raise OSError(f"cannot open {self.data} read-only: {error}")


def run_job(snapshot: Snapshot, job: Job, max_rows: int) -> Reply:
    """Evaluate one query against the snapshot; every failure becomes a reply, never an exception."""
    from pyoxigraph import NamedNode

    from .namespaces import PREFIXES

    options: dict[str, object] = {"prefixes": PREFIXES}
    try:
        # Without default-graph-uri the store's default graph answers: kg keeps it as the union of
        # the article graphs (kg/union.py).
        if job.default_graphs:
            options["default_graph"] = [NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            options["named_graphs"] = [NamedNode(g) for g in job.named_graphs]
    except ValueError as e:
        return error_reply(400, f"invalid graph IRI: {e}")
    for attempt in (1, 2):
        try:
            store = snapshot.store()
        except OSError as e:
            return error_reply(503, f"the store cannot be read right now: {e}")
        try:
            return serialize_results(store.query(job.query, **options), job.wanted, max_rows)
        except SyntaxError as e:
            return error_reply(400, f"SPARQL syntax error: {e}")
        except (OSError, RuntimeError) as e:
            # A compaction by the writer may have removed a file this old snapshot still wanted:
            # take a fresh snapshot and try once more.
            snapshot.forget()
            if attempt == 2:
                return error_reply(500, f"query evaluation failed: {e}")
        except (ValueError, TypeError) as e:
            return error_reply(500, f"query evaluation failed: {e}")
    raise AssertionError("unreachable")


def _worker_main(conn: Connection, store_dir: str, max_rows: int) -> None:
    snapshot = Snapshot(Path(store_dir))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        try:
            reply = run_job(snapshot, job, max_rows)
        except Exception as e:  # a worker must outlive any one query
            snapshot.forget()
            reply = error_reply(500, f"query failed: {type(e).__name__}: {e}")
        conn.send(reply)


class _Worker:
    def __init__(self, ctx, store_dir: Path, max_rows: int):
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_worker_main, args=(child, str(store_dir), max_rows), daemon=True)
        self.process.start()
        child.close()

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class QueryPool:
    """A fixed number of worker processes, each running one query at a time."""

    def __init__(self, store_dir: Path, workers: int, timeout: float, max_rows: int):
        self.store_dir = Path(store_dir)
        self.size = workers
        self.timeout = timeout
        self.max_rows = max_rows
        # spawn, not fork: the server has threads by the time a killed worker is replaced.
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: asyncio.Queue[_Worker] = asyncio.Queue()
        self._all: list[_Worker] = []

    def start(self) -> None:
        for _ in range(self.size):
            self._add_worker()

    def _add_worker(self) -> None:
        worker = _Worker(self._ctx, self.store_dir, self.max_rows)
        self._all.append(worker)
        self._idle.put_nowait(worker)

    def close(self) -> None:
        for worker in self._all:
            try:
                worker.conn.send(None)
            except OSError:
                pass
        for worker in self._all:
            worker.process.join(2)
            if worker.process.is_alive():
                worker.kill()
        self._all.clear()

    async def run(self, job: Job) -> Reply:
        """The reply to `job`, or 503 when no worker frees up or the query exceeds the timeout.

        Waiting for a free worker and running on it are each bounded by the timeout, so that a
        query is never killed for the time others took.
        """
        getter = asyncio.ensure_future(self._idle.get())
        try:
            done, _ = await asyncio.wait({getter}, timeout=self.timeout)
        except asyncio.CancelledError:
            _give_back(getter, self._idle)
            raise
        if not done:
            _give_back(getter, self._idle)
            return error_reply(503, f"server busy: no query worker free within {self.timeout:g} s; retry later")
        worker = getter.result()
        loop = asyncio.get_running_loop()
        reusable = False
        try:
            worker.conn.send(job)
            reply = await loop.run_in_executor(None, _receive, worker.conn, self.timeout)
            if reply is None:
                return error_reply(503, f"query timed out after {self.timeout:g} s and was stopped; "
                                        "narrow it, add a LIMIT, or start the server with a longer --timeout")
            reusable = True
            return reply
        except (EOFError, OSError):
            return error_reply(500, "the query worker died (out of memory?); it has been restarted")
        finally:
            # A worker that timed out, died, or whose request was cancelled (its answer would reach
            # the next client) is replaced; only a worker that answered goes back to the pool.
            if reusable:
                self._idle.put_nowait(worker)
            else:
                self._replace(worker)

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        self._all.remove(worker)
        self._add_worker()


def _give_back(getter: asyncio.Future, idle: asyncio.Queue) -> None:
    """Abandon a wait for a worker without losing the worker if the wait just succeeded."""
    if getter.done() and not getter.cancelled():
        idle.put_nowait(getter.result())
    else:
        getter.cancel()  # Queue.get leaves the item in the queue when cancelled


def _receive(conn: Connection, timeout: float) -> Reply | None:
    if not conn.poll(timeout):
        return None
    return conn.recv()
