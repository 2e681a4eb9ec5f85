"""The Quick Start end to end, recorded: REST in a cassette and the live stream in a JSONL stream recording.

Create, retrieve, stream audio (transcript and translations arrive), end (by the stream, then by REST again:
harmless), the reconciled transcript, recordings, download, analysis. Replaying, the REST answers come from
``tests/recorded/cassettes/test_lifecycle/`` and the stream from ``tests/streams/lifecycle-<test>.jsonl``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

import kallglot
from kallglot import AnalysisStatus, Session, SessionStatus, audio
from kallglot.testing import StreamRecorder, StreamReplayServer

from .conftest import Api

pytestmark = [pytest.mark.vcr, pytest.mark.kallglot_mock(analysis_delay=0.3)]

STREAMS = Path(__file__).resolve().parents[1] / "streams"
# 3.2 s of speech at the mock's default turn lengths: one full turn (1.5-3 s), and the start of a second that
# ending the session finalises.
FRAMES = list(audio.wav_frames(Path(kallglot.__file__).parent / "_data" / "demo-de.wav"))[:160]


@contextmanager
def streamed(api: Api, request: pytest.FixtureRequest, session: Session) -> Iterator[Session]:
    """``session`` pointed at a stream recorder (recording) or at the replay of what it recorded."""
    path = STREAMS / f"lifecycle-{request.node.name}.jsonl"
    assert isinstance(session.stream, kallglot.StreamInfo)
    if not api.replaying:
        with StreamRecorder(session.stream.url, path) as recorder:
            yield recorder.session(session)
        return
    with StreamReplayServer(path) as replay:
        # The recorded token has expired by now; a fresh expiry spares the SDK a refresh the cassette lacks.
        yield replay.session(session)
    assert replay.mismatches == []


def test_session_lifecycle(api: Api, request: pytest.FixtureRequest, tmp_path: Path, sleeps: list[float]) -> None:
    with api.client() as client:
        session = client.sessions.create(mode="bidirectional_translation", source_language="de", target_language="en")
        assert session.status == SessionStatus.CREATED and session.id.startswith("sess_")
        created = client.credits
        assert created is not None and created.remaining is not None and created.used is not None
        assert client.sessions.retrieve(session.id).id == session.id

        with streamed(api, request, session) as target, client.sessions.stream(target) as stream:
            for frame in FRAMES:
                stream.send_audio(frame, speaker="customer")
            stream.end()
            events = list(stream)
            turns = stream.transcript()
        finals = [e for e in events if isinstance(e, kallglot.TranscriptFinalEvent)]
        assert (events[0].type, events[-1].type) == ("session.ready", "session.ended")
        assert len(finals) == 2 and all(f.translation and f.translation.text for f in finals)
        assert [turn.text for turn in turns] == [f.text for f in finals]

        ended = client.sessions.retrieve(session.id)
        assert ended.status == SessionStatus.ENDED
        again = client.sessions.end(session.id)  # ending an ended session is harmless and changes nothing
        assert (again.status, again.ended_at) == (SessionStatus.ENDED, ended.ended_at)

        recordings = list(client.sessions.recordings(session.id))
        assert recordings, "an ended session with recording on has a recording"
        assert client.recordings.retrieve(recordings[0].id).id == recordings[0].id
        path = client.recordings.download(recordings[0].id, tmp_path / "call.wav")
        assert path.read_bytes()[:4] == b"RIFF"

        analysis = client.analyses.create(session.id)
        assert analysis.status in (AnalysisStatus.QUEUED, AnalysisStatus.PROCESSING)
        done = client.analyses.wait(analysis.id, poll_interval=0.1)
        assert done.status == AnalysisStatus.COMPLETED
        assert sleeps, "the analysis was still processing at the first poll"

        # Two billable calls, the session and the analysis; streaming, ending and reading are free.
        final = client.credits
        assert final is not None and final.used is not None and final.remaining is not None
        assert (final.used - created.used, created.remaining - final.remaining) == (1, 1)


def test_async_session_lifecycle(api: Api, request: pytest.FixtureRequest) -> None:
    async def run() -> None:
        async with api.async_client() as client:
            session = await client.sessions.create(mode="assistive_translation", metadata={"ticket": "T-1"})
            with streamed(api, request, session) as target:
                async with client.sessions.stream(target) as stream:
                    for frame in FRAMES[:5]:
                        await stream.send_audio(frame, speaker="agent")
                    await stream.end()
                    events = [event async for event in stream]
            assert sum(isinstance(e, kallglot.TranscriptFinalEvent) for e in events) == 1
            transcript = await client.sessions.transcript(session.id)
            assert transcript.session_id == session.id
            recordings = [recording async for recording in client.sessions.recordings(session.id)]
            assert recordings and {r.session_id for r in recordings} == {session.id}
            analysis = await client.analyses.create(session.id)
            done = await client.analyses.wait(analysis.id, poll_interval=0.1)
            assert (done.status, done.session_id) == (AnalysisStatus.COMPLETED, session.id)

    asyncio.run(run())
