"""Everything the mock remembers: the organization, sessions, stream tokens, recordings and analyses.

:class:`MockState` is the one owner of the records. All methods are thread-safe (one re-entrant lock), because
the server runs in its own thread while a test may inspect or change the state from the main thread. Timed
transitions (analysis processing -> completed, recording processing -> ready) happen in :meth:`tick`, which the
server calls on every request and on timers, so they happen even when nobody polls.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from ._analysis import analyse, make_recordings
from ._config import MockConfig
from ._errors import ApiError, not_found
from ._events import EventLog
from ._ids import Clock, IdFactory
from ._models import AnalysisRecord, RecordingRecord, SessionRecord
from ._tokens import TokenStore
from ._transcriber import Frame, flush, hear

# Told the end reason and the frames announcing turns the end finalised, to send before session.ended.
EndWatcher = Callable[[str, list[Frame]], None]


class MockState:
    """The mock's in-memory world for one organization. Create one per server (``create_app`` does)."""

    def __init__(self, config: MockConfig | None = None) -> None:
        self.config = config or MockConfig()
        self.ids = IdFactory(deterministic=self.config.deterministic)
        self.clock = Clock(self.config.clock)
        self.events = EventLog(self.ids, self.clock)
        self._lock = threading.RLock()
        self.reset()

    def reset(self) -> None:
        """Forget every session, token, recording, analysis and event; restore the configured credits."""
        with self._lock:
            self.organization_active = True
            self.credits_remaining = self.config.credits
            self.credits_used = self.config.credits_used
            self.sessions: dict[str, SessionRecord] = {}
            self.recordings: dict[str, RecordingRecord] = {}
            self.analyses: dict[str, AnalysisRecord] = {}
            self.tokens = TokenStore(self.ids, self.clock, self.config.token_ttl)
            self._watchers: dict[str, list[EndWatcher]] = {}
            self._analysis_failures: deque[str] = deque()
            self.events.clear()
            self.ids.reset()

    # ---- organization and credits --------------------------------------------------------------

    def set_credits(self, remaining: int, used: int | None = None) -> None:
        """Set the credit balance (0 makes billable calls fail with 402 ``insufficient_api_credits``)."""
        with self._lock:
            self.credits_remaining = remaining
            if used is not None:
                self.credits_used = used

    def set_organization_active(self, active: bool) -> None:
        """Switch the organization on or off (off makes billable calls fail with 403 ``organization_inactive``)."""
        with self._lock:
            self.organization_active = active

    def charge(self) -> None:
        """Take one credit for a billable action, or raise the documented 403/402."""
        with self._lock:
            if not self.organization_active:
                raise ApiError(403, "The organization subscription is inactive.", code="organization_inactive")
            if self.credits_remaining <= 0:
                raise ApiError(402, "API credits exhausted. Purchase more credits to continue.")
            self.credits_remaining -= 1
            self.credits_used += 1

    # ---- sessions and tokens --------------------------------------------------------------------

    def create_session(self, fields: dict[str, Any], *, live: bool = False) -> SessionRecord:
        """Create a session from a validated create body, charging one credit."""
        routing = fields.get("routing") or {}
        recording = fields.get("recording") or {}
        provider = None
        if routing.get("type") == "sip":
            provider = "sip"
        elif routing.get("connection_id") or routing.get("phone_number"):
            provider = "twilio"  # the mock resolves every number and connection to one carrier
        enabled = recording.get("enabled", self.config.recording_default)
        info: dict[str, Any] = {"enabled": bool(enabled)}
        if "channels" in recording:
            info["channels"] = recording["channels"]
        with self._lock:
            self.charge()
            session = SessionRecord(
                id=self.ids.new("sess"),
                mode=fields["mode"],
                source_language=fields.get("source_language"),
                target_language=fields.get("target_language"),
                provider=provider,
                phone_number=routing.get("phone_number"),
                recording=info,
                metadata=fields.get("metadata"),
                created_at=self.clock.now(),
                live=live,
            )
            self.sessions[session.id] = session
            self.events.emit("session.created", session.to_json(self.clock, None))
            return session

    def session(self, session_id: str) -> SessionRecord:
        with self._lock:
            found = self.sessions.get(session_id)
        if found is None:
            raise not_found("session", session_id)
        return found

    def issue_token(self, session: SessionRecord) -> tuple[str, float]:
        """A fresh stream token for ``session`` and its expiry (Unix seconds); older tokens stay valid."""
        return self.tokens.issue(session.id, live=session.live)

    def check_token(self, session_id: str, token: str) -> str | None:
        """``None`` when ``token`` may open ``session_id``'s stream now, else the error code to refuse with."""
        return self.tokens.check(session_id, token)

    def expire_tokens(self) -> None:
        """Make every stream token issued so far unusable for new connections (open streams stay open)."""
        self.tokens.expire_all()

    def start_session(self, session: SessionRecord) -> None:
        """Mark ``session`` active when its stream first connects."""
        with self._lock:
            if session.started_at is None and session.ended_at is None:
                session.started_at = self.clock.now()
                self.events.emit("session.started", session.to_json(self.clock, None))

    def hear(self, session: SessionRecord, speaker: str, audio: bytes) -> list[Frame]:
        """Feed one audio frame to the fake recogniser; return the stream frames it produces."""
        defaults = (self.config.default_source_language, self.config.default_target_language)
        with self._lock:
            if session.ended_at is not None:
                return []
            frames, turn = hear(
                session, speaker, audio, clock=self.clock, turn_seconds=self.config.turn_seconds,
                frames_per_turn=self.config.frames_per_turn, default_languages=defaults,
            )  # fmt: skip
            if turn is not None:
                self.events.emit("transcript.segment", {"session_id": session.id, **turn.to_json()})
            return frames

    def end_session(self, session: SessionRecord, reason: str) -> bool:
        """End ``session`` (idempotent): finalise its transcript, make its recordings, tell open streams.

        Returns whether this call ended it (``False`` when it had already ended).
        """
        defaults = (self.config.default_source_language, self.config.default_target_language)
        with self._lock:
            if session.ended_at is not None:
                return False
            closed = flush(session, clock=self.clock, default_languages=defaults)
            for turn, _ in closed:
                self.events.emit("transcript.segment", {"session_id": session.id, **turn.to_json()})
            finals = [frame for _, frames in closed for frame in frames]
            session.ended_at = self.clock.now()
            session.end_reason = reason
            watchers = self._watchers.pop(session.id, [])
            self.events.emit("session.ended", session.to_json(self.clock, None))
            self.events.emit("transcript.ready", session.transcript_json())
            if session.recording.get("enabled"):
                self._make_recordings(session)
        for watcher in watchers:
            watcher(reason, finals)
        return True

    def watch_end(self, session_id: str, watcher: EndWatcher) -> Callable[[], None]:
        """Call ``watcher(reason)`` once when the session ends; return a function that stops watching."""
        with self._lock:
            self._watchers.setdefault(session_id, []).append(watcher)

        def unwatch() -> None:
            with self._lock:
                watchers = self._watchers.get(session_id, [])
                if watcher in watchers:
                    watchers.remove(watcher)

        return unwatch

    # ---- recordings and analyses ----------------------------------------------------------------

    def _make_recordings(self, session: SessionRecord) -> None:
        records = make_recordings(session, self.ids, self.clock.now(), self.config)
        self.recordings.update((record.id, record) for record in records)
        self._later(self.config.recording_delay)
        self.tick()

    def recordings_of(self, session_id: str) -> list[RecordingRecord]:
        self.tick()
        with self._lock:
            return [record for record in self.recordings.values() if record.session_id == session_id]

    def recording(self, recording_id: str) -> RecordingRecord:
        self.tick()
        with self._lock:
            found = self.recordings.get(recording_id)
        if found is None:
            raise not_found("recording", recording_id)
        return found

    def fail_next_analyses(self, count: int = 1, error: str = "Analysis failed (injected by the mock).") -> None:
        """Make the next ``count`` analyses end ``failed`` with ``error`` instead of ``completed``."""
        with self._lock:
            self._analysis_failures.extend([error] * count)

    def create_analysis(self, session: SessionRecord, profile: str, include: list[str]) -> AnalysisRecord:
        """Queue an analysis of ``session``'s transcript, charging one credit."""
        with self._lock:
            if not session.turns and not session.pending:
                raise ApiError(
                    400, f"Session '{session.id}' has no transcript yet; stream some audio first.",
                    code="transcript_not_available",
                )  # fmt: skip
            self.charge()
            record = AnalysisRecord(
                id=self.ids.new("anl"), session_id=session.id, profile=profile, include=include,
                created_at=self.clock.now(), ready_after=time.monotonic() + self.config.analysis_delay,
                fail_with=self._analysis_failures.popleft() if self._analysis_failures else None,
            )  # fmt: skip
            self.analyses[record.id] = record
        self._later(self.config.analysis_delay)
        self.tick()
        return record

    def analysis(self, analysis_id: str) -> AnalysisRecord:
        self.tick()
        with self._lock:
            found = self.analyses.get(analysis_id)
        if found is None:
            raise not_found("analysis", analysis_id)
        return found

    def tick(self) -> None:
        """Apply every timed transition that is due: recordings become ready, analyses finish."""
        now = time.monotonic()
        with self._lock:
            for record in self.recordings.values():
                if record.status == "processing" and now >= record.ready_after:
                    record.status = "ready"
                    self.events.emit("recording.ready", record.to_json(self.clock))
            for analysis in self.analyses.values():
                if analysis.status == "processing" and now >= analysis.ready_after:
                    session = self.sessions[analysis.session_id]
                    analyse(analysis, session, self.clock.now())
                    kind = "analysis.failed" if analysis.status == "failed" else "analysis.complete"
                    self.events.emit(kind, analysis.to_json(self.clock))

    def _later(self, delay: float) -> None:
        # Only the server's event loop can run timers; from another thread the next request's tick() does it.
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        if delay > 0:
            loop.call_later(delay + 0.001, self.tick)
