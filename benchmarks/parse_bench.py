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


def _best(fn: Any, data: bytes) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        fn(data)
        times.append(time.perf_counter() - start)
    return min(times)


def run() -> list[str]:
    data = _payload()
    ours = _best(lambda b: Transcript.from_dict(json.loads(b)), data)
    strict = _best(lambda b: Transcript.from_dict(json.loads(b), strict=True), data)
    loads = _best(json.loads, data)
    line = (
        f"parse {TURNS}-turn transcript ({len(data) / 1e6:.1f} MB): models {ours * 1e3:.1f} ms "
        f"(strict {strict * 1e3:.1f} ms), json.loads alone {loads * 1e3:.1f} ms ({ours / loads:.2f}x)"
    )
    pydantic_parser = _pydantic_parser()
    if pydantic_parser is None:
        return [line + "; pydantic not installed (pip install -e '.[bench]')"]
    pydantic_parse, version = pydantic_parser
    theirs = _best(pydantic_parse, data)
    return [line + f", pydantic {version} {theirs * 1e3:.1f} ms -> {ours / theirs:.2f}x of pydantic (goal <= 1.0x)"]
