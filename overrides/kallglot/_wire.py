"""One rule for what crosses the wire: numbers are checked against bounds, JSON decodes or fails one way.

Every number the SDK reads from a header, a body field or a stream frame goes through :func:`number`, and every
JSON document through :func:`loads`, so a hostile or broken server can make a value absent, never an
``OverflowError``, a ``RecursionError`` or a sleep that never ends. Each channel (REST, stream, webhooks) turns
the ``ValueError`` from :func:`loads` into its own documented ``KallglotError`` at one place.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["MAX_NUMBER_TEXT", "loads", "number"]

# Longer numeric text is not a number any header or field of this API carries (and int() of 4,300+ digits raises).
MAX_NUMBER_TEXT = 40


def number(value: object, *, minimum: float = 0.0, maximum: float, clamp: bool = True) -> float | None:
    """``value`` as a finite float within ``[minimum, maximum]``, or ``None`` when it can't be trusted.

    Accepts ints, floats and numeric strings (not booleans). Text that is too long, NaN and infinities give
    ``None``. A finite value outside the bounds is clamped to them, or gives ``None`` with ``clamp=False``.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, str | bytes):
        if len(value) > MAX_NUMBER_TEXT:
            return None
        try:
            result = float(value)
        except ValueError:
            return None
    elif isinstance(value, int):
        if abs(value) > 10**MAX_NUMBER_TEXT:
            return None
        result = float(value)
    elif isinstance(value, float):
        result = value
    else:
        return None
    if not math.isfinite(result):
        return None
    if minimum <= result <= maximum:
        return result
    return (minimum if result < minimum else maximum) if clamp else None


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def loads(text: str | bytes) -> Any:
    """Decode a JSON document strictly: ``ValueError`` for invalid JSON, invalid UTF-8, ``NaN``/``Infinity``,
    nesting deeper than the interpreter's recursion limit, or numbers too long to convert; nothing else."""
    try:
        if not isinstance(text, str):
            # What json.loads does with bytes, without building a new decoder on every call.
            text = text.decode(json.detect_encoding(text), "surrogatepass")
        return _DECODER.decode(text)
    except RecursionError:
        raise ValueError("JSON nested too deeply to decode") from None
    except ValueError:  # JSONDecodeError, UnicodeDecodeError and int()'s digit limit are all ValueErrors
        raise
    except TypeError as exc:
        raise ValueError(f"not JSON text: {exc}") from None


_DECODER = json.JSONDecoder(parse_constant=_reject_constant)
