"""Shared fixtures: the real CLI in a subprocess and a store built from the bundled samples."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
QUERIES = ROOT / "data" / "queries"
SHARED = ROOT.parent / "shared"
DEV_CORPUS = SHARED / "corpus" / "dev"


def run_kg(*args: str | Path, check: bool = True, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """Run the real `kg` command (as `python -m kg`) and return the finished process."""
    proc = subprocess.run([sys.executable, "-m", "kg", *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=kwargs.pop("cwd", ROOT), **kwargs)
    if check and proc.returncode != 0:
        raise AssertionError(f"kg {' '.join(map(str, args))} exited {proc.returncode}:\n{proc.stderr}")
    return proc


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built once from data/samples/ with the real CLI."""
    store = tmp_path_factory.mktemp("samples") / "store"
    run_kg("build", SAMPLES, "--store", store, "--quiet")
    return store
