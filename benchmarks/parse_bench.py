"""Parsing a 10,000-turn transcript from bytes: generated models vs ``json.loads`` alone vs pydantic v2.

The models line is the default (lenient) parse, what every REST call does; strict parsing (the same checks, which
raise instead of keeping a value) is reported beside it. The goal compares the lenient parse with pydantic.
"""

from __future__ import annotations

import datetime
import json
import time
from typing import Any

from kallglot_api.models import Transcript

TURNS = 10_000
ROUNDS = 15


def _payload() -> bytes:
    start = datetime.datetime(2026, 3, 26, 11, 0, tzinfo=datetime.UTC)
    turns = []
    for i in range(TURNS):
        turn: dict[str, Any] = {
            "sequence": i + 1, "speaker": "customer" if i % 2 else "agent", "language": "de" if i % 2 else "en",
            "text": f"Ich habe eine Frage zu meiner Bestellung Nummer {i}.", "confidence": 0.96,
            "timestamp": (start + datetime.timedelta(seconds=3 * i)).isoformat().replace("+00:00", "Z"),
        }  # fmt: skip
        if i % 2:
            turn["translation"] = {"language": "en", "text": f"I have a question about my order number {i}."}
        turns.append(turn)
    metadata = {"total_turns": TURNS, "duration_seconds": 3.0 * TURNS, "languages_detected": ["en", "de"]}
    body = {
        "id": "trn_sess_01HXYZ", "object": "transcript", "session_id": "sess_01HXYZ", "status": "completed",
        "turns": turns, "metadata": metadata,
    }  # fmt: skip
    return json.dumps(body).encode()


def _pydantic_parser() -> Any:
    try:
        import pydantic
    except ImportError:
        return None

    class TurnTranslation(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        language: str | None = None
        text: str | None = None

    class TranscriptTurn(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        sequence: int
        speaker: str
        text: str
        language: str | None = None
        translation: TurnTranslation | None = None
        confidence: float | None = None
        timestamp: datetime.datetime | None = None

    class TranscriptMetadata(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        total_turns: int | None = None
        duration_seconds: float | None = None
        languages_detected: list[str] | None = None

    class PydanticTranscript(pydantic.BaseModel):
        model_config = pydantic.ConfigDict(extra="allow")
        object: str
        session_id: str
        status: str
        id: str | None = None
        turns: list[TranscriptTurn] | None = None
        metadata: TranscriptMetadata | None = None

    return PydanticTranscript.model_validate_json, pydantic.VERSION


def _best(parsers: dict[str, Any], data: bytes) -> dict[str, float]:
    """The fastest of ROUNDS runs of each parser, taken in turns so a busy machine slows all of them alike."""
    times: dict[str, list[float]] = {name: [] for name in parsers}
    for _ in range(ROUNDS):
        for name, parse in parsers.items():
            start = time.perf_counter()
            parse(data)
            times[name].append(time.perf_counter() - start)
    return {name: min(found) for name, found in times.items()}


def run() -> list[str]:
    data = _payload()
    pydantic_parser = _pydantic_parser()
    parsers = {
        "ours": lambda b: Transcript.from_dict(json.loads(b)),
        "strict": lambda b: Transcript.from_dict(json.loads(b), strict=True),
        "loads": json.loads,
    }
    if pydantic_parser is not None:
        parsers["pydantic"] = pydantic_parser[0]
    best = _best(parsers, data)
    ours, strict, loads = best["ours"], best["strict"], best["loads"]
    line = (
        f"parse {TURNS}-turn transcript ({len(data) / 1e6:.1f} MB): models {ours * 1e3:.1f} ms "
        f"(strict {strict * 1e3:.1f} ms), json.loads alone {loads * 1e3:.1f} ms ({ours / loads:.2f}x)"
    )
    if pydantic_parser is None:
        return [line + "; pydantic not installed (pip install -e '.[bench]')"]
    theirs, version = best["pydantic"], pydantic_parser[1]
    return [line + f", pydantic {version} {theirs * 1e3:.1f} ms -> {ours / theirs:.2f}x of pydantic (goal <= 1.0x)"]
