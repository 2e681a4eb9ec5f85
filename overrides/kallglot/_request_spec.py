"""What one API call is before any attempt: ``RequestSpec``, and a caller's per-request options checked into it.

The resources build a spec from checked arguments (``_requests``); ``apply_options`` (or ``apply_body_options``
for a call that sends a body) adds the options every call takes, typed for callers by ``RequestOptions`` and
``BodyRequestOptions``. The send loop in ``_transport`` turns the spec into attempts.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple, TypedDict

import httpx


class RequestOptions(TypedDict, total=False):
    """The keyword arguments every call takes (``client.sessions.retrieve(id, timeout=5)``), for type checkers.

    ``timeout`` (seconds or an ``httpx.Timeout``) bounds each attempt instead of the client's; ``extra_headers``
    and ``extra_query`` are added to the request last, so they win over what the SDK would send.
    """

    timeout: float | httpx.Timeout | None
    extra_headers: Mapping[str, str] | None
    extra_query: Mapping[str, Any] | None


class BodyRequestOptions(RequestOptions, total=False):
    """``RequestOptions`` of a call that sends a body, plus ``extra_body``: merged into the JSON body (for
    fields newer than this SDK)."""

    extra_body: Mapping[str, Any] | None


class CheckedOptions(NamedTuple):
    """A caller's per-request options as ``apply_options`` checked them."""

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
    options: CheckedOptions | None = None


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
) -> RequestSpec:
    """``spec`` with a caller's ``RequestOptions``; ``extra_body=``, like any other keyword, is a ``TypeError``."""
    return apply_body_options(spec, timeout=timeout, extra_headers=extra_headers, extra_query=extra_query)


def apply_body_options(
    spec: RequestSpec,
    *,
    timeout: float | httpx.Timeout | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, Any] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> RequestSpec:
    """``spec`` with a caller's ``BodyRequestOptions``; ``None`` everywhere leaves it as it is (the common path)."""
    if timeout is None and not extra_headers and not extra_query and not extra_body:
        return spec
    if extra_body and spec.json_body is None and spec.method == "GET":
        raise ValueError("extra_body is only for calls that send a body")
    options = CheckedOptions(
        None if timeout is None else check_timeout(timeout),
        check_headers(extra_headers, name="extra_headers") if extra_headers else None,
        dict(extra_query) if extra_query else None,
        dict(extra_body) if extra_body else None,
    )
    return spec._replace(options=options)
