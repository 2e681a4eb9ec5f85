"""The error envelope the API sends for every failure, and the exception handlers raise to send it."""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

# The documented ``type`` for each status; codes are per error (see the raise sites).
_TYPES = {
    400: "invalid_request_error",
    401: "authentication_error",
    402: "permission_error",  # sic: the current errors page types 402 as permission_error
    403: "permission_error",
    404: "invalid_request_error",
    405: "invalid_request_error",
    409: "invalid_request_error",
    410: "invalid_request_error",
    413: "invalid_request_error",
    422: "validation_error",
    429: "rate_limit_error",
}
_CODES = {
    400: "invalid_request",
    401: "invalid_api_key",
    402: "insufficient_api_credits",
    403: "permission_denied",
    404: "resource_not_found",
    405: "method_not_allowed",
    409: "conflict",
    410: "resource_expired",
    413: "request_too_large",
    422: "invalid_request",
    429: "rate_limit_exceeded",
    500: "internal_error",
    502: "bad_gateway",
    503: "service_unavailable",
    504: "gateway_timeout",
}
_MESSAGES = {
    429: "You have exceeded the rate limit. Please retry after {retry_after} seconds.",
    500: "An internal error occurred (injected by the Kallglot mock server).",
    502: "Upstream gateway error (injected by the Kallglot mock server).",
    503: "The service is temporarily unavailable (injected by the Kallglot mock server).",
}


class ApiError(Exception):
    """An API failure: raise it anywhere in a handler and the client gets the documented envelope.

    ``retry_after`` (seconds) goes both into the body and into a ``Retry-After`` header.
    """

    def __init__(
        self,
        status: int,
        message: str | None = None,
        *,
        code: str | None = None,
        type: str | None = None,
        param: str | None = None,
        retry_after: int | None = None,
    ) -> None:
        self.status = status
        self.code = code or _CODES.get(status, "api_error")
        self.type = type or _TYPES.get(status, "api_error")
        fallback = _MESSAGES.get(status, "The request failed with status {status}.")
        self.message = message or fallback.format(status=status, retry_after=retry_after)
        self.param = param
        self.retry_after = retry_after
        super().__init__(self.message)

    def body(self, request_id: str | None) -> dict[str, Any]:
        error: dict[str, Any] = {"type": self.type, "code": self.code, "message": self.message}
        error["param"] = self.param
        error["request_id"] = request_id
        if self.retry_after is not None:
            error["retry_after"] = self.retry_after
        return {"error": error}

    def response(self, request_id: str | None) -> Response:
        headers = {"Retry-After": str(self.retry_after)} if self.retry_after is not None else {}
        if self.status == 401:
            headers["WWW-Authenticate"] = 'Bearer realm="kallglot"'
        return json_response(self.body(request_id), self.status, headers)


def json_response(body: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response:
    """A compact JSON response (the same bytes every time for the same body, which idempotent replay relies on)."""
    # allow_nan=False: the mock never emits NaN/Infinity, which are not JSON.
    content = json.dumps(body, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode()
    return Response(content, status_code=status, headers=headers, media_type="application/json")


def not_found(kind: str, ident: str, param: str = "id") -> ApiError:
    return ApiError(404, f"No such {kind}: '{ident}'.", code="resource_not_found", param=param)
