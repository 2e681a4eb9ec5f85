"""Run every benchmark and print its report lines: ``python -m benchmarks [name ...]``."""

from __future__ import annotations

import importlib
import sys

BENCHMARKS = [
    "cli_bench",
    "client_bench",
    "async_bench",
    "import_bench",
    "parse_bench",
    "stream_bench",
    "webhook_bench",
]


def main(argv: list[str]) -> int:
    chosen = argv or BENCHMARKS
    for name in chosen:
        try:
            module = importlib.import_module(f"benchmarks.{name}")
        except ModuleNotFoundError as exc:
            print(f"{name}: skipped ({exc})")
            continue
        for line in module.run():
            print(f"{name}: {line}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
