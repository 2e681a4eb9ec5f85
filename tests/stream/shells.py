"""One blocking face for both shells, so one scenario table runs against ``Stream`` and ``AsyncStream``.

``AsyncShell`` runs an ``AsyncStream`` on an event loop in its own thread and waits for each call with a
deadline, so a scenario that hangs fails instead of eating the suite's time.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Coroutine, Iterator
from typing import Any, Protocol

from kallglot._stream.asyncio import AsyncStream, open_async_stream
from kallglot._stream.events import StreamEvent
from kallglot._stream.sync import Stream, open_stream
from kallglot_api.models import Session

FAST = {"reconnect_initial_delay": 0.01, "close_timeout": 1.0}
DEADLINE = 20.0  # seconds any one call may take before the scenario fails


class Shell(Protocol):
    stream: Any

    def connect(self) -> None: ...
    def send_audio(self, audio: bytes, *, speaker: str = ...) -> int: ...
    def ping(self) -> None: ...
    def end(self) -> None: ...
    def next(self) -> StreamEvent | None: ...
    def events(self) -> list[StreamEvent]: ...
    def close(self) -> None: ...


class SyncShell:
    def __init__(self, session: Session | str, refresh: Callable[[], Session], **options: Any) -> None:
        self.stream: Stream = open_stream(
            session, refresh_session=refresh, fetch_transcript=_no_transcript, **{**FAST, **options}
        )
        self._iter: Iterator[StreamEvent] = iter(self.stream)

    def connect(self) -> None:
        self.stream.connect()

    def send_audio(self, audio: bytes, *, speaker: str = "customer") -> int:
        return self.stream.send_audio(audio, speaker=speaker)

    def ping(self) -> None:
        self.stream.ping()

    def end(self) -> None:
        self.stream.end()

    def next(self) -> StreamEvent | None:
        return next(self._iter, None)

    def events(self) -> list[StreamEvent]:
        return list(self._iter)

    def close(self) -> None:
        self.stream.close()


class AsyncShell:
    def __init__(self, session: Session | str, refresh: Callable[[], Session], **options: Any) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

        async def refresh_session() -> Session:
            return refresh()

        async def make() -> AsyncStream:
            return open_async_stream(
                session, refresh_session=refresh_session, fetch_transcript=_async_no_transcript, **{**FAST, **options}
            )

        self.stream: AsyncStream = self._run(make())

    def _run(self, coro: Coroutine[Any, Any, Any]) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(DEADLINE)

    def connect(self) -> None:
        self._run(self.stream.connect())

    def send_audio(self, audio: bytes, *, speaker: str = "customer") -> int:
        return self._run(self.stream.send_audio(audio, speaker=speaker))  # type: ignore[no-any-return]

    def ping(self) -> None:
        self._run(self.stream.ping())

    def end(self) -> None:
        self._run(self.stream.end())

    def next(self) -> StreamEvent | None:
        return self._run(anext(self.stream, None))  # type: ignore[no-any-return]

    def events(self) -> list[StreamEvent]:
        async def collect() -> list[StreamEvent]:
            return [event async for event in self.stream]

        return self._run(collect())  # type: ignore[no-any-return]

    def close(self) -> None:
        try:
            self._run(self.stream.close())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(5)
            self.loop.close()


def _no_transcript() -> Any:
    raise AssertionError("not used by the scenarios")


async def _async_no_transcript() -> Any:
    raise AssertionError("not used by the scenarios")
