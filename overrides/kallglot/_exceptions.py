"""Every error the SDK raises, in one tree.

KallglotError
 ├── APIError                          the API answered with an error status
 │    ├── BadRequestError              400
 │    │    └── IdempotencyError        400 idempotency_mismatch (same key, different body)
 │    ├── AuthenticationError          401
 │    ├── InsufficientCreditsError     402 (whatever its `type` says)
 │    ├── PermissionDeniedError        403
 │    │    └── OrganizationInactiveError   403 organization_inactive
 │    ├── NotFoundError                404
 │    ├── ConflictError                409
 │    ├── UnprocessableEntityError     422
 │    ├── RateLimitError               429, or a wait longer than the client's cap
 │    └── InternalServerError          5xx
 ├── APIResponseValidationError        a 2xx body that is not what the spec says
 ├── APIConnectionError                no answer: connection refused, reset, DNS …
 │    └── APITimeoutError              no answer in time (a whole attempt, slow trickles included)
 ├── ClientClosedError                 a call on a client whose connection pool was closed
 ├── AnalysisTimeoutError              analyses.wait gave up before completed/failed
 ├── StreamError                       a send after ``session.ended`` (code ``session_ended``), after ``end()``
 │    │                                (``ended_by_client``) or after close (``stream_closed``); an ``error`` /
 │    │                                ``session.error`` event with ``raise_on_error=True``; under strict
 │    │                                validation a message that differs from the document (``invalid_message``)
 │    ├── StreamConnectionError        no connection within a bounded round (``max_reconnect_attempts`` failures
 │    │                                in a row, a connection that dies at once counting as one; ``open_timeout``
 │    │                                x attempts); a refused handshake while the retrieved session is gone or
 │    │                                neither active nor ended (an ended one ends iteration cleanly instead); a
 │    │                                drop with reconnect off or a close code that rules out reconnecting
 │    └── StreamBackpressureError      a send waited longer than ``send_timeout`` for room in the send buffer
 │                                     or for the connection to come back
 └── WebhookError                      anything about a webhook delivery
      ├── WebhookSignatureError        the delivery is not proven authentic: answer 400, do not process
      ├── WebhookPayloadError          authentic, but the body is not a webhook event the SDK can parse
      ├── WebhookInProgressError       another worker is processing this event right now: answer non-2xx
      └── WebhookStoreError            the de-duplication store (Redis, PostgreSQL, SQLite) failed or went
                                       away: answer 500 so the delivery is retried

Every class carries what a handler needs: the request id, the idempotency key the call used (so it can
be retried by hand later with the same key), and for rate limits the seconds to wait. No message contains
an API key, a stream token or a webhook secret.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    import httpx

    from ._stream.events import ErrorEvent, SessionErrorEvent

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AnalysisTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ClientClosedError",
    "ConflictError",
    "IdempotencyError",
    "InsufficientCreditsError",
    "InternalServerError",
    "KallglotError",
    "NotFoundError",
    "OrganizationInactiveError",
    "PermissionDeniedError",
    "RateLimitError",
    "SignatureFailure",
    "StreamBackpressureError",
    "StreamConnectionError",
    "StreamError",
    "UnprocessableEntityError",
    "WebhookError",
    "WebhookInProgressError",
    "WebhookPayloadError",
    "WebhookSignatureError",
    "WebhookStoreError",
]


class KallglotError(Exception):
    """Base class of every error the SDK raises."""


class APIError(KallglotError):
    """The API answered with an error status.

    ``body`` is the parsed JSON body when there was one, else the raw text (HTML from a proxy, or empty).
    ``response`` is the ``httpx.Response`` received (already read and closed; its ``request`` carries no API
    key) and ``headers`` its headers.
    """

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        request_id: str | None = None,
        idempotency_key: str | None = None,
        body: Any = None,
        retry_after: float | None = None,
        response: httpx.Response | None = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.response = response
        self.code = code
        self.type = type
        self.param = param
        self.request_id = request_id
        self.idempotency_key = idempotency_key
        self.body = body
        self.retry_after = retry_after
        super().__init__(message)

    @property
    def headers(self) -> httpx.Headers:
        """The response headers (empty when the error was built without a response)."""
        import httpx

        return self.response.headers if self.response is not None else httpx.Headers()

    def __str__(self) -> str:
        parts = [f"{self.status_code}"]
        if self.code:
            parts.append(self.code)
        line = " ".join(parts) + f": {self.message}"
        if self.param:
            line += f" (param: {self.param})"
        if self.request_id:
            line += f" [request_id: {self.request_id}]"
        return line

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r}, "
            f"message={self.message!r}, request_id={self.request_id!r})"
        )


class BadRequestError(APIError):
    """400: the request was invalid."""


class IdempotencyError(BadRequestError):
    """400 ``idempotency_mismatch``: the key was already used with a different body; use a new key."""


class AuthenticationError(APIError):
    """401: the API key is missing, unknown, revoked or for the wrong environment."""


class InsufficientCreditsError(APIError):
    """402: the organization has no API credits left; top up before retrying."""


class PermissionDeniedError(APIError):
    """403: the key may not do this."""


class OrganizationInactiveError(PermissionDeniedError):
    """403 ``organization_inactive``: the organization's subscription is inactive."""


class NotFoundError(APIError):
    """404: no such resource."""


class ConflictError(APIError):
    """409: a conflict, e.g. ``idempotency_conflict`` while the first request with the key still runs."""


class UnprocessableEntityError(APIError):
    """422: the request failed validation."""


class RateLimitError(APIError):
    """429, or the server asked for a longer wait than the client will sleep; ``retry_after`` is in seconds."""


class InternalServerError(APIError):
    """5xx: the server failed."""


class APIResponseValidationError(KallglotError):
    """A success response whose body is not what the spec says (HTML, truncated JSON, a missing field)."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int,
        request_id: str | None = None,
        idempotency_key: str | None = None,
        text: str = "",
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.request_id = request_id
        self.idempotency_key = idempotency_key
        self.text = text
        super().__init__(message)

    def __str__(self) -> str:
        line = f"{self.status_code}: invalid response body: {self.message}"
        return line + (f" [request_id: {self.request_id}]" if self.request_id else "")


class APIConnectionError(KallglotError):
    """The request got no answer (connection refused or reset, DNS failure …), after any retries."""

    def __init__(self, message: str, *, idempotency_key: str | None = None) -> None:
        self.message = message
        self.idempotency_key = idempotency_key
        super().__init__(message)


class APITimeoutError(APIConnectionError):
    """The request got no answer within the timeout, after any retries."""


class ClientClosedError(KallglotError):
    """The client (or the client whose pool a ``with_options`` copy shares) was closed; make a new one."""


class AnalysisTimeoutError(KallglotError):
    """``analyses.wait`` gave up; ``last_status`` is the status it saw last."""

    def __init__(self, message: str, *, analysis_id: str, last_status: str | None) -> None:
        self.analysis_id = analysis_id
        self.last_status = last_status
        super().__init__(message)


class StreamError(KallglotError):
    """Something went wrong on the live stream.

    ``event`` is the ``error`` or ``session.error`` event that caused it, if any; ``code`` is its code (or the
    close / HTTP status reason for connection failures); ``session_id`` names the session.
    """

    def __init__(
        self,
        message: str,
        *,
        session_id: str | None = None,
        code: str | None = None,
        event: ErrorEvent | SessionErrorEvent | None = None,
    ) -> None:
        self.message = message
        self.session_id = session_id
        self.code = code
        self.event = event
        super().__init__(message)

    def __str__(self) -> str:
        line = f"{self.code}: {self.message}" if self.code else self.message
        return line + (f" [session: {self.session_id}]" if self.session_id else "")


class StreamConnectionError(StreamError):
    """The stream could not connect or reconnect; ``status_code`` is the HTTP status of a refused handshake."""

    def __init__(
        self,
        message: str,
        *,
        session_id: str | None = None,
        code: str | None = None,
        status_code: int | None = None,
    ) -> None:
        self.status_code = status_code
        super().__init__(message, session_id=session_id, code=code)


class StreamBackpressureError(StreamError):
    """A send waited ``timeout`` seconds without the socket taking the frame; the stream itself stays usable."""

    def __init__(self, message: str, *, session_id: str | None = None, timeout: float) -> None:
        self.timeout = timeout
        super().__init__(message, session_id=session_id, code="send_timeout")


SignatureFailure = Literal[
    "missing_header",
    "malformed_header",
    "missing_timestamp",
    "missing_signature",
    "no_matching_signature",
    "timestamp_outside_tolerance",
]


class WebhookError(KallglotError):
    """Base class of every webhook error."""


class WebhookSignatureError(WebhookError):
    """The ``Kallglot-Signature`` header does not prove the body came from Kallglot.

    ``reason`` says which check failed, one of :data:`SignatureFailure`: ``missing_header``, ``malformed_header``,
    ``missing_timestamp``, ``missing_signature``, ``no_matching_signature`` (a wrong secret and a changed body are
    the same failure: HMAC cannot tell them apart) and ``timestamp_outside_tolerance`` (the signature matched but
    the timestamp is too far from now: a replay or a skewed clock). ``timestamp`` is the header's ``t`` when it
    could be read. The message never contains the secret.
    """

    def __init__(self, message: str, *, reason: SignatureFailure, timestamp: int | None = None) -> None:
        self.message = message
        self.reason: SignatureFailure = reason
        self.timestamp = timestamp
        super().__init__(message)

    def __str__(self) -> str:
        return f"{self.reason}: {self.message}"

    def __repr__(self) -> str:
        return f"WebhookSignatureError(reason={self.reason!r}, message={self.message!r})"


class WebhookPayloadError(WebhookError):
    """A verified body is not valid JSON, not a webhook envelope, or its ``data`` does not fit its ``type``.

    ``field`` is the dotted path that failed (``""`` for the body itself); ``payload`` is the decoded JSON when
    decoding got that far (so a handler can still log or store the raw event), else ``None``.
    """

    def __init__(self, message: str, *, field: str = "", payload: Any = None) -> None:
        self.message = message
        self.field = field
        self.payload = payload
        super().__init__(message)


class WebhookInProgressError(WebhookError):
    """Another worker claimed this event and has not finished yet.

    Answer with a non-2xx status (any uncaught exception does): Kallglot delivers again later, and by then the
    event is either processed (acknowledged) or released by a failed handler (processed by that retry).
    """

    def __init__(self, event_id: str) -> None:
        self.event_id = event_id
        super().__init__(f"event {event_id!r} is being processed by another worker; answer non-2xx to be retried")


class WebhookStoreError(WebhookError):
    """The de-duplication store could not be reached or failed mid-operation (the server went away, a timeout).

    ``store`` names it (``"redis"``, ``"postgres"``, ``"sqlite"``). Nothing was recorded as processed: answer
    500 (the receiver apps do) so Kallglot delivers again. The driver's exception is the ``__cause__``; the
    message names only its type, never a connection string or password.
    """

    def __init__(self, store: str, operation: str, cause: BaseException) -> None:
        self.store = store
        self.operation = operation
        super().__init__(
            f"the {store} webhook de-duplication store failed during {operation} ({type(cause).__name__}); "
            "answer 500 so the delivery is retried"
        )
