"""`kallglot stream` as a subprocess: a file, standard input, -v frames (redacted), Ctrl-C ending the session."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import time
from pathlib import Path

import pytest

from kallglot import Kallglot, audio
from kallglot.mock import MockServer

from .conftest import API_KEY, KALLGLOT, run

DEMO = Path(__file__).parents[2] / "overrides" / "kallglot" / "_data" / "demo-de.wav"


def _check_transcript(stdout: str) -> str:
    lines = stdout.splitlines()
    session_id = lines[0].removeprefix("session ")
    assert re.fullmatch(r"sess_\w+", session_id)
    assert lines[-1] == f"session {session_id} ended (explicit_end)"
    # The demo clip is one speaker, so the mock's dialogue gives it the customer's lines.
    assert "customer (de): Ich habe eine Frage zu meiner Bestellung." in lines
    assert any(line.startswith("    → (en) I have a question") for line in lines)
    return session_id


def test_stream_a_file_prints_finals_and_ends_the_session(api: dict[str, str], mock: MockServer) -> None:
    result = run("stream", str(DEMO), "--from", "de", "--to", "en", "--fast", env=api)
    assert result.returncode == 0, result.stderr
    session_id = _check_transcript(result.stdout)
    assert result.stderr == ""
    with Kallglot(API_KEY, base_url=mock.base_url) as client:
        assert client.sessions.retrieve(session_id).status == "ended"


def test_stream_standard_input_into_an_existing_session_verbose(api: dict[str, str]) -> None:
    with Kallglot(API_KEY, base_url=api["KALLGLOT_BASE_URL"]) as client:
        session = client.sessions.create(mode="bidirectional_translation", source_language="de", target_language="en")
    result = run("stream", "-", "--session", session.id, "--fast", "-v", env=api, input=DEMO.read_bytes())
    assert result.returncode == 0, result.stderr
    assert _check_transcript(result.stdout) == session.id
    sent = [line for line in result.stderr.splitlines() if line.startswith("> TEXT") and "audio.input" in line]
    assert len(sent) == sum(1 for _ in audio.wav_frames(DEMO))
    assert any(line.startswith("< TEXT") and "transcript.final" in line for line in result.stderr.splitlines())
    assert "token=[REDACTED]" in result.stderr and not re.search(r"kst_(?!\[REDACTED\])", result.stderr)


def test_stream_refuses_bad_input_before_creating_anything(api: dict[str, str], tmp_path: Path) -> None:
    not_wav = tmp_path / "x.wav"
    not_wav.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk")
    for args in (["stream", str(not_wav)], ["stream", str(tmp_path / "missing.wav")],
                 ["stream", str(DEMO), "--session", "sess_1", "--from", "de"]):  # fmt: skip
        result = run(*args, env=api)
        assert result.returncode == 2 and result.stdout == "" and result.stderr.startswith("kallglot: error: ")


def test_ctrl_c_ends_the_session_over_the_stream_and_exits_130(api: dict[str, str], tmp_path: Path) -> None:
    long_wav = audio.write_wav(tmp_path / "long.wav", b"\x00\x10" * 8000 * 30, sample_rate=8000)  # 30 s, real time
    clean = {k: v for k, v in os.environ.items() if not k.startswith("KALLGLOT_")}
    process = subprocess.Popen(
        [str(KALLGLOT), "stream", str(long_wav), "--from", "de", "--to", "en"],
        env={**clean, **api}, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        assert first.startswith("session sess_")
        time.sleep(1.0)  # some audio is on its way
        process.send_signal(signal.SIGINT)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode == 130, stderr
    session_id = first.split()[1]
    # "explicit_end" is the reason in the stream's session.ended: the end went over the socket, not REST.
    assert stdout.splitlines()[-1] == f"session {session_id} ended (explicit_end)"
    assert "Traceback" not in stderr


@pytest.mark.parametrize("words", [["--from", "de"], []])
def test_stream_help_runs_without_a_server(words: list[str]) -> None:
    assert "AUDIO.wav|-" in run("stream", *words, "--help").stdout


def test_a_failed_stream_still_ends_the_session_it_created(api: dict[str, str], mock: MockServer) -> None:
    mock.faults.drop_stream(after_frames=1, count=50)  # every connection is cut: the stream gives up
    try:
        result = run("stream", str(DEMO), "--from", "de", "--to", "en", "--fast", env=api)
    finally:
        mock.faults.clear()
    assert result.returncode != 0
    session_id = result.stdout.splitlines()[0].removeprefix("session ")
    with Kallglot(API_KEY, base_url=mock.base_url) as client:
        assert client.sessions.retrieve(session_id).status == "ended"
