"""kallglot.testing as users run it: a conftest naming the plugin, cassettes recorded from mock_server, replayed."""

from __future__ import annotations

import pytest

from kallglot.mock import TEST_API_KEY

USER_TESTS = """
import pytest

import kallglot


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
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makeconftest('pytest_plugins = ["kallglot.testing"]')
    pytester.makepyfile(test_user=USER_TESTS)
    return pytester


def test_records_without_secrets_then_replays_offline(project: pytest.Pytester) -> None:
    project.runpytest_subprocess("--record-mode=once", "-p", "no:cacheprovider").assert_outcomes(passed=2)
    cassettes = sorted((project.path / "cassettes" / "test_user").glob("*.yaml"))
    assert [path.name for path in cassettes] == ["test_create.yaml", "test_no_credits.yaml"]
    for path in cassettes:
        text = path.read_text()
        assert TEST_API_KEY not in text and "kst_" not in text
        assert "authorization:\n      - REDACTED" in text

    replay = project.runpytest_subprocess("--record-mode=none", "--block-network", "-p", "no:cacheprovider")
    replay.assert_outcomes(passed=2)


def test_replay_refuses_a_request_the_cassette_lacks(project: pytest.Pytester) -> None:
    project.runpytest_subprocess("--record-mode=once", "-p", "no:cacheprovider").assert_outcomes(passed=2)
    cassette = project.path / "cassettes" / "test_user" / "test_create.yaml"
    # Another body no longer matches: bodies are compared as JSON, so only a changed value can miss.
    cassette.write_text(cassette.read_text().replace('"user":"u"', '"user":"v"'))
    replay = project.runpytest_subprocess("--record-mode=none", "--block-network", "-p", "no:cacheprovider")
    replay.assert_outcomes(passed=1, failed=1)
    replay.stdout.fnmatch_lines(["*CannotOverwriteExistingCassetteException*"])
