"""Client CPU for N concurrent ``sessions.retrieve`` through ``AsyncKallglot`` against raw ``httpx.AsyncClient``.

Both sides run the same N = 200 concurrent GETs (``asyncio.gather``) against the same keep-alive server in
another process, with the same pool limits, so the ratio is the SDK's own cost per call under concurrency:
retries bookkeeping, header capture, parsing into a model.
"""

from __future__ import annotations

import asyncio
import gc
import json
import time

import httpx

import kallglot

from ._util import server_process

CONCURRENT = 200
ROUNDS = 9
SESSION_ID = "sess_01HXYZ123456789"


async def _measure(base: str) -> tuple[float, float]:
    limits = httpx.Limits(max_connections=CONCURRENT, max_keepalive_connections=CONCURRENT)
    raw = httpx.AsyncClient(limits=limits)
    client = kallglot.AsyncKallglot("sk_test_bench", base_url=base, http_client=httpx.AsyncClient(limits=limits))

    async def raw_call() -> object:
        return json.loads((await raw.get(f"{base}/sessions/{SESSION_ID}")).content)

    async def sdk_call() -> object:
        return await client.sessions.retrieve(SESSION_ID)

    async def batch(call: object) -> float:
        gc.collect()  # start each batch with the same heap, so one side does not pay for the other's garbage
        start = time.process_time()
        await asyncio.gather(*(call() for _ in range(CONCURRENT)))  # type: ignore[operator]
        return (time.process_time() - start) / CONCURRENT

    for call in (raw_call, sdk_call):  # open the pools' connections before measuring
        await batch(call)
    samples: dict[str, list[float]] = {"raw": [], "sdk": []}
    for _ in range(ROUNDS):  # interleaved, so drift hits both alike
        samples["raw"].append(await batch(raw_call))
        samples["sdk"].append(await batch(sdk_call))
    await raw.aclose()
    await client.close()
    raw_s, sdk_s = (min(v) for v in (samples["raw"], samples["sdk"]))  # the least disturbed round of each
    return raw_s, sdk_s


def run() -> list[str]:
    with server_process("benchmarks._http_server") as port:
        raw_s, sdk_s = asyncio.run(_measure(f"http://127.0.0.1:{port}/v1"))
    return [
        f"{CONCURRENT} concurrent AsyncKallglot sessions.retrieve: {sdk_s * 1e6:.1f} us CPU per call vs raw "
        f"httpx.AsyncClient get+json.loads {raw_s * 1e6:.1f} us -> {sdk_s / raw_s:.2f}x (goal <= 1.15x)"
    ]
