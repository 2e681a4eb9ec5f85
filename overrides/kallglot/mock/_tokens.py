"""Stream tokens: ``kst_test_…`` / ``kst_live_…`` secrets, five minutes by default, checked only at connect."""

from __future__ import annotations

import threading

from ._ids import Clock, IdFactory


class TokenStore:
    """Issued stream tokens and their expiry. Thread-safe. Tokens are never logged or put in error messages."""

    def __init__(self, ids: IdFactory, clock: Clock, ttl: float) -> None:
        self._ids = ids
        self._clock = clock
        self._ttl = ttl
        self._tokens: dict[str, tuple[str, float]] = {}
        self._lock = threading.Lock()

    def issue(self, session_id: str, *, live: bool) -> tuple[str, float]:
        """A new token for ``session_id`` and when it stops opening streams (Unix seconds)."""
        token = self._ids.secret("kst_live" if live else "kst_test")
        expires_at = self._clock.now() + self._ttl
        with self._lock:
            self._tokens[token] = (session_id, expires_at)
        return token, expires_at

    def check(self, session_id: str, token: str) -> str | None:
        """``None`` if ``token`` opens ``session_id``'s stream now, else ``invalid_stream_token`` or
        ``stream_token_expired``."""
        with self._lock:
            entry = self._tokens.get(token)
        if entry is None or entry[0] != session_id:
            return "invalid_stream_token"
        return "stream_token_expired" if self._clock.now() >= entry[1] else None

    def expire_all(self) -> None:
        with self._lock:
            now = self._clock.now()
            self._tokens = {token: (sid, min(exp, now)) for token, (sid, exp) in self._tokens.items()}
