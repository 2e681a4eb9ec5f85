"""Downloads through redirect hops: every hop's response closed, the key kept home, the bytes exact, file names
and modes safe; and the in-memory and streaming forms. Sync and async."""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import logging
import os
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

import kallglot
from kallglot._download import clean_filename

from .conftest import API_KEY
from .loopback import serve

AUDIO = bytes(range(256)) * 40  # 10 KiB


def _send(handler: BaseHTTPRequestHandler, status: int, body: bytes = b"", **headers: str) -> None:
    handler.send_response(status)
    for name, value in headers.items():
        handler.send_header(name.replace("_", "-"), value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def _fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@contextlib.contextmanager
def two_hops(audio: bytes = AUDIO, disposition: str | None = None) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """An API whose audio URL redirects to itself once, then to storage on another origin."""
    seen: list[dict[str, str]] = []

    def storage(handler: BaseHTTPRequestHandler) -> None:
        seen.append({k.lower(): v for k, v in handler.headers.items()} | {"path": handler.path})
        extra = {"Content_Disposition": disposition} if disposition else {}
        _send(handler, 200, audio, Content_Type="audio/wav", **extra)

    with serve(storage, keep_alive=True) as storage_url:

        def api(handler: BaseHTTPRequestHandler) -> None:
            path = handler.path.split("?")[0]
            if path.endswith("/audio"):
                _send(handler, 302, Location=path + "/signed", X_API_Credits_Remaining="41")
            elif path.endswith("/signed"):
                _send(handler, 307, Location=f"{storage_url}/bucket/rec.wav?signature=s3cr3t")
            else:
                _send(handler, 200, b'{"id": "rec_1", "object": "recording"}', Content_Type="application/json")

        with serve(api, keep_alive=True) as api_url:
            yield api_url + "/v1", seen


def test_300_sync_downloads_through_two_hops_leak_nothing(tmp_path: Path) -> None:
    with two_hops() as (base_url, seen), kallglot.Kallglot(API_KEY, base_url=base_url) as client:
        for i in range(10):
            client.recordings.download("rec_1", tmp_path / f"{i}.wav")
        baseline = _fds()
        for i in range(10, 300):
            client.recordings.download("rec_1", tmp_path / f"{i}.wav")
        assert _fds() <= baseline + 4
        assert client.recordings.retrieve("rec_1").id == "rec_1"  # the pool still has room
    assert len(seen) == 300
    assert all((tmp_path / f"{i}.wav").read_bytes() == AUDIO for i in (0, 150, 299))
    assert client.credits is not None and client.credits.remaining == 41  # credits seen on the hops


def test_300_async_downloads_through_two_hops_leak_nothing(tmp_path: Path) -> None:
    async def run(base_url: str) -> None:
        async with kallglot.AsyncKallglot(API_KEY, base_url=base_url) as client:
            for i in range(10):
                await client.recordings.download("rec_1", tmp_path / f"{i}.wav")
            baseline = _fds()
            for i in range(10, 300):
                await client.recordings.download("rec_1", tmp_path / f"{i}.wav")
            assert _fds() <= baseline + 4
            assert (await client.recordings.retrieve("rec_1")).id == "rec_1"

    with two_hops() as (base_url, seen):
        asyncio.run(run(base_url))
    assert len(seen) == 300


def test_the_storage_hop_gets_neither_the_key_nor_the_callers_headers_or_query(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with two_hops() as (base_url, seen), caplog.at_level(logging.INFO, logger="kallglot"):
        client = kallglot.Kallglot(API_KEY, base_url=base_url, default_headers={"X-Team": "blue"})
        with client:
            client.recordings.download("rec_1", tmp_path / "a.wav", extra_headers={"X-Trace": "t1"},
                                       extra_query={"tenant": "a"})  # fmt: skip
    headers = seen[0]
    assert "authorization" not in headers and "x-team" not in headers and "x-trace" not in headers
    assert headers["path"] == "/bucket/rec.wav?signature=s3cr3t"
    assert headers["accept-encoding"] == "identity"
    lines = [r.getMessage() for r in caplog.records]
    assert len([line for line in lines if " -> 30" in line]) == 2 and len([line for line in lines if "-> 200" in line])
    assert not [line for line in lines if "s3cr3t" in line or API_KEY in line]


def test_a_callers_pool_that_follows_redirects_still_keeps_the_key_and_headers_home(tmp_path: Path) -> None:
    import httpx

    with two_hops() as (base_url, seen), httpx.Client(follow_redirects=True) as pool:
        client = kallglot.Kallglot(API_KEY, base_url=base_url, http_client=pool, default_headers={"X-Team": "b"})
        assert client.recordings.content("rec_1") == AUDIO
    assert "authorization" not in seen[0] and "x-team" not in seen[0]


def test_too_many_redirects_and_a_redirect_without_location_close_every_hop(tmp_path: Path) -> None:
    def loop(handler: BaseHTTPRequestHandler) -> None:
        if "nowhere" in handler.path:
            _send(handler, 302)
        elif handler.path.endswith("/audio") or "again" in handler.path:
            _send(handler, 302, Location=handler.path.split("?")[0] + "?again=1")
        else:
            _send(handler, 200, b'{"id": "rec_1", "object": "recording"}', Content_Type="application/json")

    with serve(loop, keep_alive=True) as url, kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
        for _ in range(25):  # 25 x 6 hops: far beyond the pool's 100 connections if any hop leaked
            with pytest.raises(kallglot.APIConnectionError, match="redirected more than 5 times"):
                client.recordings.download("rec_1", tmp_path / "x.wav")
        with pytest.raises(kallglot.APIError) as caught:
            client.recordings.download("nowhere", tmp_path / "x.wav")
        assert caught.value.status_code == 302
        assert client.recordings.retrieve("rec_1").id == "rec_1"
    assert list(tmp_path.iterdir()) == []


def test_a_gzip_answer_is_saved_decoded_and_identity_is_asked_for(tmp_path: Path) -> None:
    asked: list[str | None] = []

    def gzipped(handler: BaseHTTPRequestHandler) -> None:
        asked.append(handler.headers.get("Accept-Encoding"))
        _send(handler, 200, gzip.compress(AUDIO), Content_Type="audio/wav", Content_Encoding="gzip")

    async def run(url: str) -> bytes:
        async with kallglot.AsyncKallglot(API_KEY, base_url=url + "/v1") as client:
            return await client.recordings.content("rec_1")

    with serve(gzipped) as url:
        path = kallglot.Kallglot(API_KEY, base_url=url + "/v1").recordings.download("rec_1", tmp_path / "a.wav")
        assert asyncio.run(run(url)) == AUDIO
    assert path.read_bytes() == AUDIO
    assert asked == ["identity", "identity"]


def test_a_truncated_stream_raises_at_the_end_instead_of_passing_for_whole() -> None:
    def short(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Length", str(len(AUDIO) * 2))
        handler.end_headers()
        handler.wfile.write(AUDIO)
        handler.close_connection = True

    with serve(short) as url, kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
        with pytest.raises(kallglot.APIConnectionError, match="rec_1"):
            client.recordings.content("rec_1")
        with client.recordings.with_streaming_response.download("rec_1") as audio:
            assert audio.content_length == len(AUDIO) * 2
            with pytest.raises(kallglot.APIConnectionError):
                list(audio.iter_bytes())


def test_streaming_and_in_memory_forms_sync_and_async() -> None:
    disposition = 'attachment; filename="call\x01.wav"'

    async def run(base_url: str) -> tuple[bytes, bytes, str | None]:
        async with kallglot.AsyncKallglot(API_KEY, base_url=base_url) as client:
            async with client.recordings.with_streaming_response.download("rec_1") as audio:
                streamed = b"".join([chunk async for chunk in audio.iter_bytes(1000)])
                name = audio.filename
            return streamed, await client.recordings.content("rec_1"), name

    with two_hops(disposition=disposition) as (base_url, _):
        with kallglot.Kallglot(API_KEY, base_url=base_url) as client:
            with client.recordings.with_streaming_response.download("rec_1") as audio:
                assert audio.status_code == 200 and audio.content_type == "audio/wav"
                chunks = list(audio.iter_bytes(1000))
                assert audio.filename == "call.wav"
            assert audio.http_response.is_closed
            assert b"".join(chunks) == AUDIO and max(map(len, chunks)) <= 1000
            assert client.recordings.content("rec_1") == AUDIO
        streamed, whole, name = asyncio.run(run(base_url))
    assert streamed == whole == AUDIO and name == audio.filename


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ('attachment; filename="../../etc/passwd"', "passwd"),
        ('attachment; filename="..\\\\..\\\\boot.ini"', "boot.ini"),
        ("attachment; filename*=UTF-8''%2e%2e%2fsecret%0a%0dname.wav", "secretname.wav"),
        ('attachment; filename="a\x7fb\x85c.wav"', "abc.wav"),
        ("attachment; filename*=UTF-8''a%E2%80%8Eb%C2%9Fc.wav", "abc.wav"),
        ('attachment; filename=".hidden.wav"', "hidden.wav"),
        ('attachment; filename="' + "x" * 300 + '.wav"', "x" * 116 + ".wav"),
        ('attachment; filename="..."', "rec_1.wav"),
        ("inline", "rec_1.wav"),
    ],
)
def test_server_file_names_are_cleaned(tmp_path: Path, header: str, expected: str) -> None:
    with serve(lambda h: _send(h, 200, AUDIO, Content_Type="audio/wav", Content_Disposition=header)) as url:
        path = kallglot.Kallglot(API_KEY, base_url=url + "/v1").recordings.download("rec_1", tmp_path)
    assert path == tmp_path / expected and path.read_bytes() == AUDIO
    assert [p.name for p in tmp_path.iterdir()] == [expected]


def test_clean_filename_keeps_the_extension_within_the_length() -> None:
    name = clean_filename("é" * 500 + ".mp3")
    assert len(name) == 120 and name.endswith(".mp3")
    assert clean_filename("/\x00/") == ""


def test_a_trailing_separator_makes_a_new_folder_and_files_honour_the_umask(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    names = iter(["first.wav", "second.wav"])

    def respond(handler: BaseHTTPRequestHandler) -> None:
        disposition = f'attachment; filename="{next(names)}"'
        _send(handler, 200, AUDIO, Content_Type="audio/wav", Content_Disposition=disposition)

    old = os.umask(0o022)
    try:
        with serve(respond) as url, kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
            first = client.recordings.download("rec_1", "recordings/")
            second = client.recordings.download("rec_2", "recordings" + os.sep)
    finally:
        os.umask(old)
    assert first == Path("recordings/first.wav") and second == Path("recordings/second.wav")
    assert sorted(p.name for p in (tmp_path / "recordings").iterdir()) == ["first.wav", "second.wav"]
    assert {oct(p.stat().st_mode & 0o777) for p in (first, second)} == {"0o644"}


def test_an_on_progress_that_raises_at_once_leaves_no_file_and_no_fd(tmp_path: Path) -> None:
    def boom(done: int, total: int | None) -> None:
        raise RuntimeError("progress bar broke")

    async def run(url: str) -> None:
        async with kallglot.AsyncKallglot(API_KEY, base_url=url + "/v1") as client:
            with pytest.raises(RuntimeError, match="progress bar"):
                await client.recordings.download("rec_1", tmp_path / "b.wav", on_progress=boom)

    with serve(lambda h: _send(h, 200, AUDIO, Content_Type="audio/wav")) as url:
        client = kallglot.Kallglot(API_KEY, base_url=url + "/v1")
        client.recordings.download("rec_1", tmp_path / "warm.wav")
        (tmp_path / "warm.wav").unlink()
        before = _fds()
        for _ in range(5):
            with pytest.raises(RuntimeError, match="progress bar"):
                client.recordings.download("rec_1", tmp_path / "a.wav", on_progress=boom)
        assert _fds() <= before + 2  # slack for the test server closing its side of the last connection
        asyncio.run(run(url))
        client.close()
    assert list(tmp_path.iterdir()) == []


def test_a_recording_still_processing_is_an_error_not_an_empty_file(tmp_path: Path) -> None:
    async def run(url: str) -> None:
        async with kallglot.AsyncKallglot(API_KEY, base_url=url + "/v1") as client:
            with pytest.raises(kallglot.APIError, match="not ready"):
                await client.recordings.content("rec_1")

    with serve(lambda h: _send(h, 202), keep_alive=True) as url:
        with kallglot.Kallglot(API_KEY, base_url=url + "/v1") as client:
            for _ in range(3):
                with pytest.raises(kallglot.APIError, match="not ready") as caught:
                    client.recordings.download("rec_1", tmp_path / "a.wav")
            assert caught.value.status_code == 202 and caught.value.code == "recording_not_ready"
            assert caught.value.response is not None
            assert "authorization" not in caught.value.response.request.headers
            with pytest.raises(kallglot.APIError, match="not ready"):
                client.recordings.content("rec_1")
        asyncio.run(run(url))
    assert list(tmp_path.iterdir()) == []
