"""Downloads: constant memory, no partial file on failure, redirects without the API key."""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import tracemalloc
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import kallglot

from .conftest import API_KEY
from .loopback import serve

SIZE = 50 * 1024 * 1024
BLOCK = bytes(range(256)) * 256  # 64 KiB


def _audio(handler: BaseHTTPRequestHandler, size: int = SIZE, send: int | None = None) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "audio/mpeg")
    handler.send_header("Content-Length", str(size))
    handler.send_header("Content-Disposition", 'attachment; filename="recording-sess_1.mp3"')
    handler.end_headers()
    left = size if send is None else send
    while left > 0:
        chunk = BLOCK[: min(len(BLOCK), left)]
        handler.wfile.write(chunk)
        left -= len(chunk)
    handler.wfile.flush()
    if send is not None:
        handler.close_connection = True


def _expected_digest(size: int) -> str:
    digest = hashlib.sha256()
    for _ in range(size // len(BLOCK)):
        digest.update(BLOCK)
    return digest.hexdigest()


def test_a_50_mb_download_streams_in_constant_memory(tmp_path: Path) -> None:
    paths: list[str] = []

    def respond(handler: BaseHTTPRequestHandler) -> None:
        paths.append(handler.path)
        _audio(handler)

    progress: list[tuple[int, int | None]] = []
    with serve(respond) as url, kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
        tracemalloc.start()
        try:
            path = client.recordings.download(
                "rec_1", tmp_path / "call.mp3", on_progress=lambda d, t: progress.append((d, t))
            )
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    assert paths == ["/v1/recordings/rec_1/audio"]
    assert path == tmp_path / "call.mp3" and path.stat().st_size == SIZE
    assert hashlib.sha256(path.read_bytes()).hexdigest() == _expected_digest(SIZE)
    assert peak < 10 * 1024 * 1024, f"peak traced memory {peak / 1e6:.1f} MB"
    assert progress[0] == (0, SIZE) and progress[-1] == (SIZE, SIZE)
    assert all(a[0] <= b[0] for a, b in itertools.pairwise(progress))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["call.mp3"]


def test_a_download_cut_short_leaves_no_file(tmp_path: Path) -> None:
    with serve(lambda h: _audio(h, size=1_000_000, send=300_000)) as url:
        client = kallglot.Kallglot(API_KEY, base_url=url + "/v1")
        with pytest.raises(kallglot.APIConnectionError, match="rec_1"):
            client.recordings.download("rec_1", tmp_path / "call.mp3")
    assert list(tmp_path.iterdir()) == []


def test_a_folder_destination_takes_the_servers_file_name(tmp_path: Path) -> None:
    with serve(lambda h: _audio(h, size=len(BLOCK))) as url:
        path = kallglot.Kallglot(API_KEY, base_url=url + "/v1").recordings.download("rec_1", tmp_path)
    assert path == tmp_path / "recording-sess_1.mp3" and path.stat().st_size == len(BLOCK)


def test_a_redirect_to_storage_is_followed_without_the_api_key(tmp_path: Path) -> None:
    storage_headers: list[dict[str, str]] = []

    def storage(handler: BaseHTTPRequestHandler) -> None:
        storage_headers.append({k.lower(): v for k, v in handler.headers.items()})
        _audio(handler, size=len(BLOCK) * 3)

    with serve(storage) as storage_url:

        def api(handler: BaseHTTPRequestHandler) -> None:
            handler.send_response(302)
            handler.send_header("Location", f"{storage_url}/recordings/rec_1.mp3?signature=xxx")
            handler.send_header("Content-Length", "0")
            handler.end_headers()

        with serve(api) as api_url:
            client = kallglot.Kallglot(API_KEY, base_url=api_url + "/v1")
            path = client.recordings.download("rec_1", tmp_path / "a.mp3")

            async def run_async() -> Path:
                async with kallglot.AsyncKallglot(API_KEY, base_url=api_url + "/v1") as aclient:
                    return await aclient.recordings.download("rec_1", tmp_path / "b.mp3")

            async_path = asyncio.run(run_async())
    assert path.stat().st_size == async_path.stat().st_size == len(BLOCK) * 3
    assert len(storage_headers) == 2
    for headers in storage_headers:
        assert "authorization" not in headers and "x-api-key" not in headers
        assert API_KEY not in str(headers)


def test_a_missing_recording_raises_not_found_and_writes_nothing(tmp_path: Path) -> None:
    def missing(handler: BaseHTTPRequestHandler) -> None:
        body = b'{"error": {"type": "invalid_request_error", "code": "not_found", "message": "No such recording"}}'
        handler.send_response(404)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    with serve(missing) as url, pytest.raises(kallglot.NotFoundError, match="No such recording"):
        kallglot.Kallglot(API_KEY, base_url=url + "/v1").recordings.download("rec_1", tmp_path / "x.mp3")
    assert list(tmp_path.iterdir()) == []
