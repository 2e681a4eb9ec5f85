"""kallglot.testing as users run it: a conftest naming the plugin, cassettes recorded from mock_server, replayed."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kallglot
from kallglot.mock import TEST_API_KEY, MockServer
from kallglot.testing import MockServers

USER_TESTS = """
import contextlib
from pathlib import Path

import pytest

import kallglot
from kallglot.testing import StreamRecorder, StreamReplayServer


@pytest.mark.vcr
def test_create(mock_server):
    with kallglot.Kallglot(mock_server.api_key, base_url=mock_server.base_url) as client:
        session = client.sessions.create(mode="bidirectional_translation", metadata={"order": 1, "user": "u"})
    assert session.id == "sess_00000000000001"
    assert session.stream.token


@pytest.mark.vcr
@pytest.mark.kallglot_mock(credits=0)
def test_no_credits(mock_server):
    with kallglot.Kallglot(mock_server.api_key, base_url=mock_server.base_url, max_retries=0) as client:
        with pytest.raises(kallglot.InsufficientCreditsError):
            client.sessions.create(mode="bidirectional_translation")


@contextlib.contextmanager
def streamed(session, record_mode):
    path = Path(__file__).parent / "streams" / "test_stream.jsonl"
    if record_mode == "none":
        with StreamReplayServer(path) as replay:
            yield replay.session(session)
    else:
        path.parent.mkdir(exist_ok=True)
        with StreamRecorder(session.stream.url, path) as recorder:
            yield recorder.session(session)


@pytest.mark.vcr
def test_stream(mock_server, record_mode):
    with kallglot.Kallglot(mock_server.api_key, base_url=mock_server.base_url) as client:
        session = client.sessions.create(mode="bidirectional_translation")
        with streamed(session, record_mode) as target, client.sessions.stream(target) as stream:
            stream.send_audio(bytes([0xFF]) * 160)
            stream.end()
            assert [event.type for event in stream][-1] == "session.ended"
"""
README = Path(__file__).resolve().parents[2] / "README.md"


def _readme_replay_command() -> list[str]:
    """The replay command the README gives users, as arguments to pytest."""
    [command] = re.findall(r"^pytest (--record-mode=none .+)$", README.read_text(encoding="utf-8"), flags=re.M)
    return shlex.split(command)


RUN = ("-p", "no:cacheprovider")
REPLAY = (*_readme_replay_command(), *RUN)


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A user's project whose cassettes were recorded from ``mock_server``, once for the module's tests."""
    root = tmp_path_factory.mktemp("user_project")
    (root / "conftest.py").write_text('pytest_plugins = ["kallglot.testing"]\n')
    (root / "test_user.py").write_text(USER_TESTS)
    # A separate process, as users run it (and so the recording run's VCR.py patches never touch this one).
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--record-mode=once", *RUN],
        cwd=root, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    return root


@pytest.fixture
def project(pytester: pytest.Pytester, recorded: Path) -> pytest.Pytester:
    shutil.copytree(recorded, pytester.path, dirs_exist_ok=True)
    return pytester


def test_records_without_secrets_then_replays_offline(project: pytest.Pytester) -> None:
    cassettes = sorted((project.path / "cassettes" / "test_user").glob("*.yaml"))
    assert [path.name for path in cassettes] == ["test_create.yaml", "test_no_credits.yaml", "test_stream.yaml"]
    assert (project.path / "streams" / "test_stream.jsonl").is_file()
    for path in cassettes:
        text = path.read_text()
        assert TEST_API_KEY not in text and "kst_" not in text
        assert "authorization:\n      - REDACTED" in text

    # The README's command: the network blocked, loopback allowed for mock_server and the stream replay server.
    assert "--block-network" in REPLAY
    project.runpytest_inprocess(*REPLAY).assert_outcomes(passed=3)


def test_replay_refuses_a_request_the_cassette_lacks(project: pytest.Pytester) -> None:
    cassette = project.path / "cassettes" / "test_user" / "test_create.yaml"
    # Another body no longer matches: bodies are compared as JSON, so only a changed value can miss.
    cassette.write_text(cassette.read_text().replace('"user":"u"', '"user":"v"'))
    replay = project.runpytest_inprocess(*REPLAY)
    replay.assert_outcomes(passed=2, failed=1)
    replay.stdout.fnmatch_lines(["*CannotOverwriteExistingCassetteException*"])


def test_the_tests_of_a_module_share_a_reset_server_per_set_of_options() -> None:
    servers = MockServers()
    try:
        first = servers.get({"deterministic": True})
        first.faults.set_credits(0)
        first.faults.fail_next(3)
        again = servers.get({"deterministic": True})
        assert again is first and again.state.credits_remaining == 1000 and again.faults.pending() == 0
        other = servers.get({"deterministic": True, "credits": 5})
        assert other is not first and other.state.credits_remaining == 5
        first.stop()  # a test that stops the shared server does not break the next one
        replaced = servers.get({"deterministic": True})
        assert replaced is not first and replaced.running
    finally:
        servers.close()
    assert not replaced.running and not other.running


@pytest.mark.kallglot_mock(host="127.0.0.1", credits=7)
def test_the_marker_takes_host_and_port_as_serve_does(mock_server: MockServer) -> None:
    assert mock_server.base_url.startswith("http://127.0.0.1:")
    with kallglot.Kallglot(mock_server.api_key, base_url=mock_server.base_url) as client:
        client.sessions.create(mode="bidirectional_translation")
        assert client.credits is not None and client.credits.remaining == 6
