"""``AsyncStream`` against the loopback stream server, and its parity with ``Stream``."""

from __future__ import annotations

import asyncio
import inspect
from collections.abc import Iterator
from typing import Any

import pytest

from kallglot._exceptions import StreamConnectionError, StreamError
from kallglot._stream.asyncio import AsyncStream, open_async_stream
from kallglot._stream.events import SessionReadyEvent, StreamEvent, TranscriptFinalEvent
from kallglot._stream.sync import Stream, open_stream
from kallglot_api.models import Session
from tests.stream.server import Behaviour, StreamServer
from tests.stream.test_sync import FAST, expected_audio, without_timestamps


@pytest.fixture
def server() -> Iterator[StreamServer]:
    with StreamServer().running() as running:
        yield running


def stream(server: StreamServer, session: Session | None = None, **options: Any) -> AsyncStream:
    refresh = options.pop("refresh_session", server.session)

    async def refresh_session() -> Session:
        return refresh()  # type: ignore[no-any-return]

    async def fetch_transcript() -> Any:
        return server.transcript([{"sequence": 1, "speaker": "customer", "text": "Satz 1 (rest)"}])

    return open_async_stream(
        session or server.session(), refresh_session=refresh_session, fetch_transcript=fetch_transcript,
        **{**FAST, **options},
    )  # fmt: skip


async def until_ready(events: Any, count: int) -> list[StreamEvent]:
    seen: list[StreamEvent] = []
    while sum(isinstance(e, SessionReadyEvent) for e in seen) < count:
        seen.append(await anext(events))
    return seen


def test_abnormal_drop_reconnects_and_each_final_arrives_once(server: StreamServer) -> None:
    server.plan = [Behaviour(drop_after=2), Behaviour(replay_last_final=True)]
    calls: list[int] = []

    async def on_reconnect(info: Any) -> None:
        calls.append(info.count)

    async def main() -> tuple[list[StreamEvent], Any, int]:
        async with stream(server, on_reconnect=on_reconnect) as s:
            await s.send_audio(b"\x01" * 160)
            await s.send_audio(b"\x02" * 160)
            events = aiter(s)
            seen = await until_ready(events, 2)
            await s.send_audio(b"\x03" * 160)
            await s.send_audio(b"\x04" * 160)
            await s.end()
            seen += [event async for event in events]
            return seen, await s.transcript(), s.reconnect_count

    seen, turns, reconnects = asyncio.run(main())
    assert reconnects == 1 and calls == [1]
    assert [e.sequence for e in seen if isinstance(e, TranscriptFinalEvent)] == [1, 2]
    first, second = server.connections
    assert [f["sequence"] for f in first.frames] == [1, 2]
    assert without_timestamps(second.frames) == [
        expected_audio(3, b"\x03" * 160), expected_audio(4, b"\x04" * 160), {"type": "session.end"},
    ]  # fmt: skip
    assert [(t.sequence, t.text) for t in turns] == [(1, "Satz 1 (rest)"), (2, "Satz 2")]


def test_a_dead_peer_is_noticed_and_replaced_or_reported(server: StreamServer) -> None:
    server.plan = [Behaviour(stop_reading_after=1) for _ in range(3)]

    async def main() -> tuple[int, StreamError]:
        async with stream(server, ping_interval=0.2, ping_timeout=0.3, close_timeout=0.1) as s:
            await s.send_audio(b"\x00" * 160)
            events = aiter(s)
            await until_ready(events, 2)
            reconnects = s.reconnect_count
        async with stream(server, ping_interval=0.2, ping_timeout=0.3, close_timeout=0.1, reconnect=False) as s:
            await s.send_audio(b"\x00" * 160)
            with pytest.raises(StreamConnectionError) as info:
                _ = [e async for e in s]
            return reconnects, info.value

    reconnects, error = asyncio.run(main())
    assert reconnects == 1 and error.code in ("close_1011", "close_1006")


def test_raise_on_error(server: StreamServer) -> None:
    server.plan = [Behaviour(extra_events=[{"type": "error", "code": "invalid_message", "message": "no"}])]

    async def main() -> None:
        async with stream(server, raise_on_error=True) as s:
            _ = [e async for e in s]

    with pytest.raises(StreamError) as info:
        asyncio.run(main())
    assert info.value.code == "invalid_message"


def public(cls: type) -> dict[str, Any]:
    return {name: member for name, member in vars(cls).items() if not name.startswith("_")}


def test_sync_and_async_surfaces_match() -> None:
    sync, asynchronous = public(Stream), public(AsyncStream)
    assert sorted(sync) == sorted(asynchronous)
    for name, member in sync.items():
        twin = asynchronous[name]
        if isinstance(member, property):
            assert isinstance(twin, property), name
            continue
        assert inspect.iscoroutinefunction(twin) or name in {"options"}, name
        sync_params = list(inspect.signature(member).parameters.values())
        async_params = list(inspect.signature(twin).parameters.values())
        assert [(p.name, p.kind, p.default) for p in sync_params] == [
            (p.name, p.kind, p.default) for p in async_params
        ], name
    for a, b in ((Stream.__init__, AsyncStream.__init__), (open_stream, open_async_stream)):
        assert list(inspect.signature(a).parameters) == list(inspect.signature(b).parameters)
    assert hasattr(Stream, "__iter__") and hasattr(AsyncStream, "__aiter__")
    assert hasattr(Stream, "__enter__") and hasattr(AsyncStream, "__aenter__")
