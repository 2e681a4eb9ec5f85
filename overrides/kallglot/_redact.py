"""The one place secrets are found and replaced in text: logs, exception messages, reprs and recordings.

API keys (``sk_live_…``, ``sk_test_…``), stream tokens (``kst_…``) and ``token=`` / ``api_key=`` query values.
One character class for all of them, wide enough for any URL-safe or percent-encoded token, so a secret that
one channel would catch is never let through by another.
"""

from __future__ import annotations

import re

__all__ = ["REDACTED", "SECRET_HEADERS", "SECRET_QUERY_PARAMETERS", "redact"]

REDACTED = "[REDACTED]"
SECRET_QUERY_PARAMETERS = ("token", "api_key")
# Headers whose whole value is a credential: logs show them as REDACTED, kept requests and recordings drop them.
SECRET_HEADERS = frozenset({"authorization", "x-api-key", "proxy-authorization", "cookie", "set-cookie"})

_TOKEN_CHARS = r"[A-Za-z0-9_.~%+/=\-]+"
_QUERY_RE = re.compile(r"(?:(?<=token=)|(?<=api_key=))[^&\s#'\"]+")
_PREFIXED_RE = re.compile(rf"\b(sk_live|sk_test|kst)_{_TOKEN_CHARS}")


def redact(text: str, *, placeholder: str = REDACTED, keep_prefix: bool = True) -> str:
    """``text`` with every API key, stream token and secret query value replaced by ``placeholder``.

    With ``keep_prefix`` a prefixed secret keeps its kind (``kst_[REDACTED]``), which tells a reader of a log
    line what was there; recordings pass ``keep_prefix=False`` so no ``kst_`` string survives a secret scan.
    """
    text = _QUERY_RE.sub(placeholder, text)
    if keep_prefix:
        return _PREFIXED_RE.sub(lambda m: f"{m.group(1)}_{placeholder}", text)
    return _PREFIXED_RE.sub(placeholder, text)
