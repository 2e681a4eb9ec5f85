"""A 2xx body that differs from the API document: a model by default, APIResponseValidationError when strict."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import httpx
import pytest

import kallglot
from tests.client.conftest import Script, make_async_client, make_client, session_body

pytestmark = pytest.mark.lenient_responses  # these tests choose the mode per client

CASES = {
    "wrong type": ({"duration_seconds": "long"}, "duration_seconds", "long"),
    "null": ({"status": None}, "status", None),
    "missing": ({"id": None}, "id", None),  # None here means: drop the key
    "unknown": ({"region": "eu"}, None, None),
}


def body_for(case: str) -> dict[str, Any]:
    changes = CASES[case][0]
    body = session_body()
    for key, value in changes.items():
        if case == "missing":
            body.pop(key)
        else:
            body[key] = value
    return body


def retrieve(body: Any, *, strict: bool | None, use_async: bool, with_options: bool = False) -> Any:
    options = {} if strict is None else {"strict_response_validation": strict}
    script = Script(httpx.Response(200, json=body, headers={"X-Request-ID": "req_1"}))
    if not use_async:
        client = make_client(script, **({} if with_options else options))
        if with_options:
            client = client.with_options(**options)
        return client.sessions.retrieve("sess_01HXYZ")

    async def run() -> Any:
        client = make_async_client(script, **({} if with_options else options))
        if with_options:
            client = client.with_options(**options)
        return await client.sessions.retrieve("sess_01HXYZ")

    return asyncio.run(run())


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_the_default_client_returns_a_model(case: str, use_async: bool, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.WARNING, "kallglot")
    body = body_for(case)
    session = retrieve(body, strict=None, use_async=use_async)
    assert isinstance(session, kallglot.Session)
    assert session.to_dict() == body
    field, value = CASES[case][1], CASES[case][2]
    if field is None:
        assert session["region"] == "eu" and not caplog.records
    else:
        assert getattr(session, field) == value
        assert any(f"Session.{field} does not match" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("with_options", [False, True], ids=["constructor", "with_options"])
@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
@pytest.mark.parametrize("case", sorted(set(CASES) - {"unknown"}))
def test_a_strict_client_raises_naming_the_field(case: str, use_async: bool, with_options: bool) -> None:
    with pytest.raises(kallglot.APIResponseValidationError) as caught:
        retrieve(body_for(case), strict=True, use_async=use_async, with_options=with_options)
    assert f"Session.{CASES[case][1]}:" in str(caught.value)
    assert caught.value.status_code == 200 and caught.value.request_id == "req_1"


@pytest.mark.parametrize("use_async", [False, True], ids=["sync", "async"])
def test_unknown_fields_are_fine_even_when_strict(use_async: bool) -> None:
    session = retrieve(body_for("unknown"), strict=True, use_async=use_async)
    assert session.additional_properties == {"region": "eu"}


@pytest.mark.parametrize("strict", [False, True])
@pytest.mark.parametrize("body", [b"<html>502</html>", b'{"id": "sess_1", "obj', b"[1, 2]", b"[" * 100_000])
def test_a_body_that_is_not_a_json_object_raises_in_both_modes(body: bytes, strict: bool) -> None:
    with pytest.raises(kallglot.APIResponseValidationError):
        retrieve_raw(body, strict)


def retrieve_raw(body: bytes, strict: bool) -> Any:
    client = make_client(Script(httpx.Response(200, content=body)), strict_response_validation=strict)
    return client.sessions.retrieve("sess_01HXYZ")


def test_with_options_keeps_the_mode_unless_told() -> None:
    client = make_client(Script(httpx.Response(200, json=session_body())), strict_response_validation=True)
    assert client.with_options(max_retries=0).strict_response_validation is True
    assert client.with_options(strict_response_validation=False).strict_response_validation is False
    assert kallglot.Kallglot("sk_test_x").strict_response_validation is False


def test_an_id_a_lenient_model_could_not_read_never_reaches_a_url() -> None:
    script = Script(httpx.Response(200, json={**session_body(), "id": None}))
    client = make_client(script)
    session = client.sessions.retrieve("sess_01HXYZ")
    assert session.id is None
    for call in (lambda: client.sessions.end(session.id), lambda: client.sessions.retrieve(session.id)):
        with pytest.raises((TypeError, ValueError), match="session_id"):
            call()
    assert len(script.requests) == 1


def test_kallglot_testing_makes_every_client_strict() -> None:
    from kallglot.testing import strict_responses

    body = body_for("wrong type")
    assert retrieve(body, strict=None, use_async=False).duration_seconds == "long"
    with strict_responses(), pytest.raises(kallglot.APIResponseValidationError):
        retrieve(body, strict=None, use_async=False)
    assert retrieve(body, strict=None, use_async=False).duration_seconds == "long"


def test_the_mock_server_fixture_makes_every_client_strict(mock_server: Any) -> None:
    from kallglot._parse import forced_strict

    assert forced_strict()  # the fixture's block, not the suite's: this module is marked lenient
    with kallglot.Kallglot(mock_server.api_key, base_url=mock_server.base_url, max_retries=0) as client:
        assert client.sessions.create(mode="bidirectional_translation").object == "session"
