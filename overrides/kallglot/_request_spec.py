"""What one API call is before any attempt: ``RequestSpec``, and a caller's per-request options checked into it.

The resources build a spec from checked arguments (``_requests``) and ``apply_options`` adds ``timeout=``,
``extra_headers=``, ``extra_query=`` and ``extra_body=``; the send loop in ``_transport`` turns it into attempts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

import httpx


class RequestOptions(NamedTuple):
    """What a caller adds to one call (``timeout=``, ``extra_headers=``, ``extra_query=``, ``extra_body=``)."""

    timeout: float | httpx.Timeout | None = None
    extra_headers: Mapping[str, str] | None = None
    extra_query: Mapping[str, Any] | None = None
    extra_body: Mapping[str, Any] | None = None


class RequestSpec(NamedTuple):
    """One logical API call, before any attempt.

    ``path`` is relative to the client's ``base_url``, or an absolute URL (a redirect a download follows).
    ``headers`` are the ones the operation itself needs (an ``Accept`` matching what it serves); ``options``
    are the caller's additions, applied last so they win.
    """

    method: str
    path: str
    params: Mapping[str, Any] | None = None
    json_body: Any = None
    idempotency_key: str | None = None
    stream: bool = False
    headers: Mapping[str, str] | None = None
    options: RequestOptions | None = None


def check_timeout(timeout: object, *, name: str = "timeout") -> float | httpx.Timeout:
    """``timeout`` if it is a positive finite number of seconds or an ``httpx.Timeout``; else ``ValueError``."""
    if isinstance(timeout, httpx.Timeout):
        return timeout
    if isinstance(timeout, int | float) and not isinstance(timeout, bool) and 0 < timeout < float("inf"):
        return float(timeout)
    raise ValueError(f"{name} must be a positive number of seconds or an httpx.Timeout, got {timeout!r}")


_TOKEN = frozenset("!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def check_headers(headers: Mapping[str, str], *, name: str) -> dict[str, str]:
    """``headers`` as a dict if every name is an HTTP token and every value a one-line Latin-1 string; else
    ``ValueError`` naming the header (never its value, which may be a secret)."""
    if not isinstance(headers, Mapping):
        raise TypeError(f"{name} must be a mapping of header names to values, got {type(headers).__name__}")
    for key, value in headers.items():
        if not isinstance(key, str) or not key or not _TOKEN.issuperset(key):
            raise ValueError(f"{name} has an invalid header name {key!r}")
        if not isinstance(value, str) or "\r" in value or "\n" in value or "\0" in value or not _latin1(value):
            raise ValueError(f"{name}[{key!r}] must be a one-line string of Latin-1 characters")
    return dict(headers)


def _latin1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def apply_options(
    spec: RequestSpec,
    *,
    timeout: float | httpx.Timeout | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> RequestSpec:
    """``spec`` with a caller's per-request options; ``None`` everywhere leaves it as it is (the common path)."""
    if timeout is None and not extra_headers and not extra_query and not extra_body:
        return spec
    if extra_body and spec.json_body is None and spec.method == "GET":
        raise ValueError("extra_body is only for calls that send a body")
    options = RequestOptions(
        None if timeout is None else check_timeout(timeout),
        check_headers(extra_headers, name="extra_headers") if extra_headers else None,
        dict(extra_query) if extra_query else None,
        dict(extra_body) if extra_body else None,
    )
    return spec._replace(options=options)
