"""The stream scenario table, run against both shells (``Stream`` and ``AsyncStream``) through ``shells``.

Each scenario is one function taking the loopback server and a shell factory; ``both`` runs it twice. The
behaviour asserted is the contract the README states for live streaming.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from kallglot._exceptions import StreamBackpressureError, StreamConnectionError, StreamError
from kallglot._stream.events import SessionEndedEvent, SessionReadyEvent, TranscriptFinalEvent
from kallglot._stream.reconnect import StreamReconnect
from kallglot._version import __version__
from kallglot_api.models import Session
from tests.stream.server import SESSION_ID, Behaviour, StreamServer
from tests.stream.shells import AsyncShell, Shell, SyncShell

Factory = Callable[..., Shell]
pytestmark = pytest.mark.timeout(60)


@pytest.fixture
def server() -> Iterator[StreamServer]:
    with StreamServer().running() as running:
        yield running


@pytest.fixture(params=[SyncShell, AsyncShell], ids=["sync", "async"])
def shell(request: pytest.FixtureRequest, server: StreamServer) -> Iterator[Factory]:
    opened: list[Shell] = []

    def make(
        session: Session | str | None = None, refresh: Callable[[], Session] | None = None, **options: Any
    ) -> Shell:
        made: Shell = request.param(session or server.session(), refresh or server.session, **options)
        opened.append(made)
        return made

    yield make
    for made in opened:
        made.close()


def until_ready(s: Shell, count: int) -> list[Any]:
    seen: list[Any] = []
    while sum(isinstance(e, SessionReadyEvent) for e in seen) < count:
        event = s.next()
        assert event is not None, seen
        seen.append(event)
    return seen


def test_connect_sends_user_agent_and_runs_to_session_ended(server: StreamServer, shell: Factory) -> None:
    s = shell()
    s.send_audio(b"\x01" * 160)
    s.send_audio(b"\x02" * 160)
    s.end()
    events = s.events()
    assert [e.type for e in events] == [
        "session.ready", "transcript.partial", "transcript.final", "session.ended"
    ]  # fmt: skip
    assert server.user_agents == [f"kallglot-python/{__version__}"]
    assert s.stream.frames_at_risk == range(3, 3)  # session.ended came after the last frame written


@pytest.mark.parametrize(
    ("status", "body", "content_type"),
    [
        (403, '{"error": {"code": "forbidden", "message": "no"}}', "application/json"),
        (410, '{"error": {"code": "gone"}}', "application/json"),
        (500, "oops", "text/plain"),
        (200, "<html><body>captive portal</body></html>", "text/html"),
    ],
)
def test_a_refused_handshake_is_decided_by_the_session_state(
    server: StreamServer, shell: Factory, status: int, body: str, content_type: str
) -> None:
    # ended: iteration ends cleanly with the session's end reason, and sends are refused
    server.refusals = [(status, body, content_type)]
    ended = Session.from_dict(
        {"id": SESSION_ID, "object": "session", "status": "ended", "stream": None, "end_reason": "timeout"}
    )
    s = shell(refresh=lambda: ended)
    [event] = s.events()
    assert isinstance(event, SessionEndedEvent) and event.reason == "timeout"
    with pytest.raises(StreamError) as info:
        s.send_audio(b"\x00")
    assert info.value.code == "session_ended"
    # active: a fresh token and another attempt
    server.refusals = [(status, body, content_type)]
    s = shell()
    assert isinstance(s.next(), SessionReadyEvent) and len(server.connections) == 1
    # otherwise: StreamConnectionError with the status, the error code and the session id
    server.refusals = [(status, body, content_type)]
    ending = Session.from_dict({**server.session().to_dict(), "status": "ending"})
    s = shell(refresh=lambda: ending)
    with pytest.raises(StreamConnectionError) as error:
        s.connect()
    assert error.value.status_code == status and error.value.session_id == SESSION_ID
    expected = {403: "forbidden", 410: "gone"}.get(status, f"http_{status}")
    assert error.value.code == expected


def test_a_refused_fresh_token_gives_up_after_the_attempts_without_showing_it(
    server: StreamServer, shell: Factory
) -> None:
    s = shell(SESSION_ID, refresh=lambda: server.session("kst_bad_secret"), max_reconnect_attempts=2)
    with pytest.raises(StreamConnectionError) as info:
        s.connect()
    assert info.value.status_code == 401 and info.value.code == "invalid_token"
    assert "kst_bad_secret" not in str(info.value) and server.refused == ["kst_bad_secret"] * 3


def test_an_expired_token_is_replaced_before_connecting(server: StreamServer, shell: Factory) -> None:
    server.tokens.add("kst_old")  # the server would take it: only the client's own check keeps it off the wire
    s = shell(server.session("kst_old", expires_in=-1))
    s.end()
    assert [e.type for e in s.events()] == ["session.ready", "session.ended"]
    assert [c.token for c in server.connections] == ["kst_good"] and not server.refused


def test_abnormal_drop_reconnects_reports_frames_at_risk_and_delivers_each_final_once(
    server: StreamServer, shell: Factory
) -> None:
    server.turn_frames = 3
    server.plan = [Behaviour(drop_after=2), Behaviour(replay_last_final=True)]
    calls: list[StreamReconnect] = []
    s = shell(on_reconnect=calls.append)
    seen = until_ready(s, 1)  # read before sending: the at-risk window counts from the last message read
    s.send_audio(b"\x01" * 160)
    s.send_audio(b"\x02" * 160)
    seen += until_ready(s, 1)
    for n in (3, 4, 5):
        s.send_audio(bytes([n]) * 160)
    s.end()
    seen += s.events()
    assert s.stream.reconnect_count == 1 and [c.count for c in calls] == [1]
    assert calls[0].at_risk == range(1, 3)  # written, never answered: the server may not have processed them
    assert [e.sequence for e in seen if isinstance(e, TranscriptFinalEvent)] == [1]
    first, second = server.connections
    assert [f["sequence"] for f in first.frames] == [1, 2]
    assert [f.get("sequence") for f in second.frames] == [3, 4, 5, None] and second.frames[-1]["type"] == "session.end"


@pytest.mark.parametrize("kind", ["plain", "coroutine"])
def test_on_reconnect_may_be_a_function_or_a_coroutine_function_in_both_shells(
    server: StreamServer, shell: Factory, kind: str
) -> None:
    server.plan = [Behaviour(drop_after=1)]
    calls: list[int] = []

    def plain(info: StreamReconnect) -> None:
        calls.append(info.count)

    async def coroutine(info: StreamReconnect) -> None:
        calls.append(info.count)

    s = shell(on_reconnect=plain if kind == "plain" else coroutine)
    s.send_audio(b"\x01" * 160)
    until_ready(s, 2)
    assert calls == [1]


def test_a_drop_while_reconnecting_is_one_more_failed_attempt(server: StreamServer, shell: Factory) -> None:
    server.plan = [Behaviour(drop_after=1), Behaviour(close_at_once=1011), Behaviour(close_at_once=1001)]
    s = shell()
    s.send_audio(b"\x01" * 160)
    until_ready(s, 2)
    assert len(server.connections) == 4 and s.stream.reconnect_count == 3


def test_end_during_a_gap_is_sent_once_and_the_stream_ends(server: StreamServer, shell: Factory) -> None:
    server.plan = [Behaviour(drop_after=1)]
    s = shell(reconnect_initial_delay=0.2)
    s.send_audio(b"\x01" * 160)
    s.end()
    events = s.events()
    assert events[-1].type == "session.ended"
    ends = [f for c in server.connections for f in c.frames if f["type"] == "session.end"]
    assert len(ends) == 1


def test_every_send_after_session_ended_or_end_raises(server: StreamServer, shell: Factory) -> None:
    s = shell()
    s.end()
    s.end()  # idempotent
    for _ in range(3):
        with pytest.raises(StreamError) as info:
            s.send_audio(b"\x00")
        assert info.value.code == "ended_by_client"
    assert s.events()[-1].type == "session.ended"
    for _ in range(3):
        with pytest.raises(StreamError) as info:
            s.send_audio(b"\x00")
        assert info.value.code == "session_ended"
    with pytest.raises(StreamError):
        s.ping()


@pytest.mark.parametrize("code", [1011, 1001, 1008, 3000, 4000, 4999])
def test_a_server_that_accepts_and_closes_at_once_is_given_up_on(
    server: StreamServer, shell: Factory, code: int
) -> None:
    server.default = Behaviour(close_code=code)
    refreshes: list[int] = []

    def refresh() -> Session:
        refreshes.append(1)
        return server.session()

    s = shell(refresh=refresh, max_reconnect_attempts=3)
    with pytest.raises(StreamConnectionError) as info:
        s.events()
    assert info.value.code == f"close_{code}"
    assert len(server.connections) == 4  # the first connection and three reconnects, with backoff between
    assert len(refreshes) == (3 if code == 1008 else 0)  # a policy close gets a fresh token


def test_a_silent_peer_is_not_reconnected_forever(server: StreamServer, shell: Factory) -> None:
    server.default = Behaviour(silent=True)
    s = shell(ping_interval=0.1, ping_timeout=0.2, max_reconnect_attempts=2, close_timeout=0.1)
    with pytest.raises(StreamConnectionError):
        s.events()
    assert len(server.connections) == 3


def test_keepalive_timeout_replaces_a_dead_peer(server: StreamServer, shell: Factory) -> None:
    server.plan = [Behaviour(stop_reading_after=1)]
    s = shell(ping_interval=0.2, ping_timeout=0.3, close_timeout=0.1)
    s.send_audio(b"\x00" * 160)
    until_ready(s, 2)
    assert s.stream.reconnect_count == 1
    s.end()
    assert s.events()[-1].type == "session.ended"


def test_back_pressure_raises_after_send_timeout(server: StreamServer, shell: Factory) -> None:
    server.plan = [Behaviour(stop_reading_after=1)]
    s = shell(ping_interval=None, send_timeout=0.3, send_buffer=64 * 1024)
    with pytest.raises(StreamBackpressureError) as info:
        for _ in range(5000):  # far beyond what kernel buffers hold
            s.send_audio(b"\x55" * 16000)
    assert info.value.timeout == 0.3 and info.value.code == "send_timeout"


def test_send_timeout_holds_while_reconnecting(server: StreamServer, shell: Factory) -> None:
    # The reconnect round waits out a long backoff; sends fill the buffer and must give up after send_timeout.
    server.plan = [Behaviour(drop_after=1)]
    s = shell(reconnect_initial_delay=30.0, reconnect_max_delay=30.0, send_timeout=0.3, send_buffer=4096)
    s.send_audio(b"\x01" * 160)
    with pytest.raises(StreamBackpressureError):
        for _ in range(1000):
            s.send_audio(b"\x02" * 1000)


def test_the_first_connect_to_a_peer_that_never_answers_the_handshake_is_bounded(shell: Factory) -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:  # the kernel accepts; nobody ever answers
        port = listener.getsockname()[1]
        expires = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
        url = f"ws://127.0.0.1:{port}/v1/sessions/{SESSION_ID}/connect"
        body = {"id": SESSION_ID, "object": "session", "status": "active",
                "stream": {"url": url, "token": "kst_x", "expires_at": expires}}  # fmt: skip
        session = Session.from_dict(body)
        s = shell(session, refresh=lambda: session, open_timeout=0.2, max_reconnect_attempts=2)
        with pytest.raises(StreamConnectionError) as info:
            s.connect()
    assert info.value.code in ("connect_timeout", None) and info.value.session_id == SESSION_ID
    with pytest.raises(StreamConnectionError):
        s.send_audio(b"\x00")  # the stream stays failed: no second unbounded connect


def test_frames_are_exact_json(server: StreamServer, shell: Factory) -> None:
    s = shell()
    s.send_audio(b"\xff" * 160, speaker='a "b"')
    s.ping()
    s.end()
    s.events()
    frames = server.connections[0].frames
    assert frames[0]["speaker"] == 'a "b"' and frames[1:] == [{"type": "ping"}, {"type": "session.end"}]
    assert json.loads(json.dumps(frames)) == frames


def test_on_reconnect_may_resend_the_frames_at_risk(
    server: StreamServer, shell: Factory, request: pytest.FixtureRequest
) -> None:
    # The new connection is the stream's before on_reconnect runs, so the callback can send on it.
    server.plan = [Behaviour(drop_after=1)]
    resent: list[int] = []
    holder: list[Shell] = []

    def plain(info: StreamReconnect) -> None:
        resent.extend(holder[0].stream.send_audio(b"\x07" * 160) for _ in info.at_risk)

    async def coroutine(info: StreamReconnect) -> None:
        for _ in info.at_risk:
            resent.append(await holder[0].stream.send_audio(b"\x07" * 160))

    s = shell(on_reconnect=coroutine if "async" in request.node.callspec.id else plain)
    holder.append(s)
    until_ready(s, 1)
    s.send_audio(b"\x01" * 160)
    until_ready(s, 1)
    s.end()
    s.events()
    assert resent == [2]  # the at-risk frame 1 went again, as sequence 2, on the new connection
    assert [f.get("sequence") for f in server.connections[1].frames] == [2, None]


def test_a_cancelled_first_connect_leaves_a_stream_that_says_so() -> None:
    from kallglot._stream.asyncio import open_async_stream

    async def scenario() -> None:
        with socket.create_server(("127.0.0.1", 0)) as listener:  # the kernel accepts; nobody ever answers
            port = listener.getsockname()[1]
            expires = (datetime.now(UTC) + timedelta(minutes=5)).isoformat()
            url = f"ws://127.0.0.1:{port}/v1/sessions/{SESSION_ID}/connect"
            body = {"id": SESSION_ID, "object": "session", "status": "active",
                    "stream": {"url": url, "token": "kst_x", "expires_at": expires}}  # fmt: skip
            session = Session.from_dict(body)

            async def refresh() -> Session:
                return session

            async def no_transcript() -> Any:
                raise AssertionError("not needed")

            stream = open_async_stream(session, refresh_session=refresh, fetch_transcript=no_transcript)
            with pytest.raises(TimeoutError):
                await asyncio.wait_for(stream.connect(), 0.2)  # the caller gives up on the first connect
            with pytest.raises(StreamError) as info:
                await stream.send_audio(b"\x00")
            assert info.value.session_id == SESSION_ID
            await stream.close()

    asyncio.run(asyncio.wait_for(scenario(), 20))
