"""User code that narrows on ``event.type`` and ``is not None`` passes ``mypy --strict``; code that doesn't, fails."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

GOOD = """
import kallglot
from kallglot import webhooks


def on_webhook(event: webhooks.Event) -> str | None:
    if event.type == "session.ended":
        return event.data.id
    if event.type == "transcript.ready" and event.data.session_id is not None:
        return event.data.session_id
    if event.type == "recording.ready":
        return event.data.id
    if isinstance(event, webhooks.UnknownWebhookEvent):
        return str(event.type) + str(event.data["amount"])
    return None


def on_stream(event: kallglot.StreamEvent) -> str:
    if event.type == "transcript.final":
        return event.text
    if event.type == "audio.output":
        return str(len(event.data))
    if isinstance(event, kallglot.UnknownEvent):
        return str(event.type)
    return ""


def seconds(session: kallglot.Session) -> float:
    if session.duration_seconds is not None:
        return session.duration_seconds + 1.0
    return 0.0


def was_null(session: kallglot.Session) -> bool:
    return session.ended_at is None and "ended_at" in kallglot.fields_set(session)


def create(client: kallglot.Kallglot) -> str:
    session = client.sessions.create(mode="bidirectional_translation")
    # (typed `routing` dicts are checked by the request-arguments tests)
    return session.object + session.id
"""

BAD = """
import kallglot
from kallglot import webhooks


def on_webhook(event: webhooks.Event) -> str:
    return event.data.id


def seconds(session: kallglot.Session) -> float:
    return session.duration_seconds + 1.0


def old_names(session: kallglot.Session) -> str:
    return session.object_
"""


def mypy(tmp_path: Path, source: str) -> tuple[int, str]:
    snippet = tmp_path / "snippet.py"
    snippet.write_text(textwrap.dedent(source), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-error-summary", "--config-file", "", str(snippet)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    return done.returncode, done.stdout + done.stderr


def test_narrowing_on_type_and_none_passes_mypy_strict(tmp_path: Path) -> None:
    code, output = mypy(tmp_path, GOOD)
    assert code == 0, output


def test_code_that_does_not_narrow_fails_mypy_strict(tmp_path: Path) -> None:
    code, output = mypy(tmp_path, BAD)
    assert code == 1
    assert 'Item "TranscriptSegmentData" of' in output and 'has no attribute "id"' in output  # data not narrowed
    assert 'Unsupported operand types for + ("None" and "float")' in output  # float | None not narrowed
    assert '"Session" has no attribute "object_"' in output
