"""Writing WAV files: 16-bit PCM (:func:`write_wav`) and G.711 mu-law (:func:`write_mulaw_wav`).

Both take the audio whole (``bytes``) or as an iterable of chunks (the frames of ``audio.output`` events, the
chunks of a recording), write it a chunk at a time, and leave no partial file behind when they fail.
Re-exported by :mod:`kallglot.audio`; the bounds here are also the ones its readers enforce.
"""

from __future__ import annotations

import contextlib
import os
import struct
import wave
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

__all__ = ["MAX_WAV_CHANNELS", "MAX_WAV_RATE", "MIN_WAV_RATE", "write_mulaw_wav", "write_wav"]

MIN_WAV_RATE = 4000
MAX_WAV_RATE = 384_000
MAX_WAV_CHANNELS = 16
_WAVE_FORMAT_MULAW = 7
_RIFF_LIMIT = 0xFFFFFFFF - 64  # a RIFF size is 32 bits; larger audio needs RF64, which nothing here writes

Audio = bytes | bytearray | memoryview | Iterable[bytes | bytearray | memoryview]


def _check(sample_rate: int, channels: int) -> None:
    if isinstance(sample_rate, bool) or not isinstance(sample_rate, int):
        raise TypeError(f"sample_rate must be an int, got {type(sample_rate).__name__}")
    if not MIN_WAV_RATE <= sample_rate <= MAX_WAV_RATE:
        raise ValueError(f"sample_rate must be {MIN_WAV_RATE}-{MAX_WAV_RATE} Hz, got {sample_rate}")
    if isinstance(channels, bool) or not isinstance(channels, int) or not 1 <= channels <= MAX_WAV_CHANNELS:
        raise ValueError(f"channels must be an int from 1 to {MAX_WAV_CHANNELS}, got {channels!r}")


def _chunks(data: Audio) -> Iterator[bytes]:
    if isinstance(data, bytes | bytearray | memoryview):
        yield bytes(data)
        return
    if isinstance(data, str):
        raise TypeError("audio must be bytes or an iterable of bytes, not str")
    for chunk in data:
        if not isinstance(chunk, bytes | bytearray | memoryview):
            raise TypeError(f"audio chunks must be bytes, got {type(chunk).__name__}")
        yield bytes(chunk)


@contextlib.contextmanager
def _output(path: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    target = Path(path)
    try:
        with open(target, "wb") as file:
            yield file
    except BaseException:
        with contextlib.suppress(OSError):
            target.unlink()
        raise


def write_wav(path: str | os.PathLike[str], frames_or_pcm: Audio, *, sample_rate: int, channels: int = 1) -> Path:
    """Write signed 16-bit little-endian PCM (interleaved when ``channels`` > 1) as a PCM WAV file; return its path.

    ``frames_or_pcm`` is the audio whole or an iterable of chunks; chunks may split a sample, the total may not.
    ``sample_rate`` must be ``MIN_WAV_RATE``-``MAX_WAV_RATE``. Raises ``ValueError`` (odd total length, bad rate)
    or ``TypeError`` (not bytes) and then leaves no file behind. To save mu-law frames as they arrive, use
    :func:`write_mulaw_wav`, or decode them first with ``mulaw_decode``.
    """
    _check(sample_rate, channels)
    target = Path(path)
    with _output(target) as file, wave.open(file, "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(2)
        writer.setframerate(sample_rate)
        total = 0
        pending = b""
        for chunk in _chunks(frames_or_pcm):
            data = pending + chunk
            whole = len(data) - len(data) % (2 * channels)
            writer.writeframesraw(data[:whole])
            pending, total = data[whole:], total + whole
            if total > _RIFF_LIMIT:
                raise ValueError("audio too long for a WAV file (4 GiB)")
        if pending:
            raise ValueError(f"16-bit PCM must be a whole number of {2 * channels}-byte frames")
    return target


def _mulaw_header(data_bytes: int, sample_rate: int, channels: int) -> bytes:
    # WAVE_FORMAT_MULAW is not PCM, so `wave` cannot write it: an 18-byte fmt chunk and the `fact` chunk that
    # non-PCM formats require (sample frames per channel), then the data chunk.
    fmt = struct.pack("<HHIIHHH", _WAVE_FORMAT_MULAW, channels, sample_rate, sample_rate * channels, channels, 8, 0)
    fact = struct.pack("<I", data_bytes // channels)
    riff_size = 4 + (8 + len(fmt)) + (8 + len(fact)) + 8 + data_bytes + data_bytes % 2
    return (
        b"RIFF" + struct.pack("<I", riff_size) + b"WAVE"
        + b"fmt " + struct.pack("<I", len(fmt)) + fmt
        + b"fact" + struct.pack("<I", len(fact)) + fact
        + b"data" + struct.pack("<I", data_bytes)
    )  # fmt: skip


def write_mulaw_wav(
    path: str | os.PathLike[str], frames_or_mulaw: Audio, *, sample_rate: int = 8000, channels: int = 1
) -> Path:
    """Write G.711 mu-law bytes (the stream's format: 8 kHz, one byte per sample) as a mu-law WAV; return its path.

    ``frames_or_mulaw`` is the audio whole or an iterable of frames (``event.data`` of ``audio.output`` events).
    The file is ``WAVE_FORMAT_MULAW``, which players and ``ffmpeg``/``sox`` read; Python's ``wave`` module and
    :func:`~kallglot.audio.wav_frames` read only PCM, so write PCM with :func:`write_wav` for those. Raises like
    :func:`write_wav` and leaves no file behind.
    """
    _check(sample_rate, channels)
    target = Path(path)
    with _output(target) as file:
        file.write(_mulaw_header(0, sample_rate, channels))
        total = 0
        for chunk in _chunks(frames_or_mulaw):
            file.write(chunk)
            total += len(chunk)
            if total > _RIFF_LIMIT:
                raise ValueError("audio too long for a WAV file (4 GiB)")
        if total % channels:
            raise ValueError(f"mu-law audio must be a whole number of {channels}-byte frames")
        if total % 2:
            file.write(b"\x00")  # RIFF chunks are padded to an even length
        file.seek(0)
        file.write(_mulaw_header(total, sample_rate, channels))
    return target
