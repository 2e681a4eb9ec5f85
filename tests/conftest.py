"""Suite-wide fixtures: every test starts without KALLGLOT_* settings from the developer's shell."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

# The plugin users get (safe cassette settings, the mock_server fixture), and pytester to test it as users run it.
pytest_plugins = ["kallglot.testing", "pytester"]


@pytest.fixture(autouse=True)
def clean_environ(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in list(os.environ):
        if name.startswith("KALLGLOT_"):
            monkeypatch.delenv(name)
    yield


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "lenient_responses: parse responses as users get them by default (not strict)")


@pytest.fixture(autouse=True)
def strict_response_validation(request: pytest.FixtureRequest) -> Iterator[None]:
    """The suite validates every response strictly, so drift between the document, the mock and the SDK fails
    here and never reaches a user; ``@pytest.mark.lenient_responses`` tests the lenient default instead."""
    from kallglot._parse import strict_responses
    from kallglot_api.types import reset_warnings

    reset_warnings()
    if request.node.get_closest_marker("lenient_responses") is not None:
        yield
        return
    with strict_responses():
        yield
