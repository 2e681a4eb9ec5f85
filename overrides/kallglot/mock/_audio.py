"""The mock's audio: WAV files of the mu-law it received, and a tone for a channel that received none.

The G.711 codec is :mod:`kallglot.audio`'s, the one the SDK sends with: one codec in the package. The SDK's
codec is checked against the G.711 reference values in its own tests, so sharing it costs the mock no
independence where it matters (what the mock hears is only ever replayed into recordings, never judged).
"""

from __future__ import annotations

import array
import io
import math
import sys
import wave

from ..audio import SAMPLE_RATE, mulaw_decode, mulaw_encode

__all__ = ["SAMPLE_RATE", "tone", "wav_from_mulaw"]


def tone(seconds: float, frequency: float = 440.0, amplitude: int = 6000) -> bytes:
    """A sine tone as mu-law bytes: the stand-in audio of a recording whose session received none."""
    count = int(seconds * SAMPLE_RATE)
    samples = array.array(
        "h", (int(amplitude * math.sin(2 * math.pi * frequency * n / SAMPLE_RATE)) for n in range(count))
    )
    if sys.byteorder == "big":
        samples.byteswap()
    return mulaw_encode(samples.tobytes())


def wav_from_mulaw(data: bytes) -> bytes:
    """A mono 8 kHz 16-bit PCM WAV file holding the decoded mu-law ``data``."""
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as writer:
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(SAMPLE_RATE)
        writer.writeframes(mulaw_decode(data))
    return buffer.getvalue()
