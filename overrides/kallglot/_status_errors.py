"""Turn an error response (JSON envelope, HTML from a proxy, or nothing) into the right exception."""

from __future__ import annotations

import json
from typing import Any

import httpx

from ._exceptions import (
    APIError,
    AuthenticationError,
    BadRequestError,
    ConflictError,
    IdempotencyError,
    InsufficientCreditsError,
    InternalServerError,
    NotFoundError,
    OrganizationInactiveError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    402: InsufficientCreditsError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}
_BY_CODE: dict[tuple[int, str], type[APIError]] = {
    (400, "idempotency_mismatch"): IdempotencyError,
    (403, "organization_inactive"): OrganizationInactiveError,
}


def error_class(status_code: int, code: str | None) -> type[APIError]:
    """The class for a status; a 402 is about credits whatever its ``type`` says."""
    if code and (status_code, code) in _BY_CODE:
        return _BY_CODE[(status_code, code)]
    if status_code >= 500:
        return InternalServerError
    return _BY_STATUS.get(status_code, APIError)


def error_details(response: httpx.Response) -> tuple[dict[str, Any], Any]:
    """The envelope's ``error`` object (empty when the body is not one) and the body itself."""
    text = response.text
    try:
        body: Any = json.loads(text) if text else None
    except ValueError:
        return {}, text
    error = body.get("error") if isinstance(body, dict) else None
    return (error if isinstance(error, dict) else {}), body


def _number(value: Any) -> float | None:
    try:
        return None if value is None else float(value)
    except (TypeError, ValueError):
        return None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def make_status_error(response: httpx.Response, idempotency_key: str | None, retry_after: float | None) -> APIError:
    detail, body = error_details(response)
    code = _text(detail.get("code"))
    message = _text(detail.get("message")) or f"HTTP {response.status_code} {response.reason_phrase}".strip()
    cls = error_class(response.status_code, code)
    return cls(
        message,
        status_code=response.status_code,
        code=code,
        type=_text(detail.get("type")),
        param=_text(detail.get("param")),
        request_id=response.headers.get("x-request-id") or _text(detail.get("request_id")),
        idempotency_key=idempotency_key,
        body=body,
        retry_after=retry_after if retry_after is not None else _number(detail.get("retry_after")),
    )
