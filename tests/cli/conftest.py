"""Helpers for the command-line tests: run the installed ``kallglot`` command as a user would."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from kallglot.mock import MockConfig, MockServer, serve

KALLGLOT = Path(sys.executable).with_name("kallglot")
API_KEY = "sk_test_cli_tests"


def run(
    *args: str, env: Mapping[str, str] | None = None, input: bytes | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """``kallglot ARGS`` in a subprocess with only the given KALLGLOT_* settings; text output."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KALLGLOT_")}
    result = subprocess.run(
        [str(KALLGLOT), *args], env={**clean, **(env or {})}, input=input, capture_output=True, timeout=timeout
    )
    return subprocess.CompletedProcess(
        result.args, result.returncode, result.stdout.decode("utf-8"), result.stderr.decode("utf-8")
    )


@pytest.fixture(scope="package")
def mock() -> Iterator[MockServer]:
    """One mock for every CLI test: accepts only API_KEY, so any other key is a 401."""
    with serve(MockConfig(api_keys=frozenset({API_KEY}), analysis_delay=0.1, frames_per_turn=25)) as server:
        yield server


@pytest.fixture
def api(mock: MockServer) -> dict[str, str]:
    """The environment pointing the command at the shared mock."""
    return {"KALLGLOT_API_KEY": API_KEY, "KALLGLOT_BASE_URL": mock.base_url}
