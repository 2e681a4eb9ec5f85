"""Construction, environment, options, surface parity, and input checked before anything is sent."""

from __future__ import annotations

import inspect
import json
import platform

import httpx
import pytest

import kallglot

from .conftest import API_KEY, Script, make_client, session_body


def test_no_api_key_says_how_to_provide_one() -> None:
    with pytest.raises(kallglot.KallglotError, match="KALLGLOT_API_KEY"):
        kallglot.Kallglot()
    with pytest.raises(kallglot.KallglotError, match="api_key"):
        kallglot.AsyncKallglot(api_key="  ")


def test_key_and_base_url_fall_back_to_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KALLGLOT_API_KEY", "sk_test_env")
    monkeypatch.setenv("KALLGLOT_BASE_URL", "http://127.0.0.1:9/v1/")
    client = kallglot.Kallglot()
    assert client.base_url == "http://127.0.0.1:9/v1"
    monkeypatch.delenv("KALLGLOT_BASE_URL")
    assert kallglot.Kallglot().base_url == "https://api.kallglot.com/v1"


def test_headers_sent_with_every_request() -> None:
    script = Script(httpx.Response(200, json=session_body()))
    make_client(script).sessions.retrieve("sess_01HXYZ")
    headers = script.requests[0].headers
    assert headers["authorization"] == f"Bearer {API_KEY}"
    version = f"kallglot-python/{kallglot.__version__} httpx/{httpx.__version__} python/{platform.python_version()}"
    assert headers["user-agent"] == version


@pytest.mark.parametrize(
    "bad", ["", "   ", "sess_1/../x", "sess?x=1", "sess#frag", "..", "sess 1", "sess\x00", "a%2Fb"]
)
def test_bad_ids_raise_value_error_naming_the_argument_before_sending(bad: str) -> None:
    script = Script(httpx.Response(200, json=session_body()))
    client = make_client(script)
    for call, name in [
        (client.sessions.retrieve, "session_id"),
        (client.recordings.retrieve, "recording_id"),
        (client.analyses.retrieve, "analysis_id"),
        (client.sessions.transcript, "session_id"),
    ]:
        with pytest.raises(ValueError, match=name):
            call(bad)
    assert script.requests == []


def test_a_non_string_id_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="session_id"):
        make_client(Script(httpx.Response(200))).sessions.retrieve(42)  # type: ignore[arg-type]


def test_path_parameters_are_percent_encoded() -> None:
    script = Script(httpx.Response(200, json=session_body()))
    make_client(script).sessions.retrieve("sess_ü:1")
    assert script.requests[0].url.raw_path == b"/v1/sessions/sess_%C3%BC%3A1"


def test_a_wrong_enum_is_a_clear_error_and_a_newer_value_can_be_passed_explicitly() -> None:
    script = Script(httpx.Response(201, json=session_body()))
    client = make_client(script)
    with pytest.raises(ValueError, match=r"mode must be one of .*bidirectional_translation"):
        client.sessions.create(mode="bidirectional")
    with pytest.raises(ValueError, match=r"include\[1\]"):
        client.analyses.create("sess_1", include=["summary", "vibes"])
    assert script.requests == []
    client.sessions.create(mode=kallglot.SessionMode("conference"))
    assert json.loads(script.requests[0].content) == {"mode": "conference"}


def test_nested_request_objects_accept_dicts_and_models_and_check_them() -> None:
    script = Script(httpx.Response(201, json=session_body()))
    client = make_client(script)
    client.sessions.create(
        mode="bidirectional_translation",
        routing={"type": "sip", "sip": {"from_uri": "sip:alice@example.com", "headers": {"X-Team": "a"}}},
        metadata=kallglot.SessionMetadata.from_dict({"external_call_id": "call_abc123"}),
    )
    assert json.loads(script.requests[0].content) == {
        "mode": "bidirectional_translation",
        "routing": {"type": "sip", "sip": {"from_uri": "sip:alice@example.com", "headers": {"X-Team": "a"}}},
        "metadata": {"external_call_id": "call_abc123"},
    }
    with pytest.raises(ValueError, match=r"routing\.direction"):
        client.sessions.create(mode="ai_agent", routing={"direction": 3})
    with pytest.raises(TypeError, match="routing"):
        client.sessions.create(mode="ai_agent", routing="+14155551234")  # type: ignore[arg-type]


def test_with_options_shares_the_pool_and_the_credit_tracking() -> None:
    script = Script(httpx.Response(200, json=session_body(), headers={"X-API-Credits-Remaining": "5"}))
    client = make_client(script)
    copy = client.with_options(max_retries=0, timeout=3.0)
    assert copy._http is client._http and (copy.max_retries, copy.timeout) == (0, 3.0)
    copy.sessions.retrieve("sess_01HXYZ")
    assert client.credits is not None and client.credits.remaining == 5
    copy.close()
    assert not client._http.is_closed


def test_context_managers_close_the_pool_they_own() -> None:
    with kallglot.Kallglot(API_KEY) as client:
        http = client._http
    assert http.is_closed
    passed_in = httpx.Client()
    with kallglot.Kallglot(API_KEY, http_client=passed_in):
        pass
    assert not passed_in.is_closed
    passed_in.close()


def _public(obj: object) -> dict[str, object]:
    return {name: getattr(obj, name) for name in dir(obj) if not name.startswith("_")}


def _surface(cls: type) -> set[str]:
    return {name for name in dir(cls) if not name.startswith("_")}


def test_sync_and_async_clients_have_the_same_surface() -> None:
    sync, aio = kallglot.Kallglot(API_KEY), kallglot.AsyncKallglot(API_KEY)
    assert _surface(type(sync)) == _surface(type(aio))
    for resource in ("sessions", "recordings", "analyses"):
        sync_resource, async_resource = getattr(sync, resource), getattr(aio, resource)
        assert _surface(type(sync_resource)) == _surface(type(async_resource)), resource
        assert _surface(type(sync_resource.with_raw_response)) == _surface(type(async_resource.with_raw_response))
        for name, method in _public(sync_resource).items():
            twin = getattr(async_resource, name)
            if callable(method):
                assert inspect.signature(method).parameters.keys() == inspect.signature(twin).parameters.keys(), name


def test_plain_methods_and_raw_methods_take_the_same_arguments() -> None:
    client = kallglot.Kallglot(API_KEY)
    for resource in (client.sessions, client.recordings, client.analyses):
        for name in _surface(type(resource.with_raw_response)):
            raw = inspect.signature(getattr(resource.with_raw_response, name))
            assert inspect.signature(getattr(resource, name)).parameters == raw.parameters, name


def test_the_public_surface_is_one_sorted_all() -> None:
    assert kallglot.__all__ == sorted(kallglot.__all__)
    for name in kallglot.__all__:
        assert getattr(kallglot, name) is not None
    assert kallglot.Session is __import__("kallglot_api.models", fromlist=["Session"]).Session
