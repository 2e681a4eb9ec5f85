"""Turn received audio frames into transcript turns and the stream frames that announce them (no I/O).

A channel is ``agent``, ``customer``, or anything else (``mixed``, a channel id): audio carrying both sides,
whose turns alternate between the parties, the agent first. Each channel has one pending turn; its frames yield
a ``transcript.partial`` whenever the heard text grows, and the turn closes after ``turn_seconds`` of audio (or
``frames_per_turn`` frames): it is appended to the session's transcript and announced with a
``transcript.final`` (carrying the translation) and an ``audio.output`` frame that echoes the turn's audio as
the "translated speech". The phrase book is a dialogue, so agent turns say the agent's lines and customer
turns the customer's. Callers hold the state lock.
"""

from __future__ import annotations

import base64
from typing import Any

from . import _speech
from ._audio import SAMPLE_RATE
from ._ids import Clock
from ._models import MAX_AUDIO_BYTES, PendingTurn, SessionRecord, Turn

Frame = dict[str, Any]
PARTIES = ("agent", "customer")
# Spreads turn lengths over the configured range without randomness (recordings of a run stay stable).
_GOLDEN = 0.6180339887


def languages(session: SessionRecord, speaker: str, default_source: str, default_target: str) -> tuple[str, str]:
    """The speaker's language and the other party's: the customer is party A and speaks the source language."""
    source = session.source_language or default_source
    target = session.target_language or default_target
    return (source, target) if speaker == "customer" else (target, source)


def channel_of(speaker: str) -> str:
    """``agent`` and ``customer`` are one party each; any other label is audio carrying both sides."""
    return speaker if speaker in PARTIES else "mixed"


def _start(session: SessionRecord, channel: str, turn_seconds: tuple[float, float], frames: int | None) -> PendingTurn:
    lines = session.lines_started
    # Both sides on one channel: whoever has said less speaks next, the agent first (the agent greets).
    speaker = channel if channel in PARTIES else min(PARTIES, key=lambda party: (lines[party], party))
    lines[speaker] += 1
    # Agent lines are the book's odd lines (1, 3, 5), customer lines the even ones.
    line = 2 * lines[speaker] - (1 if speaker == "agent" else 0)
    session.last_sequence += 1
    low, high = turn_seconds
    seconds = low + (high - low) * ((session.last_sequence * _GOLDEN) % 1.0)
    return PendingTurn(session.last_sequence, speaker, line, frames_needed=frames, seconds_needed=seconds)


def hear(
    session: SessionRecord,
    speaker: str,
    audio: bytes,
    *,
    clock: Clock,
    turn_seconds: tuple[float, float],
    frames_per_turn: int | None,
    default_languages: tuple[str, str],
) -> tuple[list[Frame], Turn | None]:
    """Account for one frame of ``speaker``'s mu-law ``audio``; return the frames to send and a finished turn."""
    channel = channel_of(speaker)
    for track in {"mixed", channel}:
        buffer = session.audio.setdefault(track, bytearray())
        if len(buffer) < MAX_AUDIO_BYTES:
            buffer.extend(audio)
    pending = session.pending.get(channel)
    if pending is None:
        pending = session.pending[channel] = _start(session, channel, turn_seconds, frames_per_turn)
    pending.frames += 1
    pending.samples += len(audio)  # mu-law: one byte per sample
    if len(pending.audio) < MAX_AUDIO_BYTES:
        pending.audio.extend(audio)
    if pending.frames_needed is not None:
        progress = pending.frames / pending.frames_needed
    else:
        progress = pending.samples / SAMPLE_RATE / pending.seconds_needed
    language, _ = languages(session, pending.speaker, *default_languages)
    if progress < 1.0:
        text = _speech.partial(language, pending.line, progress)
        if text == pending.partial:
            return [], None  # a recogniser sends an interim result when its hypothesis changes, not per frame
        pending.partial = text
        frame: Frame = {
            "type": "transcript.partial",
            "id": _utterance_id(session, pending),
            "sequence": pending.sequence,
        }
        frame.update(speaker=pending.speaker, language=language, text=text)
        return [frame], None
    turn = close_turn(session, channel, clock=clock, default_languages=default_languages)
    return _announce(session, pending, turn, language), turn


def _announce(session: SessionRecord, pending: PendingTurn, turn: Turn, language: str) -> list[Frame]:
    final = {"type": "transcript.final", "id": _utterance_id(session, pending), **turn.to_json()}
    output: Frame = {
        "type": "audio.output",
        "speaker": turn.speaker,
        "language": turn.translation["language"] if turn.translation else language,
        "audio": {"encoding": "mulaw", "sample_rate_hz": 8000, "payload": base64.b64encode(pending.audio).decode()},
    }
    return [final, output]


def close_turn(session: SessionRecord, channel: str, *, clock: Clock, default_languages: tuple[str, str]) -> Turn:
    """Finish ``channel``'s pending turn (however much it heard) and append it to the transcript."""
    pending = session.pending.pop(channel)
    language, other = languages(session, pending.speaker, *default_languages)
    translation = {"language": other, "text": _speech.phrase(other, pending.line)}
    turn = Turn(
        sequence=pending.sequence,
        speaker=pending.speaker,
        language=language,
        text=_speech.phrase(language, pending.line),
        translation=translation,
        timestamp=clock.iso(),
    )
    session.turns.append(turn)
    return turn


def flush(
    session: SessionRecord, *, clock: Clock, default_languages: tuple[str, str]
) -> list[tuple[Turn, list[Frame]]]:
    """Close every pending turn, as ending a session finalises its transcript; return each with its frames."""
    closed = []
    for channel, pending in sorted(session.pending.items(), key=lambda item: item[1].sequence):
        language, _ = languages(session, pending.speaker, *default_languages)
        turn = close_turn(session, channel, clock=clock, default_languages=default_languages)
        closed.append((turn, _announce(session, pending, turn, language)))
    return closed


def _utterance_id(session: SessionRecord, pending: PendingTurn) -> str:
    return f"utt_{session.id.removeprefix('sess_')}_{pending.sequence}"
