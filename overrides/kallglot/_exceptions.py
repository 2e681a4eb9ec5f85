"""Every error the SDK raises.

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
 │    └── APITimeoutError              no answer in time
 └── AnalysisTimeoutError              analyses.wait gave up before completed/failed

Every class carries what a handler needs: the request id, the idempotency key the call used (so it can
be retried by hand later with the same key), and for rate limits the seconds to wait.
"""

from __future__ import annotations

from typing import Any

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APITimeoutError",
    "AnalysisTimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "IdempotencyError",
    "InsufficientCreditsError",
    "InternalServerError",
    "KallglotError",
    "NotFoundError",
    "OrganizationInactiveError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class KallglotError(Exception):
    """Base class of every error the SDK raises."""


class APIError(KallglotError):
    """The API answered with an error status.

    ``body`` is the parsed JSON body when there was one, else the raw text (HTML from a proxy, or empty).
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
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.code = code
        self.type = type
        self.param = param
        self.request_id = request_id
        self.idempotency_key = idempotency_key
        self.body = body
        self.retry_after = retry_after
        super().__init__(message)

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


class AnalysisTimeoutError(KallglotError):
    """``analyses.wait`` gave up; ``last_status`` is the status it saw last."""

    def __init__(self, message: str, *, analysis_id: str, last_status: str | None) -> None:
        self.analysis_id = analysis_id
        self.last_status = last_status
        super().__init__(message)
