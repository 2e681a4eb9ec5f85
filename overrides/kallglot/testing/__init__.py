"""Test your Kallglot code offline: safe VCR.py cassettes, a mock server fixture, and stream recordings.

Install with ``pip install "kallglot[testing]"`` and name the plugin in your top-level ``conftest.py``::

    pytest_plugins = ["kallglot.testing"]

That gives pytest-recording a ``vcr_config`` that never writes an API key or a stream token to a cassette
(``Authorization``/``X-API-Key`` headers and the ``token`` query parameter are redacted, and ``sk_…``/``kst_…``
values are scrubbed from bodies) and matches requests on method, path, query and JSON body; and a
``mock_server`` fixture running ``kallglot.mock`` on loopback. Without pytest-recording, pass
``cassette_options()`` to ``vcr.VCR(...)`` and call ``register_matchers`` on it.

VCR.py records HTTP only, so the live stream has its own pair: ``StreamRecorder`` writes a session's frames
to JSON Lines and ``StreamReplayServer`` plays them back.
"""

from __future__ import annotations

try:
    import pytest  # noqa: F401
    import vcr  # noqa: F401
except ImportError as exc:  # pragma: no cover - only without the extra
    raise ImportError("kallglot.testing needs the testing extra: pip install 'kallglot[testing]'") from exc

from .._parse import strict_responses
from ._plugin import (
    MockServers,
    kallglot_mock_servers,
    mock_server,
    pytest_configure,
    pytest_recording_configure,
    vcr_config,
)
from ._streams import StreamRecorder, StreamRecordingError, StreamReplayServer
from ._vcr import (
    JSON_BODY_MATCHER,
    MATCH_ON,
    REDACTED,
    before_record_request,
    before_record_response,
    cassette_options,
    json_body,
    register_matchers,
    scrub,
)

__all__ = [
    "JSON_BODY_MATCHER",
    "MATCH_ON",
    "REDACTED",
    "MockServers",
    "StreamRecorder",
    "StreamRecordingError",
    "StreamReplayServer",
    "before_record_request",
    "before_record_response",
    "cassette_options",
    "json_body",
    "kallglot_mock_servers",
    "mock_server",
    "pytest_configure",
    "pytest_recording_configure",
    "register_matchers",
    "scrub",
    "strict_responses",
    "vcr_config",
]
