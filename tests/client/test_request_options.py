"""Per-request options reach the wire; the public methods name themselves and show what they return."""

from __future__ import annotations

import asyncio
import inspect
import json
import pydoc
import re
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any

import httpx
import pytest

import kallglot

from .conftest import API_KEY, Script, make_async_client, make_client, session_body
from .loopback import serve

RECORDINGS = {"object": "list", "data": [{"id": "rec_1", "object": "recording"}], "has_more": False}
TRANSCRIPT = {"id": "trn_1", "object": "transcript", "session_id": "sess_01HXYZ", "status": "completed", "turns": []}
OPTIONS: dict[str, Any] = {
    "timeout": 7.5,
    "extra_headers": {"X-Trace": "t-1"},
    "extra_query": {"beta": "yes"},
}


def _json(request: httpx.Request) -> Any:
    return json.loads(request.content) if request.content else None


def _assert_options_sent(request: httpx.Request) -> None:
    assert request.headers["x-trace"] == "t-1"
    assert request.url.params["beta"] == "yes"
    assert request.extensions["timeout"] == {"connect": 7.5, "read": 7.5, "write": 7.5, "pool": 7.5}


# (method, positional args, keyword args, response body, sends a body)
CALLS = [
    ("create", (), {"mode": "bidirectional_translation"}, session_body(), True),
    ("retrieve", ("sess_01HXYZ",), {}, session_body(), False),
    ("end", ("sess_01HXYZ",), {}, session_body(status="ended"), True),
    ("transcript", ("sess_01HXYZ",), {}, TRANSCRIPT, False),
    ("list_recordings", ("sess_01HXYZ",), {}, RECORDINGS, False),
]


@pytest.mark.parametrize(("name", "args", "kwargs", "body", "has_body"), CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("raw", [False, True], ids=["plain", "with_raw_response"])
def test_every_sessions_method_sends_the_per_request_options(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], body: Any, has_body: bool, raw: bool
) -> None:
    script = Script(httpx.Response(200, json=body))
    extra = {**OPTIONS, **({"extra_body": {"new_field": 1}} if has_body else {})}
    with make_client(script) as client:
        target = client.sessions.with_raw_response if raw else client.sessions
        getattr(target, name)(*args, **kwargs, **extra)
    (request,) = script.requests
    _assert_options_sent(request)
    if has_body:
        assert _json(request)["new_field"] == 1


@pytest.mark.parametrize(("name", "args", "kwargs", "body", "has_body"), CALLS, ids=[c[0] for c in CALLS])
@pytest.mark.parametrize("raw", [False, True], ids=["plain", "with_raw_response"])
def test_every_async_sessions_method_sends_the_per_request_options(
    name: str, args: tuple[Any, ...], kwargs: dict[str, Any], body: Any, has_body: bool, raw: bool
) -> None:
    script = Script(httpx.Response(200, json=body))
    extra = {**OPTIONS, **({"extra_body": {"new_field": 1}} if has_body else {})}

    async def main() -> None:
        async with make_async_client(script) as client:
            target = client.sessions.with_raw_response if raw else client.sessions
            await getattr(target, name)(*args, **kwargs, **extra)

    asyncio.run(main())
    (request,) = script.requests
    _assert_options_sent(request)
    if has_body:
        assert _json(request)["new_field"] == 1


def test_extra_body_is_merged_over_the_sdk_body_and_extra_headers_win() -> None:
    script = Script(httpx.Response(200, json=session_body()))
    with make_client(script) as client:
        client.sessions.create(
            mode="bidirectional_translation",
            source_language="de",
            extra_body={"source_language": "fr", "new_field": [1]},
            extra_headers={"Accept": "application/vnd.kallglot+json"},
        )
    (request,) = script.requests
    assert _json(request) == {"mode": "bidirectional_translation", "source_language": "fr", "new_field": [1]}
    assert request.headers["accept"] == "application/vnd.kallglot+json"


def test_end_with_extra_body_sends_a_json_body_although_end_has_none_of_its_own() -> None:
    script = Script(httpx.Response(200, json=session_body(status="ended")), httpx.Response(200, json=session_body()))
    with make_client(script) as client:
        client.sessions.end("sess_01HXYZ")
        client.sessions.end("sess_01HXYZ", extra_body={"reason": "completed"})
    plain, extended = script.requests
    assert plain.content == b"" and "content-type" not in plain.headers
    assert _json(extended) == {"reason": "completed"} and extended.headers["content-type"] == "application/json"


def test_the_recordings_pager_sends_the_options_with_every_page() -> None:
    first = {**RECORDINGS, "has_more": True}
    script = Script(httpx.Response(200, json=first), httpx.Response(200, json=RECORDINGS))
    with make_client(script) as client:
        assert [r.id for r in client.sessions.recordings("sess_01HXYZ", **OPTIONS)] == ["rec_1", "rec_1"]
    assert len(script.requests) == 2
    for request in script.requests:
        _assert_options_sent(request)


def test_the_async_recordings_pager_sends_the_options_with_every_page() -> None:
    script = Script(httpx.Response(200, json={**RECORDINGS, "has_more": True}), httpx.Response(200, json=RECORDINGS))

    async def main() -> list[str]:
        async with make_async_client(script) as client:
            return [r.id async for r in client.sessions.recordings("sess_01HXYZ", **OPTIONS)]

    assert asyncio.run(main()) == ["rec_1", "rec_1"]
    for request in script.requests:
        _assert_options_sent(request)


def test_an_httpx_timeout_object_is_passed_through() -> None:
    script = Script(httpx.Response(200, json=session_body()))
    with make_client(script) as client:
        client.sessions.retrieve("sess_01HXYZ", timeout=httpx.Timeout(3.0, connect=1.0))
    assert script.requests[0].extensions["timeout"] == {"connect": 1.0, "read": 3.0, "write": 3.0, "pool": 3.0}


@pytest.mark.parametrize("timeout", [0, -1, float("nan"), "5", True])
def test_a_bad_timeout_is_refused_before_anything_is_sent(timeout: object) -> None:
    script = Script(httpx.Response(200, json=session_body()))
    with make_client(script) as client, pytest.raises(ValueError, match="timeout must be a positive number"):
        client.sessions.retrieve("sess_01HXYZ", timeout=timeout)  # type: ignore[arg-type]
    assert script.requests == []


def test_extra_body_on_a_call_without_a_body_is_refused() -> None:
    with make_client(Script(httpx.Response(200, json=session_body()))) as client, pytest.raises(TypeError):
        client.sessions.retrieve("sess_01HXYZ", extra_body={"x": 1})  # type: ignore[call-arg]


def test_the_transcript_sends_no_query_unless_asked() -> None:
    script = Script(httpx.Response(200, json=TRANSCRIPT))
    with make_client(script) as client:
        client.sessions.transcript("sess_01HXYZ")
        client.sessions.transcript("sess_01HXYZ", extra_query={"format": "json"})
    assert [str(r.url) for r in script.requests] == [
        "https://api.test/v1/sessions/sess_01HXYZ/transcript",
        "https://api.test/v1/sessions/sess_01HXYZ/transcript?format=json",
    ]
    assert {r.headers["accept"] for r in script.requests} == {"application/json"}


def test_the_recording_audio_is_asked_for_as_audio(tmp_path: Path) -> None:
    accepts: list[str | None] = []

    def strict(handler: BaseHTTPRequestHandler) -> None:  # answers like Prism: 406 unless audio is acceptable
        accepts.append(handler.headers["Accept"])
        ok = "audio/" in (handler.headers["Accept"] or "")
        body = b"RIFF0000" if ok else b'{"error": {"type": "invalid_request_error", "code": "not_acceptable"}}'
        handler.send_response(200 if ok else 406)
        handler.send_header("Content-Type", "audio/wav" if ok else "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with serve(strict) as url, kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
        path = client.recordings.download("rec_1", tmp_path / "a.wav")
    assert accepts == ["audio/*"] and path.read_bytes() == b"RIFF0000"


def test_a_wrong_keyword_names_the_public_method() -> None:
    with make_client(Script(httpx.Response(200, json=session_body()))) as client:
        with pytest.raises(TypeError, match=r"^Sessions\.create\(\) got an unexpected keyword argument 'bogus'$"):
            client.sessions.create(mode="bidirectional_translation", bogus=1)  # type: ignore[call-arg]
        with pytest.raises(TypeError, match=r"^Sessions\.retrieve\(\) missing a required argument: 'session_id'$"):
            client.sessions.retrieve()  # type: ignore[call-arg]
        with pytest.raises(TypeError, match=r"SessionsWithRawResponse\.create\(\) got an unexpected keyword"):
            client.sessions.with_raw_response.create(mode="bidirectional_translation", bogus=1)  # type: ignore[call-arg]


def test_a_wrong_keyword_names_the_public_async_method() -> None:
    async def main() -> None:
        async with make_async_client(Script(httpx.Response(200, json=session_body()))) as client:
            with pytest.raises(TypeError, match=r"^AsyncSessions\.create\(\) got an unexpected keyword argument"):
                await client.sessions.create(mode="bidirectional_translation", bogus=1)  # type: ignore[call-arg]

    asyncio.run(main())


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda c: c.sessions.retrieve("sess_1", extra_body={"x": 1}), "Sessions.retrieve() got an unexpected keyword"),
        (lambda c: c.sessions.create(mode="no_such_mode", bogus=1), "Sessions.create() got an unexpected keyword"),
        (lambda c: c.analyses.create("sess_1", timeout=5, bogus=1), "Analyses.create() got an unexpected keyword"),
        (lambda c: c.recordings.with_raw_response.retrieve("rec_1", bogus=1), "RecordingsWithRawResponse.retrieve()"),
        (lambda c: c.sessions.recordings("sess_1", bogus=1), "Sessions.recordings() got an unexpected keyword"),
    ],
)  # fmt: skip
def test_a_wrong_keyword_is_named_on_every_surface_before_anything_is_sent(call: Any, message: str) -> None:
    script = Script(httpx.Response(200, json=session_body()))
    with make_client(script) as client, pytest.raises(TypeError, match="^" + re.escape(message)):
        call(client)
    assert script.requests == []


def test_a_type_error_from_inside_the_call_is_not_renamed() -> None:
    client = make_client(Script(httpx.Response(200, json=session_body())))
    with client, pytest.raises(TypeError, match=r"^routing must be a SessionRouting or a dict, got int$"):
        client.sessions.create(mode="bidirectional_translation", routing=5)  # type: ignore[arg-type]


def test_signatures_and_help_show_the_parsed_return_type() -> None:
    client = kallglot.Kallglot("sk_test_x", base_url="https://api.test/v1")
    aclient = kallglot.AsyncKallglot("sk_test_x", base_url="https://api.test/v1")
    assert inspect.signature(client.sessions.create).return_annotation == "Session"
    assert inspect.signature(aclient.sessions.transcript).return_annotation == "Transcript"
    assert inspect.signature(client.sessions.with_raw_response.create).return_annotation == "APIResponse[Session]"
    assert inspect.signature(client.recordings.retrieve).return_annotation == "Recording"
    assert inspect.signature(aclient.analyses.retrieve).return_annotation == "Analysis"
    parameters = inspect.signature(client.sessions.create).parameters
    assert {"timeout", "extra_headers", "extra_query", "extra_body"} <= set(parameters)
    assert all(parameters[name].kind is inspect.Parameter.KEYWORD_ONLY for name in ("timeout", "extra_body"))
    text = pydoc.render_doc(client.sessions.create, renderer=pydoc.plaintext)  # type: ignore[attr-defined]
    assert "-> 'Session'" in text and "APIResponse" not in text and "Sessions instance" in text
    client.close()
    asyncio.run(aclient.close())
