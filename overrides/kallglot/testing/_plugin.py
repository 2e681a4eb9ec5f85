"""The pytest side of ``kallglot.testing``: fixtures and hooks, active once a conftest names the plugin."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import pytest

from .._parse import strict_responses
from ._vcr import cassette_options, register_matchers

if TYPE_CHECKING:
    from kallglot.mock import MockServer

MOCK_MARKER = "kallglot_mock"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", f"{MOCK_MARKER}(**options): MockConfig fields for the mock_server fixture (credits=0, ...)"
    )


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    """pytest-recording's hook: make the matchers ``cassette_options`` names known to its ``VCR``."""
    register_matchers(vcr)


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    """pytest-recording's settings: keys and tokens filtered, requests matched on method, path, query and body."""
    return cassette_options()


@pytest.fixture
def mock_server(request: pytest.FixtureRequest) -> Iterator[MockServer]:
    """A fresh ``kallglot.mock`` server on a free loopback port for one test.

    Ids are counters (``deterministic=True``) so that re-recorded cassettes differ only where behaviour did, and
    analyses complete at once; ``@pytest.mark.kallglot_mock(credits=0, analysis_delay=0.5)`` changes any
    ``MockConfig`` field for one test. While it runs, every client validates responses strictly
    (:func:`kallglot.testing.strict_responses`), so a mismatch with the API document fails the test.
    """
    from kallglot.mock import serve  # needs the mock extra, so only when a test asks for a server

    marker = request.node.get_closest_marker(MOCK_MARKER)
    options: dict[str, Any] = {"deterministic": True, "analysis_delay": 0.0}
    if marker is not None:
        options.update(marker.kwargs)
    with serve(**options) as server, strict_responses():
        yield server
