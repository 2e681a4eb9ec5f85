"""Hostile frames from the stream server: only documented events and exceptions come out, nothing hangs.

Every frame goes through ``kallglot._wire.loads`` and every number read from one through ``_wire.number``;
whatever a server sends, iteration yields typed events or ``UnknownEvent`` (with a reason), and raises only
``StreamError`` subclasses. Both shells get the same corpus; hypothesis adds generated frames for the core.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kallglot._exceptions import StreamError
from kallglot._stream.events import AudioOutputEvent, UnknownEvent, parse_event
from kallglot._stream.options import StreamOptions
from kallglot._stream.protocol import StreamProtocol
from kallglot_api.models import Transcript
from tests.stream.server import SESSION_ID, Behaviour, StreamServer
from tests.stream.shells import AsyncShell, Shell, SyncShell

pytestmark = pytest.mark.timeout(60)

DEEP = "[" * 100_000 + "]" * 100_000
CORPUS: list[str | bytes] = [
    DEEP,
    '{"type": "error", "message": ' + DEEP + "}",
    '{"type": "transcript.final", "text": "t", "sequence": ' + "9" * 5000 + "}",
    '{"type": "transcript.final", "text": "t", "sequence": 1e400}',
    '{"type": "transcript.final", "text": "t", "sequence": NaN}',
    '{"type": "transcript.final", "text": "t", "sequence": -1}',
    '{"type": "transcript.final", "text": "t", "sequence": true}',
    '{"type": "transcript.final", "text": "t", "sequence": "7"}',
    '{"type": "transcript.final", "text": ["not", "text"]}',
    '{"type": "audio.output", "audio": {"encoding": "mulaw", "payload": "!!not base64!!"}}',
    '{"type": "audio.output", "audio": {"encoding": "mulaw", "payload": 12}}',
    '{"type": "audio.output", "audio": "nope"}',
    '{"type": "session.ready", "session_id": {"x": Infinity}}',
    '{"type": null}',
    '{"type": "error", "code": 5, "message": null}',
    '"just a string"',
    "",
    b"\xff\xfe\x00 not utf-8",
    b'{"type": "pong"}',
    "{" * 10,
]


@pytest.fixture
def server() -> Iterator[StreamServer]:
    with StreamServer().running() as running:
        yield running


@pytest.mark.lenient_responses  # the mode is chosen per stream: strict=True is what the suite's block forces
@pytest.mark.parametrize("make", [SyncShell, AsyncShell], ids=["sync", "async"])
@pytest.mark.parametrize(("raise_on_error", "strict"), [(False, False), (True, False), (False, True)])
def test_a_hostile_corpus_yields_only_documented_events_and_errors(
    server: StreamServer, make: Any, raise_on_error: bool, strict: bool
) -> None:
    server.plan = [Behaviour(raw_frames=CORPUS)]
    s: Shell = make(server.session(), server.session, raise_on_error=raise_on_error, strict=strict)
    raised: list[StreamError] = []
    try:
        s.connect()
        s.end()
        events: list[Any] = []
        while True:
            try:
                event = s.next()
            except StreamError as exc:
                assert raise_on_error or exc.code == "invalid_message"
                raised.append(exc)
                continue
            if event is None:
                break
            events.append(event)
    finally:
        s.close()
    assert events[0].type == "session.ready" and events[-1].type == "session.ended"
    unknown = [e for e in events if isinstance(e, UnknownEvent)]
    assert all(e.reason for e in unknown)
    if strict:  # every frame that differs from the document raised instead of arriving
        assert not unknown and len(raised) >= 15
    for event in events:
        if isinstance(event, AudioOutputEvent):
            assert isinstance(event.data, bytes)


@pytest.mark.lenient_responses
@pytest.mark.parametrize("strict", [False, True], ids=["lenient", "strict"])
def test_corpus_frames_parse_without_raising(strict: bool) -> None:
    protocol = StreamProtocol(SESSION_ID, StreamOptions(strict=strict))
    for frame in CORPUS:
        event = protocol.receive(frame)
        assert event is not None
    kinds = [protocol.receive(frame) for frame in CORPUS[2:9]]
    assert all(isinstance(e, UnknownEvent) or e is None or e.type == "transcript.final" for e in kinds)
    body = {"object": "transcript", "session_id": SESSION_ID, "status": "in_progress", "turns": []}
    sequences = [t.sequence for t in protocol.reconcile(Transcript.from_dict(body))]
    assert sequences == list(range(1, len(sequences) + 1))  # hostile sequences were not trusted, none repeated


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=20,
)
TYPES = ["session.ready", "transcript.partial", "transcript.final", "audio.output", "session.ended", "error",
         "session.error", "pong", "other"]  # fmt: skip


@pytest.mark.lenient_responses  # both modes, from the stream's own option
@settings(max_examples=300, deadline=None)
@given(kind=st.sampled_from(TYPES), strict=st.booleans(), fields=st.dictionaries(st.sampled_from(
    ["text", "sequence", "speaker", "audio", "translation", "code", "message", "reason", "confidence", "id"]
), json_values, max_size=6))  # fmt: skip
def test_generated_frames_never_raise_from_the_core(kind: str, strict: bool, fields: dict[str, Any]) -> None:
    protocol = StreamProtocol(SESSION_ID, StreamOptions(raise_on_error=True, strict=strict))
    frame = json.dumps({"type": kind, **fields})
    event = protocol.receive(frame)
    if event is not None:
        protocol.error_for(event)
        if isinstance(event, AudioOutputEvent):
            assert isinstance(event.data, bytes)
    from kallglot_api.models import Transcript

    protocol.reconcile(
        Transcript.from_dict({"object": "transcript", "session_id": SESSION_ID, "status": "in_progress", "turns": []})
    )


@pytest.mark.lenient_responses
@settings(max_examples=200, deadline=None)
@given(frame=st.binary(max_size=200) | st.text(max_size=200), strict=st.booleans())
def test_arbitrary_bytes_and_text_become_events(frame: bytes | str, strict: bool) -> None:
    assert parse_event(frame, strict=strict) is not None
