"""Transcripts as subtitles and plain text: SRT, WebVTT and text, optionally bilingual.

    transcript = client.sessions.transcript(session_id)
    Path("call.srt").write_text(kallglot.subtitles.to_srt(transcript, lines="bilingual"), encoding="utf-8")

Accepts a :class:`~kallglot.Transcript` of either documented shape (``turns`` with ISO timestamps, or the older
``segments`` with ``start_time``/``end_time`` in seconds), or a list of turns or segments (``stream.transcript()``).
``lines`` picks what each cue shows: ``"original"``, ``"translation"`` (the original where a line has none), or
``"bilingual"`` (the original, then its translation on the next line). ``speakers`` prefixes the speaker.

Guarantees, whatever the transcript holds: cues in time order, none overlapping, none shorter than
``MIN_CUE_MS``; every text on one line with control characters removed; SRT never contains a cue arrow
(``-->``) in its text, WebVTT escapes ``&``, ``<`` and ``>``; the result is a ``str`` that encodes as UTF-8.
Turn times are relative to the earliest turn timestamp; a turn lasts until the next one starts or for its reading
time (70 ms a character, ``MIN_CUE_MS`` to ``MAX_CUE_MS``), whichever is sooner; a turn without a timestamp
follows the previous one. Segments keep their own times, cut where the next segment starts.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypeAlias

from kallglot_api.models import Transcript, TranscriptSegment, TranscriptTurn

from ._wire import number

__all__ = ["MAX_CUE_MS", "MIN_CUE_MS", "Cue", "Lines", "cues", "to_srt", "to_text", "to_vtt"]

Lines: TypeAlias = Literal["original", "translation", "bilingual"]
Source: TypeAlias = Transcript | Sequence[TranscriptTurn] | Sequence[TranscriptSegment]

MIN_CUE_MS = 500
MAX_CUE_MS = 7000
_MS_PER_CHAR = 70  # about 15 characters a second: the reading time of a turn with no later bound
_MAX_MS = 99 * 3600 * 1000  # stamps stay within HH:MM:SS with two-digit hours
_SRT_ARROW = re.compile(r"-[ -] *>")  # what SRT parsers take for the cue arrow


@dataclass(frozen=True, slots=True)
class Cue:
    """One subtitle: times in milliseconds from the start, the speaker, the text and its translation (cleaned)."""

    start_ms: int
    end_ms: int
    speaker: str
    text: str
    translation: str

    def lines(self, lines: Lines) -> list[str]:
        if lines == "original" or not self.translation:
            return [self.text] if self.text else [self.translation]
        if lines == "translation" or not self.text:
            return [self.translation]
        return [self.text, self.translation]


def _clean(value: object) -> str:
    if not isinstance(value, str):
        return ""
    # One line: whitespace runs (newlines, U+2028 …) become one space, other control characters go, and lone
    # surrogates (legal in JSON, not in UTF-8) become U+FFFD.
    value = value.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    # Format characters (Cf: ZWJ in emoji, ZWNJ in Persian, bidi marks in Arabic and Hebrew) carry meaning: kept.
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cc" or ch.isspace())
    return " ".join(value.split())


def _ms(seconds: object) -> int | None:
    value = number(seconds, minimum=0.0, maximum=_MAX_MS / 1000, clamp=False)
    return None if value is None else round(value * 1000)


def _utc(moment: datetime.datetime) -> datetime.datetime:
    return moment.replace(tzinfo=datetime.UTC) if moment.tzinfo is None else moment


def _raw(source: Source) -> list[tuple[int | None, int | None, str, str, str]]:
    """``(start, end, speaker, text, translation)`` per turn or segment, times in ms or ``None`` when unknown."""
    items: Sequence[TranscriptTurn | TranscriptSegment]
    if isinstance(source, Transcript):
        # A lenient parse may keep a list (or an item) that did not fit as received: only typed items make cues.
        turns = (
            [t for t in source.turns or () if isinstance(t, TranscriptTurn)] if isinstance(source.turns, list) else []
        )
        segments = source.segments if isinstance(source.segments, list) else []
        items = turns or [s for s in segments if isinstance(s, TranscriptSegment)]
    else:
        items = source
    stamps = [
        _utc(i.timestamp) for i in items if isinstance(i, TranscriptTurn) and isinstance(i.timestamp, datetime.datetime)
    ]
    origin = min(stamps, default=None)
    raw: list[tuple[int | None, int | None, str, str, str]] = []
    for item in items:
        if isinstance(item, TranscriptTurn):
            translated = getattr(item.translation, "text", None)  # None, or kept as received by a lenient parse
            start = None
            if origin is not None and isinstance(item.timestamp, datetime.datetime):
                start = _ms((_utc(item.timestamp) - origin).total_seconds())
            raw.append((start, None, _clean(item.speaker), _clean(item.text), _clean(translated)))
        else:
            raw.append((_ms(item.start_time), _ms(item.end_time), _clean(item.speaker), _clean(item.text),
                        _clean(item.translation)))  # fmt: skip
    return raw


def cues(transcript: Source) -> list[Cue]:
    """The transcript's cues, cleaned and timed as the module docstring says; empty lines are left out."""
    timed: list[tuple[int, int, str, str, str]] = []
    cursor = 0
    for start, end, speaker, text, translation in _raw(transcript):
        if not text and not translation:
            continue
        reading = min(MAX_CUE_MS, max(MIN_CUE_MS, _MS_PER_CHAR * max(len(text), len(translation))))
        begin = start if start is not None else cursor
        finish = end if end is not None and end > begin else begin + reading
        timed.append((begin, finish, speaker, text, translation))
        cursor = finish
    timed.sort(key=lambda cue: cue[0])  # stable: equal starts keep the transcript's order
    result: list[Cue] = []
    previous_end = 0
    for index, (begin, finish, speaker, text, translation) in enumerate(timed):
        begin = max(begin, previous_end)
        if index + 1 < len(timed):  # end where the next one starts, unless that leaves less than the minimum
            finish = min(finish, max(timed[index + 1][0], begin + MIN_CUE_MS))
        finish = max(finish, begin + MIN_CUE_MS)
        result.append(Cue(begin, finish, speaker, text, translation))
        previous_end = finish
    return result


def _stamp(ms: int, separator: str) -> str:
    hours, rest = divmod(ms, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}{separator}{millis:03d}"


def to_srt(transcript: Source, *, lines: Lines = "original", speakers: bool = True) -> str:
    """SubRip text: numbered cues ``HH:MM:SS,mmm --> HH:MM:SS,mmm``, the speaker as a ``speaker: `` prefix."""
    blocks = []
    for number_, cue in enumerate(cues(transcript), 1):
        text = [_SRT_ARROW.sub("→", line) for line in cue.lines(lines)]
        if speakers and cue.speaker:
            text[0] = f"{_SRT_ARROW.sub('→', cue.speaker)}: {text[0]}"
        stamps = f"{_stamp(cue.start_ms, ',')} --> {_stamp(cue.end_ms, ',')}"
        blocks.append("\n".join([str(number_), stamps, *text]) + "\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_vtt(transcript: Source, *, lines: Lines = "original", speakers: bool = True) -> str:
    """WebVTT text: ``HH:MM:SS.mmm`` cues, the speaker as a voice span (``<v customer>``), text escaped."""
    blocks = ["WEBVTT\n"]
    for cue in cues(transcript):
        text = [_vtt_escape(line) for line in cue.lines(lines)]
        if speakers and cue.speaker:
            text[0] = f"<v {_vtt_escape(cue.speaker)}>{text[0]}"
        blocks.append("\n".join([f"{_stamp(cue.start_ms, '.')} --> {_stamp(cue.end_ms, '.')}", *text]) + "\n")
    return "\n".join(blocks)


def to_text(transcript: Source, *, lines: Lines = "original", speakers: bool = True) -> str:
    """Plain text for a ticket: ``[HH:MM:SS] speaker: text`` per cue, a bilingual translation indented below."""
    out = []
    for cue in cues(transcript):
        first, *rest = cue.lines(lines)
        label = f"{cue.speaker}: " if speakers and cue.speaker else ""
        out.append(f"[{_stamp(cue.start_ms, '.')[:8]}] {label}{first}")
        out.extend(f"    → {line}" for line in rest)
    return "".join(line + "\n" for line in out)
