"""The mock server's settings, named once: every knob a test or the CLI may turn."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
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

    #: Accepted API keys (any collection of strings); ``None`` accepts any key shaped like ``sk_test_…`` or
    #: ``sk_live_…``. List keys to test a 401: every other key is then refused with ``invalid_api_key``.
    api_keys: Collection[str] | None = None
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
    #: A turn lasts between these many seconds of a channel's audio (a fixed length per turn, within the range):
    #: a ``transcript.final`` per 1.5-3 s of speech, with partials as the text grows, like a real recogniser.
    turn_seconds: tuple[float, float] = (1.5, 3.0)
    #: Count frames instead of seconds: a final every Nth ``audio.input`` frame (tests that want short turns).
    frames_per_turn: int | None = None
    #: Languages assumed when the session leaves them to auto-detection (party A speaks the source).
    default_source_language: str = "de"
    default_target_language: str = "en"
    #: Larger request bodies are refused with 413 ``request_too_large`` before they are read to the end, and a
    #: larger stream message closes the stream with 1009 (message too big).
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

    def __post_init__(self) -> None:
        if self.api_keys is not None:
            if isinstance(self.api_keys, str) or not all(isinstance(key, str) for key in self.api_keys):
                raise TypeError("api_keys must be a collection of key strings, such as {'sk_test_a'}")
            object.__setattr__(self, "api_keys", frozenset(self.api_keys))
        low, high = self.turn_seconds
        if not 0 < low <= high:
            raise ValueError("turn_seconds must be (low, high) with 0 < low <= high")
        if self.frames_per_turn is not None and self.frames_per_turn < 1:
            raise ValueError("frames_per_turn must be at least 1")

    def accepts(self, api_key: str) -> bool:
        """Whether ``api_key`` authenticates: a listed key, or any well-formed key when none are listed."""
        if self.api_keys is not None:
            return api_key in self.api_keys
        return API_KEY_PATTERN.match(api_key) is not None
