"""Per-client and per-request options reach the wire, or fail with a clear error before anything is sent."""

from __future__ import annotations

import asyncio
import json
import math
from typing import Any

import httpx
import pytest

import kallglot

from .conftest import API_KEY, BASE_URL, Script, error_body, make_async_client, make_client, session_body


def ok() -> httpx.Response:
    return httpx.Response(200, json=session_body())


def _async_call(client: kallglot.AsyncKallglot, name: str = "sessions.retrieve", *args: Any, **kwargs: Any) -> Any:
    async def run() -> Any:
        resource, method = name.split(".")
        return await getattr(getattr(client, resource), method)(*args or ("sess_1",), **kwargs)

    return asyncio.run(run())


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_default_headers_and_with_options_reach_the_wire(is_async: bool) -> None:
    script = Script(ok(), ok())
    build = make_async_client if is_async else make_client
    client = build(script, default_headers={"X-Team": "blue", "X-Env": "test"})
    copy = client.with_options(
        api_key="sk_test_other", base_url="https://eu.api.test/v2", default_headers={"X-Env": "prod"}, timeout=7.5
    )
    for c in (client, copy):
        if is_async:
            _async_call(c)  # type: ignore[arg-type]
        else:
            c.sessions.retrieve("sess_1")  # type: ignore[union-attr]
    first, second = script.requests
    assert (first.headers["x-team"], first.headers["x-env"]) == ("blue", "test")
    assert first.headers["authorization"] == f"Bearer {API_KEY}" and str(first.url).startswith(BASE_URL)
    assert (second.headers["x-team"], second.headers["x-env"]) == ("blue", "prod")
    assert second.headers["authorization"] == "Bearer sk_test_other"
    assert str(second.url) == "https://eu.api.test/v2/sessions/sess_1"
    assert second.extensions["timeout"]["read"] == 7.5 and first.extensions["timeout"]["read"] == 30.0


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_with_options_max_retries_and_max_retry_wait_change_what_happens(is_async: bool, sleeps: list[float]) -> None:
    script = Script(httpx.Response(503, json=error_body("down")))
    build = make_async_client if is_async else make_client
    client = build(script)
    with pytest.raises(kallglot.InternalServerError):
        _async_call(client.with_options(max_retries=0)) if is_async else client.with_options(  # type: ignore[arg-type]
            max_retries=0
        ).sessions.retrieve("sess_1")
    assert len(script.requests) == 1
    script.outcomes = [httpx.Response(429, headers={"Retry-After": "5"})]
    patient, impatient = client.with_options(max_retries=1), client.with_options(max_retry_wait=1)
    for c in (patient, impatient):
        with pytest.raises(kallglot.RateLimitError):
            _async_call(c) if is_async else c.sessions.retrieve("sess_1")  # type: ignore[arg-type,union-attr]
    assert sleeps == [5.0]  # the patient copy waited once; the impatient one raised at once


@pytest.mark.parametrize("bad", [None, 0, -1, math.nan, math.inf, "5", True, [5]])
def test_a_timeout_must_be_a_positive_number_or_an_httpx_timeout(bad: object) -> None:
    script = Script(ok())
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        kallglot.Kallglot(API_KEY, timeout=bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        kallglot.AsyncKallglot(API_KEY, timeout=bad)  # type: ignore[arg-type]
    client = make_client(script)
    with pytest.raises(ValueError, match="timeout must be a positive number"):
        client.with_options(timeout=bad)  # type: ignore[arg-type]
    if bad is not None:  # None per request means "the client's timeout"
        with pytest.raises(ValueError, match="timeout must be a positive number"):
            client.recordings.retrieve("rec_1", timeout=bad)  # type: ignore[arg-type]
    assert script.requests == []
    assert kallglot.Kallglot(API_KEY, timeout=httpx.Timeout(None)).timeout == httpx.Timeout(None)


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_per_request_options_on_recordings_and_analyses_reach_the_wire(is_async: bool) -> None:
    analysis = {"id": "anl_1", "object": "analysis", "status": "processing"}
    script = Script(httpx.Response(200, json=analysis), httpx.Response(200, json=analysis))
    options: dict[str, Any] = {"timeout": 4, "extra_headers": {"X-Trace": "t"}, "extra_query": {"tenant": "a"}}
    if is_async:
        client = make_async_client(script)
        _async_call(client, "analyses.create", "sess_1", extra_body={"priority": "high"}, **options)
        _async_call(client, "analyses.retrieve", "anl_1", **options)
    else:
        sync = make_client(script)
        sync.analyses.create("sess_1", extra_body={"priority": "high"}, **options)
        sync.analyses.retrieve("anl_1", **options)
        script.outcomes = [httpx.Response(200, json={"id": "rec_1", "object": "recording"})]
        sync.recordings.with_raw_response.retrieve("rec_1", **options)
    for request in script.requests:
        assert request.headers["x-trace"] == "t" and request.url.params["tenant"] == "a"
        assert request.extensions["timeout"]["read"] == 4
    assert json.loads(script.requests[0].content) == {"priority": "high"}


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_a_closed_client_raises_client_closed_error(is_async: bool) -> None:
    if is_async:

        async def run() -> None:
            client = kallglot.AsyncKallglot(API_KEY, base_url="http://127.0.0.1:9/v1")
            copy = client.with_options(max_retries=0)
            await client.close()
            assert client.is_closed and copy.is_closed
            for c in (client, copy):
                with pytest.raises(kallglot.ClientClosedError):
                    await c.sessions.retrieve("sess_1")

        asyncio.run(run())
        return
    client = kallglot.Kallglot(API_KEY, base_url="http://127.0.0.1:9/v1")
    copy = client.with_options(max_retries=0)
    client.close()
    for c in (client, copy):
        with pytest.raises(kallglot.ClientClosedError):
            c.sessions.retrieve("sess_1")
        with pytest.raises(kallglot.ClientClosedError):
            c.recordings.content("rec_1")


def test_strict_response_validation_is_stored_and_copied() -> None:
    client = kallglot.Kallglot(API_KEY, strict_response_validation=True)
    assert client.strict_response_validation is True
    assert client.with_options(timeout=3).strict_response_validation is True
    assert client.with_options(strict_response_validation=False).strict_response_validation is False
    assert kallglot.AsyncKallglot(API_KEY).strict_response_validation is False


@pytest.mark.parametrize("is_async", [False, True], ids=["sync", "async"])
def test_api_errors_carry_the_response_headers_and_body_but_not_the_key(is_async: bool) -> None:
    body = error_body("session_not_found", "No such session", type_="invalid_request_error")
    script = Script(httpx.Response(404, json=body, headers={"X-Request-ID": "req_9", "X-Extra": "1"}))
    client: Any = make_async_client(script) if is_async else make_client(script)
    with pytest.raises(kallglot.NotFoundError) as caught:
        _async_call(client) if is_async else client.sessions.retrieve("sess_1")
    error = caught.value
    assert isinstance(error.response, httpx.Response) and error.response.status_code == 404
    assert error.headers["x-extra"] == "1" and error.body == body
    assert "authorization" not in error.response.request.headers
    assert API_KEY not in repr(vars(error)) + str(error.response.request.headers)
    assert script.requests[0].headers["authorization"] == f"Bearer {API_KEY}"  # it was sent, just not kept


def test_an_on_credits_callback_that_raises_is_logged_and_the_call_still_returns(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def broken(balance: kallglot.CreditBalance) -> None:
        raise RuntimeError("dashboard down")

    script = Script(httpx.Response(201, json=session_body(), headers={"X-API-Credits-Remaining": "9"}))
    session = make_client(script, on_credits=broken).sessions.create(mode="ai_agent")
    assert session.id == "sess_01HXYZ"
    assert any("on_credits raised" in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.mark.parametrize("key", ["sk_live_X\rY", "sk_live_X\nY", "sk_test_ключ", "sk_live_a b"])
def test_a_malformed_key_is_refused_without_being_echoed(key: str) -> None:
    for cls in (kallglot.Kallglot, kallglot.AsyncKallglot):
        with pytest.raises(kallglot.KallglotError) as caught:
            cls(key)  # type: ignore[operator]
        assert key not in str(caught.value) and key[8:] not in repr(caught.value)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("https://api.test/v1?tenant=a", "query"),
        ("https://api.test/v1#x", "fragment"),
        ("https://api.test/v1 ", "whitespace"),
        ("https://api.test/v1\n", "whitespace"),
        ("http:///v1", "host"),
        ("ftp://api.test/v1", "https://"),
        ("api.test/v1", "https://"),
    ],
)
def test_a_bad_base_url_is_refused_saying_why(url: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        kallglot.Kallglot(API_KEY, base_url=url)
    with pytest.raises(ValueError, match=message):
        kallglot.Kallglot(API_KEY).with_options(base_url=url)


def test_the_scheme_is_case_insensitive_and_cleartext_to_another_host_warns_once() -> None:
    assert kallglot.Kallglot(API_KEY, base_url="HTTPS://API.test/v1/").base_url == "https://api.test/v1"
    assert kallglot.Kallglot(API_KEY, base_url="HTTP://127.0.0.1:8080/v1").base_url == "http://127.0.0.1:8080/v1"
    kallglot.Kallglot(API_KEY, base_url="http://[::1]:8080/v1")
    kallglot.Kallglot(API_KEY, base_url="http://localhost:8080/v1")
    with pytest.warns(UserWarning, match="unencrypted") as caught:
        kallglot.Kallglot(API_KEY, base_url="http://cleartext.example/v1")
        kallglot.Kallglot(API_KEY, base_url="http://cleartext.example/v1")
    assert len(caught) == 1


@pytest.mark.parametrize("bad", [math.nan, math.inf, -1, 0])
def test_analyses_wait_refuses_a_timeout_that_could_never_expire(bad: float, sleeps: list[float]) -> None:
    script = Script(httpx.Response(200, json={"id": "anl_1", "object": "analysis", "status": "processing"}))
    with pytest.raises(ValueError, match="timeout must be a positive, finite number"):
        make_client(script).analyses.wait("anl_1", timeout=bad)
    with pytest.raises(ValueError, match="poll_interval"):
        make_client(script).analyses.wait("anl_1", poll_interval=bad)
    assert script.requests == []


@pytest.mark.parametrize(
    "headers", [{"X-Bad\nName": "1"}, {"": "1"}, {"X-Split": "a\r\nInjected: 1"}, {"X-Key": "sk_test_ключ"}, {"X-N": 1}]
)
def test_bad_headers_are_refused_before_sending_without_echoing_the_value(headers: dict[str, Any]) -> None:
    script = Script(ok())
    with pytest.raises(ValueError, match="default_headers") as caught:
        kallglot.Kallglot(API_KEY, default_headers=headers)
    with pytest.raises(ValueError, match="extra_headers"):
        make_client(script).recordings.retrieve("rec_1", extra_headers=headers)
    assert "ключ" not in str(caught.value) and "Injected" not in str(caught.value)
    assert script.requests == []
