"""The errors ``kallglot.webhooks`` raises.

KallglotError
 └── WebhookError                      anything about a webhook delivery
      ├── WebhookSignatureError        the delivery is not proven authentic: answer 400, do not process
      ├── WebhookPayloadError          authentic, but the body is not a webhook event the SDK can parse
      └── WebhookInProgressError       another worker is processing this event right now: answer non-2xx

They live here rather than in ``_exceptions.py`` so the webhook modules stay self-contained.
"""

from __future__ import annotations

from typing import Any, Literal

from ._exceptions import KallglotError

__all__ = [
    "SignatureFailure",
    "WebhookError",
    "WebhookInProgressError",
    "WebhookPayloadError",
    "WebhookSignatureError",
]

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
