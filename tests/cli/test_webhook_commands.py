"""`kallglot webhooks listen|trigger` as subprocesses: verification, forwarding a mock delivery, exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import pytest

from kallglot import Kallglot, webhooks
from kallglot.mock import serve
from tests.serving import serving

from .conftest import KALLGLOT, run

SECRET = "whsec_cli_tests"


class _Receiver(BaseHTTPRequestHandler):
    """The user's own endpoint in development: records each request, answers 202."""

    received: ClassVar[list[tuple[bytes, dict[str, str]]]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        self.received.append((body, {k.lower(): v for k, v in self.headers.items()}))
        self.send_response(202)
        self.send_header("Content-Length", "9")
        self.end_headers()
        self.wfile.write(b"accepted\n")

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def receiver() -> Iterator[tuple[str, list[tuple[bytes, dict[str, str]]]]]:
    with serving(ThreadingHTTPServer(("127.0.0.1", 0), _Receiver)) as port:
        yield f"http://127.0.0.1:{port}/hooks", _Receiver.received


@pytest.fixture(scope="module")
def listener(receiver: tuple[str, list[Any]]) -> Iterator[tuple[str, subprocess.Popen[str]]]:
    """`kallglot webhooks listen --forward-to <receiver>` on a free port; yields its URL and process."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KALLGLOT_")}
    process = subprocess.Popen(
        [str(KALLGLOT), "webhooks", "listen", "--port", "0", "--forward-to", receiver[0]],
        env={**clean, "KALLGLOT_WEBHOOK_SECRET": SECRET}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stderr is not None
        banner = process.stderr.readline()
        url = banner.split(" on ", 1)[1].split()[0]
        yield url, process
    finally:
        process.terminate()
        process.wait(10)
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()


def test_listen_relays_a_mock_delivery_to_the_forward_target(
    listener: tuple[str, subprocess.Popen[str]], receiver: tuple[str, list[tuple[bytes, dict[str, str]]]]
) -> None:
    url, process = listener
    received = receiver[1]
    received.clear()
    with serve(webhook_url=url, webhook_secret=SECRET) as mock:
        with Kallglot(mock.api_key, base_url=mock.base_url) as client:
            client.sessions.create(mode="bidirectional_translation")  # the mock delivers session.created
        deadline = time.monotonic() + 10
        while not received and time.monotonic() < deadline:
            time.sleep(0.05)
    body, headers = received[0]
    event = webhooks.construct_event(body, headers["kallglot-signature"], SECRET)  # the raw body, byte for byte
    assert json.loads(body)["type"] == "session.created" and headers["kallglot-retry-count"] == "0"
    assert headers["kallglot-webhook-id"].startswith("wh_del_")
    assert process.stdout is not None
    assert process.stdout.readline() == f"session.created {event.id} retry=0\n"


def test_trigger_signs_a_sample_event_and_reports_the_answer(
    listener: tuple[str, subprocess.Popen[str]], receiver: tuple[str, list[tuple[bytes, dict[str, str]]]]
) -> None:
    url, process = listener
    receiver[1].clear()
    result = run("webhooks", "trigger", "recording.ready", "--url", url, "--data", '{"duration": 12.5}',
                 env={"KALLGLOT_WEBHOOK_SECRET": SECRET})  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("recording.ready evt_") and result.stdout.endswith(f"-> {url}: 202\n")
    body, headers = receiver[1][0]
    event = webhooks.construct_event(body, headers["kallglot-signature"], SECRET)
    assert json.loads(body)["data"]["duration"] == 12.5 and json.loads(body)["data"]["id"].startswith("rec_")
    assert process.stdout is not None and process.stdout.readline().startswith(f"recording.ready {event.id} ")


def test_a_refused_signature_is_400_and_exit_code_8(
    listener: tuple[str, subprocess.Popen[str]], receiver: tuple[str, list[Any]]
) -> None:
    url, process = listener
    receiver[1].clear()
    result = run("webhooks", "trigger", "session.ended", "--url", url, "--secret", "whsec_wrong")
    assert result.returncode == 8 and result.stdout.endswith(": 400\n")
    assert receiver[1] == []  # nothing unverified is forwarded
    assert process.stderr is not None
    line = ""
    for _ in range(10):  # the listener's earlier "forwarded" lines come first
        line = process.stderr.readline()
        if line.startswith("refused"):
            break
    assert line.startswith("refused /: no_matching_signature")
    assert "whsec_wrong" not in result.stdout + result.stderr


@pytest.mark.parametrize("event_type", sorted(webhooks.EVENT_MODELS))
def test_every_sample_event_parses_as_its_model(event_type: str) -> None:
    from kallglot._cli._webhooks import _SAMPLES

    event = webhooks.parse_event(webhooks.build_event(event_type, _SAMPLES[event_type]))
    assert isinstance(event, webhooks.EVENT_MODELS[event_type])


def test_webhook_commands_need_a_secret() -> None:
    result = run("webhooks", "trigger", "session.ended", "--url", "http://127.0.0.1:9/")
    assert result.returncode == 2 and "KALLGLOT_WEBHOOK_SECRET" in result.stderr


def test_listen_json_prints_each_verified_event_as_one_json_line() -> None:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KALLGLOT_")}
    with subprocess.Popen(
        [str(KALLGLOT), "webhooks", "listen", "--json", "--secret", SECRET],
        env=clean, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as process:  # fmt: skip
        try:
            assert process.stderr is not None and process.stdout is not None
            url = process.stderr.readline().split(" on ", 1)[1].split()[0]
            sent = run("webhooks", "trigger", "analysis.complete", "--url", url, "--secret", SECRET)
            assert sent.returncode == 0 and sent.stdout.endswith(": 200\n")
            event = json.loads(process.stdout.readline())
            assert event["type"] == "analysis.complete" and event["data"]["id"] == "anl_01HDEF456789012"
            assert sent.stdout.split()[1] == event["id"]
        finally:
            process.terminate()
