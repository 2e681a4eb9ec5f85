"""kallglot.testing's VCR.py settings: what they redact, what they keep, and how they match requests."""

from __future__ import annotations

import json
from typing import Any

import pytest
from vcr.request import Request

from kallglot.testing import REDACTED, before_record_request, before_record_response, cassette_options, json_body

KEY = "sk_live_4eC39HqLyjWDarjtT1zdp7dc"
TOKEN = "kst_abc123DEF456"


def _request(body: Any = None, uri: str = "https://api.kallglot.com/v1/sessions", **headers: str) -> Request:
    return Request("POST", uri, body, headers)


def test_request_headers_query_and_body_are_redacted() -> None:
    body = json.dumps({"note": f"key {KEY}", "stream": {"token": TOKEN}, "mode": "bidirectional_translation"})
    request = _request(
        body.encode(), "https://api.kallglot.com/v1/sessions?token=" + TOKEN + "&limit=2",
        Authorization=f"Bearer {KEY}", **{"X-API-Key": KEY, "Idempotency-Key": "order-1"},
    )  # fmt: skip
    cleaned = before_record_request(request)
    assert cleaned.headers["Authorization"] == REDACTED
    assert cleaned.headers["X-API-Key"] == REDACTED
    assert cleaned.headers["Idempotency-Key"] == "order-1"
    assert cleaned.query == [("limit", "2"), ("token", REDACTED)]
    assert json.loads(cleaned.body) == {
        "note": f"key {REDACTED}", "stream": {"token": REDACTED}, "mode": "bidirectional_translation",
    }  # fmt: skip


def test_binary_bodies_pass_untouched() -> None:
    audio = b"RIFF\xff\xfe" + b"sk_live_" + bytes(range(256))
    assert before_record_request(_request(audio)).body == audio


def test_response_tokens_and_locations_are_redacted() -> None:
    body = {"id": "sess_1", "stream": {"url": "wss://stream.kallglot.com/v1/sessions/sess_1", "token": TOKEN}}
    response = {
        "status": {"code": 201, "message": "Created"},
        "headers": {"Location": [f"https://files.example/a.wav?token={TOKEN}&sig=1"], "X-Request-ID": ["req_1"]},
        "body": {"string": json.dumps(body).encode()},
    }
    cleaned = before_record_response(response)
    assert json.loads(cleaned["body"]["string"])["stream"] == {"url": body["stream"]["url"], "token": REDACTED}
    assert cleaned["headers"]["Location"] == [f"https://files.example/a.wav?token={REDACTED}&sig=1"]
    assert cleaned["headers"]["X-Request-ID"] == ["req_1"]


def test_json_bodies_match_regardless_of_key_order_and_spacing() -> None:
    json_body(_request(b'{"a": 1, "b": [1, 2]}'), _request('{"b":[1,2],"a":1}'))
    json_body(_request(None), _request(b""))
    with pytest.raises(AssertionError, match="bodies differ"):
        json_body(_request(b'{"a": 1}'), _request(b'{"a": 2}'))
    with pytest.raises(AssertionError):
        json_body(_request(b"\x00\x01"), _request(b"\x00\x02"))


def test_options_match_on_method_path_query_and_body() -> None:
    options = cassette_options(record_mode="once")
    assert options["match_on"] == ("method", "path", "query", "kallglot_json_body")
    assert options["record_mode"] == "once"
