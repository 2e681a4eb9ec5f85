"""What both shells expose about a stream's state, read from the one ``StreamProtocol`` they drive."""

from __future__ import annotations

from typing import Any

from kallglot_api.models import Session

from .events import SessionEndedEvent, TranscriptFinalEvent
from .options import StreamOptions
from .protocol import StreamProtocol

__all__ = ["StreamBase"]


class StreamBase:
    """The read-only state of ``Stream`` and ``AsyncStream`` (their base class)."""

    def __init__(self, session: Session | str, *, asyncio: bool, **options: Any) -> None:
        self.options = StreamOptions(**options)
        self._protocol = StreamProtocol(session, self.options, asyncio=asyncio)

    @property
    def session_id(self) -> str:
        return self._protocol.session_id

    @property
    def reconnect_count(self) -> int:
        """How many times the stream has reconnected."""
        return self._protocol.reconnect_count

    @property
    def last_sequence(self) -> int:
        """The ``sequence`` of the last audio frame sent or queued (0 before the first)."""
        return self._protocol.last_sequence

    @property
    def frames_at_risk(self) -> range:
        """Sequences written to the current connection since the last server message read from it: the frames
        a drop could lose (the protocol has no acknowledgements). ``on_reconnect`` gets the lost window."""
        return self._protocol.frames_at_risk

    @property
    def ended(self) -> SessionEndedEvent | None:
        """The ``session.ended`` event, once it has arrived (or was made from the session's ended state)."""
        return self._protocol.ended

    @property
    def finals(self) -> list[TranscriptFinalEvent]:
        """The ``transcript.final`` events delivered so far, each once, in arrival order."""
        return list(self._protocol.finals)
