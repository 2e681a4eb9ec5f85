"""Audio helpers for the live stream: G.711 mu-law, resampling to 8 kHz, WAV files as 20 ms frames.

The stream accepts only 8 kHz mono G.711 mu-law. ``audioop`` is gone from Python 3.13, so the codec here is
table-driven pure Python, bit-exact with the ITU-T reference implementation (Sun's ``g711.c``, which is also
what ``audioop.lin2ulaw`` / ``ulaw2lin`` computed). PCM is always signed 16-bit little-endian.

    for frame in kallglot.audio.wav_frames("call.wav"):   # 160-byte mu-law frames, 20 ms each
        stream.send_audio(frame, speaker="customer")
"""

from __future__ import annotations

import os
import sys
import wave
from array import array
from collections.abc import Iterator
from functools import cache
from typing import BinaryIO

from ._wav_write import MAX_WAV_CHANNELS, MAX_WAV_RATE, MIN_WAV_RATE, write_mulaw_wav, write_wav

__all__ = [
    "FRAME_BYTES",
    "FRAME_MS",
    "MAX_WAV_CHANNELS",
    "MAX_WAV_RATE",
    "MIN_WAV_RATE",
    "MULAW_SILENCE",
    "SAMPLE_RATE",
    "Resampler",
    "mulaw_decode",
    "mulaw_encode",
    "pcm16_to_mulaw_frames",
    "read_wav",
    "resample_pcm16",
    "wav_frames",
    "write_mulaw_wav",
    "write_wav",
]

SAMPLE_RATE = 8000
FRAME_MS = 20
FRAME_BYTES = SAMPLE_RATE * FRAME_MS // 1000  # one mu-law byte per sample: 160
MULAW_SILENCE = 0xFF  # the encoding of 0
_BIG_ENDIAN = sys.byteorder == "big"
_WAV_CHUNK_FRAMES = 8000  # WAV frames read per step: bounded memory whatever the file's length


def _encode14(value: int) -> int:
    # g711.c linear2ulaw on a 14-bit sample: clip at 8159, add the bias 0x21, find the segment, keep 4 bits.
    mask = 0xFF
    if value < 0:
        value, mask = -value, 0x7F
    value = min(value, 8159) + 0x21
    segment = value.bit_length() - 6 if value > 0x3F else 0
    if segment >= 8:
        return 0x7F ^ mask
    return ((segment << 4) | ((value >> (segment + 1)) & 0x0F)) ^ mask


@cache
def _encode_table() -> bytes:
    # Indexed by the unsigned 16-bit sample: 64 KiB built once on first use, then one lookup per sample.
    # `u >> 2` of the unsigned value equals the reference's arithmetic `>> 2` of the signed one, modulo 2**14.
    table14 = [_encode14(i if i < 8192 else i - 16384) for i in range(16384)]
    return bytes(code for code in table14 for _ in range(4))


def _decode_table() -> array[int]:
    values = array("h")
    for byte in range(256):
        inverted = ~byte & 0xFF
        magnitude = (((inverted & 0x0F) << 3) + 0x84) << ((inverted & 0x70) >> 4)
        values.append(0x84 - magnitude if inverted & 0x80 else magnitude - 0x84)
    return values


_DECODE = _decode_table()


def mulaw_encode(pcm: bytes) -> bytes:
    """Encode 16-bit little-endian PCM as G.711 mu-law, one byte per sample. Odd lengths raise ``ValueError``."""
    if len(pcm) % 2:
        raise ValueError("16-bit PCM must have an even number of bytes")
    samples = array("H", pcm)
    if _BIG_ENDIAN:
        samples.byteswap()
    return bytes(map(_encode_table().__getitem__, samples))


def mulaw_decode(data: bytes) -> bytes:
    """Decode G.711 mu-law to 16-bit little-endian PCM (two bytes per input byte)."""
    samples = array("h", map(_DECODE.__getitem__, data))
    if _BIG_ENDIAN:
        samples.byteswap()
    return samples.tobytes()


class Resampler:
    """Convert a stream of 16-bit samples from ``source_rate`` to ``target_rate``, chunk by chunk.

    Downsampling applies a moving-average low-pass of ``source_rate // target_rate`` samples, then linear
    interpolation: good enough for speech recognition, not for music. State carries across :meth:`process`
    calls, so a file read in chunks resamples exactly as if read whole. Not thread-safe.
    """

    def __init__(self, source_rate: int, target_rate: int = SAMPLE_RATE) -> None:
        if source_rate <= 0 or target_rate <= 0:
            raise ValueError("sample rates must be positive")
        self.step = source_rate / target_rate
        self.width = max(1, source_rate // target_rate)
        self._history: list[int] = []  # the last width-1 raw samples, for the moving average
        self._previous: float | None = None  # the last filtered sample, for interpolation across chunks
        self._position = 0.0  # next output instant, in filtered samples after `_previous`

    def process(self, samples: list[int]) -> list[int]:
        """Resample the next chunk; returns the output samples it completes."""
        if self.step == 1:
            return list(samples)
        raw = self._history + list(samples)
        width = self.width
        filtered: list[float] = [] if self._previous is None else [self._previous]
        if width == 1:
            filtered.extend(raw)
        else:
            total = sum(raw[: width - 1])
            for index in range(width - 1, len(raw)):
                total += raw[index]
                filtered.append(total / width)
                total -= raw[index - width + 1]
        self._history = raw[max(0, len(raw) - (width - 1)) :] if width > 1 else []
        out: list[int] = []
        position, step, last = self._position, self.step, len(filtered) - 1
        while position < last:
            base = int(position)
            fraction = position - base
            value = filtered[base] + (filtered[base + 1] - filtered[base]) * fraction
            out.append(max(-32768, min(32767, round(value))))
            position += step
        if filtered:
            self._previous = filtered[-1]
            self._position = position - last
        return out


def resample_pcm16(pcm: bytes, source_rate: int, target_rate: int = SAMPLE_RATE) -> bytes:
    """Resample one whole buffer of 16-bit little-endian mono PCM (see :class:`Resampler` for the method)."""
    if len(pcm) % 2:
        raise ValueError("16-bit PCM must have an even number of bytes")
    samples = array("h", pcm)
    if _BIG_ENDIAN:
        samples.byteswap()
    out = array("h", Resampler(source_rate, target_rate).process(samples.tolist()))
    if _BIG_ENDIAN:
        out.byteswap()
    return out.tobytes()


def _frames(mulaw: bytes, pad: bool) -> Iterator[bytes]:
    for start in range(0, len(mulaw), FRAME_BYTES):
        frame = mulaw[start : start + FRAME_BYTES]
        if pad and len(frame) < FRAME_BYTES:
            frame += bytes([MULAW_SILENCE]) * (FRAME_BYTES - len(frame))
        yield frame


def pcm16_to_mulaw_frames(pcm: bytes, sample_rate: int, *, pad: bool = False) -> list[bytes]:
    """Mono 16-bit PCM at any rate as 8 kHz mu-law frames of 20 ms; the last may be shorter unless ``pad``."""
    if sample_rate != SAMPLE_RATE:
        pcm = resample_pcm16(pcm, sample_rate)
    return list(_frames(mulaw_encode(pcm), pad))


def _check_header(reader: wave.Wave_read) -> int:
    """The file's frame rate, after refusing headers no real recording has (``ValueError`` naming the field)."""
    # A 4 KB file declaring 1 Hz would otherwise resample to 8000 output samples per input sample (hundreds of
    # MB), and 65535 channels would make each read step a gigabyte.
    rate, channels = reader.getframerate(), reader.getnchannels()
    if not MIN_WAV_RATE <= rate <= MAX_WAV_RATE:
        raise ValueError(f"WAV header declares {rate} Hz; supported rates are {MIN_WAV_RATE}-{MAX_WAV_RATE} Hz")
    if not 1 <= channels <= MAX_WAV_CHANNELS:
        raise ValueError(f"WAV header declares {channels} channels; at most {MAX_WAV_CHANNELS} are supported")
    return rate


def _wav_samples(reader: wave.Wave_read) -> Iterator[list[int]]:
    width, channels = reader.getsampwidth(), reader.getnchannels()
    if width not in (1, 2):
        raise ValueError(f"only 8-bit and 16-bit PCM WAV files are supported, not {8 * width}-bit")
    while chunk := reader.readframes(_WAV_CHUNK_FRAMES):
        if width == 1:  # 8-bit WAV is unsigned with 128 as silence
            values = [(byte - 128) << 8 for byte in chunk]
        else:
            pcm = array("h", chunk[: len(chunk) - len(chunk) % 2])
            if _BIG_ENDIAN:
                pcm.byteswap()
            values = pcm.tolist()
        if channels > 1:
            # Mix down by averaging the channels, which cannot clip.
            values = [sum(values[i : i + channels]) // channels for i in range(0, len(values), channels)]
        yield values


def read_wav(path: str | os.PathLike[str]) -> tuple[bytes, int]:
    """A PCM WAV file's audio as mono 16-bit little-endian PCM, with its sample rate (loads it whole)."""
    with wave.open(os.fspath(path), "rb") as reader:
        rate = _check_header(reader)
        samples = array("h", [value for chunk in _wav_samples(reader) for value in chunk])
    if _BIG_ENDIAN:
        samples.byteswap()
    return samples.tobytes(), rate


def _open(source: str | os.PathLike[str] | BinaryIO) -> wave.Wave_read:
    if isinstance(source, str | os.PathLike):
        return wave.open(os.fspath(source), "rb")
    return wave.open(source, "rb")


def wav_frames(path: str | os.PathLike[str] | BinaryIO) -> Iterator[bytes]:
    """Yield a WAV file as 20 ms frames of 8 kHz mu-law (160 bytes; the last padded with silence).

    ``path`` may also be a binary file object open for reading, unseekable included (``sys.stdin.buffer``).

    Reads 8-bit or 16-bit PCM at any sample rate, mono or stereo (mixed down), a second at a time, so memory
    stays small for long recordings. Other formats, and headers declaring a rate outside
    ``MIN_WAV_RATE``-``MAX_WAV_RATE`` or more than ``MAX_WAV_CHANNELS`` channels, raise ``ValueError``
    (``wave.Error`` for non-PCM files).
    """
    with _open(path) as reader:
        resampler = Resampler(_check_header(reader))
        pending = b""
        for chunk in _wav_samples(reader):
            pcm = array("h", resampler.process(chunk))
            if _BIG_ENDIAN:
                pcm.byteswap()
            pending += mulaw_encode(pcm.tobytes())
            whole = len(pending) - len(pending) % FRAME_BYTES
            yield from _frames(pending[:whole], pad=False)
            pending = pending[whole:]
        if pending:
            yield from _frames(pending, pad=True)
