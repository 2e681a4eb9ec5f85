"""Request checks, exactly as strict as ``openapi/kallglot.yaml``: types and enums, unknown fields ignored.

Unreadable input (malformed JSON, a body that is not an object, a bad query parameter) is a 400
``invalid_request``; a readable body whose fields break the schema is a 422 ``validation_error`` naming the
field in ``param``. Positive examples generated from the spec are therefore always accepted.
"""

from __future__ import annotations

from typing import Any

from .._wire import loads
from ._errors import ApiError

SESSION_MODES = ("bidirectional_translation", "assistive_translation", "ai_agent", "help_chat_voice")
ANALYSIS_COMPONENTS = ("summary", "sentiment", "compliance", "keywords", "performance")
END_REASONS = ("completed", "customer_hangup", "agent_hangup", "error", "timeout")
RECORDING_CHANNELS = ("agent", "customer", "mixed")

# A shape mirrors the request schema: a dict is an object (its "required" entry lists required fields), a tuple
# an enum, a one-item list an array of that shape, a string a JSON type ("string-map": object of strings).
_Shape = dict[str, Any]
_SIP: _Shape = {"from_uri": "string", "headers": "string-map"}
_ROUTING: _Shape = {
    "phone_number": "string", "connection_id": "string", "type": "string", "sip": _SIP,
    "direction": ("inbound", "outbound"),
}  # fmt: skip
_CREATE_SESSION: _Shape = {
    "mode": SESSION_MODES,
    "source_language": "string",
    "target_language": "string",
    "routing": _ROUTING,
    "audio": {"encoding": "string", "sample_rate_hz": "integer", "channels": "integer"},
    "recording": {"enabled": "boolean", "channels": "string"},
    "ai_agent": {
        "system_prompt": "string",
        "voice": "string",
        "temperature": "number",
        "knowledge_base_id": "string",
        "tools": [{"required": ("name",), "name": "string", "description": "string", "parameters": "object"}],
    },
    "metadata": "object",
}
_CREATE_ANALYSIS: _Shape = {"profile": "string", "include": [ANALYSIS_COMPONENTS]}
_END_SESSION: _Shape = {"reason": END_REASONS}


def json_body(raw: bytes, *, required: bool) -> dict[str, Any]:
    """The request body as a JSON object (``{}`` when optional and empty)."""
    if not raw.strip():
        if required:
            raise ApiError(400, "A JSON request body is required.", code="invalid_request")
        return {}
    try:
        # Strict: NaN/Infinity, invalid UTF-8 and nesting too deep to decode are all a 400, never a 500.
        body = loads(raw)
    except ValueError:
        raise ApiError(400, "The request body is not valid JSON.", code="invalid_request") from None
    if not isinstance(body, dict):
        raise ApiError(400, "The request body must be a JSON object.", code="invalid_request")
    return body


def create_session_body(raw: bytes) -> dict[str, Any]:
    body = json_body(raw, required=True)
    if "mode" not in body:
        raise ApiError(422, "The 'mode' field is required.", code="invalid_request", param="mode")
    _check(body, _CREATE_SESSION, "")
    return body


def create_analysis_body(raw: bytes) -> tuple[str, list[str]]:
    body = json_body(raw, required=False)
    _check(body, _CREATE_ANALYSIS, "")
    include = body.get("include", [])
    return body.get("profile", "default"), list(include)


def end_session_body(raw: bytes) -> str | None:
    body = json_body(raw, required=False)
    _check(body, _END_SESSION, "")
    reason = body.get("reason")
    return reason if isinstance(reason, str) else None


def page_params(query: dict[str, str]) -> tuple[int, str | None, str | None]:
    """``limit`` (1-100, default 20), ``starting_after`` and ``ending_before`` (at most one of the two)."""
    raw_limit = query.get("limit", "20")
    try:
        limit = int(raw_limit)
    except ValueError:
        limit = 0
    if not 1 <= limit <= 100:
        raise ApiError(400, "'limit' must be an integer from 1 to 100.", code="invalid_request", param="limit")
    after, before = query.get("starting_after"), query.get("ending_before")
    if after is not None and before is not None:
        raise ApiError(400, "Pass only one of 'starting_after' and 'ending_before'.", param="ending_before")
    return limit, after, before


def _check(body: dict[str, Any], shape: _Shape, prefix: str) -> None:
    for name in shape.get("required", ()):
        if name not in body:
            raise ApiError(422, f"The '{prefix + name}' field is required.", param=prefix + name)
    for name, expected in shape.items():
        if name != "required" and name in body:
            _check_value(body[name], expected, prefix + name)


def _check_value(value: Any, expected: Any, param: str) -> None:
    if isinstance(expected, dict):
        if not isinstance(value, dict):
            raise _invalid(param, "an object")
        _check(value, expected, param + ".")
    elif isinstance(expected, list):
        if not isinstance(value, list):
            raise _invalid(param, "an array")
        for index, item in enumerate(value):
            _check_value(item, expected[0], f"{param}[{index}]")
    elif isinstance(expected, tuple):
        if value not in expected:
            raise _invalid(param, f"one of {', '.join(expected)}")
    elif not _is(value, expected):
        raise _invalid(param, expected.replace("-", " "))


def _is(value: Any, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "integer":
        # JSON Schema counts 2.0 as an integer too.
        whole = isinstance(value, float) and value.is_integer()
        return whole or (isinstance(value, int) and not isinstance(value, bool))
    if expected == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected == "object":
        return isinstance(value, dict)
    if expected == "string-map":
        return isinstance(value, dict) and all(isinstance(item, str) for item in value.values())
    raise AssertionError(expected)


def _invalid(param: str, expected: str) -> ApiError:
    code = "invalid_mode" if param == "mode" else "invalid_parameter"
    return ApiError(422, f"The '{param}' field must be {expected}.", code=code, param=param)
