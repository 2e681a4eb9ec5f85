"""What a response tells beyond its body: request id, credits, rate limit, the idempotency key used."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Generic, NamedTuple, TypeVar

import httpx

T = TypeVar("T")


class CreditBalance(NamedTuple):
    """API credits as the last response reported them (``X-API-Credits-*``)."""

    remaining: int | None
    used: int | None
    observed_at: datetime.datetime
    request_id: str | None


class RateLimit(NamedTuple):
    """The rate-limit window as the last response reported it (``X-RateLimit-*``)."""

    limit: int | None
    remaining: int | None
    reset_at: datetime.datetime | None


def _int(headers: Mapping[str, str], name: str) -> int | None:
    value = headers.get(name)
    if value is None:
        return None
    try:
        return int(float(value))
    except ValueError:
        return None


def parse_credits(headers: Mapping[str, str], request_id: str | None) -> CreditBalance | None:
    remaining, used = _int(headers, "x-api-credits-remaining"), _int(headers, "x-api-credits-used")
    if remaining is None and used is None:
        return None
    return CreditBalance(remaining, used, datetime.datetime.now(datetime.UTC), request_id)


def parse_rate_limit(headers: Mapping[str, str]) -> RateLimit | None:
    limit, remaining = _int(headers, "x-ratelimit-limit"), _int(headers, "x-ratelimit-remaining")
    reset = _int(headers, "x-ratelimit-reset")
    if limit is None and remaining is None and reset is None:
        return None
    reset_at = datetime.datetime.fromtimestamp(reset, datetime.UTC) if reset is not None else None
    return RateLimit(limit, remaining, reset_at)


class APIResponse(Generic[T]):
    """A parsed response together with its metadata (``client.<resource>.with_raw_response.<method>()``)."""

    __slots__ = ("_credits", "_plain_headers", "http_response", "idempotency_key", "parsed", "request_id")

    def __init__(
        self, http_response: httpx.Response, parsed: T, idempotency_key: str | None, plain_headers: Mapping[str, str]
    ) -> None:
        self.http_response = http_response
        self.parsed = parsed
        self.idempotency_key = idempotency_key
        self._plain_headers = plain_headers
        self.request_id: str | None = plain_headers.get("x-request-id")
        self._credits: CreditBalance | None = None

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def credits(self) -> CreditBalance | None:
        if self._credits is None:
            self._credits = parse_credits(self._plain_headers, self.request_id)
        return self._credits

    @property
    def rate_limit(self) -> RateLimit | None:
        return parse_rate_limit(self._plain_headers)

    def __repr__(self) -> str:
        return f"<APIResponse [{self.status_code}] request_id={self.request_id!r} parsed={type(self.parsed).__name__}>"
