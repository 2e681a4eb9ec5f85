"""Live stream benchmarks against a loopback sink in another process (``python -m benchmarks stream_bench``).

1. Throughput: frames per second one ``AsyncStream.send_audio`` sends (JSON + base64 included), as a ratio to
   a hand-written raw ``websockets`` loop building and sending the same frames. Goal: at least 0.9x.
2. Capacity: concurrent real-time streams (50 frames/s each, 160-byte mu-law frames) one process sustains for
   10 s with p99 send lateness under 20 ms, for ``AsyncStream`` and, in the same harness and run, for the raw
   ``websockets`` loop of (1). Goals: at least 300 on a 2-core machine, and a ratio SDK / raw of at least 1.0.

Run as ``python -m benchmarks.stream_bench`` it is the sink: it prints its port, then reads and drops frames.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol

from websockets.asyncio.client import ClientConnection, connect
from websockets.asyncio.server import ServerConnection, serve

from kallglot._stream.asyncio import AsyncStream
from kallglot_api.models import Session, Transcript

from ._util import server_process

FRAME = bytes(range(160))
THROUGHPUT_FRAMES = 20_000
CAPACITY_SECONDS = 10.0
LATENESS_BUDGET = 0.020
CPU_STREAMS = 200
CPU_ROUNDS = 3


def _session(port: int, index: int = 0) -> Session:
    expires = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
    url = f"ws://127.0.0.1:{port}/v1/sessions/sess_bench{index}/connect"
    return Session.from_dict(
        {"id": f"sess_bench{index}", "object": "session", "status": "active",
         "stream": {"url": url, "token": "kst_bench", "expires_at": expires}}
    )  # fmt: skip


def _stream(port: int, index: int = 0) -> AsyncStream:
    session = _session(port, index)

    async def refresh() -> Session:
        return session

    async def transcript() -> Transcript:
        raise NotImplementedError

    return AsyncStream(session, refresh_session=refresh, fetch_transcript=transcript, ping_interval=20.0)


class _Sender(Protocol):
    async def connect(self) -> object: ...
    async def send_audio(self, audio: bytes, *, speaker: str = ...) -> int: ...
    async def close(self) -> None: ...


class _RawStream:
    """What a careful hand-written client does: no compression, json.dumps per frame, await each send."""

    def __init__(self, port: int, index: int = 0) -> None:
        self.url = f"ws://127.0.0.1:{port}/v1/raw{index}?token=kst_bench"
        self.sequence = 0
        self.ws: ClientConnection | None = None

    async def connect(self) -> _RawStream:
        self.ws = await connect(self.url, compression=None, ping_interval=20.0)
        return self

    async def send_audio(self, audio: bytes, *, speaker: str = "customer") -> int:
        assert self.ws is not None
        self.sequence += 1
        message = {
            "type": "audio.input", "sequence": self.sequence, "timestamp_ms": int(time.time() * 1000),
            "speaker": speaker,
            "audio": {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": base64.b64encode(audio).decode()},
        }  # fmt: skip
        await self.ws.send(json.dumps(message))
        return self.sequence

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def _raw_rate(port: int) -> float:
    raw = await _RawStream(port).connect()
    start = time.perf_counter()
    for _ in range(THROUGHPUT_FRAMES):
        await raw.send_audio(FRAME, speaker="customer")
    rate = THROUGHPUT_FRAMES / (time.perf_counter() - start)
    await raw.close()
    return rate


async def _sdk_rate(port: int) -> float:
    async with _stream(port) as stream:
        start = time.perf_counter()
        for _ in range(THROUGHPUT_FRAMES):
            await stream.send_audio(FRAME, speaker="customer")
        return THROUGHPUT_FRAMES / (time.perf_counter() - start)


async def _capacity(port: int, count: int, raw: bool) -> tuple[float, int, float]:
    """p99 lateness (seconds) of ``count`` real-time streams over CAPACITY_SECONDS, frames sent, and this
    process's CPU seconds per frame while sending them (what capacity is made of, whatever else runs)."""
    streams: list[_Sender] = [_RawStream(port, i) if raw else _stream(port, i) for i in range(count)]
    for chunk in range(0, count, 50):
        await asyncio.gather(*(stream.connect() for stream in streams[chunk : chunk + 50]))
    loop = asyncio.get_running_loop()
    lateness: list[float] = []
    frames = int(CAPACITY_SECONDS * 50)
    begin = loop.time() + 0.5

    async def one(stream: _Sender) -> None:
        start = begin + random.random() * 0.02  # spread the streams over one frame period
        for index in range(frames):
            due = start + index * 0.02
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            lateness.append(loop.time() - due)
            await stream.send_audio(FRAME, speaker="customer")

    cpu = time.process_time()
    await asyncio.gather(*(one(stream) for stream in streams))
    cpu = time.process_time() - cpu
    await asyncio.gather(*(stream.close() for stream in streams))
    lateness.sort()
    return lateness[int(len(lateness) * 0.99)], len(lateness), cpu / len(lateness)


def run() -> list[str]:
    lines = []
    with server_process("benchmarks.stream_bench") as port:
        raw = max(asyncio.run(_raw_rate(port)) for _ in range(3))
        sdk = max(asyncio.run(_sdk_rate(port)) for _ in range(3))
        lines.append(
            f"throughput: send_audio {sdk:,.0f} frames/s vs raw websockets {raw:,.0f} frames/s = {sdk / raw:.2f}x "
            f"(goal >= 0.9x; {1e6 / sdk:.1f} vs {1e6 / raw:.1f} us/frame)"
        )
        sdk_count, raw_count = _sustained(port, False, lines), _sustained(port, True, lines)
        ratio = f"{sdk_count / raw_count:.2f}x" if raw_count else "n/a (raw sustained none)"
        lines.append(
            f"capacity: sustained {sdk_count} concurrent real-time streams vs raw websockets {raw_count} in the "
            f"same harness = {ratio} (goals >= 300 and >= 1.0x; cpus={os.cpu_count()})"
        )
        sdk_cpu, raw_cpu = _cpu_per_frame(port)
        sdk_per_core, raw_per_core = 1 / (sdk_cpu * 50), 1 / (raw_cpu * 50)
        lines.append(
            f"capacity by CPU ({CPU_STREAMS} streams each, alternating, best of {CPU_ROUNDS}): {sdk_per_core:,.0f} "
            f"streams per core ({sdk_cpu * 1e6:.1f} us CPU/frame) vs raw websockets {raw_per_core:,.0f} "
            f"({raw_cpu * 1e6:.1f} us/frame) = {sdk_per_core / raw_per_core:.2f}x (goal >= 1.0x; what other load on "
            f"the machine does not change)"
        )
    return lines


def _cpu_per_frame(port: int) -> tuple[float, float]:
    """This process's CPU seconds per frame at CPU_STREAMS streams, SDK and raw alternating; best of CPU_ROUNDS."""
    sdk, raw = float("inf"), float("inf")
    for _ in range(CPU_ROUNDS):
        sdk = min(sdk, asyncio.run(_capacity(port, CPU_STREAMS, False))[2])
        raw = min(raw, asyncio.run(_capacity(port, CPU_STREAMS, True))[2])
    return sdk, raw


def _sustained(port: int, raw: bool, lines: list[str]) -> int:
    """The most streams that kept p99 lateness within budget."""
    sustained = 0
    for count in (100, 200, 300, 400, 600, 800, 1000, 1200):
        p99, sent, per_frame = asyncio.run(_capacity(port, count, raw))
        ok = p99 < LATENESS_BUDGET
        lines.append(f"capacity ({'raw websockets' if raw else 'sdk'}): {count} streams x 50 frames/s for "
                     f"{CAPACITY_SECONDS:.0f}s: p99 lateness {p99 * 1000:.1f} ms over {sent:,} frames, "
                     f"{per_frame * 1e6:.1f} us CPU/frame ({'ok' if ok else 'over budget'})")  # fmt: skip
        if not ok:
            break
        sustained = count
    return sustained


async def _sink() -> None:
    async def drop(ws: ServerConnection) -> None:
        async for _ in ws:
            pass

    async with serve(drop, "127.0.0.1", 0, compression=None, max_queue=None) as server:
        print(server.sockets[0].getsockname()[1], flush=True)
        await asyncio.Future()


if __name__ == "__main__":
    asyncio.run(_sink())
