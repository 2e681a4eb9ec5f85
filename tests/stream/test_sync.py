"""``Stream`` (sync) against the loopback stream server: order, exact frames, reconnects, tokens, limits."""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from kallglot._exceptions import StreamBackpressureError, StreamConnectionError, StreamError
from kallglot._stream.events import PongEvent, SessionEndedEvent, SessionReadyEvent, TranscriptFinalEvent, UnknownEvent
from kallglot._stream.sync import Stream, open_stream
from kallglot_api.models import Session
from tests.stream.server import SESSION_ID, Behaviour, StreamServer

FAST = {"reconnect_initial_delay": 0.01, "close_timeout": 1.0}


@pytest.fixture
def server() -> Iterator[StreamServer]:
    with StreamServer().running() as running:
        yield running


def stream(server: StreamServer, session: Session | str | None = None, **options: Any) -> Stream:
    return open_stream(
        session or server.session(),
        refresh_session=options.pop("refresh_session", server.session),
        fetch_transcript=lambda: server.transcript([]),
        **{**FAST, **options},
    )


def expected_audio(sequence: int, audio: bytes, speaker: str = "customer") -> dict[str, Any]:
    payload = base64.b64encode(audio).decode()
    return {"type": "audio.input", "sequence": sequence, "speaker": speaker,
            "audio": {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": payload}}  # fmt: skip


def without_timestamps(frames: list[dict[str, Any]]) -> list[dict[str, Any]]:
    stamps = [f.pop("timestamp_ms") for f in frames if f["type"] == "audio.input"]
    assert all(isinstance(t, int) for t in stamps) and stamps == sorted(stamps)
    return frames


def test_events_arrive_typed_and_in_order_and_the_server_gets_exact_frames(
    server: StreamServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.plan = [Behaviour(extra_events=[{"type": "speaker.changed", "to": "agent"}])]
    caplog.set_level(logging.DEBUG)
    with stream(server) as s:
        chunks = [bytes([n]) * 160 for n in range(4)]
        for n, chunk in enumerate(chunks):
            assert s.send_audio(chunk, speaker="agent" if n % 2 else "customer") == n + 1
        s.ping()
        s.end()
        events = list(s)
    assert [e.type for e in events] == [
        "session.ready", "speaker.changed", "transcript.partial", "transcript.final", "transcript.partial",
        "transcript.final", "pong", "session.ended",
    ]  # fmt: skip
    assert isinstance(events[0], SessionReadyEvent) and isinstance(events[-1], SessionEndedEvent)
    assert isinstance(events[1], UnknownEvent) and events[1].raw == {"type": "speaker.changed", "to": "agent"}
    assert isinstance(events[6], PongEvent) and events[6].session_id == SESSION_ID
    final = events[3]
    assert isinstance(final, TranscriptFinalEvent) and final.translation is not None
    assert (final.speaker, final.text, final.translation.text) == ("agent", "Satz 1", "Sentence 1")  # type: ignore[union-attr]
    assert s.ended is events[-1] and [f.sequence for f in s.finals] == [1, 2]
    [connection] = server.connections
    assert connection.token == "kst_good"
    assert without_timestamps(connection.frames) == [
        *(expected_audio(n + 1, chunk, "agent" if n % 2 else "customer") for n, chunk in enumerate(chunks)),
        {"type": "ping"},
        {"type": "session.end"},
    ]
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("kallglot"))
    assert "kst_good" not in ours and "token=[REDACTED]" in ours


def test_open_stream_connects_lazily_and_a_refused_token_is_refreshed_once(server: StreamServer) -> None:
    lazy = stream(server)
    assert not server.connections and lazy.reconnect_count == 0
    lazy.close()
    with stream(server, server.session("kst_revoked")) as s:
        assert next(iter(s)).type == "session.ready"
    assert server.refused == ["kst_revoked"] and [c.token for c in server.connections] == ["kst_good"]


def test_an_ended_session_yields_its_end_and_refuses_sends(server: StreamServer) -> None:
    with stream(server, server.session(status="ended")) as s:
        assert [e.type for e in s] == ["session.ended"]
        with pytest.raises(StreamError, match="ended"):
            s.send_audio(b"\x00")
    assert not server.connections


def test_a_dead_peer_without_reconnect_raises(server: StreamServer) -> None:
    server.plan = [Behaviour(stop_reading_after=1)]
    with stream(server, ping_interval=0.2, ping_timeout=0.3, reconnect=False) as s:
        s.send_audio(b"\x00" * 160)
        with pytest.raises(StreamConnectionError) as info:
            list(s)
    assert info.value.code in ("close_1011", "close_1006")
    with pytest.raises(StreamConnectionError):
        s.send_audio(b"\x00")


def test_raise_on_error_raises_stream_error(server: StreamServer) -> None:
    error = {"type": "session.error", "code": "invalid_audio_format", "message": "mu-law only"}
    server.plan = [Behaviour(extra_events=[error])]
    with stream(server, raise_on_error=True) as s:
        events = iter(s)
        assert next(events).type == "session.ready"
        with pytest.raises(StreamError) as info:
            next(events)
    assert info.value.code == "invalid_audio_format" and info.value.event is not None


def test_a_normal_close_ends_iteration_and_later_sends_fail(server: StreamServer) -> None:
    server.plan = [Behaviour(close_code=1000)]
    with stream(server) as s:
        assert [e.type for e in s] == ["session.ready"]
    with pytest.raises(StreamError, match="closed"):
        s.send_audio(b"\x00")


def test_send_pcm16_and_send_wav(server: StreamServer, tmp_path: Any) -> None:
    import wave

    path = tmp_path / "a.wav"
    with wave.open(str(path), "wb") as w:
        w.setnchannels(2), w.setsampwidth(2), w.setframerate(16000)
        w.writeframes(b"\x00\x00" * 2 * 1600)  # 0.1 s
    with stream(server) as s:
        assert s.send_pcm16(b"\x00\x00" * 1280, sample_rate=16000, speaker="agent") == 4
        assert s.send_wav(path, realtime=False) == 5
        s.end()
        list(s)
    frames = server.audio_frames()
    assert [f["sequence"] for f in frames] == list(range(1, 10))
    assert {f["speaker"] for f in frames[:4]} == {"agent"} and {f["speaker"] for f in frames[4:]} == {"customer"}
    assert all(base64.b64decode(f["audio"]["payload"]) == b"\xff" * 160 for f in frames[4:])


@pytest.mark.timeout(60)
def test_send_timeout_holds_while_another_thread_reconnects(server: StreamServer) -> None:
    # The iterating thread runs the reconnect round (holding the connect lock) and sits in refresh_session;
    # a send meanwhile must fill the buffer and raise after send_timeout, not wait for that lock.
    server.plan = [Behaviour(close_code=1008)]  # a policy close: the round retrieves the session first
    in_refresh, release = threading.Event(), threading.Event()

    def slow_refresh() -> Session:
        in_refresh.set()
        release.wait(10)
        return server.session()

    s = stream(server, refresh_session=slow_refresh, send_timeout=0.3, send_buffer=4096)
    reader = threading.Thread(target=lambda: list(s), daemon=True)
    reader.start()
    try:
        assert in_refresh.wait(10)
        with pytest.raises(StreamBackpressureError):
            for _ in range(100):
                s.send_audio(b"\x02" * 1000)
        assert not release.is_set()  # it raised while the round still held the lock
    finally:
        release.set()
        s.close()
        reader.join(10)


@pytest.mark.timeout(60)
def test_iterating_while_another_thread_makes_the_first_connect_waits_for_it(server: StreamServer) -> None:
    in_refresh, release = threading.Event(), threading.Event()

    def slow_refresh() -> Session:
        in_refresh.set()
        release.wait(10)
        return server.session()

    s = stream(server, SESSION_ID, refresh_session=slow_refresh)
    connecting = threading.Thread(target=s.connect, daemon=True)
    connecting.start()
    assert in_refresh.wait(10)
    seen: list[str] = []
    reader = threading.Thread(target=lambda: seen.extend(e.type for e in s), daemon=True)
    reader.start()
    release.set()
    connecting.join(10)
    s.end()
    reader.join(10)
    s.close()
    assert seen == ["session.ready", "session.ended"]
