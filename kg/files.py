"""Files that appear whole or not at all."""
from __future__ import annotations

import os
from pathlib import Path


def write_whole(target: Path, data: bytes, sync: bool = False) -> None:
    """Write `data` beside `target` and rename it into place: a reader never finds half the file.

    `sync` makes it survive a power cut too, not only the death of the process.
    """
    tmp = target.with_name(target.name + ".part")
    with open(tmp, "wb") as f:
        f.write(data)
        if sync:
            f.flush()
            os.fsync(f.fileno())
    tmp.replace(target)
