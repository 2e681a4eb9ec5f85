"""Plain-dict forms of the nested request objects, for type checkers.

``client.sessions.create(routing={...}, audio={...}, recording={...}, ai_agent={...})`` accepts either the
model (``kallglot.SessionRouting``) or a dict typed by these ``TypedDict``s, so ``mypy`` rejects a misspelt
key such as ``{"phone": ...}``. They are generated from ``openapi/kallglot.yaml``; at run time an unknown
key raises ``ValueError`` naming the valid keys, before anything is sent. ``metadata`` stays a free-form
``Mapping[str, Any]``.

``RequestOptions`` types the keyword arguments every call takes (``timeout``, ``extra_headers``,
``extra_query``) and ``BodyRequestOptions`` adds ``extra_body`` for calls that send a body, so a wrapper can
pass them on typed: ``def fetch(id: str, **options: Unpack[RequestOptions]) -> Session``.
"""

from __future__ import annotations

from kallglot_api.operations.sessions.create_session import (
    AgentToolParam,
    AiAgentConfigParam,
    AudioSettingsParam,
    RecordingSettingsParam,
    SessionRoutingParam,
    SipRoutingParam,
)

from ._request_spec import BodyRequestOptions, RequestOptions

__all__ = [
    "AgentToolParam",
    "AiAgentConfigParam",
    "AudioSettingsParam",
    "BodyRequestOptions",
    "RecordingSettingsParam",
    "RequestOptions",
    "SessionRoutingParam",
    "SipRoutingParam",
]
