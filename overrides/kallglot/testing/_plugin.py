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


class MockServers:
    """The mock servers of one test module: one per distinct ``kallglot_mock`` options, started on first use.

    Starting and stopping a server costs a thread and uvicorn's shutdown ticks; resetting one costs nothing, so
    tests of a module share a server and each gets it reset (no sessions, faults or keys; ids from 1 again).
    """

    def __init__(self) -> None:
        self._servers: dict[str, MockServer] = {}

    def get(self, options: dict[str, Any]) -> MockServer:
        """The module's server for ``options``, as fresh as a new one."""
        from kallglot.mock import MockConfig, MockServer  # needs the mock extra: only when a test asks for one

        key = repr(sorted(options.items()))
        server = self._servers.get(key)
        if server is not None and server.running:
            server.reset()
            return server
        # First use, or a test stopped the shared server: start a new one.
        config = {k: v for k, v in options.items() if k not in ("host", "port")}  # as serve() takes them
        server = MockServer(MockConfig(**config), host=options.get("host", "127.0.0.1"), port=options.get("port", 0))
        self._servers[key] = server.start()
        return server

    def close(self) -> None:
        for server in self._servers.values():
            server.stop()
        self._servers.clear()


@pytest.fixture(scope="module")
def kallglot_mock_servers() -> Iterator[MockServers]:
    """The :class:`MockServers` behind ``mock_server``, shared by the tests of one module."""
    servers = MockServers()
    try:
        yield servers
    finally:
        servers.close()


@pytest.fixture
def mock_server(request: pytest.FixtureRequest, kallglot_mock_servers: MockServers) -> Iterator[MockServer]:
    """A ``kallglot.mock`` server on a free loopback port, in the state of a freshly started one.

    Ids are counters (``deterministic=True``) so that re-recorded cassettes differ only where behaviour did, and
    analyses complete at once; ``@pytest.mark.kallglot_mock(credits=0, analysis_delay=0.5)`` changes any
    ``MockConfig`` field for one test. The tests of a module share one server per set of options, reset before
    each test (see :class:`MockServers`). While the test runs, every client validates responses strictly
    (:func:`kallglot.testing.strict_responses`), so a mismatch with the API document fails the test.
    """
    marker = request.node.get_closest_marker(MOCK_MARKER)
    options: dict[str, Any] = {"deterministic": True, "analysis_delay": 0.0}
    if marker is not None:
        options.update(marker.kwargs)
    with strict_responses():
        yield kallglot_mock_servers.get(options)
