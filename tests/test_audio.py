"""kallglot.audio: G.711 mu-law against reference values, resampling, WAV files as 20 ms frames."""

from __future__ import annotations

import io
import itertools
import math
import struct
import warnings
import wave
from array import array
from pathlib import Path
from typing import Any

import pytest

from kallglot import audio


def pcm(samples: list[int]) -> bytes:
    return array("h", samples).tobytes()


@pytest.mark.parametrize(
    ("sample", "code"),
    # ITU-T G.711 / Sun g711.c linear2ulaw on 16-bit input.
    [(0, 0xFF), (-1, 0x7E), (1, 0xFF), (4, 0xFE), (32767, 0x80), (-32768, 0x00), (-32767, 0x00),
     (100, 0xF2), (-100, 0x72), (1000, 0xCE), (-1000, 0x4E), (8159 * 4, 0x80), (32124, 0x80)],
)  # fmt: skip
def test_encode_reference_values(sample: int, code: int) -> None:
    assert audio.mulaw_encode(pcm([sample])) == bytes([code])


@pytest.mark.parametrize(("code", "sample"), [(0x00, -32124), (0x7F, 0), (0x80, 32124), (0xFF, 0), (0x7E, -8)])
def test_decode_reference_values(code: int, sample: int) -> None:
    assert audio.mulaw_decode(bytes([code])) == pcm([sample])


def test_matches_audioop_on_every_sample_where_available() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        audioop = pytest.importorskip("audioop")
    everything = pcm(list(range(-32768, 32768)))
    assert audio.mulaw_encode(everything) == audioop.lin2ulaw(everything, 2)
    assert audio.mulaw_decode(bytes(range(256))) == audioop.ulaw2lin(bytes(range(256)), 2)


def test_round_trip_error_is_within_half_a_quantisation_step() -> None:
    samples = list(range(-32124, 32125, 7))
    decoded = array("h", audio.mulaw_decode(audio.mulaw_encode(pcm(samples))))
    for original, back in zip(samples, decoded, strict=True):
        # Mu-law steps double per segment: step = 2**(segment+3); error at most one step (4 for the
        # 14-bit truncation included), i.e. about 1/16 of the magnitude plus a constant.
        assert abs(original - back) <= abs(original) / 16 + 8, (original, back)


def test_decode_of_encode_is_idempotent_on_codes() -> None:
    codes = bytes(range(256))
    again = audio.mulaw_encode(audio.mulaw_decode(codes))
    # 0x7F and 0xFF both decode to 0, which encodes as 0xFF; every other code survives.
    assert [a for a, b in zip(codes, again, strict=True) if a != b] == [0x7F]


def test_odd_pcm_is_rejected() -> None:
    with pytest.raises(ValueError):
        audio.mulaw_encode(b"\x00")


def sine(rate: int, seconds: float, frequency: float = 440.0) -> list[int]:
    return [int(8000 * math.sin(2 * math.pi * frequency * n / rate)) for n in range(int(rate * seconds))]


@pytest.mark.parametrize("rate", [8000, 11025, 16000, 22050, 44100, 48000])
def test_resampling_keeps_duration_and_tone(rate: int) -> None:
    out = array("h", audio.resample_pcm16(pcm(sine(rate, 1.0)), rate))
    assert abs(len(out) - 8000) <= 1
    # A 440 Hz tone crosses zero 880 times a second, whatever the input rate.
    crossings = sum(1 for a, b in itertools.pairwise(out) if (a < 0) != (b < 0))
    assert 870 <= crossings <= 890


def test_resampler_gives_the_same_result_chunked() -> None:
    samples = sine(44100, 0.5)
    whole = audio.Resampler(44100).process(samples)
    chunked = audio.Resampler(44100)
    pieces = [v for i in range(0, len(samples), 777) for v in chunked.process(samples[i : i + 777])]
    assert len(pieces) == len(whole)
    assert max(abs(a - b) for a, b in zip(whole, pieces, strict=True)) <= 1


def write_wav(path: Path, rate: int, channels: int, width: int, frames: bytes) -> Path:
    with wave.open(str(path), "wb") as writer:
        writer.setnchannels(channels)
        writer.setsampwidth(width)
        writer.setframerate(rate)
        writer.writeframes(frames)
    return path


def test_wav_frames_16_bit_stereo_at_44k(tmp_path: Path) -> None:
    left = sine(44100, 0.5)
    interleaved = pcm([v for pair in zip(left, left, strict=True) for v in pair])
    frames = list(audio.wav_frames(write_wav(tmp_path / "s.wav", 44100, 2, 2, interleaved)))
    assert {len(f) for f in frames} == {audio.FRAME_BYTES}
    assert len(frames) == 25  # 0.5 s of 20 ms frames
    mono = list(audio.wav_frames(write_wav(tmp_path / "m.wav", 44100, 1, 2, pcm(left))))
    assert frames == mono  # identical channels mix down to the same signal


def test_wav_frames_8_bit_mono_pads_the_last_frame(tmp_path: Path) -> None:
    data = bytes([128]) * 8000 + bytes([128 + 64]) * 100  # 1 s of silence, then a short step
    frames = list(audio.wav_frames(write_wav(tmp_path / "u8.wav", 8000, 1, 1, data)))
    assert len(frames) == 51 and all(len(f) == 160 for f in frames)
    assert frames[0] == bytes([audio.MULAW_SILENCE]) * 160
    assert frames[-1][100:] == bytes([audio.MULAW_SILENCE]) * 60
    assert frames[-1][:100] == audio.mulaw_encode(pcm([64 << 8])) * 100


def test_read_wav_and_unsupported_width(tmp_path: Path) -> None:
    samples = sine(16000, 0.1)
    data, rate = audio.read_wav(write_wav(tmp_path / "a.wav", 16000, 1, 2, pcm(samples)))
    assert rate == 16000 and data == pcm(samples)
    with pytest.raises(ValueError, match="24-bit"):
        list(audio.wav_frames(write_wav(tmp_path / "b.wav", 8000, 1, 3, b"\x00" * 30)))


def test_pcm16_frames() -> None:
    frames = audio.pcm16_to_mulaw_frames(pcm([0] * 16000), 16000)
    assert [len(f) for f in frames[:-1]] == [160] * 49 and 159 <= len(frames[-1]) <= 160
    assert [len(f) for f in audio.pcm16_to_mulaw_frames(pcm([0] * 16000), 16000, pad=True)] == [160] * 50
    assert audio.pcm16_to_mulaw_frames(pcm([0] * 100), 8000) == [bytes([0xFF]) * 100]


def _wav_header(rate: int, channels: int, data: bytes) -> bytes:
    fmt = struct.pack("<HHIIHH", 1, channels, rate, rate * channels * 2, channels * 2, 16)
    body = b"WAVE" + b"fmt " + struct.pack("<I", len(fmt)) + fmt + b"data" + struct.pack("<I", len(data)) + data
    return b"RIFF" + struct.pack("<I", len(body)) + body


@pytest.mark.parametrize(
    ("rate", "channels", "match"),
    [(1, 1, "1 Hz"), (3999, 1, "3999 Hz"), (10**6, 1, "1000000 Hz"), (8000, 200, "200 channels")],
)
def test_absurd_wav_headers_are_refused_before_any_work(tmp_path: Path, rate: int, channels: int, match: str) -> None:
    # Issue 13 item 23: 4 KB declaring 1 Hz used to resample to 100,000 frames (672 MB of RSS).
    path = tmp_path / "absurd.wav"
    path.write_bytes(_wav_header(rate, channels, b"\x01\x02" * 2000))
    with pytest.raises(ValueError, match=match):
        next(audio.wav_frames(path))
    with pytest.raises(ValueError, match=match):
        audio.read_wav(path)


def test_write_wav_round_trips_bytes_and_chunks(tmp_path: Path) -> None:
    samples = sine(16000, 0.25)
    whole = audio.write_wav(tmp_path / "w.wav", pcm(samples), sample_rate=16000)
    assert audio.read_wav(whole) == (pcm(samples), 16000)
    data = pcm(samples)
    pieces = [data[i : i + 333] for i in range(0, len(data), 333)]  # odd sizes split samples
    chunked = audio.write_wav(tmp_path / "c.wav", iter(pieces), sample_rate=16000)
    assert chunked.read_bytes() == whole.read_bytes()
    with wave.open(str(whole)) as reader:
        assert (reader.getnchannels(), reader.getsampwidth(), reader.getnframes()) == (1, 2, len(samples))


@pytest.mark.parametrize(
    ("data", "rate", "error"),
    [(b"\x00", 8000, ValueError), (b"\x00\x00", 1, ValueError), (b"\x00\x00", 8000.0, TypeError),
     ("ab", 8000, TypeError)],
)  # fmt: skip
def test_write_wav_refuses_bad_input_and_leaves_no_file(
    tmp_path: Path, data: object, rate: object, error: type[Exception]
) -> None:
    target = tmp_path / "bad.wav"
    with pytest.raises(error):
        audio.write_wav(target, data, sample_rate=rate)  # type: ignore[arg-type]
    assert not target.exists()


def test_write_mulaw_wav_is_a_valid_mulaw_riff(tmp_path: Path) -> None:
    frames = audio.pcm16_to_mulaw_frames(pcm(sine(8000, 0.1)), 8000)
    frames.append(b"\x7f")  # odd total: the data chunk gets a pad byte
    path = audio.write_mulaw_wav(tmp_path / "u.wav", iter(frames))
    raw = path.read_bytes()
    total = sum(map(len, frames))
    assert raw[:4] == b"RIFF" and raw[8:12] == b"WAVE" and struct.unpack("<I", raw[4:8])[0] == len(raw) - 8
    tag, channels, rate, byte_rate, align, bits = struct.unpack("<HHIIHH", raw[20:36])
    assert (tag, channels, rate, byte_rate, align, bits) == (7, 1, 8000, 8000, 1, 8)
    data_at = raw.index(b"data")
    assert struct.unpack("<I", raw[data_at + 4 : data_at + 8])[0] == total
    assert raw[data_at + 8 : data_at + 8 + total] == b"".join(frames)
    fact_at = raw.index(b"fact")
    assert struct.unpack("<I", raw[fact_at + 8 : fact_at + 12])[0] == total


def test_wav_frames_reads_an_unseekable_binary_stream(tmp_path: Path) -> None:
    path = write_wav(tmp_path / "s.wav", 16000, 1, 2, pcm(sine(16000, 0.3)))

    class Pipe(io.RawIOBase):  # what sys.stdin.buffer is when a WAV is piped in: no seek, no tell
        def __init__(self, data: bytes) -> None:
            self._data = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, buffer: Any) -> int:
            chunk = self._data.read(min(len(buffer), 1000))
            buffer[: len(chunk)] = chunk
            return len(chunk)

    assert list(audio.wav_frames(io.BufferedReader(Pipe(path.read_bytes())))) == list(audio.wav_frames(path))
