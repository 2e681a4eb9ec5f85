"""Live finals against the REST transcript: what makes two finals the same turn, and the reconciliation.

The server may repeat a ``transcript.final`` after a reconnect, and the REST transcript may lag the stream; these
pure functions give every turn exactly once. Sequence numbers from the wire go through ``_wire.number``.
"""

from __future__ import annotations

from collections.abc import Iterable

from kallglot_api.models import StreamTranslation, Transcript, TranscriptTurn, TurnTranslation
from kallglot_api.types import UNSET, Unset

from .._wire import number
from .events import TranscriptFinalEvent

__all__ = ["final_key", "reconcile"]

_MAX_SEQUENCE = 2**53


def reconcile(finals: Iterable[TranscriptFinalEvent], transcript: Transcript) -> list[TranscriptTurn]:
    """Every turn exactly once: the REST ``transcript``'s turns, plus the live ``finals`` it does not have yet.

    Turns match on ``sequence``; live finals without one match on (speaker, text) and, if new, are numbered
    after the highest sequence known. The result is ordered by sequence.
    """
    turns: dict[int, TranscriptTurn] = {}
    for turn in transcript.turns if isinstance(transcript.turns, list) else []:
        # Lenient parsing may let anything through: never crash on it.
        if isinstance(turn, TranscriptTurn) and isinstance(turn.sequence, int):
            turns.setdefault(turn.sequence, turn)
    texts = {(_str(turn.speaker), _str(turn.text)) for turn in turns.values()}
    unnumbered: list[TranscriptFinalEvent] = []
    for final in finals:
        sequence = _sequence(final)
        if sequence is not None:
            if sequence not in turns:
                turns[sequence] = _turn(final, sequence)
        elif (_str(final.speaker), _str(final.text)) not in texts:
            unnumbered.append(final)
    next_sequence = max(turns, default=0)
    for final in unnumbered:
        next_sequence += 1
        turns[next_sequence] = _turn(final, next_sequence)
        texts.add((_str(final.speaker), _str(final.text)))
    return [turns[key] for key in sorted(turns)]


def _sequence(event: TranscriptFinalEvent) -> int | None:
    value = number(event.sequence, maximum=_MAX_SEQUENCE, clamp=False) if isinstance(event.sequence, int) else None
    return None if value is None else int(value)


def final_key(event: TranscriptFinalEvent) -> tuple[str, object] | None:
    """What makes a final the same final after a reconnect: its ``sequence``, else its ``id``, else nothing."""
    sequence = _sequence(event)
    if sequence is not None:
        return ("sequence", sequence)
    if isinstance(event.id, str):
        return ("id", event.id)
    return None


def _str(value: object) -> str:
    return value if isinstance(value, str) else ""


def _turn(final: TranscriptFinalEvent, sequence: int) -> TranscriptTurn:
    source = final.translation
    translation: TurnTranslation | Unset | None = None if source is None else UNSET
    if isinstance(source, StreamTranslation):
        translation = TurnTranslation(language=source.language, text=source.text)
    return TranscriptTurn(
        sequence=sequence, speaker=_str(final.speaker), text=final.text, language=final.language,
        translation=translation, confidence=final.confidence, timestamp=final.timestamp,
    )  # fmt: skip
