"""Stream cassettes: record a session's WebSocket frames to JSONL, replay them to the SDK from a loopback server.

VCR.py records HTTP only (vcrpy #539), so the live stream has its own pair::

    with StreamRecorder(mock.base_url, "tests/streams/reconnect.jsonl") as recorder:
        with client.sessions.stream(recorder.session(session)) as stream: ...   # recorded

    with StreamReplayServer("tests/streams/reconnect.jsonl") as replay:
        with client.sessions.stream(replay.session()) as stream: ...            # replayed, no network
    assert not replay.mismatches

The file is UTF-8 JSON Lines. Line 1 is the header, ``{"format": "kallglot-stream", "version": 1}``; a reader
refuses other formats and versions. Every other line belongs to one connection (``conn``, numbered from 0 in
the order the handshakes arrived, so reconnects follow each other) and carries ``t``, seconds since recording
started. Lines of one connection are in order; lines of different connections may interleave.

- ``{"conn": 0, "t": 0.0, "event": "open", "path": "/v1/sessions/sess_1/connect"}``: a handshake. ``path`` is
  the request target with the ``token`` query parameter removed.
- ``{"conn": 0, "t": 0.01, "dir": "server", "text": "{\\"type\\": \\"session.ready\\", …}"}``: one frame, as sent
  by the ``client`` (the SDK) or the ``server``. A text frame has ``text``; a binary frame has ``binary``, its
  bytes in base64. Frames are written in the order the recorder saw them, each before it was passed on.
- ``{"conn": 1, "t": 0.5, "event": "refused", "status": 401, "body": "…"}``: the server refused the handshake
  (the connection has no other lines).
- ``{"conn": 0, "t": 0.9, "event": "close", "closed_by": "server", "server": {"code": 1000, "reason": ""},
  "client": {"code": 1000, "reason": ""}}``: how the connection ended. ``closed_by`` is the side that went
  first; ``server`` / ``client`` are the close frames each sent, ``null`` for a drop without one (what a client
  sees as 1006). Frames that arrive after the first side went are not written: the other side never got them.

Secrets: no ``token`` parameter is written, and stream tokens (``kst_…``) and API keys (``sk_test_…``,
``sk_live_…``) anywhere in paths, frames, close reasons and bodies become ``REDACTED``: the cassettes' own
``scrub``, so one pattern guards both kinds of recording.
"""

from __future__ import annotations

from ._stream_common import FORMAT, FORMAT_VERSION, StreamRecordingError
from ._stream_record import StreamRecorder
from ._stream_replay import StreamReplayServer, describe

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "StreamRecorder",
    "StreamRecordingError",
    "StreamReplayServer",
    "describe",
]
