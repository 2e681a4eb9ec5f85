"""What the stream knows of its session: status, end reason, the stream URL and the token with its expiry.

Every (re)connect reads these and every session retrieval replaces them (``update_session``); a token is
refreshed within ``token_refresh_margin`` of its ``expires_at`` and never used past it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from urllib.parse import quote, urlsplit, urlunsplit

from kallglot_api.models import Session, StreamInfo

from .._exceptions import StreamConnectionError
from .._redact import redact
from .options import StreamOptions

__all__ = ["StreamTarget"]


class StreamTarget:
    """The session half of ``StreamProtocol`` (a mixin: the attributes below live on the protocol)."""

    options: StreamOptions
    session_id: str
    session_status: str
    end_reason: str | None
    _stream: StreamInfo | None
    _now: Callable[[], datetime]

    def update_session(self, session: Session) -> None:
        """Take the session as just retrieved: its stream URL and token replace the old ones."""
        if session.id != self.session_id:
            raise ValueError(f"refresh_session returned session {session.id!r}, not {self.session_id!r}")
        stream = session.stream
        # A lenient parse may keep a stream whose fields are not what they should be: that is no stream to use.
        usable = (
            isinstance(stream, StreamInfo)
            and isinstance(stream.url, str)
            and isinstance(stream.token, str)
            and isinstance(stream.expires_at, datetime)
        )
        self._stream = stream if usable else None
        self.session_status = str(session.status)
        self.end_reason = session.end_reason if isinstance(session.end_reason, str) else None

    def _expires_at(self) -> datetime:
        assert self._stream is not None
        expires = self._stream.expires_at
        return expires if expires.tzinfo is not None else expires.replace(tzinfo=UTC)  # no offset: UTC

    @property
    def session_over(self) -> bool:
        """The session has ended (or never offered a stream), so there is nothing to connect to."""
        return self._stream is None or self.session_status == "ended"

    def token_needs_refresh(self) -> bool:
        """Whether the token expires within ``token_refresh_margin`` (or has no stream at all)."""
        if self._stream is None:
            return True
        margin = timedelta(seconds=self.options.token_refresh_margin)
        return self._expires_at() - margin <= self._now()

    def check_connectable(self) -> None:
        """Raise unless there is a stream whose token has not expired: never connect with a known-dead token."""
        if self.session_over:
            ended = self.session_status == "ended"
            message, code = (
                ("the session has ended", "session_ended") if ended else ("the session has no stream", "no_stream")
            )
            raise StreamConnectionError(message, session_id=self.session_id, code=code)
        if self._expires_at() <= self._now():
            raise StreamConnectionError(
                "the freshly retrieved stream token has already expired (is the system clock right?)",
                session_id=self.session_id, code="token_expired",
            )  # fmt: skip

    def connect_url(self) -> str:
        """``stream.url`` with ``token`` set (percent-encoded), other query parameters kept. A secret."""
        assert self._stream is not None
        parts = urlsplit(self._stream.url)
        kept = [item for item in parts.query.split("&") if item and not item.startswith("token=")]
        query = "&".join([*kept, "token=" + quote(self._stream.token, safe="")])
        return urlunsplit(parts._replace(query=query))

    def redacted_url(self) -> str:
        return redact(self.connect_url())
