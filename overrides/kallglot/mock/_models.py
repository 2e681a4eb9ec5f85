"""The mock's records of sessions, recordings and analyses, and how each renders as the spec's JSON.

Records are plain mutable dataclasses owned by :class:`~kallglot.mock._state.MockState`; only the state mutates
them, under its lock. ``to_json`` methods produce bodies that conform to ``openapi/kallglot.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._audio import SAMPLE_RATE
from ._ids import Clock

# Mu-law is one byte per sample, so this caps a session's kept audio at 30 minutes.
MAX_AUDIO_BYTES = SAMPLE_RATE * 60 * 30


@dataclass
class Turn:
    sequence: int
    speaker: str
    language: str
    text: str
    translation: dict[str, str] | None
    timestamp: str
    confidence: float = 0.96

    def to_json(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "sequence": self.sequence,
            "speaker": self.speaker,
            "language": self.language,
            "text": self.text,
        }
        if self.translation is not None:
            body["translation"] = dict(self.translation)
        body["confidence"] = self.confidence
        body["timestamp"] = self.timestamp
        return body


@dataclass
class PendingTurn:
    sequence: int
    #: Who says it (``agent`` or ``customer``) and which line of the phrase book (1-based).
    speaker: str = "customer"
    line: int = 1
    #: Close after this many frames, or after this many seconds of audio.
    frames_needed: int | None = None
    seconds_needed: float = 0.0
    frames: int = 0
    samples: int = 0
    partial: str = ""
    audio: bytearray = field(default_factory=bytearray)


@dataclass
class SessionRecord:
    id: str
    mode: str
    source_language: str | None
    target_language: str | None
    provider: str | None
    phone_number: str | None
    recording: dict[str, Any]
    metadata: dict[str, Any] | None
    created_at: float
    live: bool
    started_at: float | None = None
    ended_at: float | None = None
    end_reason: str | None = None
    turns: list[Turn] = field(default_factory=list)
    # Mu-law audio as received: all frames in arrival order ("mixed") and per speaker.
    audio: dict[str, bytearray] = field(default_factory=lambda: {"mixed": bytearray()})
    # The turn each channel (agent, customer, or both sides mixed) is in the middle of.
    pending: dict[str, PendingTurn] = field(default_factory=dict)
    # Lines each party has started: the phrase book is a dialogue, so the next line depends on who speaks.
    lines_started: dict[str, int] = field(default_factory=lambda: {"agent": 0, "customer": 0})
    last_sequence: int = 0

    @property
    def status(self) -> str:
        if self.ended_at is not None:
            return "ended"
        return "active" if self.started_at is not None else "created"

    @property
    def duration_seconds(self) -> float:
        """Seconds of audio received: the mock's stand-in for billed active time."""
        return round(len(self.audio["mixed"]) / SAMPLE_RATE, 3)

    def to_json(self, clock: Clock, stream: dict[str, str] | None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "object": "session",
            "status": self.status,
            "mode": self.mode,
            "provider": self.provider,
            "phone_number": self.phone_number,
            "source_language": self.source_language,
            "target_language": self.target_language,
            "stream": stream,
            "recording": dict(self.recording),
            "metadata": self.metadata,
            "call": None,
            "created_at": clock.iso(self.created_at),
            "started_at": None if self.started_at is None else clock.iso(self.started_at),
            "ended_at": None if self.ended_at is None else clock.iso(self.ended_at),
        }
        if self.started_at is not None:
            body["duration_seconds"] = self.duration_seconds
        return body

    def summary_json(self, clock: Clock) -> dict[str, Any]:
        """The slim body ``POST /sessions/{id}/end`` returns (current docs)."""
        assert self.ended_at is not None
        return {
            "id": self.id,
            "object": "session",
            "status": "ended",
            "duration_seconds": self.duration_seconds,
            "ended_at": clock.iso(self.ended_at),
        }

    def transcript_json(self) -> dict[str, Any]:
        languages = sorted({turn.language for turn in self.turns})
        return {
            "id": f"trn_{self.id}",
            "object": "transcript",
            "session_id": self.id,
            "status": "completed" if self.ended_at is not None else "in_progress",
            "turns": [turn.to_json() for turn in self.turns],
            "metadata": {
                "total_turns": len(self.turns),
                "duration_seconds": self.duration_seconds,
                "languages_detected": languages,
            },
        }


@dataclass
class RecordingRecord:
    id: str
    session_id: str
    channel: str
    filename: str
    wav: bytes
    created_at: float
    ready_after: float  # time.monotonic() deadline for processing -> ready
    status: str = "processing"
    retention: float = 30 * 24 * 3600.0

    @property
    def duration(self) -> float:
        # 44-byte RIFF header, then two bytes per 8 kHz sample.
        return round((len(self.wav) - 44) / 2 / SAMPLE_RATE, 3)

    def to_json(self, clock: Clock) -> dict[str, Any]:
        ready = self.status == "ready"
        return {
            "id": self.id,
            "object": "recording",
            "session_id": self.session_id,
            "channel": self.channel,
            "status": self.status,
            "duration": self.duration,
            "format": "wav",
            "size": len(self.wav),
            "sample_rate": SAMPLE_RATE,
            "bit_depth": 16,
            "download_url": f"/v1/recordings/{self.id}/audio" if ready else None,
            "created_at": clock.iso(self.created_at),
            "expires_at": clock.iso(self.created_at + self.retention),
        }


@dataclass
class AnalysisRecord:
    id: str
    session_id: str
    profile: str
    include: list[str]
    created_at: float
    ready_after: float  # time.monotonic() deadline for processing -> completed/failed
    fail_with: str | None = None
    status: str = "processing"
    completed_at: float | None = None
    results: dict[str, Any] = field(default_factory=dict)

    def to_json(self, clock: Clock) -> dict[str, Any]:
        body: dict[str, Any] = {
            "id": self.id,
            "object": "analysis",
            "session_id": self.session_id,
            "call_id": None,
            "profile": self.profile,
            "status": self.status,
            "summary": None,
            "error": self.fail_with if self.status == "failed" else None,
            "created_at": clock.iso(self.created_at),
            "completed_at": None if self.completed_at is None else clock.iso(self.completed_at),
        }
        body.update(self.results)
        return body
