"""A hostile or broken server: every REST outcome is a value or a documented KallglotError, and no wait is
unbounded. Each corpus entry runs through the sync and the async client, on a GET and on a charged POST."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import math
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kallglot

from .conftest import Script, make_async_client, make_client, session_body

DEEP = b"[" * 100_000 + b"]" * 100_000
DEEP_ERROR = b'{"error": ' + b'{"a": ' * 50_000 + b"1" + b"}" * 50_000 + b"}"


def _raw(status: int, content: bytes, **headers: str) -> httpx.Response:
    """A response whose body is decoded only when the client reads it (as off a socket)."""
    return httpx.Response(status, headers=headers, stream=httpx.ByteStream(content))


def _json(status: int, text: str, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=text.encode(), headers={"Content-Type": "application/json", **headers})


def _ok(**headers: str) -> httpx.Response:
    return httpx.Response(200, json=session_body(), headers=headers)


def _retry_after_body(value: str, status: int = 503) -> httpx.Response:
    return _json(
        status, f'{{"error": {{"type": "api_error", "code": "busy", "message": "m", "retry_after": {value}}}}}'
    )


CORPUS: dict[str, httpx.Response] = {
    "deep json 200": httpx.Response(200, content=DEEP),
    "deep json 400": httpx.Response(400, content=DEEP),
    "deep json 503": httpx.Response(503, content=DEEP),
    "deep error object 429": httpx.Response(429, content=DEEP_ERROR),
    "NaN in a 200 body": _json(200, '{"id": NaN, "object": "session", "status": "active"}'),
    "Infinity in a 200 body": _json(200, '{"id": "s", "duration_seconds": Infinity}'),
    "invalid utf-8 200": httpx.Response(200, content=b'{"id": "\xff\xfe"}'),
    "invalid utf-8 400": httpx.Response(400, content=b'{"error": "\xff"}'),
    "bogus charset": _json(200, "{}", **{"Content-Type": "application/json; charset=nonsense"}),
    "gzip junk 200": _raw(200, b"not gzip at all", **{"Content-Encoding": "gzip"}),
    "gzip junk 500": _raw(500, b"\x1f\x8b junk", **{"Content-Encoding": "gzip"}),
    "gzip truncated 200": _raw(200, gzip.compress(b'{"id": "s"}')[:12], **{"Content-Encoding": "gzip"}),
    "deflate junk 429": _raw(429, b"junk", **{"Content-Encoding": "deflate"}),
    "unknown coding": _raw(200, b"??", **{"Content-Encoding": "x-unknown"}),
    "null body": _json(200, "null"),
    "array body": _json(200, "[]"),
    "string body": _json(200, '"session"'),
    "empty 200": httpx.Response(200),
    "empty 500": httpx.Response(500),
    "html 200": httpx.Response(200, text="<html>ok</html>", headers={"Content-Type": "text/html"}),
    "html 502": httpx.Response(502, text="<html>bad gateway</html>"),
    "error is a string": _json(400, '{"error": "nope"}'),
    "error fields of wrong types": _json(400, '{"error": {"type": 1, "code": ["x"], "message": {"a": 1}}}'),
    "retry_after -1": _retry_after_body("-1"),
    "retry_after NaN": _retry_after_body("NaN"),
    "retry_after 1e400": _retry_after_body("1e400"),
    "retry_after 400 digits": _retry_after_body("9" * 400),
    "retry_after a string": _retry_after_body('"soon"'),
    "retry_after a list on 429": _retry_after_body("[1]", 429),
    "retry_after huge on 429": _retry_after_body("1e300", 429),
    "Retry-After nan": httpx.Response(503, headers={"Retry-After": "nan"}),
    "Retry-After -1": httpx.Response(503, headers={"Retry-After": "-1"}),
    "Retry-After inf": httpx.Response(429, headers={"Retry-After": "inf"}),
    "Retry-After 400 digits": httpx.Response(429, headers={"Retry-After": "9" * 400}),
    "Retry-After year 99999": httpx.Response(429, headers={"Retry-After": "Wed, 21 Oct 99999 07:28:00 GMT"}),
    "Retry-After garbage": httpx.Response(503, headers=[(b"Retry-After", b"\x00\xff later")]),
    "credits 1e400": _ok(**{"X-API-Credits-Remaining": "1e400"}),
    "credits inf": _ok(**{"X-API-Credits-Remaining": "inf", "X-API-Credits-Used": "-inf"}),
    "credits nan": _ok(**{"X-API-Credits-Remaining": "nan"}),
    "credits 400 digits": _ok(**{"X-API-Credits-Remaining": "9" * 400}),
    "credits negative and words": _ok(**{"X-API-Credits-Remaining": "-5", "X-API-Credits-Used": "lots"}),
    "rate-limit reset far future": _ok(**{"X-RateLimit-Reset": "99999999999999", "X-RateLimit-Remaining": "0"}),
    "rate-limit reset nan": _ok(**{"X-RateLimit-Reset": "nan", "X-RateLimit-Limit": "1e400"}),
    "rate-limit reset far future on 429": httpx.Response(429, headers={"X-RateLimit-Reset": "99999999999999"}),
    "rate-limit reset negative on 429": httpx.Response(429, headers={"X-RateLimit-Reset": "-1"}),
    "3xx without location": httpx.Response(302),
    "1xx-like status 299": httpx.Response(299, json=session_body()),
}
MAX_RETRY_WAIT = 60.0


class Replay(Script):
    """Answer every request with a fresh copy of one template response, body unread."""

    def __init__(self, template: httpx.Response) -> None:
        super().__init__(template)
        self.raw = b"".join(template.stream)  # type: ignore[arg-type]

    def __call__(self, request: httpx.Request) -> httpx.Response:
        template = super().__call__(request)
        return httpx.Response(template.status_code, headers=template.headers, stream=httpx.ByteStream(self.raw))


def _check_waits(sleeps: list[float]) -> None:
    assert all(math.isfinite(s) and 0 <= s <= MAX_RETRY_WAIT for s in sleeps), sleeps


def _check_state(client: kallglot.Kallglot | kallglot.AsyncKallglot) -> None:
    # What the response left behind must be readable, and sane, afterwards.
    credits, rate_limit = client.credits, client.rate_limit
    if credits is not None:
        assert credits.remaining is None or 0 <= credits.remaining <= 10**15
    if rate_limit is not None and rate_limit.reset_at is not None:
        assert rate_limit.reset_at.year <= 9999


@pytest.mark.parametrize("name", CORPUS)
def test_sync_rest_survives(name: str, sleeps: list[float]) -> None:
    client = make_client(Replay(CORPUS[name]))
    for call in (lambda: client.sessions.retrieve("sess_1"), lambda: client.sessions.create(mode="ai_agent")):
        with contextlib.suppress(kallglot.KallglotError):
            call()
    _check_waits(sleeps)
    _check_state(client)


@pytest.mark.parametrize("name", CORPUS)
def test_async_rest_survives(name: str, sleeps: list[float]) -> None:
    client = make_async_client(Replay(CORPUS[name]))

    async def run() -> None:
        for call in (lambda: client.sessions.retrieve("sess_1"), lambda: client.sessions.create(mode="ai_agent")):
            with contextlib.suppress(kallglot.KallglotError):
                await asyncio.wait_for(call(), timeout=30)

    asyncio.run(run())
    _check_waits(sleeps)
    _check_state(client)


def test_a_bad_gzip_body_is_a_validation_error_naming_the_encoding(sleeps: list[float]) -> None:
    with pytest.raises(kallglot.APIResponseValidationError, match="gzip"):
        make_client(Replay(CORPUS["gzip junk 200"])).sessions.retrieve("sess_1")


def test_deeply_nested_json_is_a_validation_error_or_an_error_with_a_text_body(sleeps: list[float]) -> None:
    with pytest.raises(kallglot.APIResponseValidationError):
        make_client(Replay(CORPUS["deep json 200"])).sessions.retrieve("sess_1")
    with pytest.raises(kallglot.BadRequestError) as caught:
        make_client(Replay(CORPUS["deep json 400"])).sessions.retrieve("sess_1")
    assert isinstance(caught.value.body, str)


@pytest.mark.parametrize(("value", "expected"), [("-1", 0.0), ("NaN", None), ("1e400", None), ("2.5", 2.5)])
def test_a_body_retry_after_is_bounded_before_anyone_sleeps_on_it(
    value: str, expected: float | None, sleeps: list[float]
) -> None:
    client = make_client(Script(_retry_after_body(value, 429)), max_retries=1)
    with pytest.raises(kallglot.RateLimitError) as caught:
        client.sessions.retrieve("sess_1")
    assert caught.value.retry_after == expected
    assert len(sleeps) == 1 and math.isfinite(sleeps[0]) and sleeps[0] >= 0


def test_numeric_headers_never_break_a_charged_post(sleeps: list[float]) -> None:
    headers = {"X-API-Credits-Remaining": "1e400", "X-RateLimit-Reset": "99999999999999", "X-RateLimit-Remaining": "0"}
    client = make_client(Script(httpx.Response(201, json=session_body(), headers=headers)))
    assert client.sessions.create(mode="ai_agent").id == "sess_01HXYZ"
    assert client.credits is None  # an absurd balance is no balance
    assert client.rate_limit is not None and client.rate_limit.reset_at is None


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    headers=st.dictionaries(
        st.sampled_from(
            [
                "x-api-credits-remaining",
                "x-api-credits-used",
                "x-ratelimit-reset",
                "x-ratelimit-remaining",
                "x-ratelimit-limit",
                "retry-after",
            ]
        ),
        st.one_of(
            st.text(st.characters(min_codepoint=32, max_codepoint=255), max_size=60),
            st.floats().map(repr),
            st.integers().map(str),
        ),
    ),
    status=st.sampled_from([200, 429, 503]),
    retry_after=st.one_of(st.none(), st.floats(), st.integers(), st.text(max_size=5)).map(repr),
)
def test_any_numeric_header_or_retry_after_is_survived(
    headers: dict[str, str], status: int, retry_after: str, sleeps: list[float]
) -> None:
    body: Any = session_body() if status == 200 else {"error": {"code": "x", "message": "m"}}
    content = httpx.Response(status, json=body).content
    if status != 200:
        content = content[:-2] + b', "retry_after": ' + retry_after.replace("'", '"').encode() + b"}}"
    sleeps.clear()
    raw_headers = [(k.encode(), v.encode("latin-1")) for k, v in headers.items()]
    client = make_client(Replay(httpx.Response(status, content=content, headers=raw_headers)), max_retries=1)
    with contextlib.suppress(kallglot.KallglotError):
        client.sessions.retrieve("sess_1")
    _check_waits(sleeps)
    _check_state(client)
