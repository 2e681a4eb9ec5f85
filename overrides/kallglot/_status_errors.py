"""Turn an error response (JSON envelope, HTML from a proxy, or nothing) into the right exception, once."""

from __future__ import annotations

from typing import Any, NamedTuple

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
from ._redact import SECRET_HEADERS
from ._wire import loads

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


def decode_body(response: httpx.Response) -> Any:
    """The body as JSON when it is JSON, else its text (``None`` when empty). Never raises."""
    content = response.content
    if not content:
        return None
    try:
        return loads(content)
    except ValueError:
        return response.text


def _envelope(body: Any) -> dict[str, Any]:
    """The ``error`` object of the documented envelope (``ErrorResponse``), or whatever of it is there."""
    from kallglot_api.models import ErrorResponse
    from kallglot_api.types import ParseError

    if not isinstance(body, dict):
        return {}
    try:
        detail = ErrorResponse.from_dict(body).error
    except ParseError:
        detail = None
    if detail is None or not hasattr(detail, "to_dict"):
        # Older or partial envelopes (a missing ``type`` …, or an ``error`` a lenient parse kept as received)
        # still say what they can.
        error = body.get("error")
        return error if isinstance(error, dict) else {}
    return dict(detail.to_dict())


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def without_secrets(response: httpx.Response) -> httpx.Response:
    """``response`` with its request replaced by a copy without credentials (for keeping on an exception)."""
    request = response.request
    headers = [(k, v) for k, v in request.headers.multi_items() if k.lower() not in SECRET_HEADERS]
    response.request = httpx.Request(request.method, request.url, headers=headers)
    return response


class ErrorParts(NamedTuple):
    """An error response decoded once: the envelope's ``error`` object (empty if none) and the whole body."""

    detail: dict[str, Any]
    body: Any


def read_error(response: httpx.Response) -> ErrorParts:
    """Decode an error response (already read); never raises."""
    body = decode_body(response)
    return ErrorParts(_envelope(body), body)


def make_status_error(
    response: httpx.Response, parts: ErrorParts, idempotency_key: str | None, retry_after: float | None
) -> APIError:
    """The exception for an error ``response``; ``retry_after`` is the bounded wait the request loop computed."""
    detail = parts.detail
    code = _text(detail.get("code"))
    message = _text(detail.get("message")) or f"HTTP {response.status_code} {response.reason_phrase}".strip()
    without_secrets(response)
    return error_class(response.status_code, code)(
        message,
        status_code=response.status_code,
        code=code,
        type=_text(detail.get("type")),
        param=_text(detail.get("param")),
        request_id=response.headers.get("x-request-id") or _text(detail.get("request_id")),
        idempotency_key=idempotency_key,
        body=parts.body,
        retry_after=retry_after,
        response=response,
    )
