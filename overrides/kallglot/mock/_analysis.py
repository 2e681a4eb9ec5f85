"""What a session leaves behind when it ends: recordings (real WAV audio) and, on request, a fake analysis."""

from __future__ import annotations

import time

from . import _speech
from ._audio import tone, wav_from_mulaw
from ._config import MockConfig
from ._ids import IdFactory
from ._models import AnalysisRecord, RecordingRecord, SessionRecord

ALL_COMPONENTS = ("summary", "sentiment", "compliance", "keywords", "performance")


def analyse(analysis: AnalysisRecord, session: SessionRecord, now: float) -> None:
    """Finish ``analysis``: ``failed`` when a fault asked for it, else ``completed`` with the included parts."""
    analysis.completed_at = now
    if analysis.fail_with is not None:
        analysis.status = "failed"
        return
    analysis.status = "completed"
    texts = [turn.translation["text"] if turn.translation else turn.text for turn in session.turns]
    speakers = sorted({turn.speaker for turn in session.turns})
    languages = sorted({turn.language for turn in session.turns})
    results: dict[str, object] = {}
    include = analysis.include or list(ALL_COMPONENTS)
    if "summary" in include:
        opening = f' It opens with "{texts[0]}"' if texts else ""
        results["summary"] = (
            f"A {len(texts)}-turn conversation (speakers: {', '.join(speakers) or 'none'}; "
            f"languages: {', '.join(languages) or 'none'}).{opening}"
        )
    if "sentiment" in include:
        results["sentiment"] = {"customer": "positive", "agent": "neutral"}
    if "compliance" in include:
        results["compliance"] = {"status": "ok", "flags": []}
    if "keywords" in include:
        results["keywords"] = _speech.keywords(texts)
    if "performance" in include:
        results["performance"] = {"score": 0.86}
    analysis.results = results


def make_recordings(session: SessionRecord, ids: IdFactory, now: float, config: MockConfig) -> list[RecordingRecord]:
    """The recordings of an ended session: ``mixed``, plus ``agent`` and ``customer`` for ``channels: "dual"``,
    each ``recordings_per_channel`` times, ``processing`` until ``recording_delay`` has passed."""
    channels = ["mixed", "agent", "customer"] if session.recording.get("channels") == "dual" else ["mixed"]
    ready_after = time.monotonic() + config.recording_delay
    records = []
    for channel in channels:
        # A channel that heard nothing still gets real audio: one second of tone.
        wav = wav_from_mulaw(bytes(session.audio.get(channel) or b"") or tone(1.0))
        for index in range(config.recordings_per_channel):
            suffix = ("" if channel == "mixed" else f"-{channel}") + (f"-{index + 1}" if index else "")
            filename = f"recording-{session.id}{suffix}.wav"
            records.append(
                RecordingRecord(ids.new("rec"), session.id, channel, filename, wav, now, ready_after=ready_after)
            )
    return records
