"""Client CPU per ``sessions.retrieve`` against raw ``httpx.Client.get`` + ``json.loads`` of the same body."""

from __future__ import annotations

import json

import httpx

import kallglot

from ._util import cpu_per_call, server_process

CALLS = 2000


def run() -> list[str]:
    with server_process("benchmarks._http_server") as port:
        base = f"http://127.0.0.1:{port}/v1"
        raw = httpx.Client()
        client = kallglot.Kallglot("sk_test_bench", base_url=base)

        def raw_call() -> object:
            return json.loads(raw.get(f"{base}/sessions/sess_01HXYZ123456789").content)

        def sdk_call() -> object:
            return client.sessions.retrieve("sess_01HXYZ123456789")

        for fn in (raw_call, sdk_call):  # warm both pools and caches
            cpu_per_call(fn, 200, rounds=1)
        results = {"raw": [], "sdk": []}  # interleaved rounds, so drift hits both alike
        for _ in range(5):
            results["raw"].append(cpu_per_call(raw_call, CALLS, rounds=1))
            results["sdk"].append(cpu_per_call(sdk_call, CALLS, rounds=1))
        raw.close()
        client.close()
    # The least disturbed round of each: other load on the machine only ever adds time (as timeit takes the min).
    raw_us, sdk_us = (min(v) * 1e6 for v in (results["raw"], results["sdk"]))
    return [
        f"sessions.retrieve CPU per call: {sdk_us:.1f} us vs raw httpx get+json.loads {raw_us:.1f} us "
        f"-> {sdk_us / raw_us:.2f}x (goal <= 1.15x)"
    ]
