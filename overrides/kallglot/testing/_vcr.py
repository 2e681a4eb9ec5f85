"""VCR.py settings that keep secrets out of cassettes and match requests the way the API reads them.

Filtering happens in ``before_record_request``/``before_record_response``, which VCR.py also applies to a live
request before matching it against a cassette, so a scrubbed cassette still matches the unscrubbed request.
"""

from __future__ import annotations

import json
from typing import Any, Protocol
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from .._redact import SECRET_HEADERS, SECRET_QUERY_PARAMETERS, redact

REDACTED = "REDACTED"
JSON_BODY_MATCHER = "kallglot_json_body"
MATCH_ON = ("method", "path", "query", JSON_BODY_MATCHER)


class _Matchable(Protocol):
    body: Any


class _Registry(Protocol):
    def register_matcher(self, name: str, matcher: Any) -> None: ...


def scrub(text: str) -> str:
    """``text`` with every API key and stream token replaced by ``REDACTED``."""
    return redact(text, placeholder=REDACTED, keep_prefix=False)


def _scrub_body(body: Any) -> Any:
    if isinstance(body, (bytes, bytearray)):
        raw = bytes(body)
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            return body  # audio and other binary payloads carry no text secrets
        cleaned = scrub(text)
        return raw if cleaned == text else cleaned.encode("utf-8")
    if isinstance(body, str):
        return scrub(body)
    return body


def _scrub_url(url: str) -> str:
    parts = urlsplit(url)
    if not parts.query:
        return scrub(url)
    pairs = [
        (name, REDACTED if name.lower() in SECRET_QUERY_PARAMETERS else value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return scrub(urlunsplit(parts._replace(query=urlencode(pairs))))


def before_record_request(request: Any) -> Any:
    """Redact secret headers, secret query parameters and secret values in the body of a VCR.py request."""
    for name in list(request.headers):
        if name.lower() in SECRET_HEADERS:
            request.headers[name] = REDACTED
    request.uri = _scrub_url(request.uri)
    request.body = _scrub_body(request.body)
    return request


def before_record_response(response: dict[str, Any]) -> dict[str, Any]:
    """Redact secret headers and secret values (stream tokens in session bodies) of a recorded response."""
    headers: dict[str, Any] = response.get("headers") or {}
    for name in list(headers):
        if name.lower() in SECRET_HEADERS:
            headers[name] = [REDACTED]
        elif name.lower() == "location":
            headers[name] = [_scrub_url(value) for value in headers[name]]
    body = response.get("body") or {}
    if "string" in body:
        body["string"] = _scrub_body(body["string"])
    return response


def _json_or_bytes(body: Any) -> Any:
    if body is None or body in (b"", ""):
        return None
    raw = body.encode("utf-8") if isinstance(body, str) else bytes(body)
    try:
        return json.loads(raw)
    except ValueError:
        return raw


def json_body(r1: _Matchable, r2: _Matchable) -> None:
    """VCR.py matcher: bodies equal as JSON values (key order and spacing ignored), else byte for byte.

    Raises ``AssertionError`` with the difference, which VCR.py reports when nothing in a cassette matches.
    """
    first, second = _json_or_bytes(r1.body), _json_or_bytes(r2.body)
    assert first == second, f"bodies differ: {first!r} != {second!r}"


def register_matchers(vcr: _Registry) -> None:
    """Register the matchers ``cassette_options()`` names on a ``vcr.VCR`` (the pytest plugin does this for you)."""
    vcr.register_matcher(JSON_BODY_MATCHER, json_body)


def cassette_options(**overrides: Any) -> dict[str, Any]:
    """Keyword arguments for ``vcr.VCR``/``use_cassette`` that keep keys and tokens out of cassettes.

    Requests match on method, path, query and JSON body, so cassettes recorded against ``kallglot.mock`` on any
    port, or against the real API, replay against any base URL. ``overrides`` replace single settings.
    """
    config: dict[str, Any] = {
        "before_record_request": before_record_request,
        "before_record_response": before_record_response,
        "match_on": MATCH_ON,
        "decode_compressed_response": True,
    }
    config.update(overrides)
    return config
