"""Sign and verify ``Kallglot-Signature: t=<unix>,v1=<hex>[,v1=<hex>…]`` headers. Pure functions, no I/O."""

from __future__ import annotations

import hashlib
import hmac
import math
import os
import time
from collections.abc import Sequence
from typing import Any

from ._constants import WEBHOOK_SECRET_ENV, WEBHOOK_TOLERANCE
from ._exceptions import WebhookSignatureError

__all__ = [
    "DEFAULT_TOLERANCE",
    "WEBHOOK_SECRET_ENV",
    "RawBody",
    "Secrets",
    "compute_signature",
    "resolve_secrets",
    "sign",
    "verify",
]

# The request body exactly as received; a str is refused at run time (re-encoded text may differ).
RawBody = bytes | bytearray | memoryview
# One signing secret, or several while one rotates (a delivery signed with any of them verifies).
Secrets = str | bytes | Sequence[str | bytes]

# Unix seconds have 10 digits until the year 2286; 16 or more are not a timestamp (and int() of 4,301 digits
# raises a bare ValueError, which unauthenticated input must never reach).
_MAX_TIMESTAMP_DIGITS = 15

DEFAULT_TOLERANCE = WEBHOOK_TOLERANCE  # see _constants.py


def _now() -> float:
    # Indirection so tests can pin the clock without patching time.time for the whole process.
    return time.time()


def _body_bytes(raw_body: Any) -> bytes:
    if isinstance(raw_body, str):
        raise TypeError(
            "raw_body must be the request body as bytes, exactly as received (e.g. `await request.body()`, "
            "`environ['wsgi.input'].read()`); a str or re-serialised JSON never verifies"
        )
    if not isinstance(raw_body, bytes | bytearray | memoryview):
        raise TypeError(f"raw_body must be bytes, got {type(raw_body).__name__}")
    return bytes(raw_body)


def _secret_bytes(secret: Any) -> bytes:
    if isinstance(secret, bytes):
        key = secret
    elif isinstance(secret, str):
        key = secret.encode("utf-8")
    else:
        raise TypeError(f"secret must be a str, got {type(secret).__name__}")
    if not key:
        # An empty key is almost always an unset environment variable; refuse rather than verify against it.
        raise ValueError("the webhook signing secret is empty; copy it from the Developer Portal")
    return key


def resolve_secrets(secret: Secrets | None) -> list[bytes]:
    """The signing key(s) as bytes: ``secret``, or ``$KALLGLOT_WEBHOOK_SECRET`` when it is ``None``.

    A list (or tuple) holds every secret valid while one rotates. Raises ``ValueError`` when no secret is
    given and the variable is unset or empty, or for an empty list; ``TypeError`` for anything but str/bytes.
    """
    if secret is None:
        secret = os.environ.get(WEBHOOK_SECRET_ENV, "")
        if not secret:
            raise ValueError(
                f"no webhook signing secret: pass secret= or set {WEBHOOK_SECRET_ENV} (Developer Portal > Webhooks)"
            )
    if isinstance(secret, str | bytes):
        return [_secret_bytes(secret)]
    if not isinstance(secret, Sequence):
        raise TypeError(f"secret must be a str or a list of str, got {type(secret).__name__}")
    keys = [_secret_bytes(one) for one in secret]
    if not keys:
        raise ValueError("the list of webhook signing secrets is empty")
    return keys


def compute_signature(timestamp: int, raw_body: RawBody, secret: str | bytes) -> str:
    """Return the lowercase hex HMAC-SHA256 of ``b"{timestamp}." + raw_body`` keyed with ``secret``."""
    message = f"{timestamp}.".encode("ascii") + _body_bytes(raw_body)
    return hmac.new(_secret_bytes(secret), message, hashlib.sha256).hexdigest()


def sign(raw_body: RawBody, secret: str | bytes, *, timestamp: int | None = None) -> str:
    """Return a valid ``Kallglot-Signature`` header value for ``raw_body``, signed now or at ``timestamp``.

    For tests of your own receiver, and for the mock server's deliveries.
    """
    t = int(_now()) if timestamp is None else int(timestamp)
    return f"t={t},v1={compute_signature(t, raw_body, secret)}"


def _parse_header(header: str | bytes | None) -> tuple[int, list[str]]:
    if header is None or not header:
        raise WebhookSignatureError("no Kallglot-Signature header on the request", reason="missing_header")
    if isinstance(header, bytes):
        try:
            header = header.decode("ascii")
        except UnicodeDecodeError:
            raise WebhookSignatureError("the header is not ASCII", reason="malformed_header") from None
    timestamp: int | None = None
    signatures: list[str] = []
    for index, part in enumerate(header.split(",")):
        key, sep, value = part.strip().partition("=")
        if not sep:
            raise WebhookSignatureError(f"part {index + 1} has no '='", reason="malformed_header")
        if key == "t":
            # isdecimal() alone would accept non-ASCII digits that int() happily converts.
            if (
                timestamp is not None
                or not (value.isascii() and value.isdecimal())
                or len(value) > _MAX_TIMESTAMP_DIGITS
            ):
                raise WebhookSignatureError("'t' must appear once, as unix seconds", reason="malformed_header")
            timestamp = int(value)
        elif key == "v1":
            signatures.append(value)
        # Other schemes (v0, a future v2) are ignored so that a new scheme alongside v1 does not break receivers.
    if timestamp is None:
        raise WebhookSignatureError("the header has no 't=<unix seconds>'", reason="missing_timestamp")
    if not signatures:
        raise WebhookSignatureError("the header has no 'v1=<hex>'", reason="missing_signature", timestamp=timestamp)
    return timestamp, signatures


def check_tolerance(tolerance: object) -> None:
    """``ValueError`` unless ``tolerance`` is a finite number of seconds >= 0 or ``None``."""
    if tolerance is not None and (
        isinstance(tolerance, bool)
        or not isinstance(tolerance, int | float)
        or not math.isfinite(tolerance)
        or tolerance < 0
    ):
        # NaN compares false with everything, so it would silently turn the replay check off.
        raise ValueError(
            f"tolerance must be a finite number of seconds >= 0, or None to disable the check; got {tolerance!r}"
        )


def verify(
    raw_body: RawBody,
    signature_header: str | bytes | None,
    secret: Secrets | None = None,
    *,
    tolerance: float | None = DEFAULT_TOLERANCE,
) -> None:
    """Check that ``raw_body`` was signed by Kallglot with ``secret``; raise :class:`WebhookSignatureError` if not.

    ``raw_body`` must be the bytes as received (a ``str`` raises ``TypeError``). Any ``v1`` value in the header
    may match (several appear while a secret rotates); each is compared in constant time. ``secret`` may be a
    list of secrets (any one may have signed), and ``None`` reads ``$KALLGLOT_WEBHOOK_SECRET``. A wrong secret and a
    changed body cannot be told apart (both are ``no_matching_signature``). The signature is checked before the
    timestamp, so ``timestamp_outside_tolerance`` means an authentic but stale (replayed) or future-dated
    delivery, usually a skewed clock. ``tolerance`` is in seconds on either side of now, finite and >= 0;
    ``None`` disables it.
    """
    body = _body_bytes(raw_body)
    keys = resolve_secrets(secret)
    check_tolerance(tolerance)
    timestamp, signatures = _parse_header(signature_header)
    candidates = [candidate.encode("utf-8", "replace") for candidate in signatures]
    # No short-circuit: every pair is compared, so timing reveals neither which one matched nor how far.
    matched = False
    for key in keys:
        expected = compute_signature(timestamp, body, key).encode("ascii")
        for candidate in candidates:
            matched |= hmac.compare_digest(expected, candidate)
    if not matched:
        raise WebhookSignatureError(
            "no v1 signature matches: the secret is wrong (or was rotated) or the body was changed; "
            "verify the raw request bytes, never re-serialised JSON",
            reason="no_matching_signature",
            timestamp=timestamp,
        )
    if tolerance is not None:
        skew = _now() - timestamp
        if abs(skew) > tolerance:
            when = "old" if skew > 0 else "in the future"
            raise WebhookSignatureError(
                f"the signature timestamp {timestamp} is {abs(skew):.0f} s {when}, outside the {tolerance:g} s "
                "tolerance (a replay, or a skewed clock)",
                reason="timestamp_outside_tolerance",
                timestamp=timestamp,
            )
