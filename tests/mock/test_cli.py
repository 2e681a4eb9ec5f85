"""``kallglot mock`` serves the mock from a shell until interrupted."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

import httpx
import pytest
from websockets.sync.client import connect

from kallglot._cli import build_parser, main


def test_the_parser_knows_the_mock_subcommand_and_its_defaults() -> None:
    args = build_parser().parse_args(["mock"])
    assert (args.host, args.port, args.credits, args.deterministic) == ("127.0.0.1", 12111, 1000, False)


def test_no_subcommand_prints_help_and_fails(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "mock" in capsys.readouterr().out


def test_kallglot_mock_serves_until_interrupted() -> None:
    command = [sys.executable, "-c", "import sys; from kallglot._cli import main; sys.exit(main(sys.argv[1:]))"]
    with subprocess.Popen(
        [*command, "mock", "--port", "0", "--deterministic"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        token = _exercise(process)
        assert process.stderr is not None
        log = process.stderr.read()
    assert process.returncode in (0, 130)
    # uvicorn logs every WebSocket handshake with its query string: the token must not be in it.
    assert "/connect?token=[REDACTED]" in log, log
    assert token not in log


def _exercise(process: subprocess.Popen[str]) -> str:
    try:
        assert process.stdout is not None
        banner = process.stdout.readline() + process.stdout.readline()
        base_url = re.search(r"KALLGLOT_BASE_URL=(\S+)", banner)
        key = re.search(r"KALLGLOT_API_KEY=(\S+)", banner)
        assert base_url and key, banner
        response = None
        deadline = time.monotonic() + 15
        while response is None and time.monotonic() < deadline:
            try:
                response = httpx.post(
                    f"{base_url[1]}/sessions",
                    json={"mode": "ai_agent"},
                    headers={"Authorization": f"Bearer {key[1]}"},
                )
            except httpx.ConnectError:
                time.sleep(0.05)  # bound before printing; uvicorn may still be starting to accept
        assert response is not None and response.status_code == 201
        session = response.json()
        assert session["id"] == "sess_00000000000001"
        with connect(f"{session['stream']['url']}?token={session['stream']['token']}") as ws:
            assert '"session.ready"' in str(ws.recv(timeout=10))
        return str(session["stream"]["token"])
    finally:
        process.send_signal(signal.SIGINT)
        process.wait(timeout=15)
