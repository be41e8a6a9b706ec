"""Headless Chromium for checking pages as a reader's browser sees them (tests, bench).

Always the system's Chromium (Debian's `chromium`, installed by scripts/install-chromium.sh),
never a browser that Playwright would download; a fresh profile each time, and every Chromium
service that would call home switched off, so a request seen in a test came from the page.
Needs the `playwright` package (the project's test extra).
"""
from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-default-apps"]


@contextmanager
def chromium(width: int = 1280, height: int = 800) -> Iterator[Any]:
    """A Playwright BrowserContext of the system Chromium with a new, temporary user-data-dir."""
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM}: no Chromium; run scripts/install-chromium.sh (or set KG_CHROMIUM)")
    with tempfile.TemporaryDirectory(prefix="kg-chromium-") as profile, sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=FLAGS,
            viewport={"width": width, "height": height}, service_workers="block")
        try:
            yield context
        finally:
            context.close()


def wait_for(page: Any, expression: str, timeout: float = 30.0) -> Any:
    """Poll a JavaScript expression until it is truthy; returns its value.

    Playwright's wait_for_function compiles its predicate with eval, which the page's
    Content-Security-Policy (rightly) refuses; evaluate() goes through DevTools and is allowed.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(f"() => ({expression})")
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"still false after {timeout} s: {expression}")
        time.sleep(0.02)

