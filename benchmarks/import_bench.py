"""``import kallglot`` in a fresh interpreter against ``import httpx``."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

RUNS = 30


def _time(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start


def run() -> list[str]:
    statements = {
        "empty": "pass",
        "httpx": "import httpx",
        "kallglot": "import kallglot",
        "client": "from kallglot import Kallglot; Kallglot('sk_test_x')",
    }
    samples: dict[str, list[float]] = {name: [] for name in statements}
    for _ in range(3):
        for statement in statements.values():
            _time(statement)  # warm the bytecode caches
    for _ in range(RUNS):
        for name, statement in statements.items():
            samples[name].append(_time(statement))
    median = {name: statistics.median(values) for name, values in samples.items()}
    httpx_ms = (median["httpx"] - median["empty"]) * 1e3
    kallglot_ms = (median["kallglot"] - median["empty"]) * 1e3
    client_ms = (median["client"] - median["empty"]) * 1e3
    return [
        f"import kallglot: {kallglot_ms:.1f} ms vs import httpx {httpx_ms:.1f} ms -> {kallglot_ms / httpx_ms:.2f}x "
        f"(goal <= 1.2x); import + construct a client: {client_ms:.1f} ms ({client_ms / httpx_ms:.2f}x)"
    ]
