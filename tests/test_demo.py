"""`kallglot demo`, the project's main job: the whole Quick Start against the embedded mock."""

from __future__ import annotations

import wave
from pathlib import Path
from typing import Any

import pytest

import kallglot.mock
from kallglot._cli import main


def test_the_demo_runs_every_step_and_saves_the_recording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    serve = kallglot.mock.serve

    def at_once(**options: Any) -> Any:
        return serve(**{**options, "analysis_delay": 0})  # the demo's one-second analysis, without the wait

    monkeypatch.setattr(kallglot.mock, "serve", at_once)
    assert main(["demo", "--fast", "--output", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    steps = ["1. Created session sess_", "2. Streaming demo-de.wav", "3. Session ended", "4. Transcript (completed)"]
    steps += ["5. Analysis anl_", "6. Downloading rec_", "Done. Credits left: 998."]
    for step in steps:
        assert step in out, step
    assert "customer (de): Ich habe eine Frage zu meiner Bestellung." in out
    assert "→ (en) I have a question about my order." in out
    assert "sk_test" not in out and "kst_" not in out
    [saved] = tmp_path.iterdir()
    with wave.open(str(saved)) as recording:
        assert (recording.getframerate(), recording.getnchannels()) == (8000, 1)
        assert recording.getnframes() > 8000 * 4  # the 5 s phrase that was streamed


def test_the_demo_exits_non_zero_when_the_api_refuses(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve = kallglot.mock.serve

    def broke(**options: Any) -> Any:
        return serve(credits=0, **options)

    monkeypatch.setattr(kallglot.mock, "serve", broke)
    assert main(["demo", "--fast"]) == 1
    assert "InsufficientCreditsError: 402 insufficient_api_credits" in capsys.readouterr().out


def test_the_demo_refuses_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--wav", str(tmp_path / "missing.wav")]) == 2
    assert main(["demo", "--live"]) == 2
    assert "KALLGLOT_API_KEY" in capsys.readouterr().out
