"""Every recording in the repository is free of API keys and stream tokens, and was filtered, not just lucky."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from kallglot.testing import REDACTED

TESTS = Path(__file__).resolve().parent
SECRET = re.compile(r"sk_(?:live|test)_|kst_", re.IGNORECASE)
CASSETTES = sorted(TESTS.glob("**/cassettes/**/*.yaml"))
RECORDINGS = sorted((TESTS / "streams").rglob("*.jsonl")) + sorted((TESTS / "streams").rglob("*.json"))


def _interactions(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        interactions: list[dict[str, Any]] = yaml.safe_load(f)["interactions"]
    return interactions


def test_the_suite_has_recordings_to_scan() -> None:
    assert len(CASSETTES) >= 15, "the cassette suite is missing: run `tox -e record`"
    scenarios = {path.parent.name for path in CASSETTES}
    assert {"test_lifecycle", "test_pagination", "test_errors", "test_retries"} <= scenarios


@pytest.mark.parametrize("path", CASSETTES + RECORDINGS, ids=lambda p: str(p.relative_to(TESTS)))
def test_no_key_or_token_in_recording(path: Path) -> None:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        assert not SECRET.search(line), f"{path.name}:{number} holds a secret-looking value: {line.strip()[:80]}"


@pytest.mark.parametrize("path", CASSETTES, ids=lambda p: str(p.relative_to(TESTS)))
def test_every_request_was_authenticated_and_redacted(path: Path) -> None:
    interactions = _interactions(path)
    assert interactions, f"{path.name} recorded nothing"
    for interaction in interactions:
        headers = {name.lower(): value for name, value in interaction["request"]["headers"].items()}
        # Present but redacted proves the filter ran; a missing header would mean a request without a key.
        assert headers["authorization"] == [REDACTED]
        assert "x-request-id" in {name.lower() for name in interaction["response"]["headers"]}
