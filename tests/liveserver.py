"""Start real servers (`kg serve`, `oxigraph serve`) on a free loopback port and stop them again.

Used by the endpoint and push tests and by bench/bench_endpoint.py.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
OXIGRAPH = Path(sys.executable).with_name("oxigraph")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running(command: Sequence[str | Path], ready_url: str, timeout: float = 60) -> Iterator[subprocess.Popen]:
    """Run `command` until the block ends; wait until `ready_url` answers before entering it."""
    proc = subprocess.Popen([str(c) for c in command], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"{command[0]} exited {proc.returncode}: {proc.stderr.read().decode()}")
            try:
                httpx.get(ready_url, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"{ready_url} did not answer within {timeout} s") from None
                time.sleep(0.1)
        yield proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)  # uvicorn shuts down cleanly and stops its query workers
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)
        proc.stdout.close()
        proc.stderr.close()


@contextmanager
def kg_server(store: Path, *options: str) -> Iterator[str]:
    """`kg serve` over `store`; yields the endpoint URL (…/sparql)."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([sys.executable, "-m", "kg", "serve", "--store", store, "--port", str(port), *options],
                 base + "/sparql"):
        yield base + "/sparql"


@contextmanager
def oxigraph_server(location: Path) -> Iterator[str]:
    """The `oxigraph` server (PyPI package `oxigraph`); yields its base URL."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    with running([OXIGRAPH, "serve", "--location", location, "--bind", f"127.0.0.1:{port}"], base + "/"):
        yield base
