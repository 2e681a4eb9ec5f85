"""kallglot.subtitles: SRT and WebVTT that independent parsers (srt, webvtt-py) read back cue for cue."""

from __future__ import annotations

import datetime
import html
import io
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import srt
import webvtt
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kallglot import Transcript, subtitles
from kallglot_api.models import TranscriptSegment, TranscriptTurn

ROOT = Path(__file__).resolve().parent.parent
LINES: tuple[subtitles.Lines, ...] = ("original", "translation", "bilingual")


def _test_data_transcripts() -> list[dict[str, Any]]:
    """Every transcript body in the spec's examples and the recorded cassettes."""
    spec = yaml.safe_load((ROOT / "openapi" / "kallglot.yaml").read_text(encoding="utf-8"))
    content = spec["paths"]["/sessions/{id}/transcript"]["get"]["responses"]["200"]["content"]
    found = [example["value"] for example in content["application/json"]["examples"].values()]
    for cassette in sorted((ROOT / "tests").rglob("cassettes/**/*.yaml")):
        for interaction in yaml.safe_load(cassette.read_text(encoding="utf-8"))["interactions"]:
            body = interaction["response"]["body"]["string"]
            body = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
            if '"object":"transcript"' in body.replace(" ", ""):
                found.append(yaml.safe_load(body))
    # The older docs' shape (segments with times in seconds and a plain-string translation) has no example left in
    # the document, so one is built here, field for field as the facts digest describes it.
    found.append({
        "object": "transcript", "session_id": "sess_1", "status": "complete",
        "language": {"source": "de", "target": "en"}, "duration": 7.5, "word_count": 9,
        "segments": [
            {"id": "seg_001", "speaker": "customer", "language": "de", "text": "Guten Tag, ich habe eine Frage.",
             "translation": "Good day, I have a question.", "start_time": 0.0, "end_time": 2.4, "confidence": 0.95},
            {"id": "seg_002", "speaker": "agent", "language": "en", "text": "How can I help?",
             "translation": "Wie kann ich helfen?", "start_time": 2.4, "end_time": 4.0, "confidence": 0.97},
        ],
    })  # fmt: skip
    return found


TRANSCRIPTS = _test_data_transcripts()


def _check(transcript: Any, lines: subtitles.Lines, speakers: bool = True) -> None:
    cues = subtitles.cues(transcript)
    for cue, following in itertools.pairwise(cues):
        assert cue.end_ms <= following.start_ms, "cues overlap"
    assert all(cue.end_ms - cue.start_ms >= subtitles.MIN_CUE_MS for cue in cues)

    def expected(cue: subtitles.Cue, arrow: bool) -> list[str]:
        text = cue.lines(lines)
        if arrow:
            text = [re.sub(r"-[ -] *>", "→", line) for line in text]
        if speakers and cue.speaker:
            text[0] = f"{re.sub(r'-[ -] *>', '→', cue.speaker) if arrow else cue.speaker}: {text[0]}"
        return text

    srt_text = subtitles.to_srt(transcript, lines=lines, speakers=speakers)
    srt_text.encode("utf-8")
    block = r"\d+\n\d\d:\d\d:\d\d,\d{3} --> \d\d:\d\d:\d\d,\d{3}\n(?:.+\n)+"
    assert re.fullmatch(rf"(?:{block}(?:\n{block})*)?", srt_text)
    parsed = list(srt.parse(srt_text, ignore_errors=False))
    assert len(parsed) == len(cues)
    for sub, cue in zip(parsed, cues, strict=True):
        assert (sub.start, sub.end) == (datetime.timedelta(milliseconds=cue.start_ms),
                                        datetime.timedelta(milliseconds=cue.end_ms))  # fmt: skip
        assert sub.content.split("\n") == expected(cue, arrow=True)

    vtt_text = subtitles.to_vtt(transcript, lines=lines, speakers=speakers)
    vtt_text.encode("utf-8")
    captions = list(webvtt.from_buffer(io.StringIO(vtt_text)))
    assert len(captions) == len(cues)
    for caption, cue in zip(captions, cues, strict=True):
        assert (caption.start_time.in_milliseconds(), caption.end_time.in_milliseconds()) == (cue.start_ms, cue.end_ms)
        assert [html.unescape(line) for line in caption.text.split("\n")] == cue.lines(lines)
        if speakers and cue.speaker:
            assert html.unescape(caption.voice) == cue.speaker


@pytest.mark.parametrize("lines", LINES)
@pytest.mark.parametrize("body", TRANSCRIPTS, ids=lambda body: f"{body.get('id')}-{len(body.get('turns') or [])}")
def test_every_transcript_in_the_test_data_parses_back(body: dict[str, Any], lines: subtitles.Lines) -> None:
    transcript = Transcript.from_dict(body)
    assert subtitles.cues(transcript), "every test transcript has text"
    _check(transcript, lines)
    _check(transcript, lines, speakers=False)


def test_test_data_covers_both_shapes() -> None:
    assert any(body.get("turns") for body in TRANSCRIPTS) and any(body.get("segments") for body in TRANSCRIPTS)


def test_bilingual_cues_hold_both_lines_and_turn_times_come_from_timestamps() -> None:
    transcript = Transcript.from_dict({
        "object": "transcript", "session_id": "sess_1", "status": "completed",
        "turns": [
            {"sequence": 1, "speaker": "customer", "text": "Guten Tag <b>&", "timestamp": "2026-03-26T11:00:02Z",
             "translation": {"language": "en", "text": "Good day --> x"}},
            {"sequence": 2, "speaker": "agent", "text": "Hello", "timestamp": "2026-03-26T11:00:04.250Z"},
        ],
    })  # fmt: skip
    srt_text = subtitles.to_srt(transcript, lines="bilingual")
    # The first turn lasts its reading time (14 characters at 70 ms), sooner than the next turn's start.
    assert srt_text == (
        "1\n00:00:00,000 --> 00:00:00,980\ncustomer: Guten Tag <b>&\nGood day → x\n\n"
        "2\n00:00:02,250 --> 00:00:02,750\nagent: Hello\n"
    )
    vtt = subtitles.to_vtt(transcript, lines="translation")
    assert "00:00:00.000 --> 00:00:00.980\n<v customer>Good day --&gt; x\n" in vtt
    assert "<v agent>Hello\n" in vtt  # no translation: the original stands in
    text = subtitles.to_text(transcript, lines="bilingual")
    assert text == "[00:00:00] customer: Guten Tag <b>&\n    → Good day --> x\n[00:00:02] agent: Hello\n"


def test_segments_keep_their_times_and_bad_times_are_placed_after_the_previous() -> None:
    segments = [
        TranscriptSegment(speaker="agent", text="b", start_time=3.0, end_time=5.0),
        TranscriptSegment(speaker="agent", text="a", start_time=0.5, end_time=4.0),  # overlaps b: cut at 3.0
        TranscriptSegment(speaker="agent", text="c", start_time=float("nan"), end_time=-1.0),
        TranscriptSegment(speaker="agent", text="   "),  # nothing to show: dropped
    ]
    got = [(c.text, c.start_ms, c.end_ms) for c in subtitles.cues(segments)]
    # "c" has no usable time: it follows "a" (the segment before it), cutting "b" short where it starts.
    assert got == [("a", 500, 3000), ("b", 3000, 4000), ("c", 4000, 4500)]


_text = st.text(st.characters(codec="utf-8"), max_size=30) | st.sampled_from(["-->", "a\n\nb", "<v x>", "&amp;", " "])
_moment = st.none() | st.datetimes(
    min_value=datetime.datetime(2026, 1, 1), max_value=datetime.datetime(2026, 1, 2), timezones=st.just(datetime.UTC)
)
_seconds = (
    st.none() | st.floats(min_value=-10, max_value=1e6) | st.integers(-5, 10**7)
    | st.sampled_from([float("nan"), float("inf"), 1e300])
)  # fmt: skip


@st.composite
def _turns(draw: st.DrawFn) -> list[TranscriptTurn]:
    turns = []
    for sequence in range(draw(st.integers(0, 8))):
        turn = TranscriptTurn(sequence=sequence, speaker=draw(_text), text=draw(_text))
        if (moment := draw(_moment)) is not None:
            turn.timestamp = moment
        if draw(st.booleans()):
            turn.translation = None if draw(st.booleans()) else draw(st.builds(_translation, _text))
        turns.append(turn)
    return turns


def _translation(text: str) -> Any:
    from kallglot_api.models import TurnTranslation

    return TurnTranslation(language="en", text=text)


@st.composite
def _segments(draw: st.DrawFn) -> list[TranscriptSegment]:
    return [
        TranscriptSegment(speaker=draw(_text), text=draw(_text), translation=draw(st.none() | _text),
                          start_time=draw(_seconds), end_time=draw(_seconds))  # type: ignore[arg-type]
        for _ in range(draw(st.integers(0, 8)))
    ]  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(items=_turns() | _segments(), lines=st.sampled_from(LINES), speakers=st.booleans())
def test_any_transcript_gives_valid_subtitles(items: Any, lines: subtitles.Lines, speakers: bool) -> None:
    _check(items, lines, speakers)


def test_control_characters_go_and_format_characters_stay() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined by ZWJ
    shalom = "\u200f\u05e9\u05dc\u05d5\u05dd"  # after a right-to-left mark
    turn = TranscriptTurn(sequence=1, speaker="agent", text=f"a\x00b\x1b[31m\tc\u2028d {family} {shalom}")
    (cue,) = subtitles.cues([turn])
    assert cue.text == f"ab[31m c d {family} {shalom}"
    _check([turn], "original")
