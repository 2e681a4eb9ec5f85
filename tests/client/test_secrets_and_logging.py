"""The API key never reaches a log line, a repr or an exception; KALLGLOT_LOG turns logging on."""

from __future__ import annotations

import logging
import subprocess
import sys
import traceback

import httpx
import pytest

import kallglot

from .conftest import API_KEY, Script, error_body, make_client, session_body


def test_the_key_is_nowhere_in_reprs_logs_or_errors(caplog: pytest.LogCaptureFixture, sleeps: list[float]) -> None:
    script = Script(
        httpx.ConnectError(f"refused (sent {API_KEY[:3]})"),
        httpx.Response(401, json=error_body("invalid_api_key", "The API key provided is invalid or has been revoked.")),
    )
    client = make_client(script, max_retries=1)
    caught: list[BaseException] = []
    with caplog.at_level(logging.DEBUG):
        try:
            client.sessions.create(mode="bidirectional_translation")
        except kallglot.AuthenticationError as exc:
            caught.append(exc)
        try:
            make_client(Script(httpx.ReadTimeout("slow")), max_retries=0).sessions.retrieve("sess_1")
        except kallglot.APITimeoutError as exc:
            caught.append(exc)
    assert len(caught) == 2
    texts = [repr(client), str(client.sessions), *(r.getMessage() for r in caplog.records)]
    for exc in caught:
        texts += [str(exc), repr(exc), "".join(traceback.format_exception(exc)), repr(vars(exc))]
    assert caplog.records, "the calls should have been logged"
    leaks = [t for t in texts if API_KEY in t or API_KEY[8:] in t]
    assert leaks == []


def test_log_lines_carry_method_path_status_request_id_attempt_and_time(
    caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    script = Script(httpx.Response(503, json=error_body("down")), httpx.Response(200, json=session_body(),
                    headers={"X-Request-ID": "req_log"}))  # fmt: skip
    with caplog.at_level(logging.INFO, logger="kallglot"):
        make_client(script).sessions.retrieve("sess_01HXYZ")
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0].startswith("GET /sessions/sess_01HXYZ -> 503 request_id=None attempt=1 elapsed=")
    assert lines[1].startswith("retrying GET /sessions/sess_01HXYZ in ") and lines[1].endswith(": status 503")
    assert lines[2].startswith("GET /sessions/sess_01HXYZ -> 200 request_id=req_log attempt=2 elapsed=")


def test_kallglot_log_env_turns_on_logging_to_stderr() -> None:
    code = (
        "import httpx, kallglot\n"
        "h = lambda r: httpx.Response(200, json={'id': 's_1', 'object': 'session', 'status': 'active'})\n"
        "t = httpx.Client(transport=httpx.MockTransport(h))\n"
        "c = kallglot.Kallglot('sk_test_hidden', base_url='https://x/v1', http_client=t)\n"
        "c.sessions.retrieve('s_1')\n"
    )
    env = {"KALLGLOT_LOG": "debug", "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert "kallglot INFO GET /sessions/s_1 -> 200" in done.stderr
    assert "sk_test_hidden" not in done.stderr
    quiet = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert quiet.stderr == ""


def test_the_kallglot_logger_has_a_null_handler_so_warnings_stay_out_of_unconfigured_apps() -> None:
    code = "import kallglot, logging; print(logging.getLogger('kallglot').handlers)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          env={"PATH": "/usr/bin:/bin"})  # fmt: skip
    assert done.stdout.strip() == "[<NullHandler (NOTSET)>]"
    warn = (
        "import httpx, kallglot\n"
        "h = lambda r: httpx.Response(200, json={'id': 's_1', 'object': 'session', 'status': 'active'},"
        " headers={'X-API-Credits-Remaining': '1'})\n"
        "t = httpx.Client(transport=httpx.MockTransport(h))\n"
        "c = kallglot.Kallglot('sk_test_x', base_url='https://x/v1', http_client=t, low_credits_threshold=5)\n"
        "c.sessions.retrieve('s_1')\n"
    )
    quiet = subprocess.run([sys.executable, "-c", warn], capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_debug_logs_the_request_and_response_with_secrets_redacted(caplog: pytest.LogCaptureFixture) -> None:
    script = Script(httpx.Response(201, json=session_body(), headers={"X-Request-ID": "req_d"}))
    client = make_client(script, default_headers={"X-Api-Key": API_KEY, "X-Team": "blue"})
    with caplog.at_level(logging.DEBUG, logger="kallglot"):
        client.sessions.create(mode="ai_agent", metadata={"external_call_id": "c1"})
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "request POST https://api.test/v1/sessions" in text
    assert "'authorization': '[REDACTED]'" in text and "'x-api-key': '[REDACTED]'" in text
    assert "'x-team': 'blue'" in text and "idempotency-key" in text
    assert f"body={len(script.requests[0].content)} bytes" in text
    assert "response headers {" in text and "'x-request-id': 'req_d'" in text
    assert API_KEY not in text and API_KEY[8:] not in text
