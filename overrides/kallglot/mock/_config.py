"""The mock server's settings, named once: every knob a test or the CLI may turn."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# A key that looks like a test key; printed by the CLI and used by the fixtures. Not a secret.
TEST_API_KEY = "sk_test_kallglot_mock"

API_KEY_PATTERN = re.compile(r"^sk_(test|live)_[A-Za-z0-9_\-]{1,200}$")


@dataclass(frozen=True)
class MockConfig:
    """How one mock server behaves. Every field has a default suitable for the demo and for tests.

    Times are in seconds. ``deterministic`` replaces random ids and tokens by counters (``sess_00000000000001``)
    so that recordings of a run (cassettes, golden files) are stable; ``clock`` replaces the wall clock used for
    timestamps and expiry (``time.time`` when ``None``); delays always use real elapsed time.
    """

    #: Accepted API keys; ``None`` accepts any key shaped like ``sk_test_…`` or ``sk_live_…``.
    api_keys: frozenset[str] | None = None
    #: Starting credit balance of the one organization the mock emulates.
    credits: int = 1000
    #: Credits already used in the current billing period (reported in ``X-API-Credits-Used``).
    credits_used: int = 0
    #: Requests per rate-limit window (per API key); past it the mock answers 429 ``rate_limit_exceeded``.
    rate_limit: int = 1000
    rate_limit_window: float = 60.0
    #: Stream tokens are accepted for new connections this long after issue (the docs say five minutes).
    token_ttl: float = 300.0
    #: How long an analysis stays ``processing``.
    analysis_delay: float = 0.5
    #: How long a recording stays ``processing`` after its session ended (0 makes it ``ready`` at once).
    recording_delay: float = 0.0
    #: Recordings made per channel; ``recording.channels: "dual"`` adds agent and customer channels to mixed.
    recordings_per_channel: int = 1
    #: Recording is on unless the create body says ``recording.enabled: false``.
    recording_default: bool = True
    #: ``audio.input`` frames per transcript turn: every frame yields a partial, every Nth a final.
    frames_per_turn: int = 5
    #: Languages assumed when the session leaves them to auto-detection (party A speaks the source).
    default_source_language: str = "de"
    default_target_language: str = "en"
    #: Larger request bodies are refused with 413 ``request_too_large`` before they are read to the end.
    max_body_bytes: int = 1024 * 1024
    #: Idempotency keys are remembered this long (the docs say about 24 hours).
    idempotency_ttl: float = 24 * 3600.0
    deterministic: bool = False
    clock: Callable[[], float] | None = None
    #: Where to POST webhook events (signed with ``webhook_secret``); ``None`` delivers nothing.
    webhook_url: str | None = None
    webhook_secret: str | None = None
    #: Multiplies the documented retry schedule (41.5 h in all); the default turns hours into seconds.
    webhook_time_factor: float = 1 / 3600

    def accepts(self, api_key: str) -> bool:
        """Whether ``api_key`` authenticates: a listed key, or any well-formed key when none are listed."""
        if self.api_keys is not None:
            return api_key in self.api_keys
        return API_KEY_PATTERN.match(api_key) is not None
