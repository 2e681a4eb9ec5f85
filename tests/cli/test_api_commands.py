"""`kallglot sessions|transcript|recordings|analyses` run as a subprocess against the mock: output, exit codes."""

from __future__ import annotations

import io
import json
import re
import socket
import subprocess
import sys
from pathlib import Path

import pytest
import srt

from kallglot import Kallglot
from kallglot._cli import COMMANDS, main
from kallglot._version import __version__
from kallglot.mock import MockServer

from .conftest import API_KEY, run


def test_version_and_python_m_kallglot() -> None:
    assert run("--version").stdout == f"kallglot {__version__}\n"
    by_module = subprocess.run([sys.executable, "-m", "kallglot", "--version"], capture_output=True, text=True)
    assert by_module.stdout == f"kallglot {__version__}\n" and by_module.returncode == 0


ACTIONS = [["sessions", "create"], ["sessions", "retrieve"], ["sessions", "end"], ["transcript"],
           ["recordings", "list"], ["recordings", "download"], ["analyses", "create"], ["analyses", "retrieve"],
           ["stream"], ["webhooks", "listen"], ["webhooks", "trigger"], ["doctor"], ["demo"], ["mock"], []]  # fmt: skip


@pytest.mark.parametrize("words", ACTIONS, ids=lambda words: " ".join(words) or "kallglot")
def test_every_help_shows_an_example_and_the_exit_codes(words: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main([*words, "--help"])
    out = capsys.readouterr().out
    assert exit_.value.code == 0
    assert "example:\n  kallglot " in out and "4 insufficient credits" in out


def test_help_lists_every_command_and_imports_none_of_them() -> None:
    code = "import sys; from kallglot._cli import build_parser; build_parser(['--help']); " \
           "print(sorted(m for m in sys.modules if m.startswith('kallglot._cli.')))"  # fmt: skip
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "['kallglot._cli._common']"
    assert set(COMMANDS) <= set(run("--help").stdout.split())


def test_session_lifecycle_with_json_and_summaries(api: dict[str, str], tmp_path: Path) -> None:
    args = ["--from", "de", "--to", "en", "--phone-number", "+19788006140", "--metadata", "ticket=T-42", "team=blue"]
    created = run("sessions", "create", *args, "--idempotency-key", "cli-test-1", "--json", env=api)
    assert created.returncode == 0, created.stderr
    session = json.loads(created.stdout)  # the whole of stdout is one JSON document
    assert session["object"] == "session" and session["metadata"] == {"ticket": "T-42", "team": "blue"}
    assert session["source_language"] == "de" and session["phone_number"] == "+19788006140"
    again = json.loads(run("sessions", "create", *args, "--idempotency-key", "cli-test-1", "--json", env=api).stdout)
    assert again["id"] == session["id"]  # same key, same body: the same session, charged once

    summary = run("sessions", "retrieve", session["id"], env=api)
    assert summary.returncode == 0 and summary.stdout.startswith(f"session {session['id']}\n")
    assert "  status:" in summary.stdout and "ticket=T-42, team=blue" in summary.stdout
    with_stream = run("sessions", "create", "--from", "de", "--to", "en", env=api).stdout
    assert "token=[REDACTED]" in with_stream and not re.search(r"kst_(?!\[REDACTED\])", with_stream)

    ended = json.loads(run("sessions", "end", session["id"], "--json", env=api).stdout)
    assert ended["status"] == "ended"
    with Kallglot(API_KEY, base_url=api["KALLGLOT_BASE_URL"]) as client:
        assert client.sessions.retrieve(session["id"]).status == "ended"


@pytest.fixture(scope="module")
def streamed(mock: MockServer) -> str:
    """A session with audio streamed and ended: it has turns, a recording and can be analysed."""
    with Kallglot(API_KEY, base_url=mock.base_url) as client:
        session = client.sessions.create(mode="bidirectional_translation", source_language="de", target_language="en")
        with client.sessions.stream(session) as stream:
            stream.send_wav(Path(__file__).parents[2] / "overrides/kallglot/_data/demo-de.wav", realtime=False)
            stream.end()
            for _ in stream:
                pass
        client.sessions.end(session.id)
        return session.id


def test_transcript_in_every_format(api: dict[str, str], streamed: str, tmp_path: Path) -> None:
    as_json = json.loads(run("transcript", streamed, "--format", "json", env=api).stdout)
    turns = as_json["turns"]
    assert turns and all(turn["translation"]["text"] for turn in turns)
    text = run("transcript", streamed, "--bilingual", env=api).stdout
    assert turns[0]["text"] in text and f"→ {turns[0]['translation']['text']}" in text

    out = tmp_path / "call.srt"
    written = run("transcript", streamed, "--format", "srt", "--bilingual", "-o", str(out), env=api)
    assert written.returncode == 0 and written.stdout == ""
    cues = list(srt.parse(out.read_text(encoding="utf-8")))
    assert len(cues) == len(turns)
    assert cues[0].content == f"{turns[0]['speaker']}: {turns[0]['text']}\n{turns[0]['translation']['text']}"
    vtt = run("transcript", streamed, "--format", "vtt", env=api).stdout
    assert vtt.startswith("WEBVTT\n") and f"<v {turns[0]['speaker']}>{turns[0]['text']}" in vtt


def test_recordings_list_and_download(api: dict[str, str], streamed: str, tmp_path: Path) -> None:
    listed = json.loads(run("recordings", "list", streamed, "--json", env=api).stdout)
    assert listed and listed[0]["object"] == "recording"
    table = run("recordings", "list", streamed, env=api).stdout
    assert table.split()[0] == listed[0]["id"]
    downloaded = run("recordings", "download", listed[0]["id"], "-o", f"{tmp_path}/audio/", env=api)
    assert downloaded.returncode == 0, downloaded.stderr
    path = Path(downloaded.stdout.strip())
    assert path.parent == tmp_path / "audio" and path.stat().st_size > 1000
    assert downloaded.stderr == ""  # stderr is a pipe: no progress bar


def test_analyses_create_wait_and_retrieve(api: dict[str, str], streamed: str) -> None:
    created = run("analyses", "create", streamed, "--include", "summary,sentiment", "--wait", "--timeout", "30",
                  "--json", env=api)  # fmt: skip
    analysis = json.loads(created.stdout)
    assert analysis["status"] == "completed" and analysis["summary"]
    retrieved = run("analyses", "retrieve", analysis["id"], env=api)
    assert retrieved.stdout.startswith(f"analysis {analysis['id']}\n") and "summary:" in retrieved.stdout


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_each_documented_exit_code(api: dict[str, str], mock: MockServer) -> None:
    def code(*args: str, env: dict[str, str] = api) -> tuple[int, str]:
        result = run(*args, env=env)
        assert result.stdout == "" and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
        return result.returncode, result.stderr

    assert code("sessions", "create", "--metadata", "no-equals")[0] == 2
    assert code("sessions", "retrieve", "sess_1", env={"KALLGLOT_BASE_URL": mock.base_url})[0] == 2  # no key
    assert run("sessions", "frobnicate", env=api).returncode == 2
    assert code("sessions", "retrieve", "sess_1", env={**api, "KALLGLOT_API_KEY": "sk_test_wrong"})[0] == 3
    mock.faults.fail_next(1, status=402, code="insufficient_api_credits", path="/sessions")
    assert code("sessions", "create")[0] == 4
    status, line = code("sessions", "retrieve", "sess_01NOSUCHSESSION")
    assert status == 5 and line.startswith("kallglot: error: 404 ") and "[request_id: req_" in line
    mock.faults.fail_next(3, status=429, retry_after=0, path="/sessions/*")
    assert code("sessions", "retrieve", "sess_01NOSUCHSESSION")[0] == 6
    mock.faults.fail_next(1, status=400, code="invalid_request", path="/sessions/*")
    assert code("sessions", "retrieve", "sess_01NOSUCHSESSION")[0] == 1
    unreachable = {**api, "KALLGLOT_BASE_URL": f"http://127.0.0.1:{_closed_port()}/v1"}
    assert code("sessions", "retrieve", "sess_1", env=unreachable)[0] == 7


def test_debug_logging_adds_the_traceback(api: dict[str, str]) -> None:
    result = run("sessions", "retrieve", "sess_01NOSUCHSESSION", env={**api, "KALLGLOT_LOG": "debug"})
    assert result.returncode == 5 and "Traceback" in result.stderr and API_KEY not in result.stderr


def test_progress_draws_only_on_a_terminal() -> None:
    from kallglot._cli._common import progress

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    terminal, pipe = Terminal(), io.StringIO()
    for stream in (terminal, pipe):
        with progress("Downloading rec_1", stream=stream) as on_progress:
            on_progress(500, 1000)
            on_progress(1000, None)
    assert terminal.getvalue() == (
        f"\rDownloading rec_1 [{'#' * 15}{'.' * 15}] 0.5 KB / 1.0 KB\rDownloading rec_1 1.0 KB\n"
    )
    assert pipe.getvalue() == ""
