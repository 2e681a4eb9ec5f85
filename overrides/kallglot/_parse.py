"""Turn a 2xx REST body into its model: lenient by default, strict when the client asks.

Lenient (the default, as in openai-python's loose construction): any JSON object gives a model. A field whose
value does not fit its declared type keeps the value exactly as received, a missing required field reads
``None``, unknown fields are kept, and each model and field that did not fit is logged once as a warning
through the ``kallglot`` logger. Strict (``strict_response_validation=True``, what this SDK's own tests use):
any mismatch raises :class:`APIResponseValidationError` naming the model and the field path.

In both modes a body that is not a JSON object (HTML from a proxy, truncated JSON, a list) raises
:class:`APIResponseValidationError`: there is nothing to build a model from.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from . import _wire
from ._exceptions import APIResponseValidationError

if TYPE_CHECKING:
    import httpx

    from ._call import Call

__all__ = ["forced_strict", "parse_response", "strict_responses"]


def parse_response(response: httpx.Response, call: Call, model: Any, *, strict: bool) -> Any:
    """``model.from_dict`` of the decoded body; see the module docstring for what raises."""
    try:
        data = _wire.loads(response.content)
    except ValueError:
        kind = response.headers.get("content-type", "no content type")
        raise _invalid(response, call, f"expected JSON, got {len(response.content)} bytes of {kind}") from None
    try:  # raises in both modes when data is not an object
        return model.from_dict(data, strict or _strict_blocks > 0)
    except Exception as exc:
        from kallglot_api.types import ParseError  # only on the failure path: the common one imports nothing

        if isinstance(exc, ParseError):
            raise _invalid(response, call, str(exc)) from None
        raise


def _invalid(response: httpx.Response, call: Call, reason: str) -> APIResponseValidationError:
    return APIResponseValidationError(
        reason,
        status_code=response.status_code,
        request_id=call.response_headers.get("x-request-id"),
        idempotency_key=call.idempotency_key,
        text=response.text,
    )


_strict_blocks = 0  # open strict_responses() blocks; any makes every client strict
_strict_lock = threading.Lock()


def forced_strict() -> bool:
    """Whether a :func:`strict_responses` block is open (webhook and stream parsing ask too)."""
    return _strict_blocks > 0


@contextmanager
def strict_responses() -> Iterator[None]:
    """Within the block every client validates 2xx bodies strictly, whatever its ``strict_response_validation``,
    webhook events that differ from the document raise ``WebhookPayloadError`` and stream messages that do raise
    ``StreamError`` (code ``invalid_message``) from iteration.

    For test suites (``kallglot.testing``'s ``mock_server`` fixture opens one): drift between the API document,
    a mock and the SDK fails the test instead of reaching production as a warning. Blocks nest; process-wide.
    """
    global _strict_blocks
    with _strict_lock:
        _strict_blocks += 1
    try:
        yield
    finally:
        with _strict_lock:
            _strict_blocks -= 1
