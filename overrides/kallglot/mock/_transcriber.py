"""Turn received audio frames into transcript turns and the stream frames that announce them (no I/O).

Every ``audio.input`` frame of a speaker advances that speaker's pending turn and yields a ``transcript.partial``;
the ``frames_per_turn``-th frame closes the turn: it is appended to the session's transcript and announced with a
``transcript.final`` (carrying the translation) and an ``audio.output`` frame that echoes the turn's audio as the
"translated speech". Callers hold the state lock.
"""

from __future__ import annotations

import base64
from typing import Any

from . import _speech
from ._ids import Clock
from ._models import MAX_AUDIO_BYTES, PendingTurn, SessionRecord, Turn

Frame = dict[str, Any]


def languages(session: SessionRecord, speaker: str, default_source: str, default_target: str) -> tuple[str, str]:
    """The speaker's language and the other party's: the customer is party A and speaks the source language."""
    source = session.source_language or default_source
    target = session.target_language or default_target
    return (source, target) if speaker == "customer" else (target, source)


def hear(
    session: SessionRecord,
    speaker: str,
    audio: bytes,
    *,
    clock: Clock,
    frames_per_turn: int,
    default_languages: tuple[str, str],
) -> tuple[list[Frame], Turn | None]:
    """Account for one frame of ``speaker``'s mu-law ``audio``; return the frames to send and a finished turn."""
    for track in ("mixed", speaker):
        buffer = session.audio.setdefault(track, bytearray())
        if len(buffer) < MAX_AUDIO_BYTES:
            buffer.extend(audio)
    pending = session.pending.get(speaker)
    if pending is None:
        session.last_sequence += 1
        pending = session.pending[speaker] = PendingTurn(session.last_sequence)
    pending.frames += 1
    if len(pending.audio) < MAX_AUDIO_BYTES:
        pending.audio.extend(audio)
    language, _ = languages(session, speaker, *default_languages)
    if pending.frames < frames_per_turn:
        text = _speech.partial(language, pending.sequence, pending.frames, frames_per_turn)
        frame: Frame = {
            "type": "transcript.partial",
            "id": _utterance_id(session, pending),
            "sequence": pending.sequence,
        }
        frame.update(speaker=speaker, language=language, text=text)
        return [frame], None
    turn = close_turn(session, speaker, clock=clock, default_languages=default_languages)
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


def close_turn(session: SessionRecord, speaker: str, *, clock: Clock, default_languages: tuple[str, str]) -> Turn:
    """Finish ``speaker``'s pending turn (however many frames it heard) and append it to the transcript."""
    pending = session.pending.pop(speaker)
    language, other = languages(session, speaker, *default_languages)
    translation = {"language": other, "text": _speech.phrase(other, pending.sequence)}
    turn = Turn(
        sequence=pending.sequence,
        speaker=speaker,
        language=language,
        text=_speech.phrase(language, pending.sequence),
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
    for speaker, pending in sorted(session.pending.items(), key=lambda item: item[1].sequence):
        language, _ = languages(session, speaker, *default_languages)
        turn = close_turn(session, speaker, clock=clock, default_languages=default_languages)
        closed.append((turn, _announce(session, pending, turn, language)))
    return closed


def _utterance_id(session: SessionRecord, pending: PendingTurn) -> str:
    return f"utt_{session.id.removeprefix('sess_')}_{pending.sequence}"
