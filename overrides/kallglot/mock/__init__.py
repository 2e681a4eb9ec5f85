"""A local, stateful Kallglot API for development and tests (``pip install "kallglot[mock]"``).

Like stripe-mock for Stripe: REST and the live WebSocket stream behave as the docs describe, on loopback,
without credits or a network. Every response conforms to ``openapi/kallglot.yaml``.

    from kallglot import Kallglot
    from kallglot.mock import serve

    with serve(analysis_delay=0) as server:
        client = Kallglot(api_key=server.api_key, base_url=server.base_url)
        session = client.sessions.create(mode="bidirectional_translation")
        server.faults.fail_next(2, status=503, retry_after=1)  # the next two requests fail

With ``serve(webhook_url=..., webhook_secret=...)`` every event is POSTed there, signed like Kallglot's own
deliveries and retried on the documented schedule scaled by ``webhook_time_factor``.

``create_app()`` gives the ASGI app for in-process use; ``kallglot mock --port 12111`` runs it from a shell.
``serve(api_keys={"sk_test_a"})`` accepts only the listed keys (any other gets 401 ``invalid_api_key``).

Deliberate simplifications (documented, tested): transcripts are a fixed two-party dialogue in the speakers'
languages (a ``transcript.final`` per 1.5-3 s of a channel's audio, ``turn_seconds``, or per ``frames_per_turn``
frames; audio labelled other than ``agent``/``customer`` carries both sides and alternates them, agent first),
``audio.output`` echoes the turn's audio,
recordings are 8 kHz 16-bit WAV of the audio received, one organization owns every key, and billable calls
(session and analysis creation) are the ones an inactive organization or an empty balance refuses.
"""

from __future__ import annotations

try:
    import starlette  # noqa: F401
    import uvicorn  # noqa: F401
except ImportError as exc:  # pragma: no cover - only without the extra
    raise ImportError("kallglot.mock needs the mock extra: pip install 'kallglot[mock]'") from exc

from ._app import MockApp, create_app
from ._config import TEST_API_KEY, MockConfig
from ._events import EVENT_TYPES, Event, EventLog
from ._faults import Faults
from ._server import MockServer, serve
from ._state import MockState
from ._webhooks import SCHEDULE as WEBHOOK_SCHEDULE
from ._webhooks import Attempt, WebhookSender

__all__ = [
    "EVENT_TYPES",
    "TEST_API_KEY",
    "WEBHOOK_SCHEDULE",
    "Attempt",
    "Event",
    "EventLog",
    "Faults",
    "MockApp",
    "MockConfig",
    "MockServer",
    "MockState",
    "WebhookSender",
    "create_app",
    "serve",
]
