"""``kallglot --version`` in a fresh process against ``python -c "import httpx"`` (goal: under 1.5x)."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

RUNS = 20


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, capture_output=True)
    return time.perf_counter() - start


def run() -> list[str]:
    commands = {
        "httpx": [sys.executable, "-c", "import httpx"],
        "version": [str(Path(sys.executable).with_name("kallglot")), "--version"],
    }
    for command in commands.values():
        _time(command)  # warm the bytecode caches
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(RUNS):
        for name, command in commands.items():
            samples[name].append(_time(command))
    httpx_ms, version_ms = (statistics.median(samples[name]) * 1e3 for name in ("httpx", "version"))
    return [
        f"kallglot --version: {version_ms:.0f} ms vs python -c 'import httpx' {httpx_ms:.0f} ms "
        f"-> {version_ms / httpx_ms:.2f}x (goal < 1.5x)"
    ]
