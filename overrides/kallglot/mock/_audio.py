"""G.711 mu-law decoding and WAV writing with the standard library (``audioop`` is deprecated, so no import)."""

from __future__ import annotations

import io
import math
import wave

SAMPLE_RATE = 8000


def _decode_table() -> tuple[int, ...]:
    # ITU-T G.711: invert the byte, then sign, 3-bit exponent and 4-bit mantissa with a bias of 0x84.
    values = []
    for byte in range(256):
        inverted = ~byte & 0xFF
        magnitude = (((inverted & 0x0F) << 3) + 0x84) << ((inverted & 0x70) >> 4)
        values.append(0x84 - magnitude if inverted & 0x80 else magnitude - 0x84)
    return tuple(values)


_MULAW_TO_LINEAR = _decode_table()


def mulaw_to_pcm16(data: bytes) -> bytes:
    """Decode mu-law bytes to little-endian 16-bit PCM (two bytes per sample)."""
    out = bytearray(len(data) * 2)
    for index, byte in enumerate(data):
        out[2 * index : 2 * index + 2] = _MULAW_TO_LINEAR[byte].to_bytes(2, "little", signed=True)
    return bytes(out)


def linear_to_mulaw(sample: int) -> int:
    """Encode one 16-bit sample as a mu-law byte (used to synthesise audio for recordings and output frames)."""
    sign = 0x80 if sample < 0 else 0
    magnitude = min(abs(sample), 32635) + 0x84
    exponent = max(0, magnitude.bit_length() - 8)
    mantissa = (magnitude >> (exponent + 3)) & 0x0F
    return ~(sign | (exponent << 4) | mantissa) & 0xFF


def tone(seconds: float, frequency: float = 440.0, amplitude: int = 6000) -> bytes:
    """A sine tone as mu-law bytes: the stand-in audio of a recording whose session received none."""
    count = int(seconds * SAMPLE_RATE)
    return bytes(
        linear_to_mulaw(int(amplitude * math.sin(2 * math.pi * frequency * n / SAMPLE_RATE))) for n in range(count)
    )


def wav_from_mulaw(data: bytes) -> bytes:
    """A mono 8 kHz 16-bit PCM WAV file holding the decoded mu-law ``data``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(mulaw_to_pcm16(data))
    return buffer.getvalue()
