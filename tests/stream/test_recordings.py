"""Stream tests that run from recordings, and the recorder and replay server themselves.

The session tests below read ``tests/streams/<test>.jsonl``. By default (``--record-mode=none``) a
``StreamReplayServer`` plays it back: no mock, no REST call (the ``Session`` comes from ``replay.session()``: the
recorded session id, a placeholder token that expires in five minutes), and every client frame must match the
recording. With ``--record-mode=rewrite`` or ``all`` (``once`` / ``new_episodes``: only when the file is
missing) the same test body runs against ``kallglot.mock``: the session is created over REST and streamed
through a ``StreamRecorder``, which rewrites the file. Every socket is on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from websockets.exceptions import ConnectionClosedError, ConnectionClosedOK, InvalidStatus
from websockets.sync.client import connect

import kallglot
from kallglot import AsyncKallglot, Kallglot, audio
from kallglot._stream.events import AudioOutputEvent, SessionReadyEvent, StreamEvent, TranscriptFinalEvent
from kallglot.mock import Faults, serve
from kallglot.testing._streams import StreamRecorder, StreamRecordingError, StreamReplayServer
from kallglot_api.models import Session

STREAMS = Path(__file__).parent.parent / "streams"
WAV = Path(kallglot.__file__).parent / "_data" / "demo-de.wav"
FRAMES = list(audio.wav_frames(WAV))[:10]  # 200 ms: two turns of the mock's five frames each
FAST = {"reconnect_initial_delay": 0.01, "close_timeout": 1.0}
TURN = ["transcript.partial"] * 4 + ["transcript.final", "audio.output"]


@dataclass
class Source:
    """Where a test's stream comes from: the mock through a recorder, or a replay server."""

    session: Session
    api_key: str
    base_url: str
    faults: Faults | None = None  # the mock's, while recording

    def drop_stream(self, after_frames: int) -> None:
        """Have the mock cut the next stream (replay repeats the cut from the recording by itself)."""
        if self.faults is not None:
            self.faults.drop_stream(after_frames=after_frames)


def recording(request: pytest.FixtureRequest, path: Path) -> bool:
    mode = request.config.getoption("--record-mode", default=None) or "none"
    return mode in ("all", "rewrite") or (mode in ("once", "new_episodes") and not path.exists())


@pytest.fixture
def source(request: pytest.FixtureRequest) -> Iterator[Source]:
    path = STREAMS / f"{request.node.name}.jsonl"
    if recording(request, path):
        with (
            serve(deterministic=True, analysis_delay=0, frames_per_turn=5) as server,
            StreamRecorder(server.base_url, path) as recorder,
        ):
            with Kallglot(api_key=server.api_key, base_url=server.base_url) as client:
                session = client.sessions.create(mode="bidirectional_translation")
            yield Source(recorder.session(session), server.api_key, server.base_url, server.faults)
        return
    with StreamReplayServer(path) as replay:
        # Port 9 (discard) on loopback: a REST call the test should not make fails at once.
        yield Source(replay.session(), "sk_test_replay", "http://127.0.0.1:9/v1")
    assert replay.mismatches == []


def check_turns(events: list[StreamEvent]) -> None:
    finals = [e for e in events if isinstance(e, TranscriptFinalEvent)]
    assert [(f.sequence, f.speaker, f.language) for f in finals] == [(1, "customer", "de"), (2, "agent", "en")]
    assert [f.translation.language for f in finals] == ["en", "de"]  # type: ignore[union-attr]
    assert all(f.text and f.translation.text for f in finals)  # type: ignore[union-attr]
    assert all(isinstance(e, AudioOutputEvent) and e.payload for e in events if e.type == "audio.output")


# Sessions from recordings


def test_sync_session_translates_both_speakers(source: Source) -> None:
    client = Kallglot(api_key=source.api_key, base_url=source.base_url)
    with client, client.sessions.stream(source.session, **FAST) as stream:
        for frame in FRAMES[:5]:
            stream.send_audio(frame)
        for frame in FRAMES[5:]:
            stream.send_audio(frame, speaker="agent")
        stream.end()
        events = list(stream)
    assert [e.type for e in events] == ["session.ready", *TURN, *TURN, "session.ended"]
    assert isinstance(events[0], SessionReadyEvent) and events[0].session_id == source.session.id
    check_turns(events)
    assert stream.ended is events[-1] and stream.reconnect_count == 0


def test_async_session_translates_and_answers_a_ping(source: Source) -> None:
    async def main() -> list[StreamEvent]:
        client = AsyncKallglot(api_key=source.api_key, base_url=source.base_url)
        async with client, client.sessions.stream(source.session, **FAST) as stream:
            for frame in FRAMES[:5]:
                await stream.send_audio(frame)
            await stream.ping()
            for frame in FRAMES[5:]:
                await stream.send_audio(frame, speaker="agent")
            await stream.end()
            return [event async for event in stream]

    events = asyncio.run(main())
    assert [e.type for e in events] == ["session.ready", *TURN, "pong", *TURN, "session.ended"]
    check_turns(events)


def test_reconnect_after_a_dropped_stream_loses_no_final(source: Source) -> None:
    source.drop_stream(after_frames=4)  # session.ready and three partials, then the socket is cut
    reconnects: list[int] = []
    client = Kallglot(api_key=source.api_key, base_url=source.base_url)
    with (
        client,
        client.sessions.stream(source.session, on_reconnect=lambda r: reconnects.append(r.count), **FAST) as stream,
    ):
        events = iter(stream)
        for frame in FRAMES[:3]:
            stream.send_audio(frame)
        # Ready and the three partials, then the drop: iteration reconnects and the new connection says ready.
        seen = [next(events) for _ in range(5)]
        for frame in FRAMES[3:5]:
            stream.send_audio(frame)
        for frame in FRAMES[5:]:
            stream.send_audio(frame, speaker="agent")
        stream.end()
        seen.extend(events)
    assert [e.type for e in seen] == [
        "session.ready", *["transcript.partial"] * 3, "session.ready", *TURN[-3:], *TURN, "session.ended",
    ]  # fmt: skip
    assert stream.reconnect_count == 1 and reconnects == [1]
    assert [f.sequence for f in stream.finals] == [1, 2]  # the turn cut in two still has its final
    check_turns(seen)


# The recorder


def test_a_recording_never_holds_the_token_or_the_api_key(tmp_path: Path) -> None:
    path = tmp_path / "secrets.jsonl"
    with serve(deterministic=True) as server, StreamRecorder(server.base_url, path) as recorder:
        with Kallglot(api_key=server.api_key, base_url=server.base_url) as client:
            session = client.sessions.create(mode="bidirectional_translation")
            with client.sessions.stream(recorder.session(session)) as stream:
                stream.send_audio(FRAMES[0])
                stream.end()
                assert [e.type for e in stream][-1] == "session.ended"
            session = client.sessions.create(mode="bidirectional_translation")
        assert session.stream
        token = session.stream.token
        url = recorder.url(session.stream.url)
        with connect(f"{url}?token={token}") as ws:  # secrets inside frames, both ways
            ws.recv()
            ws.send(json.dumps({"type": token, "key": server.api_key}))
            assert token in ws.recv()  # the mock's error quotes the unknown type back
            ws.send(b"binary " + token.encode())
            ws.recv()
        with pytest.raises(InvalidStatus) as refused:
            connect(f"{url}?token=kst_test_wrong_one").close()
        assert refused.value.response.status_code == 401
    text = path.read_text()
    assert token.startswith("kst_") and token not in text and "kst_" not in text
    assert server.api_key not in text and "sk_" not in text and "token=" not in text
    lines = [json.loads(line) for line in text.splitlines()]
    assert text.count("REDACTED") == 3  # the token sent and quoted back, and the key
    assert [base64.b64decode(line["binary"]) for line in lines if "binary" in line] == [b"binary REDACTED"]
    refusals = [line for line in lines if line.get("event") == "refused"]
    assert [(r["conn"], r["status"]) for r in refusals] == [(2, 401)]  # replay refuses that handshake the same way
    assert not list(tmp_path.glob("*.partial"))


def test_a_failed_recording_run_keeps_the_previous_file(tmp_path: Path) -> None:
    path = tmp_path / "kept.jsonl"
    path.write_text("previous\n")
    with pytest.raises(RuntimeError), StreamRecorder("ws://127.0.0.1:9", path):
        raise RuntimeError("the test failed")
    assert path.read_text() == "previous\n" and not list(tmp_path.glob("*.partial"))


# The replay server, on small synthetic recordings


def write(path: Path, *connections: list[dict[str, Any]]) -> Path:
    """A recording of ``connections``, each a list of frames (``{"dir", "text"}``) and its close line."""
    lines: list[dict[str, Any]] = [{"format": "kallglot-stream", "version": 1}]
    for index, items in enumerate(connections):
        lines.append({"conn": index, "t": 0.0, "event": "open", "path": "/v1/sessions/sess_1/connect"})
        lines.extend({"conn": index, "t": 0.01 * n, **item} for n, item in enumerate(items, 1))
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def frame(direction: str, body: dict[str, Any]) -> dict[str, Any]:
    return {"dir": direction, "text": json.dumps(body)}


def closed(by: str, server: int | None, client: int | None = None) -> dict[str, Any]:
    code = {"code": server, "reason": "bye"} if server else None
    return {"event": "close", "closed_by": by, "server": code, "client": client and {"code": client, "reason": ""}}


READY = frame("server", {"type": "session.ready", "session_id": "sess_1"})
AUDIO = [frame("client", {"type": "audio.input", "sequence": n}) for n in (1, 2)]
PARTIAL = frame("server", {"type": "transcript.partial", "sequence": 1})


def test_replay_reports_client_frames_that_differ_from_the_recording(tmp_path: Path) -> None:
    path = write(tmp_path / "talk.jsonl", [READY, AUDIO[0], PARTIAL, AUDIO[1], PARTIAL, closed("server", 1000)])
    with StreamReplayServer(path, timeout=0.5) as replay:
        with connect(replay.url + "?token=x") as ws:
            assert json.loads(ws.recv())["type"] == "session.ready"
            ws.send(json.dumps({"type": "audio.input", "sequence": 1}))
            ws.send(json.dumps({"type": "ping"}))
            assert [json.loads(ws.recv())["type"] for _ in range(2)] == ["transcript.partial"] * 2
            with pytest.raises(ConnectionClosedOK) as ended:
                ws.recv()
        assert ended.value.rcvd is not None and ended.value.rcvd.code == 1000
        with pytest.raises(InvalidStatus):
            connect(replay.url + "?token=x").close()
    assert replay.mismatches == [
        "talk.jsonl, connection 0: client frame 2: expected audio.input #2, got ping",
        "talk.jsonl, connection 1: one connection more than the 1 recorded",
    ]


def test_replay_waits_for_the_client_frame_that_caused_a_server_frame(tmp_path: Path) -> None:
    path = write(tmp_path / "cause.jsonl", [READY, AUDIO[0], PARTIAL, closed("client", 1000, 1000)])
    with StreamReplayServer(path) as replay, connect(replay.url + "?token=x") as ws:
        ws.recv()
        with pytest.raises(TimeoutError):
            ws.recv(timeout=0.2)  # the partial waits for its audio
        ws.send(json.dumps({"type": "audio.input", "sequence": 1}))
        assert json.loads(ws.recv(timeout=5))["type"] == "transcript.partial"
    assert replay.mismatches == []


def test_replay_drops_or_closes_each_connection_as_the_server_did(tmp_path: Path) -> None:
    path = write(tmp_path / "ends.jsonl", [READY, closed("server", None)], [READY, closed("server", 4000)])
    with StreamReplayServer(path) as replay:
        ends = []
        for _ in range(2):
            with connect(replay.url + "?token=x") as ws:
                ws.recv()
                with pytest.raises(ConnectionClosedError) as info:
                    ws.recv()
            ends.append(info.value.rcvd and (info.value.rcvd.code, info.value.rcvd.reason))
    assert ends == [None, (4000, "bye")]  # None: no close frame, what the SDK sees as 1006
    assert replay.mismatches == []


def test_replay_refuses_a_handshake_without_a_token(tmp_path: Path) -> None:
    path = write(tmp_path / "token.jsonl", [READY, closed("server", 1000)])
    with StreamReplayServer(path) as replay:
        with pytest.raises(InvalidStatus) as info:
            connect(replay.url).close()
        assert info.value.response.status_code == 401 and replay.connections == 0


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, r"cannot read the stream recording .*missing\.jsonl.*--record-mode=rewrite"),
        ("", r"bad\.jsonl: empty file"),
        ('{"format": "kallglot-stream", "version": 2}\n', r"bad\.jsonl:1: not a kallglot-stream recording"),
        ('{"format": "kallglot-stream", "version": 1}\n{"conn": 0, "t": 0, "event": "open", "path": "/"}\n{oops\n',
         r"bad\.jsonl:3: Expecting property name"),
        ('{"format": "kallglot-stream", "version": 1}\n{"conn": 0, "t": 0, "dir": "server", "text": "x"}\n',
         r"bad\.jsonl:2: connection 0 is not open here"),
        ('{"format": "kallglot-stream", "version": 1}\n{"conn": 0, "t": 0, "event": "open", "path": "/"}\n',
         r"bad\.jsonl: connection 0 has no close line"),
    ],
)  # fmt: skip
def test_a_missing_or_corrupt_recording_names_the_file_and_line(
    tmp_path: Path, content: str | None, message: str
) -> None:
    path = tmp_path / ("missing.jsonl" if content is None else "bad.jsonl")
    if content is not None:
        path.write_text(content)
    with pytest.raises(StreamRecordingError, match=message):
        StreamReplayServer(path)
