"""Every operation, called through the SDK, against Stoplight Prism's dynamic mock of the document.

Prism (npm ``@stoplight/prism-cli``, pinned in ``tools/node/package.json``) answers from the document alone,
with bodies generated from the schemas, and checks each request against the document: a request it finds
invalid is answered with an error (``--errors``) and logged as a violation. So this shows both that the SDK
sends what a strict server accepts and that it parses whatever the document allows. It runs on loopback, on a
port the OS picks. Without the prism binary (``tools/node``'s, or ``$KALLGLOT_PRISM``, or one on ``PATH``) it skips;
``tox -e lint-spec`` installs it and runs this file.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

import kallglot

from .document import ROOT, SPEC_PATH, operations

PRISM = os.environ.get("KALLGLOT_PRISM") or str(ROOT / "tools" / "node" / "node_modules" / ".bin" / "prism")
INSTALL_HINT = "prism is not installed: run `npm ci --prefix tools/node` (or `tox -e lint-spec`, which installs it)"
STARTUP_SECONDS = 90
LISTENING = re.compile(r"Prism is listening on (http://127\.0\.0\.1:\d+)")
# Prism logs a request that breaks the document as a "Violation: request…" line (a warning or an error).
REQUEST_VIOLATION = re.compile(r"Violation: request\.|Request terminated with error")
ANSWERED = re.compile(r"Responding with|Request terminated")

SESSION_ID = "sess_01HXYZ123456789"
RECORDING_ID = "rec_01HABC987654321"
ANALYSIS_ID = "anl_01HDEF456789012"


def _prism_path() -> str | None:
    if Path(PRISM).is_file():
        return PRISM
    return shutil.which("prism")


@dataclass
class Prism:
    base_url: str
    log: list[str] = field(default_factory=list)

    def lines_since(self, mark: int) -> list[str]:
        return self.log[mark:]


# Two seeds: each makes other optional fields present, absent or null, so more of each schema is parsed.
@pytest.fixture(scope="module", params=["1", "2"], ids=lambda seed: f"seed{seed}")
def prism(request: pytest.FixtureRequest) -> Iterator[Prism]:
    binary = _prism_path()
    if binary is None or shutil.which("node") is None:
        if os.environ.get("KALLGLOT_REQUIRE_PRISM"):  # CI installs it, so a skip there would hide a broken install
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    command = [
        binary,
        "mock",
        "--dynamic",
        "--seed",
        request.param,
        "--errors",
        "-h",
        "127.0.0.1",
        "-p",
        "0",
        str(SPEC_PATH),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=ROOT)
    assert process.stdout is not None
    log: list[str] = []
    ready = threading.Event()
    found: list[str] = []

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line.rstrip())
            if not found and (match := LISTENING.search(line)):
                found.append(match.group(1))
                ready.set()
        ready.set()  # the process ended: stop waiting

    reader = threading.Thread(target=pump, name="prism-log", daemon=True)
    reader.start()
    try:
        if not ready.wait(STARTUP_SECONDS) or not found:
            pytest.fail("prism did not start:\n" + "\n".join(log[-30:]))
        yield Prism(found[0], log)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        reader.join(timeout=10)
        process.stdout.close()


def _sync_calls(client: kallglot.Kallglot, tmp: Path) -> dict[str, Callable[[], Any]]:
    return {
        "createSession": lambda: client.sessions.create(
            mode="bidirectional_translation",
            source_language="de",
            target_language="en",
            routing={"phone_number": "+19788006140"},
            metadata={"external_call_id": "call_abc123"},
        ),
        "retrieveSession": lambda: client.sessions.retrieve(SESSION_ID),
        "endSession": lambda: client.sessions.end(SESSION_ID),
        "retrieveSessionTranscript": lambda: client.sessions.transcript(SESSION_ID),
        "listSessionRecordings": lambda: client.sessions.list_recordings(SESSION_ID, limit=10),
        "retrieveRecording": lambda: client.recordings.retrieve(RECORDING_ID),
        "downloadRecordingAudio": lambda: client.recordings.download(RECORDING_ID, tmp / "audio.mp3"),
        "createSessionAnalysis": lambda: client.analyses.create(
            SESSION_ID, profile="default", include=["summary", "sentiment", "compliance", "keywords", "performance"]
        ),
        "retrieveAnalysis": lambda: client.analyses.retrieve(ANALYSIS_ID),
    }


def _async_calls(client: kallglot.AsyncKallglot, tmp: Path) -> dict[str, Callable[[], Awaitable[Any]]]:
    return {
        "createSession": lambda: client.sessions.create(mode="assistive_translation"),
        "retrieveSession": lambda: client.sessions.retrieve(SESSION_ID),
        "endSession": lambda: client.sessions.end(SESSION_ID),
        "retrieveSessionTranscript": lambda: client.sessions.transcript(SESSION_ID),
        "listSessionRecordings": lambda: client.sessions.list_recordings(SESSION_ID, starting_after=RECORDING_ID),
        "retrieveRecording": lambda: client.recordings.retrieve(RECORDING_ID),
        "downloadRecordingAudio": lambda: client.recordings.download(RECORDING_ID, tmp / "audio.mp3"),
        "createSessionAnalysis": lambda: client.analyses.create(SESSION_ID),
        "retrieveAnalysis": lambda: client.analyses.retrieve(ANALYSIS_ID),
    }


# The SDK has no method for the two deprecated operations (it reaches the older download only as a redirect).
SDK_OPERATIONS = [
    "createSession",
    "retrieveSession",
    "endSession",
    "retrieveSessionTranscript",
    "listSessionRecordings",
    "retrieveRecording",
    "downloadRecordingAudio",
    "createSessionAnalysis",
    "retrieveAnalysis",
]
LEGACY_OPERATIONS = {"downloadRecordingLegacy", "retrieveAnalysisLegacy"}


def test_the_cases_cover_every_operation_of_the_document() -> None:
    documented = {op["operationId"] for _, _, op in operations()}
    assert set(SDK_OPERATIONS) | LEGACY_OPERATIONS == documented


def _violations(prism: Prism, mark: int, *, expect_some: bool = False) -> list[str]:
    """The request violations Prism logged since ``mark``, once it has logged how it answered the request.

    Prism writes its lines on its own schedule and a loaded machine can reorder them, so a short grace period
    follows the answer line; ``expect_some`` waits (bounded) until a violation shows up.
    """
    deadline = time.monotonic() + 30
    while not any(ANSWERED.search(line) for line in prism.lines_since(mark)) and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.03)
    found = [line for line in prism.lines_since(mark) if REQUEST_VIOLATION.search(line)]
    while expect_some and not found and time.monotonic() < deadline:
        time.sleep(0.05)
        found = [line for line in prism.lines_since(mark) if REQUEST_VIOLATION.search(line)]
    return found


@pytest.mark.parametrize("operation", SDK_OPERATIONS)
def test_sync_call_is_accepted_and_parsed(prism: Prism, operation: str, tmp_path: Path) -> None:
    mark = len(prism.log)
    with kallglot.Kallglot(api_key="sk_test_x", base_url=prism.base_url, max_retries=0) as client:
        result = _sync_calls(client, tmp_path)[operation]()
    assert result is not None
    if operation == "downloadRecordingAudio":
        assert Path(result).is_file()
    assert _violations(prism, mark) == []


@pytest.mark.parametrize("operation", SDK_OPERATIONS)
def test_async_call_is_accepted_and_parsed(prism: Prism, operation: str, tmp_path: Path) -> None:
    mark = len(prism.log)

    async def call() -> Any:
        async with kallglot.AsyncKallglot(api_key="sk_test_x", base_url=prism.base_url, max_retries=0) as client:
            return await _async_calls(client, tmp_path)[operation]()

    result = asyncio.run(call())
    assert result is not None
    assert _violations(prism, mark) == []


@pytest.mark.parametrize(
    ("path", "expected"),
    [(f"/recordings/{RECORDING_ID}/download", {302, 202}), (f"/analysis/{ANALYSIS_ID}", {200})],
    ids=sorted(LEGACY_OPERATIONS),
)
def test_the_deprecated_operations_answer_as_documented(prism: Prism, path: str, expected: set[int]) -> None:
    mark = len(prism.log)
    headers = {"Authorization": "Bearer sk_test_x", "Accept": "application/json"}
    with httpx.Client(base_url=prism.base_url, follow_redirects=False, timeout=30) as http:
        response = http.get(path, headers=headers)
    assert response.status_code in expected
    assert _violations(prism, mark) == []


def test_a_request_that_breaks_the_document_is_caught(prism: Prism) -> None:
    # Proves the check above can fail: a session id without its `sess_` prefix breaks the path pattern.
    mark = len(prism.log)
    with httpx.Client(base_url=prism.base_url, timeout=30) as http:
        response = http.get("/sessions/nope", headers={"Authorization": "Bearer sk_test_x"})
    assert response.status_code == 400
    assert _violations(prism, mark, expect_some=True) != []
